"""Transfers: export, import and transit authorizations (Firearms Protocol art. 10), shipments drawn down
against them, the importer's confirmation of receipt, and brokers' registrations.

Only armstrace.transfers.services writes these tables.
"""

from django.conf import settings
from django.db import models
from django.db.models import Sum
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class BrokerRegistration(models.Model):
    """The registration of a broker (a registry Party of kind broker)."""

    class Status(models.TextChoices):
        VALID = "valid", _("Valid")
        SUSPENDED = "suspended", _("Suspended")
        REVOKED = "revoked", _("Revoked")

    party = models.ForeignKey(
        "registry.Party", on_delete=models.PROTECT, related_name="broker_registrations", verbose_name=_("broker")
    )
    number = models.CharField(_("registration number"), max_length=64, unique=True)
    issued_on = models.DateField(_("issued on"))
    valid_until = models.DateField(_("valid until"), null=True, blank=True)
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.VALID)
    activities = models.CharField(_("brokering activities"), max_length=300, blank=True)

    class Meta:
        ordering = ["-issued_on", "-id"]
        verbose_name = _("broker registration")

    def __str__(self):
        return f"{self.party} ({self.number})"

    def valid_on(self, day):
        return (self.status == self.Status.VALID and self.issued_on <= day
                and (self.valid_until is None or day <= self.valid_until))


class Authorization(models.Model):
    """An export, import or transit authorization with the content required by art. 10(3)."""

    class Kind(models.TextChoices):
        EXPORT = "export", _("Export")
        IMPORT = "import", _("Import")
        TRANSIT = "transit", _("Transit")

    class Status(models.TextChoices):
        VALID = "valid", _("Valid")
        REVOKED = "revoked", _("Revoked")

    kind = models.CharField(_("kind"), max_length=8, choices=Kind.choices)
    number = models.CharField(_("authorization number"), max_length=64, unique=True)
    place_of_issue = models.CharField(_("place of issue"), max_length=200)
    issued_on = models.DateField(_("date of issue"))
    expires_on = models.DateField(_("date of expiry"))
    export_country = models.CharField(_("country of export"), max_length=3)
    import_country = models.CharField(_("country of import"), max_length=3)
    transit_countries = models.JSONField(_("countries of transit"), default=list, blank=True)
    final_recipient = models.CharField(_("final recipient"), max_length=200)
    final_recipient_party = models.ForeignKey(
        "registry.Party", on_delete=models.PROTECT, null=True, blank=True, related_name="+",
        verbose_name=_("final recipient (registered holder)"),
    )
    exporter = models.CharField(_("exporter"), max_length=200, blank=True)
    importer = models.CharField(_("importer"), max_length=200, blank=True)
    importer_party = models.ForeignKey(
        "registry.Party", on_delete=models.PROTECT, null=True, blank=True, related_name="+",
        verbose_name=_("importer (registered holder)"),
    )
    broker = models.ForeignKey(
        "registry.Party", on_delete=models.PROTECT, null=True, blank=True, related_name="brokered_authorizations",
        verbose_name=_("broker"),
    )
    status = models.CharField(_("status"), max_length=8, choices=Status.choices, default=Status.VALID)
    notes = models.TextField(_("notes"), blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now, editable=False)

    class Meta:
        ordering = ["-issued_on", "-id"]
        verbose_name = _("authorization")

    def __str__(self):
        return f"{self.get_kind_display()} {self.number}"

    def get_absolute_url(self):
        from django.urls import reverse

        return reverse("transfers:authorization", args=[self.pk])

    def is_expired(self, day=None):
        return (day or timezone.localdate()) > self.expires_on

    @property
    def quantity_authorized(self):
        return sum(line.quantity for line in self.lines.all())

    @property
    def quantity_shipped(self):
        return sum(line.shipped for line in self.lines.all())

    @property
    def quantity_remaining(self):
        return self.quantity_authorized - self.quantity_shipped


class AuthorizationLine(models.Model):
    """Description and quantity of one kind of item the authorization covers."""

    authorization = models.ForeignKey(Authorization, on_delete=models.PROTECT, related_name="lines")
    category = models.CharField(_("category"), max_length=12, default="firearm",
                                choices=[("firearm", _("Firearm")), ("part", _("Part or component")),
                                         ("ammunition", _("Ammunition"))])
    firearm_type = models.CharField(_("type"), max_length=20, blank=True)
    calibre = models.ForeignKey("registry.Calibre", on_delete=models.PROTECT, null=True, blank=True,
                                verbose_name=_("calibre"))
    description = models.CharField(_("description"), max_length=300)
    quantity = models.PositiveIntegerField(_("quantity authorized"))

    class Meta:
        ordering = ["id"]
        verbose_name = _("authorization line")

    def __str__(self):
        return f"{self.description} × {self.quantity}"

    @property
    def shipped(self):
        return ShipmentLine.objects.filter(line=self).aggregate(n=Sum("quantity"))["n"] or 0

    @property
    def remaining(self):
        return self.quantity - self.shipped


class Shipment(models.Model):
    """Items or quantities that moved under an authorization."""

    authorization = models.ForeignKey(Authorization, on_delete=models.PROTECT, related_name="shipments")
    shipped_on = models.DateField(_("shipped on"))
    reference = models.CharField(_("reference (bill of lading, airway bill)"), max_length=120, blank=True)
    notes = models.TextField(_("notes"), blank=True)
    received_on = models.DateField(_("receipt confirmed on"), null=True, blank=True)
    received_by = models.CharField(_("receipt confirmed by"), max_length=200, blank=True)
    receipt_reference = models.CharField(_("confirmation reference"), max_length=120, blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now, editable=False)

    class Meta:
        ordering = ["-shipped_on", "-id"]
        verbose_name = _("shipment")

    def __str__(self):
        return f"{self.authorization.number} / {self.shipped_on:%Y-%m-%d}"

    @property
    def confirmed(self):
        return self.received_on is not None


class ShipmentLine(models.Model):
    shipment = models.ForeignKey(Shipment, on_delete=models.CASCADE, related_name="lines")
    line = models.ForeignKey(AuthorizationLine, on_delete=models.PROTECT, related_name="shipment_lines")
    quantity = models.PositiveIntegerField(_("quantity"))
    items = models.ManyToManyField("registry.Item", blank=True, related_name="shipment_lines")

    class Meta:
        ordering = ["id"]
