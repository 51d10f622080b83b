"""Signed checkpoints of the event log: tamper evidence that an insider with database access cannot forge.

The hash chain alone has no key: whoever can write to the database can rewrite it and recompute every hash. A
checkpoint signs the chain head (seq, hash, time, key id) with the installation's Ed25519 key, which is kept
outside the database (core/signing.py). `audit verify` checks every checkpoint's signature and that the chain at its
seq still has its hash, so a chain rewritten behind a checkpoint is tampering; what comes after the last checkpoint
is "unsigned yet", and a failure once it is longer or older than the checkpoint cadence allows.

Cadence: a checkpoint is due every settings.ARMSTRACE_CHECKPOINT_EVENTS events or when
settings.ARMSTRACE_CHECKPOINT_SECONDS have passed since the last one. The writers check it in the transaction that
appends, under the chain's lock (eventlog.append_event per event, bulk.BulkWriter per chunk): one indexed query
when it is not due. `armstrace audit checkpoint` (from cron) signs the head of an idle chain. Signed checkpoints are
exported with the public key for an outside witness (`audit checkpoints --out`), which `audit verify --witness`
checks against the registry.
"""

import logging
from dataclasses import dataclass, field
from datetime import UTC, timedelta

from django.conf import settings
from django.db import transaction
from django.db.models import OuterRef, Subquery
from django.utils import timezone

from armstrace.core import signing
from armstrace.registry.eventlog import canonical_json, chain_head, lock_chain, verify_chain, witness_head
from armstrace.registry.models import Checkpoint, Event

FORMAT = "armstrace-checkpoint/1"  # the signed message
EXPORT_FORMAT = "armstrace-checkpoints/1"  # the file for a witness
logger = logging.getLogger(__name__)
_reported = set()  # the key errors logged by checkpoint_if_due


def _iso(value) -> str:
    return value.astimezone(UTC).isoformat(timespec="microseconds")


def message(seq, head_hash, signed_at: str, key_id) -> bytes:
    """The bytes a checkpoint's signature covers."""
    return canonical_json({"format": FORMAT, "seq": seq, "hash": head_hash, "signed_at": signed_at,
                           "key_id": key_id}).encode()


def interval() -> timedelta:
    return timedelta(seconds=settings.ARMSTRACE_CHECKPOINT_SECONDS)


def sign_head(seq, head_hash, signed_at=None) -> Checkpoint:
    """Sign (seq, head_hash) and store the checkpoint; raises signing.SigningKeyError if the key is unusable."""
    signed_at = signed_at or timezone.now()
    key_id = signing.key_id()
    signature = signing.sign(message(seq, head_hash, _iso(signed_at), key_id))
    return Checkpoint.objects.create(seq=seq, hash=head_hash, signed_at=signed_at, key_id=key_id,
                                     signature=signing.encode_signature(signature))


def _last_signed():
    """(seq, time) the cadence counts from: the last checkpoint, or before the first event."""
    last = Checkpoint.objects.order_by("-seq").values_list("seq", "signed_at").first()
    if last is not None:
        return last
    first = Event.objects.order_by("seq").values_list("recorded_at", flat=True).first()
    return 0, first


def checkpoint_if_due(head_seq, head_hash):
    """Sign the head if a checkpoint is due. Called under the chain's lock, in the transaction that appended up to
    head_seq. An unusable key is logged and the events still commit: `audit verify` then fails on the unsigned
    tail until the key is fixed and `armstrace audit checkpoint` has signed it."""
    last_seq, since = _last_signed()
    count, now = head_seq - last_seq, timezone.now()
    if count <= 0 or (count < settings.ARMSTRACE_CHECKPOINT_EVENTS and (since is None or now - since < interval())):
        return None
    try:
        return sign_head(head_seq, head_hash, now)
    except signing.SigningKeyError as exc:
        if str(exc) not in _reported:  # once per process and reason, not at every event after it
            _reported.add(str(exc))
            logger.error("event log checkpoint at seq %s not signed: %s", head_seq, exc)
        return None


