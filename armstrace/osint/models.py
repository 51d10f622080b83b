"""Open-source seizures: documents read from news and press releases, the record proposed for each, the reviewer's
decisions on it, incidents (the same seizure told by several documents) and their link to an official case."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class Document(models.Model):
    """One article or release, stored once. An exact or near copy of a stored one keeps only its provenance and
    points at the first copy (`duplicate_of`); it gets no record of its own."""

    title = models.CharField(_("title"), max_length=500, blank=True)
    text = models.TextField(_("text"), blank=True)
    source_url = models.URLField(_("source URL"), max_length=1000, blank=True)
    publisher = models.CharField(_("publisher"), max_length=200, blank=True)
    language = models.CharField(_("language"), max_length=8, blank=True)
    published = models.DateField(_("published"), null=True, blank=True)
    retrieved_at = models.DateTimeField(_("retrieved at"), default=timezone.now)
    origin = models.CharField(_("read from"), max_length=1000, blank=True)  # file path or feed URL
    content_hash = models.CharField(_("content hash"), max_length=64, db_index=True)
    signature = models.JSONField(default=list, blank=True)  # MinHash of the text's word shingles
    relevance = models.FloatField(_("relevance score"), default=0.0)
    relevant = models.BooleanField(_("firearms seizure report"), default=False, db_index=True)
    duplicate_of = models.ForeignKey("self", on_delete=models.PROTECT, null=True, blank=True,
                                     related_name="copies", verbose_name=_("duplicate of"))
    near_duplicate = models.BooleanField(_("near duplicate"), default=False)

    class Meta:
        ordering = ["-retrieved_at", "-id"]
        verbose_name = _("open-source document")
        # One first copy per text, even when two ingests of it run at once.
        constraints = [models.UniqueConstraint(fields=["content_hash"], condition=models.Q(duplicate_of=None),
                                               name="osint_document_one_first_copy")]

    def __str__(self):
        return self.title or self.source_url or f"#{self.pk}"


class SignatureBand(models.Model):
    """One band of a document's MinHash signature: documents sharing a band are near-duplicate candidates (LSH)."""

    document = models.ForeignKey(Document, on_delete=models.CASCADE, related_name="bands")
    key = models.CharField(max_length=40, db_index=True)


class Incident(models.Model):
    """One seizure as reported by one or more documents, in any language; linked to the official case when the
    registry holds the same seizure."""

    occurred_on = models.DateField(_("date"), null=True, blank=True)
    country = models.CharField(_("country"), max_length=3, blank=True, db_index=True)
    location = models.CharField(_("place"), max_length=300, blank=True)
    firearms_total = models.PositiveIntegerField(_("firearms"), null=True, blank=True)
    official_case = models.ForeignKey("custody.SeizureCase", on_delete=models.PROTECT, null=True, blank=True,
                                      related_name="+", verbose_name=_("official seizure case"))
    matched_at = models.DateTimeField(_("matched at"), null=True, blank=True)
    created_at = models.DateTimeField(default=timezone.now, editable=False)

    class Meta:
        ordering = ["-occurred_on", "-id"]
        verbose_name = _("incident")

    def __str__(self):
        return f"{self.country or '?'} {self.occurred_on or '?'} #{self.pk}"


class RecordStatus(models.TextChoices):
    PENDING = "pending", _("to review")
    ACCEPTED = "accepted", _("accepted")
    REJECTED = "rejected", _("rejected")


class ProposedRecord(models.Model):
    """The seizure record proposed for one relevant document, reviewed field by field."""

    document = models.OneToOneField(Document, on_delete=models.PROTECT, related_name="record")
    incident = models.ForeignKey(Incident, on_delete=models.PROTECT, null=True, blank=True, related_name="records",
                                 verbose_name=_("incident"))
    status = models.CharField(_("status"), max_length=10, choices=RecordStatus.choices, default=RecordStatus.PENDING,
                              db_index=True)
    reviewed_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True,
                                    related_name="+")
    reviewed_at = models.DateTimeField(null=True, blank=True)
    version = models.PositiveIntegerField(default=0)  # bumped by every review action (lost-update check)

    class Meta:
        ordering = ["-id"]
        verbose_name = _("proposed record")

    def values(self):
        """key -> the value in force (the reviewer's where edited, none where rejected)."""
        return {f.key: f.current for f in self.fields.all()}


class FieldDecision(models.TextChoices):
    PROPOSED = "proposed", _("proposed")
    ACCEPTED = "accepted", _("accepted")
    EDITED = "edited", _("edited")
    REJECTED = "rejected", _("rejected")


class ProposedField(models.Model):
    """One key of the record: the extracted value, the spans of text it came from and its confidence, and the
    reviewer's decision."""

    record = models.ForeignKey(ProposedRecord, on_delete=models.CASCADE, related_name="fields")
    key = models.CharField(_("field"), max_length=32)
    extracted = models.JSONField(_("extracted value"), null=True, blank=True)
    spans = models.JSONField(default=list, blank=True)  # [{"start", "end", "confidence", "label"}]
    confidence = models.FloatField(_("confidence"), null=True, blank=True)
    value = models.JSONField(_("value"), null=True, blank=True)  # the reviewer's value (the extracted until edited)
    decision = models.CharField(_("decision"), max_length=10, choices=FieldDecision.choices,
                                default=FieldDecision.PROPOSED)

    class Meta:
        ordering = ["id"]
        constraints = [models.UniqueConstraint(fields=["record", "key"], name="osint_field_once")]

    @property
    def current(self):
        return None if self.decision == FieldDecision.REJECTED else self.value


class FieldEdit(models.Model):
    """Every reviewer decision on a field, kept to learn from and to measure the extractor (append-only)."""

    field = models.ForeignKey(ProposedField, on_delete=models.CASCADE, related_name="edits")
    decision = models.CharField(max_length=10, choices=FieldDecision.choices)
    original = models.JSONField(null=True, blank=True)
    edited = models.JSONField(null=True, blank=True)
    by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, related_name="+")
    at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["id"]


class OpenSourceSeizure(models.Model):
    """An accepted record: a seizure known from open sources, with its provenance."""

    record = models.OneToOneField(ProposedRecord, on_delete=models.PROTECT, related_name="seizure")
    incident = models.ForeignKey(Incident, on_delete=models.PROTECT, related_name="seizures")
    occurred_on = models.DateField(_("date"), null=True, blank=True)
    countries = models.JSONField(_("countries"), default=list)
    location = models.CharField(_("place"), max_length=300, blank=True)
    firearms_total = models.PositiveIntegerField(_("firearms"), null=True, blank=True)
    ammunition_rounds = models.PositiveBigIntegerField(_("rounds"), null=True, blank=True)
    arrests = models.PositiveIntegerField(_("arrests"), null=True, blank=True)
    values = models.JSONField(default=dict)  # the whole reviewed record
    source_url = models.URLField(_("source URL"), max_length=1000, blank=True)
    publisher = models.CharField(_("publisher"), max_length=200, blank=True)
    retrieved_at = models.DateTimeField(_("retrieved at"))
    reviewer = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, related_name="+",
                                 verbose_name=_("reviewer"))
    accepted_at = models.DateTimeField(_("accepted at"), default=timezone.now)

    class Meta:
        ordering = ["-occurred_on", "-id"]
        verbose_name = _("open-source seizure")
