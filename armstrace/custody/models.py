"""Custody: seizure / found / surrender cases, depots, chain of custody, stocktakes and disposal.

The choice codes of SeizureCase, CaseItem and CasePerson follow the UNODC Illicit Arms Flows
Questionnaire (IAFQ); the monitoring app computes its statistics from them.

Only armstrace.custody.services writes these tables; item events go through registry.services.record.
"""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class CaseKind(models.TextChoices):
    SEIZURE = "seizure", _("Seizure")
    FOUND = "found", _("Found")
    SURRENDER = "surrender", _("Surrender")


class LocationType(models.TextChoices):
    NATIONAL_TERRITORY = "national_territory", _("National territory")
    LAND_BORDER = "land_border", _("Land border")
    AIRPORT = "airport", _("Airport")
    HARBOUR = "harbour", _("Harbour")
    OTHER = "other", _("Other")
    UNKNOWN = "unknown", _("Unknown")


class LegalJustification(models.TextChoices):
    ILLICIT_POSSESSION = "illicit_possession", _("Illicit possession")
    ILLICIT_USE = "illicit_use", _("Illicit use")
    ILLICIT_TRAFFICKING = "illicit_trafficking", _("Illicit trafficking")
    ILLICIT_MANUFACTURE = "illicit_manufacture", _("Illicit manufacture")
    ALTERED_MARKINGS = "altered_markings", _("Altered or erased markings")
    OTHER = "other", _("Other")
    UNKNOWN = "unknown", _("Unknown")


class SuspectedOffence(models.TextChoices):
    VIOLENT_CRIME = "violent_crime", _("Violent crime")
    DRUG_TRAFFICKING = "drug_trafficking", _("Drug trafficking")
    TERRORISM = "terrorism", _("Terrorism")
    ORGANISED_CRIME = "organised_crime", _("Organised crime")
    FIREARMS_TRAFFICKING = "firearms_trafficking", _("Firearms trafficking")
    OTHER_TRAFFICKING = "other_trafficking", _("Other trafficking")
    OTHER_ARMS_OFFENCES = "other_arms_offences", _("Other arms offences")
    OTHER = "other", _("Other")


class SeizureCase(models.Model):
    """A seizure, a find or a surrender: one case covers many items, parts and ammunition quantities."""

    Kind = CaseKind

    number = models.CharField(_("case number"), max_length=64, unique=True)
    kind = models.CharField(_("kind"), max_length=12, choices=CaseKind.choices, default=CaseKind.SEIZURE)
    agency = models.ForeignKey(
        "accounts.Agency", on_delete=models.PROTECT, null=True, blank=True, related_name="custody_cases",
        verbose_name=_("seizing agency"),
    )
    occurred_on = models.DateField(_("date"))
    admin_area = models.CharField(_("administrative area"), max_length=120, blank=True)
    place = models.CharField(_("place"), max_length=200, blank=True)
    location_type = models.CharField(
        _("location type"), max_length=20, choices=LocationType.choices, default=LocationType.NATIONAL_TERRITORY
    )
    legal_justification = models.CharField(
        _("legal justification"), max_length=24, choices=LegalJustification.choices,
        default=LegalJustification.ILLICIT_POSSESSION,
    )
    suspected_offences = models.JSONField(
        _("suspected other offences"), default=list, blank=True,
        help_text=_("Codes among SuspectedOffence"),
    )
    route_departure = models.CharField(_("route: country of departure"), max_length=3, blank=True)
    route_transit = models.JSONField(_("route: transit countries"), default=list, blank=True)
    route_destination = models.CharField(_("route: country of destination"), max_length=3, blank=True)
    notes = models.TextField(_("notes"), blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now, editable=False)

    class Meta:
        ordering = ["-occurred_on", "-id"]
        indexes = [models.Index(fields=["kind", "occurred_on"])]
        verbose_name = _("case")

    def __str__(self):
        return self.number

    def get_absolute_url(self):
        from django.urls import reverse

        return reverse("custody:case", args=[self.pk])

    @property
    def suspected_offences_display(self):
        labels = dict(SuspectedOffence.choices)
        return [labels.get(code, code) for code in self.suspected_offences or []]