def checkpoint_head():
    """Sign the chain head now unless it is signed already (`armstrace audit checkpoint`). Returns the new
    checkpoint or None; raises signing.SigningKeyError if the key is unusable, even with nothing to sign."""
    signing.load_private_key()
    with transaction.atomic():
        lock_chain()
        seq, head_hash = chain_head()
        last = Checkpoint.objects.order_by("-seq").values_list("seq", flat=True).first() or 0
        if seq <= last:
            return None
        return sign_head(seq, head_hash)


def sign_baseline():
    """The first checkpoint of a registry whose events predate checkpoints (`armstrace init` after an upgrade):
    the head is signed if the chain verifies. Returns the checkpoint, or None when there is nothing to sign;
    raises ValueError naming the broken seq otherwise."""
    if Checkpoint.objects.exists() or not Event.objects.exists():
        return None
    result = verify_chain()
    if not result.ok:
        raise ValueError(f"the event chain does not verify at seq {result.first_bad_seq} ({result.reason}); "
                         f"it was not signed")
    return checkpoint_head()


# ---------------------------------------------------------------- verification


@dataclass
class CheckpointReport:
    checkpoints: int
    last_seq: int  # the last checkpoint's seq (0: none)
    unsigned: int  # events after it
    unsigned_since: str | None  # recorded_at of the first of them
    key_id: str  # of the key the signatures were checked with
    key_error: str = ""  # why they could not be checked
    problems: list[str] = field(default_factory=list)  # tampering: a checkpoint or the chain behind it
    tail_problems: list[str] = field(default_factory=list)  # an unsigned tail longer or older than allowed

    @property
    def ok(self):
        return not (self.key_error or self.problems or self.tail_problems)


def _with_chain_hash(checkpoints):
    return checkpoints.annotate(chain_hash=Subquery(Event.objects.filter(seq=OuterRef("seq")).values("hash")[:1]))


def _chain_problem(seq, signed_hash, chain_hash, what):
    if chain_hash is None:
        return f"the chain no longer has seq {seq}, which {what} covers: the chain was truncated or replaced"
    if chain_hash != signed_hash:
        return f"the chain at seq {seq} no longer has the hash that {what} covers: the chain was rewritten behind it"
    return None


def _checkpoint_problems(cp, key, key_id):
    what = f"the checkpoint signed at {_iso(cp.signed_at)}"
    problems = []
    if key is not None and cp.key_id != key_id:
        problems.append(f"the checkpoint at seq {cp.seq} names key {cp.key_id}, not this installation's key "
                        f"{key_id}: it was not signed here")
    elif key is not None and not signing.verify(key, message(cp.seq, cp.hash, _iso(cp.signed_at), cp.key_id),
                                                signing.decode_signature(cp.signature)):
        problems.append(f"the signature of the checkpoint at seq {cp.seq} does not verify with this installation's "
                        f"key: the checkpoint was forged or altered")
    problems.append(_chain_problem(cp.seq, cp.hash, cp.chain_hash, what))
    return [p for p in problems if p]


def _tail_problems(last_seq, unsigned, since, now):
    limit = settings.ARMSTRACE_CHECKPOINT_EVENTS
    problems = []
    if unsigned > limit:
        problems.append(f"{unsigned} events after seq {last_seq} are unsigned, more than the {limit} after which a "
                        f"checkpoint is signed: checkpoints were not made, or events were written behind the "
                        f"application's back")
    if unsigned and since is not None and since < now - 2 * interval():
        problems.append(f"the unsigned events after seq {last_seq} go back to {_iso(since)}, longer than twice the "
                        f"checkpoint interval ({settings.ARMSTRACE_CHECKPOINT_SECONDS} s): checkpoints were not "
                        f"made (is `armstrace audit checkpoint` run from cron, is the signing key readable?), or "
                        f"events were written behind the application's back")
    return problems


