"""Hash-chain primitives shared by the event log (registry.eventlog) and the personal-data access log
(accounts.accesslog): hash = sha256(prev_hash || seq || canonical JSON of the entry)."""

import hashlib
import json
from dataclasses import dataclass
from datetime import UTC, date, datetime
from decimal import Decimal
from uuid import UUID

GENESIS_HASH = "0" * 64


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


def timestamp(value: datetime) -> str:
    return value.astimezone(UTC).isoformat(timespec="microseconds")


def compute_hash(prev_hash: str, seq: int, body: dict) -> str:
    return hashlib.sha256(f"{prev_hash}{seq}{canonical_json(body)}".encode()).hexdigest()


@dataclass
class VerifyResult:
    ok: bool
    checked: int
    head_seq: int
    head_hash: str
    first_bad_seq: int | None = None
    reason: str = ""
