"""Tracing: the serial-form index of the marking search, and ITI tracing requests.

SerialForm rows are written by database triggers only (see tracing/index.py), never by Python code, so that every
way an item or a marking reaches the database (services, bulk loads, imports) keeps the search index in step.
"""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from armstrace.registry.models import FirearmType, Item
from armstrace.tracing.status import TracingStatus


class SerialForm(models.Model):
    """One distinct serial form of an item: its own serial number, or a serial / re-mark marking.

    Maintained by triggers on registry_item and registry_marking. `make_key` is the item's make id (0 when
    unknown), copied here so that the fuzzy keys can be looked up per make. The SQLite FTS5 table and the
    PostgreSQL pg_trgm index of the partial search, and the deletion keys of the fuzzy search, hang off this table.
    """

    item = models.ForeignKey(Item, on_delete=models.DO_NOTHING, db_constraint=False, related_name="+")
    make_key = models.BigIntegerField(default=0)
    normalized = models.CharField(max_length=200)
    folded = models.CharField(max_length=200)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["item", "folded"], name="tracing_unique_form_per_item")]
        indexes = [models.Index(fields=["make_key", "folded"], name="tracing_form_make_folded")]

    def __str__(self):
        return self.normalized


class RequestStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    SENT = "sent", _("Sent")
    ACKNOWLEDGED = "acknowledged", _("Acknowledged")
    ANSWERED = "answered", _("Answered")
    CLOSED = "closed", _("Closed")


class TracingRequest(models.Model):
    """A tracing request under the International Tracing Instrument (ITI, sections 14-21).

    Outgoing: this State asks the country of manufacture or of last import. Incoming: a foreign authority asks us;
    for an incoming request "sent" means received, and the answer is ours.
    """

    class Direction(models.TextChoices):
        OUTGOING = "outgoing", _("Outgoing (we ask a foreign State)")
        INCOMING = "incoming", _("Incoming (a foreign State asks us)")

    reference = models.CharField(_("reference"), max_length=40, unique=True, blank=True)
    direction = models.CharField(_("direction"), max_length=10, choices=Direction.choices, default=Direction.OUTGOING)
    item = models.ForeignKey(Item, on_delete=models.PROTECT, null=True, blank=True, related_name="tracing_requests",
                             verbose_name=_("item"))
    counterpart_country = models.CharField(_("counterpart country"), max_length=3)
    counterpart_authority = models.CharField(_("counterpart authority"), max_length=200, blank=True)
    counterpart_reference = models.CharField(_("counterpart's reference"), max_length=80, blank=True)

    # What identifies the weapon (ITI section 17 a).
    identifying_marks = models.TextField(_("identifying marks"), help_text=_("Serial number and every other marking, as read."))
    serial_number = models.CharField(_("serial number"), max_length=64, blank=True)
    firearm_type = models.CharField(_("type"), max_length=20, choices=FirearmType.choices, blank=True)
    calibre = models.CharField(_("calibre"), max_length=80, blank=True)
    make = models.CharField(_("make"), max_length=120, blank=True)
    model = models.CharField(_("model"), max_length=120, blank=True)
    country_of_manufacture = models.CharField(_("country of manufacture"), max_length=3, blank=True)
    country_of_import = models.CharField(_("country of last import"), max_length=3, blank=True)

    # Why and for what (ITI section 17 b-d).
    reason_illicit = models.TextField(_("reason the item is considered illicit"))
    circumstances_of_recovery = models.TextField(_("circumstances of recovery"), blank=True)
    intended_use = models.TextField(_("intended use of the information"))
    requesting_authority = models.CharField(_("requesting authority"), max_length=200)
    point_of_contact = models.CharField(_("point of contact"), max_length=200)

    status = models.CharField(_("status"), max_length=12, choices=RequestStatus.choices, default=RequestStatus.DRAFT)
    created_at = models.DateTimeField(_("created at"), default=timezone.now)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True,
                                   related_name="+")
    sent_at = models.DateTimeField(_("sent or received at"), null=True, blank=True)
    acknowledged_at = models.DateTimeField(_("acknowledged at"), null=True, blank=True)
    answered_at = models.DateTimeField(_("answered at"), null=True, blank=True)
    closed_at = models.DateTimeField(_("closed at"), null=True, blank=True)
    due_date = models.DateField(_("answer due by"), null=True, blank=True)

    outcome = models.CharField(_("outcome"), max_length=32, choices=TracingStatus.choices, blank=True)
    answer = models.JSONField(_("answer"), default=dict, blank=True)
    closing_note = models.TextField(_("closing note"), blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        indexes = [models.Index(fields=["status", "due_date"])]
        verbose_name = _("tracing request")

    def __str__(self):
        return self.reference or f"#{self.pk}"

    @property
    def is_open(self):
        return self.status in (RequestStatus.SENT, RequestStatus.ACKNOWLEDGED)

    def is_overdue(self, today=None):
        today = today or timezone.localdate()
        return self.is_open and self.due_date is not None and self.due_date < today
