"""Stored consignments with their content lines and score, and the officers' inspection outcomes."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from armstrace.screening.consignment import CATEGORIES, MAIL_CLASSES
from armstrace.screening.ruleset import BANDS

BAND_LABELS = {"release": _("Release"), "document_check": _("Document check"), "xray": _("X-ray"),
               "physical_inspection": _("Physical inspection")}
MAIL_CLASS_LABELS = {"letter": _("Letter"), "parcel": _("Parcel"), "ems": _("EMS"), "express": _("Express")}
CATEGORY_LABELS = {"gift": _("Gift"), "documents": _("Documents"), "commercial_sample": _("Commercial sample"),
                   "sale_of_goods": _("Sale of goods"), "returned_goods": _("Returned goods"), "other": _("Other")}


class Consignment(models.Model):
    consignment_id = models.CharField(_("consignment id"), max_length=64, unique=True)
    operator = models.CharField(_("operator"), max_length=120)
    mail_class = models.CharField(_("mail class"), max_length=10, choices=[(m, MAIL_CLASS_LABELS[m]) for m in MAIL_CLASSES])
    tracking_id = models.CharField(_("tracking id"), max_length=64, db_index=True)
    accepted_at = models.DateTimeField(_("accepted at"), db_index=True)
    sender_name = models.CharField(_("sender"), max_length=200)
    sender_address = models.CharField(_("sender address"), max_length=300, blank=True)
    sender_country = models.CharField(_("sender country"), max_length=3)
    addressee_name = models.CharField(_("addressee"), max_length=200)
    addressee_address = models.CharField(_("addressee address"), max_length=300)
    addressee_phone = models.CharField(_("addressee phone"), max_length=40, blank=True)
    addressee_country = models.CharField(_("addressee country"), max_length=3)
    route = models.CharField(_("route"), max_length=200, help_text=_("alpha-3 codes joined by >, origin first"))
    category = models.CharField(_("category"), max_length=20, choices=[(c, CATEGORY_LABELS[c]) for c in CATEGORIES])
    declared_weight_kg = models.FloatField(_("declared weight (kg)"))
    measured_weight_kg = models.FloatField(_("measured weight (kg)"), null=True, blank=True)
    # folded party keys for the velocity rules (armstrace.screening.parties)
    sender_key = models.CharField(max_length=500, db_index=True)
    addressee_key = models.CharField(max_length=500, db_index=True)
    phone_key = models.CharField(max_length=20, blank=True, db_index=True)
    risk_score = models.FloatField(_("risk score"), db_index=True)
    band = models.CharField(_("band"), max_length=20, choices=[(b, BAND_LABELS[b]) for b in BANDS])
    reasons = models.JSONField(_("reasons"), default=list)  # [{"rule", "weight", "explanation", "detail"}]
    scored_at = models.DateTimeField(_("scored at"), auto_now_add=True)

    class Meta:
        ordering = ["-risk_score", "accepted_at"]
        indexes = [models.Index(fields=["band", "-risk_score"], name="screening_queue")]

    def __str__(self):
        return f"{self.consignment_id} ({self.tracking_id})"

    @property
    def route_codes(self):
        return self.route.split(">") if self.route else []


class ContentLine(models.Model):
    consignment = models.ForeignKey(Consignment, on_delete=models.CASCADE, related_name="lines")
    position = models.PositiveIntegerField()
    description = models.CharField(_("description"), max_length=300)
    hs_code = models.CharField(_("HS code"), max_length=10, blank=True)
    quantity = models.PositiveIntegerField(_("quantity"))
    value = models.FloatField(_("value"))
    currency = models.CharField(_("currency"), max_length=3)

    class Meta:
        ordering = ["position"]
        constraints = [models.UniqueConstraint(fields=["consignment", "position"], name="screening_line_position")]


class Inspection(models.Model):
    """What an officer found on opening or X-raying a consignment (appended, never edited)."""

    class Outcome(models.TextChoices):
        NOTHING = "nothing", _("Nothing found")
        FIREARM = "firearm", _("Firearm")
        PARTS = "parts", _("Parts")
        AMMUNITION = "ammunition", _("Ammunition")
        OTHER = "other", _("Other contraband")

    consignment = models.ForeignKey(Consignment, on_delete=models.PROTECT, related_name="inspections")
    outcome = models.CharField(_("outcome"), max_length=20, choices=Outcome.choices)
    notes = models.TextField(_("notes"), blank=True)
    officer = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True)
    recorded_at = models.DateTimeField(_("recorded at"), auto_now_add=True)

    class Meta:
        ordering = ["recorded_at"]