class CaseItem(models.Model):
    """A firearm or part (a registry Item, category firearm or part) covered by a case."""

    class Condition(models.TextChoices):
        INDUSTRIAL = "industrial", _("Industrially manufactured")
        CONVERTED = "converted", _("Converted")
        MODIFIED = "modified", _("Modified")
        REACTIVATED = "reactivated", _("Reactivated")
        ASSEMBLED = "assembled", _("Assembled from parts (incl. 3D-printed)")
        OTHERWISE_ILLICIT = "otherwise_illicit", _("Otherwise illicitly manufactured")
        UNKNOWN = "unknown", _("Unknown")

    class MarkingStatus(models.TextChoices):
        UNIQUELY_MARKED = "uniquely_marked", _("Uniquely marked")
        ALTERED = "altered", _("Marking altered or erased")
        NO_MARKING = "no_marking", _("No marking")
        UNKNOWN = "unknown", _("Unknown")

    case = models.ForeignKey(SeizureCase, on_delete=models.PROTECT, related_name="items", verbose_name=_("case"))
    item = models.ForeignKey("registry.Item", on_delete=models.PROTECT, related_name="case_links", verbose_name=_("item"))
    condition = models.CharField(_("condition"), max_length=20, choices=Condition.choices, default=Condition.INDUSTRIAL)
    marking_status = models.CharField(
        _("marking status"), max_length=20, choices=MarkingStatus.choices, default=MarkingStatus.UNIQUELY_MARKED
    )
    was_registered = models.BooleanField(_("was registered before"), default=False)
    notes = models.CharField(_("notes"), max_length=300, blank=True)

    class Meta:
        ordering = ["id"]
        constraints = [models.UniqueConstraint(fields=["case", "item"], name="custody_unique_item_per_case")]
        verbose_name = _("case item")

    def get_item_condition_display(self):
        """The IAFQ condition that the item's manufacture method implies (registry.methods), not a second truth."""
        code = self.item.iafq_condition
        return self.Condition(code).label if code in self.Condition.values else self.Condition.UNKNOWN.label


class CaseAmmunition(models.Model):
    case = models.ForeignKey(
        SeizureCase, on_delete=models.PROTECT, related_name="ammunition", verbose_name=_("case")
    )
    calibre = models.ForeignKey(
        "registry.Calibre", on_delete=models.PROTECT, null=True, blank=True, verbose_name=_("calibre")
    )
    quantity = models.PositiveIntegerField(_("quantity (rounds)"))
    description = models.CharField(_("description"), max_length=300, blank=True)

    class Meta:
        ordering = ["id"]
        verbose_name = _("case ammunition")


class CasePerson(models.Model):
    class Role(models.TextChoices):
        SUSPECT = "suspect", _("Suspect")
        OWNER = "owner", _("Owner")
        WITNESS = "witness", _("Witness")
        OTHER = "other", _("Other")

    class Sex(models.TextChoices):
        MALE = "male", _("Male")
        FEMALE = "female", _("Female")
        UNKNOWN = "unknown", _("Unknown")

    case = models.ForeignKey(SeizureCase, on_delete=models.PROTECT, related_name="persons", verbose_name=_("case"))
    party = models.ForeignKey(
        "registry.Party", on_delete=models.PROTECT, null=True, blank=True, related_name="+", verbose_name=_("party")
    )
    name = models.CharField(_("name"), max_length=200, blank=True)
    role = models.CharField(_("role"), max_length=10, choices=Role.choices, default=Role.SUSPECT)
    nationality = models.CharField(_("nationality"), max_length=3, blank=True)
    sex = models.CharField(_("sex"), max_length=8, choices=Sex.choices, default=Sex.UNKNOWN)
    age = models.PositiveSmallIntegerField(_("age"), null=True, blank=True)
    arrested = models.BooleanField(_("arrested"), default=False)
    prosecuted = models.BooleanField(_("prosecuted"), default=False)
    convicted = models.BooleanField(_("convicted"), default=False)

    class Meta:
        ordering = ["id"]
        verbose_name = _("person involved")


class Depot(models.Model):
    """An evidence or weapons depot."""

    code = models.CharField(_("code"), max_length=32, unique=True)
    name = models.CharField(_("name"), max_length=200)
    agency = models.ForeignKey(
        "accounts.Agency", on_delete=models.PROTECT, null=True, blank=True, related_name="+", verbose_name=_("agency")
    )
    address = models.TextField(_("address"), blank=True)
    admin_area = models.CharField(_("administrative area"), max_length=120, blank=True)
    created_at = models.DateTimeField(default=timezone.now, editable=False)

    class Meta:
        ordering = ["code"]
        verbose_name = _("depot")

    def __str__(self):
        return f"{self.code} {self.name}"

    def get_absolute_url(self):
        from django.urls import reverse

        return reverse("custody:depot", args=[self.pk])


class DepotLocation(models.Model):
    """A shelf, rack or safe inside a depot."""

    depot = models.ForeignKey(Depot, on_delete=models.PROTECT, related_name="locations", verbose_name=_("depot"))
    code = models.CharField(_("shelf"), max_length=32)
    description = models.CharField(_("description"), max_length=200, blank=True)

    class Meta:
        ordering = ["depot", "code"]
        constraints = [models.UniqueConstraint(fields=["depot", "code"], name="custody_unique_shelf_per_depot")]
        verbose_name = _("depot location")

    def __str__(self):
        return f"{self.depot.code}/{self.code}"


