"""Registry models: reference data, parties and licences, items with markings, and the event log.

Item.status / current_holder / location are a projection of the item's events. Only
registry.services (and the services of other apps, through registry.eventlog) write them.
"""

import uuid

from django.conf import settings
from django.db import models, transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from armstrace.core import projections
from armstrace.registry.serials import fold_serial, normalize_serial


class FirearmType(models.TextChoices):
    """IAFQ firearm types, plus light weapons."""

    PISTOL = "pistol", _("Pistol")
    REVOLVER = "revolver", _("Revolver")
    RIFLE = "rifle", _("Rifle")
    SHOTGUN = "shotgun", _("Shotgun")
    SUBMACHINE_GUN = "submachine_gun", _("Submachine gun")
    MACHINE_GUN = "machine_gun", _("Machine gun")
    OTHER_FIREARM = "other_firearm", _("Other firearm")
    LIGHT_WEAPON = "light_weapon", _("Light weapon")


class Make(models.Model):
    name = models.CharField(_("name"), max_length=120, unique=True)
    country = models.CharField(_("country"), max_length=3, help_text=_("ISO 3166-1 alpha-3"))
    serial_patterns = models.JSONField(default=list, blank=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("make")

    def __str__(self):
        return self.name


class Calibre(models.Model):
    name = models.CharField(_("name"), max_length=80, unique=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("calibre")

    def __str__(self):
        return self.name


class FirearmModel(models.Model):
    make = models.ForeignKey(Make, on_delete=models.PROTECT, related_name="models", verbose_name=_("make"))
    name = models.CharField(_("name"), max_length=120)
    firearm_type = models.CharField(_("type"), max_length=20, choices=FirearmType.choices)
    calibre = models.ForeignKey(Calibre, on_delete=models.PROTECT, null=True, blank=True, verbose_name=_("calibre"))

    class Meta:
        ordering = ["make__name", "name"]
        constraints = [models.UniqueConstraint(fields=["make", "name"], name="unique_model_per_make")]
        verbose_name = _("model")

    def __str__(self):
        return f"{self.make.name} {self.name}"


class Party(models.Model):
    """A holder: natural person, dealer, manufacturer, broker, security company or State agency."""

    class Kind(models.TextChoices):
        PERSON = "person", _("Natural person")
        DEALER = "dealer", _("Dealer")
        MANUFACTURER = "manufacturer", _("Manufacturer")
        BROKER = "broker", _("Broker")
        SECURITY_COMPANY = "security_company", _("Private security company")
        STATE_AGENCY = "state_agency", _("State agency")

    uid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    name = models.CharField(_("name"), max_length=200)
    identifier = models.CharField(_("identity or registration number"), max_length=64, blank=True, db_index=True)
    nationality = models.CharField(_("nationality"), max_length=3, blank=True)
    date_of_birth = models.DateField(_("date of birth"), null=True, blank=True)
    address = models.TextField(_("address"), blank=True)
    country = models.CharField(_("country"), max_length=3, blank=True)
    created_at = models.DateTimeField(default=timezone.now, editable=False)

    class Meta:
        ordering = ["name"]
        verbose_name = _("party")
        verbose_name_plural = _("parties")

    def __str__(self):
        return self.name

    @property
    def is_state(self):
        return self.kind == self.Kind.STATE_AGENCY

    def save(self, *args, **kwargs):
        with transaction.atomic():  # with the projections that depend on the party (e.g. tracing.projection)
            super().save(*args, **kwargs)


class Licence(models.Model):
    class Status(models.TextChoices):
        VALID = "valid", _("Valid")
        SUSPENDED = "suspended", _("Suspended")
        REVOKED = "revoked", _("Revoked")
        EXPIRED = "expired", _("Expired")

    party = models.ForeignKey(Party, on_delete=models.PROTECT, related_name="licences", verbose_name=_("holder"))
    licence_type = models.CharField(_("licence type"), max_length=40)
    number = models.CharField(_("number"), max_length=64, unique=True)
    issued_by = models.CharField(_("issued by"), max_length=200, blank=True)
    valid_from = models.DateField(_("valid from"))
    valid_until = models.DateField(_("valid until"), null=True, blank=True)
    status = models.CharField(_("status"), max_length=12, choices=Status.choices, default=Status.VALID)

    class Meta:
        ordering = ["-valid_from"]
        verbose_name = _("licence")

    def __str__(self):
        return f"{self.licence_type} {self.number}"

    def save(self, *args, **kwargs):
        with transaction.atomic():  # with the projections that depend on the licence (e.g. tracing.projection)
            super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        with transaction.atomic():
            return super().delete(*args, **kwargs)

    def status_on(self, day):
        """The licence's status on `day`: a valid licence outside its dates counts as expired (or not yet valid)."""
        if self.status != self.Status.VALID:
            return self.status
        if day < self.valid_from or (self.valid_until and day > self.valid_until):
            return self.Status.EXPIRED
        return self.Status.VALID

    @property
    def effective_status(self):
        return self.status_on(timezone.localdate())

    @property
    def effective_status_display(self):
        return self.Status(self.effective_status).label


class ItemStatus(models.TextChoices):
    ACTIVE = "active", _("Legally held")
    LOST = "lost", _("Reported lost")
    STOLEN = "stolen", _("Reported stolen")
    FOUND = "found", _("Found")
    SURRENDERED = "surrendered", _("Surrendered")
    SEIZED = "seized", _("Seized")
    EXPORTED = "exported", _("Exported")
    DEACTIVATED = "deactivated", _("Deactivated")
    DESTROYED = "destroyed", _("Destroyed")
    ILLICIT = "illicit", _("Active, illicit")


class ManufactureMethod(models.TextChoices):
    """How an item was made or changed (Working Group on Firearms, 2024; UNODC's domestic sources of crime guns)."""

    FACTORY = "factory", _("Industrially manufactured")
    CRAFT = "craft", _("Craft or artisanal production")
    PRINTED = "3d_printed", _("3D-printed")
    CONVERTED = "converted", _("Converted")
    REACTIVATED = "reactivated", _("Reactivated")
    ASSEMBLED = "assembled", _("Assembled from parts")
    UNKNOWN = "unknown", _("Unknown")


class ConvertedFrom(models.TextChoices):
    ALARM_BLANK = "alarm_blank", _("Alarm or blank-firing weapon")
    GAS = "gas", _("Gas weapon")
    SIGNAL = "signal", _("Signal weapon")
    AIR = "air", _("Air weapon")
    SEMI_TO_FULL = "semi_to_full_auto", _("Semi-automatic to full-automatic")
    OTHER = "other", _("Other modification")


class PrintExtent(models.TextChoices):
    FULL = "full", _("Fully printed")
    ESSENTIAL_PARTS = "essential_parts", _("Printed essential parts")


def tracing_status_choices():
    """The IAFQ tracing statuses, given by the tracing app that keeps Item.tracing_status."""
    return projections.column_choices("tracing_status")


class Item(models.Model):
    """A firearm, an essential part or component, or an ammunition lot."""

    class Category(models.TextChoices):
        FIREARM = "firearm", _("Firearm")
        PART = "part", _("Part or component")
        AMMUNITION = "ammunition", _("Ammunition lot")
        ALARM_SIGNAL = "alarm_signal", _("Alarm, signal or gas weapon")
        BLUEPRINT = "blueprint", _("Blueprint file (digital evidence)")

    class PartKind(models.TextChoices):
        BARREL = "barrel", _("Barrel")
        FRAME_RECEIVER = "frame_receiver", _("Frame or receiver")
        SLIDE = "slide", _("Slide")
        BOLT_BREECH = "bolt_breech", _("Bolt or breech block")
        CYLINDER = "cylinder", _("Cylinder")

    uid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    category = models.CharField(_("category"), max_length=12, choices=Category.choices, default=Category.FIREARM)
    firearm_type = models.CharField(_("type"), max_length=20, choices=FirearmType.choices, blank=True)
    part_kind = models.CharField(_("part"), max_length=20, choices=PartKind.choices, blank=True)
    make = models.ForeignKey(Make, on_delete=models.PROTECT, null=True, blank=True, verbose_name=_("make"))
    model = models.ForeignKey(FirearmModel, on_delete=models.PROTECT, null=True, blank=True, verbose_name=_("model"))
    calibre = models.ForeignKey(Calibre, on_delete=models.PROTECT, null=True, blank=True, verbose_name=_("calibre"))
    serial_number = models.CharField(_("serial number"), max_length=64, blank=True)
    serial_normalized = models.CharField(max_length=64, blank=True, db_index=True, editable=False)
    serial_folded = models.CharField(max_length=64, blank=True, db_index=True, editable=False)
    country_of_manufacture = models.CharField(_("country of manufacture"), max_length=3, blank=True)
    year_of_manufacture = models.PositiveSmallIntegerField(_("year of manufacture"), null=True, blank=True)
    country_of_import = models.CharField(_("country of last import"), max_length=3, blank=True)
    parent = models.ForeignKey(
        "self", on_delete=models.PROTECT, null=True, blank=True, related_name="parts", verbose_name=_("fitted to")
    )
    lot_number = models.CharField(_("lot number"), max_length=64, blank=True)
    headstamp = models.CharField(_("headstamp"), max_length=64, blank=True)
    quantity = models.PositiveIntegerField(_("quantity"), null=True, blank=True)
    description = models.TextField(_("description"), blank=True)
    custom_fields = models.JSONField(_("national fields"), default=dict, blank=True)
    created_at = models.DateTimeField(default=timezone.now, editable=False)

    # Projection of the events (see registry.projection).
    status = models.CharField(_("status"), max_length=12, choices=ItemStatus.choices, default=ItemStatus.ACTIVE)
    current_holder = models.ForeignKey(
        Party, on_delete=models.PROTECT, null=True, blank=True, related_name="items", verbose_name=_("holder")
    )
    location = models.CharField(_("location"), max_length=200, blank=True)
    last_event_seq = models.BigIntegerField(default=0, editable=False)
    # Projection of tracing.finding.iafq_tracing_status(item), kept by the tracing app (tracing.projection,
    # registered in core.projections); NULL: not known.
    # (Nullable so that adding it is an ALTER TABLE ADD COLUMN on SQLite, which keeps the table's triggers.)
    tracing_status = models.CharField(_("IAFQ tracing status"), max_length=32, choices=tracing_status_choices,
                                      null=True, blank=True, db_index=True, editable=False)
    # The party whose licences that status checked (a seizure from the registered holder), if any.
    tracing_licence_holder = models.ForeignKey(Party, on_delete=models.DO_NOTHING, db_constraint=False, null=True,
                                               blank=True, editable=False, related_name="+")
    # Projection of the item's events (registry.methods): how it was made or changed, what is known of it (the
    # printed extent or what it was converted from, the material, the evidence), and the item it was converted or
    # reactivated from.
    manufacture_method = models.CharField(_("manufacture method"), max_length=16, choices=ManufactureMethod.choices,
                                          null=True, blank=True, db_index=True, editable=False)
    method_variant = models.CharField(_("printed or converted from"), max_length=20, null=True, blank=True,
                                      editable=False)
    method_material = models.CharField(_("material"), max_length=500, null=True, blank=True, editable=False)
    method_evidence = models.CharField(_("evidence of printing or conversion"), max_length=500, null=True,
                                       blank=True, editable=False)
    source_item = models.ForeignKey("self", on_delete=models.DO_NOTHING, db_constraint=False, null=True, blank=True,
                                    editable=False, related_name="derived_items", verbose_name=_("source item"))
    # The IAFQ condition (custody case lines, monitoring) that the method implies (registry.methods.IAFQ_CONDITION).
    iafq_condition = models.CharField(_("IAFQ condition"), max_length=20, null=True, blank=True, editable=False,
                                      db_index=True)

    class Meta:
        ordering = ["-id"]
        indexes = [models.Index(fields=["make", "serial_normalized"]), models.Index(fields=["status"])]
        verbose_name = _("item")

    def __str__(self):
        if self.category == self.Category.AMMUNITION:
            return f"{self.make or ''} {self.calibre or ''} lot {self.lot_number}".strip()
        name = " ".join(str(x) for x in (self.make, self.model.name if self.model else "") if x)
        return f"{name or self.get_category_display()} #{self.serial_number or '?'}"

    def save(self, *args, **kwargs):
        self.serial_normalized = normalize_serial(self.serial_number)
        self.serial_folded = fold_serial(self.serial_number)
        super().save(*args, **kwargs)


class Marking(models.Model):
    class Kind(models.TextChoices):
        MANUFACTURER = "manufacturer", _("Manufacturer mark")
        SERIAL = "serial", _("Serial number")
        IMPORT = "import", _("Import mark")
        PROOF = "proof", _("Proof mark")
        GOVERNMENT = "government", _("Government mark")
        REMARK = "remark", _("Re-mark")

    class State(models.TextChoices):
        INTACT = "intact", _("Intact")
        PARTIALLY_OBLITERATED = "partially_obliterated", _("Partially obliterated")
        OBLITERATED = "obliterated", _("Obliterated")
        RESTORED = "restored", _("Restored")

    item = models.ForeignKey(Item, on_delete=models.PROTECT, related_name="markings")
    kind = models.CharField(_("kind"), max_length=16, choices=Kind.choices)
    position = models.CharField(_("position on the item"), max_length=120, blank=True)
    text = models.CharField(_("text"), max_length=200, blank=True)
    normalized = models.CharField(max_length=200, blank=True, db_index=True, editable=False)
    folded = models.CharField(max_length=200, blank=True, db_index=True, editable=False)
    state = models.CharField(_("state"), max_length=24, choices=State.choices, default=State.INTACT)
    event = models.ForeignKey("Event", on_delete=models.PROTECT, null=True, related_name="markings")

    class Meta:
        ordering = ["id"]
        verbose_name = _("marking")

    def __str__(self):
        return f"{self.get_kind_display()}: {self.text}"

    def save(self, *args, **kwargs):
        self.normalized = normalize_serial(self.text)
        self.folded = fold_serial(self.text)
        super().save(*args, **kwargs)


class EventKind(models.TextChoices):
    MANUFACTURED = "manufactured", _("Manufactured")
    IMPORTED = "imported", _("Imported")
    EXPORTED = "exported", _("Exported")
    REGISTERED = "registered", _("Registered")
    TRANSFERRED = "transferred", _("Transferred")
    LOSS_REPORTED = "loss_reported", _("Loss reported")
    THEFT_REPORTED = "theft_reported", _("Theft reported")
    FOUND = "found", _("Found")
    SURRENDERED = "surrendered", _("Surrendered")
    SEIZED = "seized", _("Seized")
    DEACTIVATED = "deactivated", _("Deactivated")
    DESTROYED = "destroyed", _("Destroyed")
    MARKING_ADDED = "marking_added", _("Marking added")
    CORRECTION = "correction", _("Correction")
    CUSTODY_MOVED = "custody_moved", _("Custody movement")
    RETURNED_TO_OWNER = "returned_to_owner", _("Returned to owner")
    TRACE_RECORDED = "trace_recorded", _("Tracing result recorded")
    CONVERTED = "converted", _("Converted")
    REACTIVATED = "reactivated", _("Reactivated")
    # Holders and licences (registry.holders); `baseline` records a row that existed before they were events.
    PARTY_REGISTERED = "party_registered", _("Holder registered")
    PARTY_CHANGED = "party_changed", _("Holder changed")
    LICENCE_ISSUED = "licence_issued", _("Licence issued")
    LICENCE_CHANGED = "licence_changed", _("Licence changed")
    LICENCE_SUSPENDED = "licence_suspended", _("Licence suspended")
    LICENCE_REVOKED = "licence_revoked", _("Licence revoked")
    LICENCE_REINSTATED = "licence_reinstated", _("Licence reinstated")
    BASELINE = "baseline", _("Baseline of an existing record")


class Event(models.Model):
    """One append-only, hash-chained entry of the lifecycle log. Database triggers forbid UPDATE and DELETE."""

    seq = models.BigIntegerField(unique=True, editable=False)
    kind = models.CharField(_("kind"), max_length=32, choices=EventKind.choices)
    occurred_at = models.DateTimeField(_("occurred at"))
    recorded_at = models.DateTimeField(_("recorded at"))
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    recorded_by_name = models.CharField(_("recorded by"), max_length=150, blank=True)
    agency = models.CharField(_("agency"), max_length=32, blank=True)
    item = models.ForeignKey(Item, on_delete=models.PROTECT, null=True, blank=True, related_name="events")
    item_uid = models.CharField(max_length=36, blank=True, db_index=True)
    # The holder whose record (or licence) an event of registry.holders sets.
    party = models.ForeignKey(Party, on_delete=models.PROTECT, null=True, blank=True, related_name="events")
    payload = models.JSONField(default=dict)
    prev_hash = models.CharField(max_length=64)
    hash = models.CharField(max_length=64, unique=True)
    # Version of the hash formula the event was made with (registry.eventlog.event_body); events made before
    # version 2 keep 1.
    hash_formula = models.PositiveSmallIntegerField(default=2, editable=False)

    class Meta:
        ordering = ["seq"]
        indexes = [models.Index(fields=["kind", "occurred_at"]), models.Index(fields=["item", "seq"]),
                   # the event log's filters, each walked in seq order (registry.audit_views.keyset_page)
                   models.Index(fields=["kind", "seq"], name="event_kind_seq"),
                   models.Index(fields=["agency", "seq"], name="event_agency_seq"),
                   models.Index(fields=["recorded_by_name", "seq"], name="event_recorder_seq"),
                   models.Index(fields=["recorded_at"], name="event_recorded_at")]
        verbose_name = _("event")

    def __str__(self):
        return f"#{self.seq} {self.kind}"


class ImportJob(models.Model):
    """Progress of a CSV import, committed batch by batch so that an interrupted import can be resumed."""

    class Status(models.TextChoices):
        RUNNING = "running", _("Running")
        DONE = "done", _("Done")
        REJECTED = "rejected", _("Rejected")

    file_name = models.CharField(max_length=500)
    file_sha256 = models.CharField(max_length=64, db_index=True)
    total_rows = models.PositiveIntegerField(default=0)
    rows_done = models.PositiveIntegerField(default=0)
    last_line = models.PositiveIntegerField(default=0, help_text="last CSV line committed")
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.RUNNING)
    started_at = models.DateTimeField(default=timezone.now)
    finished_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-started_at"]


class Checkpoint(models.Model):
    """The chain head (seq, hash) at a time, signed with the installation's Ed25519 key (registry.checkpoints).
    Append-only: database triggers forbid UPDATE and DELETE."""

    seq = models.BigIntegerField(unique=True, editable=False)
    hash = models.CharField(max_length=64)
    signed_at = models.DateTimeField()
    key_id = models.CharField(max_length=64)
    signature = models.CharField(max_length=128)

    class Meta:
        ordering = ["seq"]
        verbose_name = _("checkpoint")

    def __str__(self):
        return f"checkpoint at #{self.seq}"


class VerifyJob(models.Model):
    """A run of `audit verify` started from the event-log page (registry.verify_jobs): its progress and result,
    kept as the history of verifications, each with the chain head it reached."""

    class Status(models.TextChoices):
        QUEUED = "queued", _("Queued")
        RUNNING = "running", _("Running")
        PASSED = "passed", _("Passed")
        FAILED = "failed", _("Tampering or problems found")
        ERROR = "error", _("Could not finish")

    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.QUEUED)
    requested_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True,
                                     related_name="+", verbose_name=_("requested by"))
    requested_at = models.DateTimeField(_("requested at"), default=timezone.now)
    finished_at = models.DateTimeField(_("finished at"), null=True, blank=True)
    total = models.BigIntegerField(_("events to read"), default=0)
    checked = models.BigIntegerField(_("events read"), default=0)
    head_seq = models.BigIntegerField(_("head reached"), null=True, blank=True)
    head_hash = models.CharField(_("hash of the head"), max_length=64, blank=True)
    failures = models.JSONField(default=list, blank=True)

    class Meta:
        ordering = ["-requested_at", "-pk"]
        verbose_name = _("chain verification")
