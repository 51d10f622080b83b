"""Screening services: the only writers of stored consignments. Velocity rules here look at the stored ones."""

import time
from dataclasses import dataclass, field
from datetime import timedelta

from django.db import transaction
from django.db.models import Count, Max, Min, Q

from armstrace.core.errors import RuleViolation
from armstrace.screening import models as m
from armstrace.screening.engine import Screener
from armstrace.screening.parties import WatchList, addressee_key, phone_key, sender_key
from armstrace.screening.reader import RowError, open_records, record_from_object
from armstrace.screening.profiles import rules_in_force
from armstrace.screening.seizure import FINDINGS, FoundGoods, open_case
from armstrace.screening.velocity import Flow


def _window(c, days):
    return m.Consignment.objects.filter(accepted_at__gte=c.accepted_at - timedelta(days=days),
                                        accepted_at__lte=c.accepted_at).order_by()  # no sort: only counted


def database_flow(c, rules) -> Flow:
    """The velocity facts of `c` from the consignments stored before it (within the rules' windows)."""
    p = rules.rules
    days = max(p["velocity_addressee"].get("days", 7), p["velocity_sender"].get("days", 7))
    history = p["first_time_high_risk_flow"].get("history_days", 30)
    to_key, phone, from_key = addressee_key(c), phone_key(c.addressee_phone), sender_key(c)
    same_addressee = Q(addressee_key=to_key) | (Q(phone_key=phone) if phone else Q(pk__in=[]))
    senders = list(_window(c, days).filter(same_addressee).values_list("sender_key", flat=True)) + [from_key]
    addressees = set(_window(c, days).filter(sender_key=from_key).values_list("addressee_key", flat=True))
    addressees.add(to_key)
    earlier = _window(c, history).filter(same_addressee, accepted_at__lt=c.accepted_at)
    first = earlier.aggregate(first=Min("accepted_at"))["first"]
    new_days = (c.accepted_at - first).total_seconds() / 86400 if first else 0.0
    return Flow(len(senders), len(set(senders)), len(addressees), first is not None, new_days)


def _build_registry_watch_list():
    """Persons of custody cases, and both parties of earlier consignments in which officers found firearms, parts or
    ammunition."""
    from armstrace.custody import services as custody

    watch_list = WatchList()
    for kind, value, source in custody.case_person_watch_entries():
        watch_list.add(kind, value, source)
    found = m.Consignment.objects.filter(inspections__outcome__in=FINDINGS).distinct()
    for c in found.iterator(chunk_size=2000):
        source = f"screening hit {c.consignment_id}"
        for kind, value in (("name", c.sender_name), ("address", c.sender_address), ("name", c.addressee_name),
                            ("address", c.addressee_address), ("phone", c.addressee_phone)):
            watch_list.add(kind, value, source)
    return watch_list


WATCH_LIST_MAX_AGE_S = 60  # a person added to a custody case is on the list within this time
_watch_cache = {"version": None, "built": 0.0, "list": None}


def forget_watch_list():
    _watch_cache.update(version=None, built=0.0, list=None)


def _watch_version():
    findings = m.Inspection.objects.filter(outcome__in=FINDINGS).aggregate(n=Count("pk"), last=Max("pk"))
    return findings["n"], findings["last"]


def registry_watch_list(watch_list=None):
    """The watch list from the registry, built once and kept while no finding is recorded here (one count per call),
    at most WATCH_LIST_MAX_AGE_S (custody cases); `watch_list` (imported lists) is laid over a copy."""
    version, now = _watch_version(), time.monotonic()
    cache = _watch_cache
    if cache["version"] != version or now - cache["built"] > WATCH_LIST_MAX_AGE_S:
        cache.update(version=version, built=now, list=_build_registry_watch_list())
    if watch_list is None:
        return cache["list"]
    merged = WatchList(dict(cache["list"].names), dict(cache["list"].addresses), dict(cache["list"].phones))
    for target, extra in ((merged.names, watch_list.names), (merged.addresses, watch_list.addresses),
                          (merged.phones, watch_list.phones)):
        target.update(extra)
    return merged


def _unsaved(c, assessment):
    """The rows that store a scored consignment: (consignment, content lines, rule hits), none saved yet."""
    stored = m.Consignment(
        consignment_id=c.consignment_id, operator=c.operator, mail_class=c.mail_class, tracking_id=c.tracking_id,
        accepted_at=c.accepted_at, sender_name=c.sender_name, sender_address=c.sender_address,
        sender_country=c.sender_country, addressee_name=c.addressee_name, addressee_address=c.addressee_address,
        addressee_phone=c.addressee_phone, addressee_country=c.addressee_country, route=">".join(c.route),
        category=c.category, declared_weight_kg=c.declared_weight_kg, measured_weight_kg=c.measured_weight_kg,
        office=c.office,
        sender_key=sender_key(c), addressee_key=addressee_key(c), phone_key=phone_key(c.addressee_phone),
        risk_score=assessment.score, band=assessment.band,
        reasons=[{"rule": h.rule, "weight": h.weight, "explanation": h.explanation, "detail": h.detail}
                 for h in assessment.hits])
    lines = [m.ContentLine(consignment=stored, position=i, description=line.description, hs_code=line.hs_code,
                           quantity=line.quantity, value=line.value, currency=line.currency)
             for i, line in enumerate(c.lines, start=1)]
    return stored, lines, [m.RuleHit(consignment=stored, rule=hit.rule) for hit in assessment.hits]


