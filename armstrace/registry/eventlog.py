"""The hash-chained, append-only event log.

hash = sha256(prev_hash || seq || canonical JSON of the event). `append_event` assigns the
next gapless seq under a lock (PostgreSQL advisory lock; SQLite's IMMEDIATE write lock) and
must run inside the caller's transaction, so the event and the projection commit together.
"""

import hashlib
import json
from dataclasses import dataclass
from datetime import UTC, date, datetime
from decimal import Decimal
from functools import lru_cache
from uuid import UUID

from django.db import connection, transaction
from django.utils import timezone

from armstrace.registry.models import Event

GENESIS_HASH = "0" * 64
CHAIN_LOCK_KEY = 7_230_001


def _json_default(value):
    if isinstance(value, datetime):
        return value.astimezone(UTC).isoformat(timespec="microseconds")
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, (Decimal, UUID)):
        return str(value)
    raise TypeError(f"{type(value).__name__} is not allowed in an event payload")


def canonical_json(value) -> str:
    return json.dumps(value, sort_keys=True, separators=(",", ":"), ensure_ascii=False, default=_json_default)


def _timestamp(value: datetime) -> str:
    return value.astimezone(UTC).isoformat(timespec="microseconds")


def event_body(event: Event) -> dict:
    """The fields that the hash covers."""
    return body_of(event.seq, event.kind, event.occurred_at, event.recorded_at, event.recorded_by_name, event.agency,
                   event.item_uid, event.payload)


def body_of(seq, kind, occurred_at, recorded_at, recorded_by_name, agency, item_uid, payload) -> dict:
    """event_body from the values of an event not (yet) made into an Event, as the bulk import writes them."""
    return {
        "seq": seq,
        "kind": kind,
        "occurred_at": _timestamp(occurred_at),
        "recorded_at": _timestamp(recorded_at),
        "recorded_by": recorded_by_name,
        "agency": agency,
        "item": item_uid,
        "payload": payload,
    }


def compute_hash(prev_hash: str, seq: int, body: dict) -> str:
    return hashlib.sha256(f"{prev_hash}{seq}{canonical_json(body)}".encode()).hexdigest()


def body_json_parts(kind, occurred_at, recorded_at, recorded_by_name, agency, item_uid, payload_json):
    """canonical_json(body_of(seq, ...)) split around its last key, seq: (before, after) with
    before + str(seq) + after == canonical_json(body). For writers that serialise the payload once and number
    the events later (the bulk import); `payload_json` must be canonical_json(payload)."""
    text = _json_text
    return (f'{{"agency":{text(agency)},"item":{canonical_json(item_uid)},"kind":{text(kind)},'
            f'"occurred_at":"{_timestamp(occurred_at)}","payload":{payload_json},'
            f'"recorded_at":"{_timestamp(recorded_at)}","recorded_by":{text(recorded_by_name)},"seq":'), "}"


@lru_cache(maxsize=256)
def _json_text(value: str) -> str:
    return canonical_json(value)


def hash_of_parts(prev_hash: str, seq: int, parts) -> str:
    """compute_hash from body_json_parts."""
    return hashlib.sha256(f"{prev_hash}{seq}{parts[0]}{seq}{parts[1]}".encode()).hexdigest()


def lock_chain():
    """Take the chain's write lock for the rest of the transaction (SQLite's IMMEDIATE transaction already holds it)."""
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_advisory_xact_lock(%s)", [CHAIN_LOCK_KEY])


def chain_head():
    """(seq, hash) of the last event, or (0, GENESIS_HASH) for an empty log."""
    last = Event.objects.order_by("-seq").values_list("seq", "hash").first()
    return last or (0, GENESIS_HASH)


def recorder(user):
    """(recorded_by, recorded_by_name) of an event recorded by `user` (None or anonymous: the system)."""
    if user is not None and user.is_authenticated:
        return user, user.get_username()
    return None, "system"


# Called with (seq, hash) of every appended event, under the chain's lock: registry.checkpoints' due check,
# registered in RegistryConfig.ready (it imports this module, so this one cannot import it).
AFTER_APPEND = []