class Facility(models.Model):
    """A place outside the depots where evidence goes and comes back from: laboratory, court, other."""

    class Kind(models.TextChoices):
        LABORATORY = "laboratory", _("Laboratory")
        COURT = "court", _("Court")
        OTHER = "other", _("Other")

    kind = models.CharField(_("kind"), max_length=12, choices=Kind.choices)
    name = models.CharField(_("name"), max_length=200, unique=True)
    address = models.TextField(_("address"), blank=True)

    class Meta:
        ordering = ["kind", "name"]
        verbose_name = _("facility")
        verbose_name_plural = _("facilities")

    def __str__(self):
        return f"{self.get_kind_display()}: {self.name}"


class CustodyPosition(models.Model):
    """Where an item in custody is now. One row per item: an item cannot be in two places."""

    item = models.OneToOneField(
        "registry.Item", on_delete=models.PROTECT, primary_key=True, related_name="custody_position"
    )
    depot = models.ForeignKey(Depot, on_delete=models.PROTECT, null=True, blank=True, related_name="positions")
    shelf = models.ForeignKey(DepotLocation, on_delete=models.PROTECT, null=True, blank=True, related_name="+")
    facility = models.ForeignKey(Facility, on_delete=models.PROTECT, null=True, blank=True, related_name="positions")
    label = models.CharField(_("place"), max_length=200, blank=True)
    since = models.DateTimeField(_("since"))
    case = models.ForeignKey(SeizureCase, on_delete=models.PROTECT, null=True, blank=True, related_name="+")

    class Meta:
        verbose_name = _("custody position")


class CustodyMovement(models.Model):
    """One link of the chain of custody. Each movement is also a registry `custody_moved` event."""

    item = models.ForeignKey("registry.Item", on_delete=models.PROTECT, related_name="custody_movements")
    case = models.ForeignKey(
        SeizureCase, on_delete=models.PROTECT, null=True, blank=True, related_name="movements", verbose_name=_("case")
    )
    from_depot = models.ForeignKey(Depot, on_delete=models.PROTECT, null=True, blank=True, related_name="+")
    from_shelf = models.ForeignKey(DepotLocation, on_delete=models.PROTECT, null=True, blank=True, related_name="+")
    from_facility = models.ForeignKey(Facility, on_delete=models.PROTECT, null=True, blank=True, related_name="+")
    from_label = models.CharField(_("from"), max_length=200, blank=True)
    to_depot = models.ForeignKey(Depot, on_delete=models.PROTECT, null=True, blank=True, related_name="+")
    to_shelf = models.ForeignKey(DepotLocation, on_delete=models.PROTECT, null=True, blank=True, related_name="+")
    to_facility = models.ForeignKey(Facility, on_delete=models.PROTECT, null=True, blank=True, related_name="+")
    to_label = models.CharField(_("to"), max_length=200, blank=True)
    handed_over_by = models.CharField(_("handed over by"), max_length=200)
    received_by = models.CharField(_("received by"), max_length=200)
    moved_at = models.DateTimeField(_("moved at"))
    purpose = models.CharField(_("purpose"), max_length=200, blank=True)
    event = models.ForeignKey("registry.Event", on_delete=models.PROTECT, null=True, blank=True, related_name="+")
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now, editable=False)

    class Meta:
        ordering = ["moved_at", "id"]
        indexes = [models.Index(fields=["item", "moved_at"])]
        verbose_name = _("custody movement")


class Stocktake(models.Model):
    """A count of a depot's shelves reconciled against the items expected there. Kept once done."""

    depot = models.ForeignKey(Depot, on_delete=models.PROTECT, related_name="stocktakes", verbose_name=_("depot"))
    counted_at = models.DateTimeField(_("counted at"), default=timezone.now)
    counted_by = models.CharField(_("counted by"), max_length=200, blank=True)
    expected_count = models.PositiveIntegerField(_("expected"), default=0)
    counted_count = models.PositiveIntegerField(_("counted"), default=0)
    missing_count = models.PositiveIntegerField(_("missing"), default=0)
    extra_count = models.PositiveIntegerField(_("extra"), default=0)
    misplaced_count = models.PositiveIntegerField(_("on another shelf"), default=0)
    notes = models.TextField(_("notes"), blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )

    class Meta:
        ordering = ["-counted_at", "-id"]
        verbose_name = _("stocktake")

    def __str__(self):
        return f"{self.depot.code} {self.counted_at:%Y-%m-%d}"

    @property
    def balanced(self):
        return not (self.missing_count or self.extra_count)

    def get_absolute_url(self):
        from django.urls import reverse

        return reverse("custody:stocktake", args=[self.pk])