def verify_checkpoints(trusted_key=None) -> CheckpointReport:
    """Check every checkpoint's signature (with `trusted_key`, default the installation's public key) and hash
    against the chain, and that the unsigned tail is no longer and no older than the cadence allows."""
    key, key_error, problems = trusted_key, "", []
    if key is None:
        try:
            key = signing.public_key()
        except signing.SigningKeyError as exc:
            key_error = f"the checkpoints' signatures cannot be checked: {exc}"
    key_id = signing.key_id(key) if key is not None else ""
    count, last_seq = 0, 0
    with transaction.atomic():
        for cp in _with_chain_hash(Checkpoint.objects.order_by("seq")).iterator(chunk_size=2000):
            count, last_seq = count + 1, cp.seq
            problems += _checkpoint_problems(cp, key, key_id)
        head_seq, _ = chain_head()
        since = Event.objects.filter(seq=last_seq + 1).values_list("recorded_at", flat=True).first()
    unsigned = max(head_seq - last_seq, 0)
    return CheckpointReport(count, last_seq, unsigned, _iso(since) if since else None, key_id, key_error, problems,
                            _tail_problems(last_seq, unsigned, since, timezone.now()))


# ---------------------------------------------------------------- outside witness


def export_checkpoints() -> dict:
    """Every checkpoint with the public key, and the chain head (as `audit head` gives it), for a witness."""
    key = signing.public_key()
    rows = Checkpoint.objects.order_by("seq").values("seq", "hash", "signed_at", "key_id", "signature")
    return {**witness_head(), "format": EXPORT_FORMAT, "key_id": signing.key_id(key),
            "public_key": signing.public_key_pem(key),
            "checkpoints": [{**row, "signed_at": _iso(row["signed_at"])} for row in rows.iterator()]}


def witness_key(witness):
    """The public key of a witness file (export_checkpoints), or None if it has none that is valid."""
    try:
        return _witness_key_and_entries(witness)[0]
    except ValueError:
        return None


def _witness_key_and_entries(witness):
    """(public key, checkpoints) of a witness file, or raises ValueError."""
    try:
        key = signing.load_public_key(witness["public_key"])
        entries = witness["checkpoints"]
    except (KeyError, TypeError, signing.SigningKeyError) as exc:
        raise ValueError(f"the witness file has no valid public key and checkpoints ({exc})") from None
    if not isinstance(entries, list):
        raise ValueError("the witness file's checkpoints are not a list")
    return key, entries


def _witnessed_problem(entry, key, stored):
    try:
        seq, head_hash, signed_at = int(entry["seq"]), str(entry["hash"]), str(entry["signed_at"])
        key_id, signature = str(entry["key_id"]), str(entry["signature"])
    except (KeyError, TypeError, ValueError):
        return f"the witness file holds a checkpoint without seq, hash, signed_at, key_id and signature: {entry!r:.80}"
    if not signing.verify(key, message(seq, head_hash, signed_at, key_id), signing.decode_signature(signature)):
        return f"the witnessed checkpoint at seq {seq} does not verify with the witness's key: the file was altered"
    cp = stored.get(seq)
    if cp is None:
        return f"the witnessed checkpoint at seq {seq} is gone from the registry"
    if (cp.hash, cp.signature) != (head_hash, signature):
        return f"the checkpoint at seq {seq} differs from the one the witness holds"
    return _chain_problem(seq, head_hash, cp.chain_hash, "the witnessed checkpoint")


def check_witnessed_checkpoints(witness: dict) -> list[str]:
    """What does not hold between the checkpoints of a witness file (export_checkpoints) and this registry: each
    must verify with the witness's key, still be stored unchanged, and the chain must still have its hash; the
    installation's key must be the one the witness holds."""
    try:
        key, entries = _witness_key_and_entries(witness)
    except ValueError as exc:
        return [str(exc)]
    problems = []
    try:
        mine = signing.key_id()
    except signing.SigningKeyError:
        mine = None  # verify_checkpoints reports it
    if mine is not None and mine != signing.key_id(key):
        problems.append(f"this installation's signing key {mine} is not the key {signing.key_id(key)} that the "
                        f"witness holds: the key was replaced")
    stored = {cp.seq: cp for cp in _with_chain_hash(Checkpoint.objects.all()).iterator(chunk_size=2000)}
    problems += [p for p in (_witnessed_problem(entry, key, stored) for entry in entries) if p]
    return problems