def _store(c, assessment):
    stored, lines, hits = _unsaved(c, assessment)
    stored.save(force_insert=True)
    m.ContentLine.objects.bulk_create(lines)
    m.RuleHit.objects.bulk_create(hits)
    return stored


def _store_batch(batch):
    """Store a batch of _unsaved rows: three multi-row inserts (the consignments' ids come back from the first)."""
    m.Consignment.objects.bulk_create([stored for stored, _, _ in batch])
    m.ContentLine.objects.bulk_create([line for _, lines, _ in batch for line in lines])
    m.RuleHit.objects.bulk_create([hit for _, _, hits in batch for hit in hits])
    batch.clear()


def submit(data, rules=None, watch_list=None):
    """Validate, score and store one consignment given as a JSON object (the API's body). Raises RuleViolation."""
    record = record_from_object(data)
    if record.errors:
        first = record.errors[0]
        raise RuleViolation("invalid_consignment", "; ".join(f"{e.column}: {e.message}" for e in record.errors),
                            field=first.column)
    c = record.consignment
    rules = rules or rules_in_force()
    with transaction.atomic():
        if m.Consignment.objects.filter(consignment_id=c.consignment_id).exists():
            raise RuleViolation("duplicate_consignment", f"consignment {c.consignment_id} is already stored",
                                field="consignment_id")
        screener = Screener(rules, registry_watch_list(watch_list))
        return _store(c, screener.screen(c, flow=database_flow(c, rules)))


@dataclass
class ImportResult:
    created: int = 0
    errors: list = field(default_factory=list)  # RowError


def _validate_file(path, limit):
    """First pass: every row checked, ids unique in the file and new to the database. (errors, count)"""
    records, errors = open_records(path)
    seen, count, batch = {}, 0, []

    def check_stored():
        for cid in m.Consignment.objects.filter(consignment_id__in=[b[0] for b in batch]).values_list(
                "consignment_id", flat=True):
            errors.append(RowError(dict(batch)[cid], "consignment_id", f"consignment {cid} is already stored"))
        batch.clear()

    for record in records:
        count += 1
        errors.extend(record.errors)
        c = record.consignment
        if c is not None:
            if c.consignment_id in seen:
                errors.append(RowError(record.line, "consignment_id",
                                       f"repeats the consignment of line {seen[c.consignment_id]}"))
            seen.setdefault(c.consignment_id, record.line)
            batch.append((c.consignment_id, record.line))
            if len(batch) >= 500:
                check_stored()
        if len(errors) >= limit:
            break
    check_stored()
    return errors, count


def _validated(path, rules, watch_list, max_errors):
    """(result, rules, screener, records) of a file whose every row was validated first; with any bad row the
    result holds the errors and the rest is None (nothing is to be written)."""
    errors, _count = _validate_file(path, max_errors)
    result = ImportResult(errors=errors)
    if errors:
        return result, None, None, None
    rules = rules or rules_in_force()
    return result, rules, Screener(rules, registry_watch_list(watch_list)), open_records(path)[0]


def import_file(path, rules=None, watch_list=None, max_errors=1000):
    """Import a CSV or JSONL file: every row validated first; any bad row refuses the whole file (nothing written)."""
    result, rules, screener, records = _validated(path, rules, watch_list, max_errors)
    if records is None:
        return result
    with transaction.atomic():
        for record in records:
            c = record.consignment
            _store(c, screener.screen(c, flow=database_flow(c, rules)))
            result.created += 1
    return result


def record_inspection(consignment, outcome, notes="", officer=None, found: FoundGoods | None = None):
    """Append what an officer found in a consignment; a firearm, parts or ammunition opens a custody seizure case
    with the found goods and both parties, linked to the inspection. All or nothing."""
    if outcome not in m.Inspection.Outcome.values:
        raise RuleViolation("bad_outcome", f"{outcome!r} is not an inspection outcome", field="outcome")
    officer = officer if officer is not None and officer.is_authenticated else None
    with transaction.atomic():
        case = open_case(consignment, outcome, found or FoundGoods(), officer) if outcome in FINDINGS else None
        inspection = m.Inspection.objects.create(consignment=consignment, outcome=outcome, notes=notes.strip(),
                                                 officer=officer, case=case)
        consignment.xray_images.filter(inspection=None).update(inspection=inspection)
        return inspection


def bulk_load(path, rules=None, watch_list=None, batch_size=2000):
    """Validate, score and store a large file fast (seeding a store: the API benchmark): the rows and indexes of
    `import_file`, written in multi-row inserts, but velocity from within the file as `screening score` sees it
    (its sliding window), not from the stored consignments. Any bad row refuses the whole file."""
    result, _rules, screener, records = _validated(path, rules, watch_list, 1000)
    if records is None:
        return result
    batch = []
    with transaction.atomic():
        for record in records:
            batch.append(_unsaved(record.consignment, screener.screen(record.consignment)))
            result.created += 1
            if len(batch) >= batch_size:
                _store_batch(batch)
        _store_batch(batch)
    return result