class StocktakeLine(models.Model):
    class Result(models.TextChoices):
        PRESENT = "present", _("Present")
        MISPLACED = "misplaced", _("Present on another shelf")
        MISSING = "missing", _("Missing")
        EXTRA = "extra", _("Extra (not expected here)")
        UNKNOWN = "unknown", _("Unknown item")

    stocktake = models.ForeignKey(Stocktake, on_delete=models.CASCADE, related_name="lines")
    item = models.ForeignKey("registry.Item", on_delete=models.PROTECT, null=True, blank=True, related_name="+")
    expected_shelf = models.ForeignKey(DepotLocation, on_delete=models.PROTECT, null=True, blank=True, related_name="+")
    counted_shelf = models.ForeignKey(DepotLocation, on_delete=models.PROTECT, null=True, blank=True, related_name="+")
    reference = models.CharField(_("counted reference"), max_length=200, blank=True)
    result = models.CharField(_("result"), max_length=10, choices=Result.choices)

    class Meta:
        ordering = ["result", "id"]


class Alert(models.Model):
    """An alert raised by custody (stocktake discrepancies, a blueprint file seized in another case)."""

    class Kind(models.TextChoices):
        STOCKTAKE_DISCREPANCY = "stocktake_discrepancy", _("Stocktake discrepancy")
        BLUEPRINT_MATCH = "blueprint_match", _("Same blueprint file in another case")

    kind = models.CharField(_("kind"), max_length=32, choices=Kind.choices)
    depot = models.ForeignKey(Depot, on_delete=models.PROTECT, null=True, blank=True, related_name="alerts")
    stocktake = models.ForeignKey(Stocktake, on_delete=models.PROTECT, null=True, blank=True, related_name="alerts")
    case = models.ForeignKey(SeizureCase, on_delete=models.PROTECT, null=True, blank=True, related_name="alerts")
    message = models.TextField(_("message"))
    created_at = models.DateTimeField(default=timezone.now)
    resolved = models.BooleanField(_("resolved"), default=False)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("alert")


class Disposal(models.Model):
    """The end of custody: destruction, deactivation or return to the owner."""

    class Kind(models.TextChoices):
        DESTRUCTION = "destruction", _("Destruction")
        DEACTIVATION = "deactivation", _("Deactivation")
        RETURN_TO_OWNER = "return_to_owner", _("Return to owner")

    kind = models.CharField(_("kind"), max_length=16, choices=Kind.choices)
    item = models.ForeignKey("registry.Item", on_delete=models.PROTECT, related_name="disposals")
    case = models.ForeignKey(SeizureCase, on_delete=models.PROTECT, null=True, blank=True, related_name="disposals")
    date = models.DateField(_("date"))
    method = models.CharField(_("method"), max_length=200, blank=True)
    witnesses = models.JSONField(_("witnesses"), default=list, blank=True)
    standard = models.CharField(_("deactivation standard"), max_length=200, blank=True)
    certificate_number = models.CharField(_("certificate number"), max_length=64, blank=True)
    owner = models.ForeignKey(
        "registry.Party", on_delete=models.PROTECT, null=True, blank=True, related_name="+", verbose_name=_("owner")
    )
    event = models.ForeignKey("registry.Event", on_delete=models.PROTECT, null=True, blank=True, related_name="+")
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now, editable=False)

    class Meta:
        ordering = ["-date", "-id"]
        verbose_name = _("disposal")


class BlueprintFile(models.Model):
    """A blueprint file seized as digital evidence: a registry item of category blueprint (so it has a chain of
    custody like any other item), its SHA-256 and type; the bytes are stored outside the database
    (custody.blueprints, ARMSTRACE_EVIDENCE_DIR)."""

    class FileType(models.TextChoices):
        STL = "stl", _("STL (stereolithography)")
        THREE_MF = "3mf", _("3MF (3D Manufacturing Format)")
        GCODE = "gcode", _("G-code (printer instructions)")

    item = models.OneToOneField("registry.Item", on_delete=models.PROTECT, primary_key=True, related_name="blueprint")
    case = models.ForeignKey(SeizureCase, on_delete=models.PROTECT, related_name="blueprints", verbose_name=_("case"))
    sha256 = models.CharField(_("SHA-256"), max_length=64, db_index=True)
    file_type = models.CharField(_("file type"), max_length=8, choices=FileType.choices)
    file_name = models.CharField(_("file name"), max_length=200, blank=True)
    size = models.PositiveBigIntegerField(_("size (bytes)"), default=0)
    source_url = models.CharField(_("source URL"), max_length=500, blank=True)
    source_platform = models.CharField(_("source platform"), max_length=120, blank=True)
    source_device = models.CharField(_("source device"), max_length=200, blank=True)
    created_at = models.DateTimeField(default=timezone.now, editable=False)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("blueprint file")

    def __str__(self):
        return f"{self.get_file_type_display()} {self.sha256[:12]}"
