"""Incidents: the records of different documents, in any language, that report the same seizure. Two records are
the same seizure when they share a country, their dates are close, their counts are compatible, and at least one
more thing agrees: the same firearms or rounds count, the same place, the same operation, or similar text."""

from dataclasses import dataclass
from datetime import date, timedelta

from django.db.models import Q

from armstrace.osint import dedup
from armstrace.osint.models import Incident, OpenSourceSeizure, ProposedRecord, RecordStatus

DATE_WINDOW = timedelta(days=7)  # seizure dates at most a week apart
PUBLISHED_WINDOW = timedelta(days=14)  # publication dates, when a record has no seizure date
SIMILAR_TEXT = 0.3


def as_date(value):
    """A record's `date` ("YYYY-MM-DD" or "YYYY-MM") as a date (the first of the month for a month), or None."""
    if not isinstance(value, str):
        return None
    try:
        return date.fromisoformat(value if len(value) == 10 else f"{value[:7]}-01")
    except ValueError:
        return None


@dataclass
class Facts:
    """What a record says that grouping compares."""

    when: date | None
    month_only: bool
    published: date | None
    countries: set
    location: str
    firearms: int | None
    rounds: int | None
    operation: str
    signature: list

    @classmethod
    def of(cls, record):
        values, document = record.values(), record.document
        raw = values.get("date")
        return cls(as_date(raw), isinstance(raw, str) and len(raw) == 7, document.published,
                   set(values.get("country") or []), _fold(values.get("location")), values.get("firearms_total"),
                   values.get("ammunition_rounds"), _fold(values.get("operation_name")), document.signature)


def _fold(text):
    return " ".join(dedup.words(text)) if isinstance(text, str) else ""


def _close_dates(a: Facts, b: Facts):
    if a.when and b.when:
        if a.month_only or b.month_only:
            return (a.when.year, a.when.month) == (b.when.year, b.when.month)
        return abs(a.when - b.when) <= DATE_WINDOW
    if a.published and b.published:
        return abs(a.published - b.published) <= PUBLISHED_WINDOW
    return False


def _close_counts(x, y):
    return x is None or y is None or abs(x - y) <= max(1, round(0.1 * max(x, y)))


def _same_text(a, b):
    return bool(a and b and (a in b or b in a))


def same_seizure(a: Facts, b: Facts):
    """Whether two records report the same seizure."""
    if not (a.countries & b.countries) or not _close_dates(a, b):
        return False
    if not (_close_counts(a.firearms, b.firearms) and _close_counts(a.rounds, b.rounds)):
        return False
    return ((a.firearms is not None and a.firearms == b.firearms) or (a.rounds is not None and a.rounds == b.rounds)
            or _same_text(a.location, b.location) or _same_text(a.operation, b.operation)
            or dedup.similarity(a.signature, b.signature) >= SIMILAR_TEXT)


def _live_records(incident, without=None):
    qs = incident.records.exclude(status=RecordStatus.REJECTED).select_related("document")
    return [r for r in qs.prefetch_related("fields") if r.pk != getattr(without, "pk", None)]


def _find(record, facts):
    """The incident of another record that reports the same seizure, or None."""
    near = [d for d in (facts.when, facts.published) if d]
    if not near or not facts.countries:
        return None
    reach = 3 * PUBLISHED_WINDOW
    in_reach = Q(occurred_on=None)
    for day in near:
        in_reach |= Q(occurred_on__range=(day - reach, day + reach))
    for incident in Incident.objects.filter(in_reach, country__in=facts.countries).order_by("id"):
        if any(same_seizure(facts, Facts.of(other)) for other in _live_records(incident, without=record)):
            return incident
    return None


def assign(record):
    """Place a new record in the incident of the same seizure, or in a new incident."""
    facts = Facts.of(record)
    record.incident = _find(record, facts) or Incident.objects.create()
    record.save(update_fields=["incident"])
    refresh(record.incident)
    return record.incident


def regroup(record):
    """After a review: keep the record in its incident while it still agrees with the others there; else move it to
    the incident it now agrees with, or to one of its own."""
    facts, old = Facts.of(record), record.incident
    others = _live_records(old, without=record) if old else []
    if others and any(same_seizure(facts, Facts.of(o)) for o in others):
        target = old
    else:
        target = _find(record, facts) or (old if old and not others else Incident.objects.create())
    if target != old:
        record.incident = target
        record.save(update_fields=["incident"])
        OpenSourceSeizure.objects.filter(record=record).update(incident=target)
    refresh(target)
    if old and old != target:
        refresh(old)


def refresh(incident):
    """Set an incident's date (else the publication date), country, place and count from its first accepted seizure
    (else its first record); an incident left with no record is removed."""
    if incident is None:
        return
    if not incident.records.exists():
        incident.delete()
        return
    seizure = incident.seizures.select_related("record__document").order_by("id").first()
    record = seizure.record if seizure is not None else (
        ProposedRecord.objects.filter(incident=incident).exclude(status=RecordStatus.REJECTED)
        .select_related("document").order_by("id").first())
    values = (seizure.values if seizure is not None else record.values()) if record else {}
    countries = values.get("country") or []
    incident.occurred_on = as_date(values.get("date")) or (record.document.published if record else None)
    incident.country = countries[0] if countries else ""
    incident.location = (values.get("location") or "")[:300]
    incident.firearms_total = values.get("firearms_total")
    incident.save(update_fields=["occurred_on", "country", "location", "firearms_total"])
