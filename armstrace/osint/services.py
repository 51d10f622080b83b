"""The only writers of the osint tables: storing a document with its proposed record (one transaction each), and
the reviewer's decisions on fields and records. Incidents and the link to official cases are `incidents.py` and
`merge.py`."""

from dataclasses import dataclass, field
from datetime import date

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from armstrace.core.actor import SYSTEM
from armstrace.core.errors import Conflict, RuleViolation
from armstrace.osint import dedup, incidents, merge
from armstrace.osint.extraction import RECORD_KEYS, extract
from armstrace.osint.models import (
    Document, FieldDecision, FieldEdit, OpenSourceSeizure, ProposedField, ProposedRecord, RecordStatus, SignatureBand,
)

MAX_BYTES = 5 * 1024 * 1024
LANGUAGES = ("en", "fr", "es")


@dataclass
class DocumentInput:
    text: str
    title: str = ""
    source_url: str = ""
    publisher: str = ""
    language: str = ""
    published: date | None = None
    origin: str = ""  # where it was read: "FILE", "FILE:LINE" or a feed URL


@dataclass
class Ingested:
    document: Document
    outcome: str  # "stored", "irrelevant", "duplicate", "near_duplicate"
    warnings: list = field(default_factory=list)


def _check(data: DocumentInput):
    text = data.text or ""
    if not text.strip():
        raise RuleViolation("empty", _("The document has no text."), "text")
    if "\x00" in text:
        raise RuleViolation("binary", _("The document is binary data, not text."), "text")
    if len(text.encode("utf-8", "replace")) > MAX_BYTES:
        raise RuleViolation("too_large", _("The document is over 5 MB."), "text")


def ingest(data: DocumentInput, actor=SYSTEM) -> Ingested:
    """Store one document, once: an exact or near copy of a stored one is linked to it; a relevant one is stored
    with its proposed record and placed in an incident, all in one transaction (or nothing is stored)."""
    _check(data)
    digest, signature = dedup.content_hash(data.text), dedup.signature(data.text)
    extraction = extract(data.text, title=data.title, language=data.language or None, published=data.published,
                         source_url=data.source_url or None)
    if extraction.language not in LANGUAGES:
        raise RuleViolation("language", _("The document is not in English, French or Spanish."), "language")
    try:
        return _store(data, digest, signature, extraction)
    except IntegrityError:  # the same text was stored by another ingest between the look-up and the write
        return _store(data, digest, signature, extraction)


def _store(data, digest, signature, extraction):
    with transaction.atomic():
        first, near = _first_copy(digest, signature)
        document = Document.objects.create(
            title=data.title[:500], source_url=data.source_url[:1000], publisher=data.publisher[:200],
            language=extraction.language, published=data.published, origin=data.origin[:1000], content_hash=digest,
            relevance=round(extraction.relevance, 3), relevant=extraction.relevant,
            text="" if first else data.text, signature=[] if first else signature,
            duplicate_of=first, near_duplicate=near)
        if first:
            return Ingested(document, "near_duplicate" if near else "duplicate")
        SignatureBand.objects.bulk_create(SignatureBand(document=document, key=k) for k in dedup.band_keys(signature))
        if not extraction.relevant:
            return Ingested(document, "irrelevant")
        record = _propose(document, extraction)
        incidents.assign(record)
    return Ingested(document, "stored")


def _first_copy(digest, signature):
    """(the stored document this one copies, whether it is a near rather than an exact copy) or (None, False)."""
    exact = Document.objects.filter(content_hash=digest, duplicate_of=None).order_by("id").first()
    if exact:
        return exact, False
    keys = dedup.band_keys(signature)
    candidates = (Document.objects.filter(bands__key__in=keys, duplicate_of=None).distinct().order_by("id")
                  .only("id", "signature"))
    for candidate in candidates:
        if dedup.similarity(candidate.signature, signature) >= dedup.NEAR_DUPLICATE:
            return candidate, True
    return None, False


def _propose(document, extraction):
    record = ProposedRecord.objects.create(document=document)
    values, spans = extraction.record(), extraction.spans()
    ProposedField.objects.bulk_create(
        ProposedField(record=record, key=key, extracted=values.get(key), value=values.get(key),
                      spans=_spans_of(spans.get(key)), confidence=_confidence(spans.get(key)))
        for key in RECORD_KEYS)
    return record


def _spans_of(found):
    """[{start, end, confidence, label}] of a field's spans (for `firearms_by_type`, labelled by type)."""
    if isinstance(found, dict):
        items = [(kind, v) for kind, v in found.items()]
    else:
        items = [("", v) for v in found or []]
    return [{"start": v["start"], "end": v["end"], "confidence": v["confidence"], "label": label}
            for label, v in items if v.get("start") is not None and v.get("end") is not None]


def _confidence(found):
    values = list(found.values()) if isinstance(found, dict) else list(found or [])
    return round(min(v["confidence"] for v in values), 2) if values else None


# ---------------------------------------------------------------- review


def _locked_record(record, version):
    record = ProposedRecord.objects.select_for_update().get(pk=record.pk)
    if version is not None and version != record.version:
        raise Conflict("conflict", _("The record was reviewed by someone else in the meantime; reload it."), "version")
    return record