def append_event(kind, *, item=None, payload=None, occurred_at=None, user=None, agency=""):
    if not connection.in_atomic_block:
        raise RuntimeError("append_event must run inside transaction.atomic()")
    lock_chain()
    seq, prev_hash = chain_head()
    recorded_by, recorded_by_name = recorder(user)
    event = Event(
        seq=seq + 1,
        kind=kind,
        occurred_at=occurred_at or timezone.now(),
        recorded_at=timezone.now(),
        recorded_by=recorded_by,
        recorded_by_name=recorded_by_name,
        agency=agency or "",
        item=item,
        item_uid=str(item.uid) if item is not None else "",
        # Round-trip through canonical JSON so that what is stored is exactly what was hashed.
        payload=json.loads(canonical_json(payload or {})),
        prev_hash=prev_hash,
    )
    event.hash = compute_hash(prev_hash, event.seq, event_body(event))
    event.save(force_insert=True)
    for hook in AFTER_APPEND:
        hook(event.seq, event.hash)
    return event


@dataclass
class VerifyResult:
    ok: bool
    checked: int
    head_seq: int
    head_hash: str
    first_bad_seq: int | None = None
    reason: str = ""


def verify_chain(progress=None) -> VerifyResult:
    """Walk the whole chain; report the first seq whose link, number or hash does not hold."""
    expected_seq, prev_hash, checked = 1, GENESIS_HASH, 0
    with transaction.atomic():
        events = Event.objects.order_by("seq").iterator(chunk_size=5000)
        for event in events:
            checked += 1
            if progress:
                progress(1)
            if event.seq != expected_seq:
                return VerifyResult(False, checked, expected_seq - 1, prev_hash, expected_seq,
                                    f"sequence gap: expected {expected_seq}, found {event.seq}")
            if event.prev_hash != prev_hash:
                return VerifyResult(False, checked, expected_seq - 1, prev_hash, event.seq,
                                    "prev_hash does not match the previous event's hash")
            if compute_hash(prev_hash, event.seq, event_body(event)) != event.hash:
                return VerifyResult(False, checked, expected_seq - 1, prev_hash, event.seq,
                                    "hash does not match the event's content")
            prev_hash, expected_seq = event.hash, expected_seq + 1
    return VerifyResult(True, checked, expected_seq - 1, prev_hash)


# ---------------------------------------------------------------- outside witness


def witness_head() -> dict:
    """The chain head as an outside witness keeps it: {seq, hash, recorded_at, generated_at}.

    The chain alone cannot reveal that its tail was cut off (what remains still verifies);
    a head kept elsewhere can: `check_witness` finds that seq gone or its hash changed."""
    last = Event.objects.order_by("-seq").values("seq", "hash", "recorded_at").first()
    return {
        "seq": last["seq"] if last else 0,
        "hash": last["hash"] if last else GENESIS_HASH,
        "recorded_at": _timestamp(last["recorded_at"]) if last else None,
        "generated_at": _timestamp(timezone.now()),
    }


@dataclass
class WitnessResult:
    ok: bool
    seq: int
    reason: str = ""


def check_witness(witness: dict) -> WitnessResult:
    """Does the event that the witness saw as head still exist, with the same hash?"""
    try:
        seq, expected = int(witness["seq"]), str(witness["hash"])
    except (KeyError, TypeError, ValueError):
        return WitnessResult(False, 0, "the witness file has no valid seq and hash")
    if seq == 0:
        ok = expected == GENESIS_HASH
        return WitnessResult(ok, 0, "" if ok else "a witness of an empty chain must hold the genesis hash")
    found = Event.objects.filter(seq=seq).values_list("hash", flat=True).first()
    if found is None:
        head_seq, _ = chain_head()
        return WitnessResult(False, seq, f"witnessed seq {seq} no longer exists (chain head is now seq {head_seq}): "
                                         f"the chain was truncated or replaced")
    if found != expected:
        return WitnessResult(False, seq, f"the hash of seq {seq} differs from the witnessed hash: the chain was rewritten")
    return WitnessResult(True, seq)
