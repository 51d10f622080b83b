"""Stored consignments with their content lines and score, and the officers' inspection outcomes."""

import os
from pathlib import Path

from django.conf import settings
from django.core.files.storage import FileSystemStorage
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
    office = models.CharField(_("office"), max_length=80, blank=True, db_index=True)
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
        indexes = [models.Index(fields=["band", "-risk_score"], name="screening_queue"),
                   models.Index(fields=["office", "band", "-risk_score"], name="screening_office_queue"),
                   # the velocity windows: a party's parcels within days, however many it sent before
                   models.Index(fields=["sender_key", "accepted_at"], name="screening_sender_window"),
                   models.Index(fields=["addressee_key", "accepted_at"], name="screening_addressee_window"),
                   models.Index(fields=["phone_key", "accepted_at"], name="screening_phone_window")]

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


class RuleHit(models.Model):
    """A rule that fired on a stored consignment, written with it (and backfilled from `reasons` by migration
    0006), so that the feedback's per-rule statistics are aggregate queries rather than a read of every row."""

    consignment = models.ForeignKey(Consignment, on_delete=models.CASCADE, related_name="rule_hits")
    rule = models.CharField(_("rule"), max_length=64)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["rule", "consignment"], name="screening_rule_hit_once")]


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
    # the custody seizure case a finding opened (custody.services.record_case)
    case = models.ForeignKey("custody.SeizureCase", on_delete=models.PROTECT, null=True, blank=True,
                             related_name="screening_inspections", verbose_name=_("seizure case"))
    recorded_at = models.DateTimeField(_("recorded at"), auto_now_add=True)

    class Meta:
        ordering = ["recorded_at"]
        indexes = [models.Index(fields=["outcome"], name="screening_inspection_outcome")]  # the watch list's count


class RuleWeights(models.Model):
    """The rules' weights and switches in force, laid over the profile's rule set (appended, never edited: the
    latest row is in force). Written by an officer's edit or an approved suggestion of the feedback."""

    class Source(models.TextChoices):
        EDIT = "edit", _("Edited")
        REGRESSION = "regression", _("Approved suggestion (logistic regression)")

    rules = models.JSONField(_("rules"))  # {rule id: {"weight": w, "enabled": bool}}
    source = models.CharField(_("source"), max_length=12, choices=Source.choices)
    note = models.CharField(_("note"), max_length=300, blank=True)
    approved_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True,
                                    verbose_name=_("approved by"))
    approved_at = models.DateTimeField(_("approved at"), auto_now_add=True)

    class Meta:
        ordering = ["-pk"]


class _XrayStorage(FileSystemStorage):
    """Files under DATA_DIR/screening-xray, the directory read from the settings at each use."""

    @property
    def base_location(self):
        return str(Path(settings.DATA_DIR) / "screening-xray")

    @property
    def location(self):
        return os.path.abspath(self.base_location)


def _xray_storage():
    return _XrayStorage()


class XrayImage(models.Model):
    """An X-ray image of a consignment, stored as a file outside the database; the inspection whose outcome is
    recorded next carries it."""

    consignment = models.ForeignKey(Consignment, on_delete=models.PROTECT, related_name="xray_images")
    inspection = models.ForeignKey(Inspection, on_delete=models.PROTECT, null=True, blank=True,
                                   related_name="xray_images")
    file = models.FileField(_("file"), storage=_xray_storage, upload_to="%Y/%m/")
    name = models.CharField(_("name"), max_length=200)
    content_type = models.CharField(_("content type"), max_length=40)
    size = models.PositiveIntegerField(_("size (bytes)"))
    width = models.PositiveIntegerField(_("width"))
    height = models.PositiveIntegerField(_("height"))
    uploaded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True)
    uploaded_at = models.DateTimeField(_("uploaded at"), auto_now_add=True)

    class Meta:
        ordering = ["pk"]


XRAY_LABELS = {"firearm": _("Firearm"), "frame_receiver": _("Frame or receiver"), "barrel": _("Barrel"),
               "slide": _("Slide"), "magazine": _("Magazine"), "ammunition": _("Ammunition"), "other": _("Other")}


class XrayLabel(models.Model):
    """A labelled box on an X-ray image (pixels), drawn by an officer or suggested by the detection plug-in."""

    class Source(models.TextChoices):
        OFFICER = "officer", _("Officer")
        MODEL = "model", _("Detection model")

    image = models.ForeignKey(XrayImage, on_delete=models.CASCADE, related_name="labels")
    label = models.CharField(_("label"), max_length=20, choices=list(XRAY_LABELS.items()))
    x = models.FloatField()
    y = models.FloatField()
    width = models.FloatField()
    height = models.FloatField()
    source = models.CharField(_("source"), max_length=10, choices=Source.choices, default=Source.OFFICER)
    score = models.FloatField(_("model score"), null=True, blank=True)
    confirmed = models.BooleanField(_("confirmed"), default=True)  # a suggestion stays unconfirmed until an officer says
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        ordering = ["pk"]