def review_field(record, key, decision, value=None, actor=SYSTEM, version=None):
    """Accept, edit (with `value`) or reject one field; the decision is kept as a FieldEdit. On an accepted record
    the open-source seizure and its incident follow the new value."""
    if decision not in (FieldDecision.ACCEPTED, FieldDecision.EDITED, FieldDecision.REJECTED):
        raise RuleViolation("decision", _("Unknown decision."), "decision")
    with transaction.atomic():
        record = _locked_record(record, version)
        if record.status == RecordStatus.REJECTED:
            raise RuleViolation("rejected", _("The record was rejected; it can no longer be edited."), "key")
        target = record.fields.filter(key=key).first()
        if target is None:
            raise RuleViolation("key", _("No such field: %(key)s.") % {"key": key}, "key")
        new_value = _clean_value(key, value) if decision == FieldDecision.EDITED else target.value
        FieldEdit.objects.create(field=target, decision=decision, original=target.value,
                                 edited=None if decision == FieldDecision.REJECTED else new_value, by=actor.user)
        target.decision, target.value = decision, new_value
        target.save(update_fields=["decision", "value"])
        _touch(record, actor)
        if record.status == RecordStatus.ACCEPTED:
            _write_seizure(record, actor)
            _regroup_and_match(record)
    return record


def review_record(record, decision, actor=SYSTEM, version=None):
    """Accept the record (it becomes an open-source seizure with its provenance, and its incident is matched with
    the official cases) or reject it."""
    if decision not in (RecordStatus.ACCEPTED, RecordStatus.REJECTED):
        raise RuleViolation("decision", _("Unknown decision."), "decision")
    with transaction.atomic():
        record = _locked_record(record, version)
        if record.status != RecordStatus.PENDING:
            raise RuleViolation("reviewed", _("The record was already reviewed."), "decision")
        record.status = decision
        _touch(record, actor)
        if decision == RecordStatus.ACCEPTED:
            _write_seizure(record, actor)
            _regroup_and_match(record)
        else:
            incidents.refresh(record.incident)
    return record


def _regroup_and_match(record):
    """Place a reviewed record in its incident, and match that incident (and the one it left, if it is left with
    others) with the official cases again."""
    old = record.incident
    incidents.regroup(record)
    merge.match_incident(record.incident)
    if old is not None and old.pk is not None and old != record.incident:
        merge.match_incident(old)


def _touch(record, actor):
    record.version += 1
    record.reviewed_by, record.reviewed_at = actor.user, timezone.now()
    record.save(update_fields=["status", "version", "reviewed_by", "reviewed_at"])


def _write_seizure(record, actor):
    values, document = record.values(), record.document
    fields = {"occurred_on": incidents.as_date(values.get("date")), "countries": values.get("country") or [],
              "location": (values.get("location") or "")[:300], "firearms_total": values.get("firearms_total"),
              "ammunition_rounds": values.get("ammunition_rounds"), "arrests": values.get("arrests"),
              "values": values, "source_url": document.source_url, "publisher": document.publisher,
              "retrieved_at": document.retrieved_at, "reviewer": actor.user, "incident": record.incident}
    OpenSourceSeizure.objects.update_or_create(record=record, defaults=fields)


# ---------------------------------------------------------------- edited values


def _clean_value(key, value):
    """A reviewer's value for `key` in the record's types, or a RuleViolation naming the field."""
    if value in (None, "", []):
        return None
    try:
        return CLEANERS.get(key, _text)(value)
    except (TypeError, ValueError) as exc:
        raise RuleViolation("value", _("Not a valid value for %(key)s: %(reason)s") % {"key": key, "reason": exc},
                            "value") from exc


def _count(value):
    number = int(str(value).strip().replace(" ", "").replace(",", ""))
    if not 0 <= number <= 10**9:
        raise ValueError(_("out of range"))
    return number


def _flag(value):
    text = str(value).strip().lower()
    if text in ("true", "1", "yes", "oui", "sí", "si"):
        return True
    if text in ("false", "0", "no", "non"):
        return False
    raise ValueError(_("true or false"))


def _countries(value):
    import pycountry

    codes = value if isinstance(value, list) else str(value).replace(";", ",").split(",")
    out = []
    for code in (str(c).strip().upper() for c in codes if str(c).strip()):
        if code != "XKX" and pycountry.countries.get(alpha_3=code) is None:
            raise ValueError(_("%(code)s is not an ISO 3166 alpha-3 code") % {"code": code})
        out.append(code)
    return out or None


def _by_type(value):
    import json

    data = json.loads(value) if isinstance(value, str) else value
    if not isinstance(data, dict):
        raise ValueError(_("an object of type: count"))
    return {str(k)[:40]: _count(v) for k, v in data.items()} or None


def _date(value):
    text = str(value).strip()
    if len(text) == 7:
        date.fromisoformat(text + "-01")
    else:
        date.fromisoformat(text)
    return text


def _text(value):
    return str(value).strip()[:500]


CLEANERS = {"date": _date, "country": _countries, "firearms_total": _count, "firearms_by_type": _by_type,
            "ammunition_rounds": _count, "parts_components": _count, "arrests": _count, "3d_printed": _flag,
            "postal_or_parcel": _flag}
