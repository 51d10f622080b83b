"""The federation's evidence log: every message sent or received and every receipt, append-only and hash-chained
with the event log's own hashing (registry.eventlog.compute_hash) and triggers (registry.append_only).

Either side can later prove what was sent, when, and that the other side received it: each entry keeps the whole
signed message, which the partner's key verifies."""

import hashlib
from dataclasses import dataclass
from datetime import UTC

from django.db import connection, transaction
from django.utils import timezone

from armstrace.federation.models import Evidence
from armstrace.registry.append_only import trigger_problems
from armstrace.registry.eventlog import GENESIS_HASH, compute_hash

EVIDENCE_LOCK_KEY = 7_230_013
TABLE = "federation_evidence"


def sha256(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def body_of(entry: Evidence) -> dict:
    return {"kind": entry.kind, "message_id": entry.message_id, "message_type": entry.message_type,
            "partner": entry.partner_country, "sha256": entry.sha256, "jws": entry.jws,
            "recorded_at": entry.recorded_at.astimezone(UTC).isoformat(timespec="microseconds")}


@dataclass(frozen=True)
class Record:
    """What one evidence entry records: a message sent or received, or a receipt."""

    kind: str
    message_id: str
    message_type: str
    partner_country: str
    jws: str


def append(kind, *, message_id, message_type, partner_country, jws) -> Evidence:
    """Add an entry at the head of the chain, in the caller's transaction (the chain's lock is held until it ends)."""
    return append_all([Record(kind, message_id, message_type, partner_country, jws)])[0]


def append_all(records) -> list[Evidence]:
    """Add entries at the head of the chain in this order, with one read of the head and one INSERT, in the
    caller's transaction. Each entry is chained to the one before it exactly as one append at a time would."""
    if not connection.in_atomic_block:
        raise RuntimeError("evidence.append must run inside transaction.atomic()")
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_advisory_xact_lock(%s)", [EVIDENCE_LOCK_KEY])
    with connection.cursor() as cursor:  # the head, read once for all the entries
        cursor.execute(f"SELECT seq, hash FROM {TABLE} ORDER BY seq DESC LIMIT 1")
        seq, prev_hash = cursor.fetchone() or (0, GENESIS_HASH)
    entries, now = [], timezone.now()
    for record in records:
        seq += 1
        entry = Evidence(seq=seq, kind=record.kind, message_id=record.message_id, message_type=record.message_type,
                         partner_country=record.partner_country, sha256=sha256(record.jws), jws=record.jws,
                         recorded_at=now, prev_hash=prev_hash)
        entry.hash = prev_hash = compute_hash(prev_hash, entry.seq, body_of(entry))
        entries.append(entry)
    Evidence.objects.bulk_create(entries)
    return entries


@dataclass
class EvidenceReport:
    ok: bool
    checked: int
    head_seq: int
    first_bad_seq: int | None = None
    reason: str = ""


def verify() -> EvidenceReport:
    """Walk the evidence chain: gapless seq, each link, each hash, each message's digest; and its triggers."""
    expected, prev_hash, checked = 1, GENESIS_HASH, 0
    with transaction.atomic():
        for entry in Evidence.objects.order_by("seq").iterator(chunk_size=2000):
            checked += 1
            reason = ("sequence gap" if entry.seq != expected else
                      "prev_hash does not match the previous entry's hash" if entry.prev_hash != prev_hash else
                      "hash does not match the entry's content"
                      if compute_hash(prev_hash, entry.seq, body_of(entry)) != entry.hash else
                      "the message does not match its digest" if sha256(entry.jws) != entry.sha256 else "")
            if reason:
                return EvidenceReport(False, checked, expected - 1, entry.seq, reason)
            prev_hash, expected = entry.hash, expected + 1
    problems = trigger_problems(connection, [TABLE])
    if problems:
        return EvidenceReport(False, checked, expected - 1, None, "; ".join(map(str, problems)))
    return EvidenceReport(True, checked, expected - 1)


def audit_check():
    """For `armstrace audit verify` (core.extensions.AUDIT_CHECKS): (label, ok, message)."""
    report = verify()
    if report.ok:
        return "federation evidence log", True, f"{report.checked} evidence entries verified; head seq {report.head_seq}"
    where = f" at seq {report.first_bad_seq}" if report.first_bad_seq else ""
    return "federation evidence log", False, f"TAMPERING DETECTED in the federation evidence log{where}: {report.reason}"
