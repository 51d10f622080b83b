"""The inbox: a signed message is accepted only if every check passes, in this order (each failure has its code):

malformed (not a compact JWS of ours) → unknown_partner (no partner for the "iss" country) → partner_disabled →
wrong_key (the "kid" is not the partner's current key nor one in its grace period) → bad_signature (tampered, or
signed with another key) → bad_envelope / wrong_recipient (not addressed to this installation's key) → expired
(older than ARMSTRACE_FEDERATION_MAX_AGE) or not_yet_valid (further ahead than the clock skew) →
schema_violation (the body does not match its type's JSON Schema) → replay (the message id was seen; a unique
constraint makes two concurrent deliveries store it once).

A refused message leaves only a Refusal row. An accepted one is stored, recorded in the evidence log, handled
(handlers.py), and answered with a signed receipt/1; replies (an ack, a lost/stolen answer) come with it.
"""

import logging
from dataclasses import dataclass, field
from datetime import timedelta

from django.conf import settings
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.dateparse import parse_datetime

from armstrace.core import signing
from armstrace.core.errors import RuleViolation
from armstrace.federation import evidence, handlers, jws, partners, schemas
from armstrace.federation.messages import iso, prepare
from armstrace.federation.models import Message, Partner, Refusal

STATUS = {"malformed": 400, "unknown_partner": 403, "partner_disabled": 403, "wrong_key": 403,
          "bad_signature": 403, "bad_envelope": 400, "wrong_recipient": 421, "expired": 400, "not_yet_valid": 400,
          "schema_violation": 422, "replay": 409, "unknown_type": 422, "too_large": 413}
MAX_BYTES = 1_000_000
logger = logging.getLogger(__name__)


class Refused(Exception):
    def __init__(self, code, detail, sender="", message_id=""):
        super().__init__(detail)
        self.code, self.detail, self.sender, self.message_id = code, detail, sender, message_id

    @property
    def status(self):
        return STATUS[self.code]

    def as_dict(self):
        return {"status": "refused", "code": self.code, "detail": self.detail}


@dataclass
class Accepted:
    message: Message
    receipt: Message | None
    replies: list = field(default_factory=list)


@dataclass
class Checked:
    partner: Partner
    envelope: dict
    text: str


def check(text: str, now=None) -> Checked:
    """Every check but the replay one; raises Refused."""
    if len(text) > MAX_BYTES:
        raise Refused("too_large", f"a message is at most {MAX_BYTES} bytes")
    try:
        parsed = jws.Parsed(text)
    except jws.JWSError as exc:
        raise Refused("malformed", str(exc)) from None
    iss, kid = parsed.header["iss"], parsed.header["kid"]
    claimed_id = str(parsed.payload.get("id", ""))[:80]
    partner = partners.with_keys(iss)
    if partner is None:
        raise Refused("unknown_partner", f"{iss[:10]!r} is not a partner of this installation", iss, claimed_id)
    if not partner.enabled:
        raise Refused("partner_disabled", f"the partner {iss} is disabled", iss, claimed_id)
    key = partners.valid_key(partner, kid, now)
    if key is None:
        raise Refused("wrong_key", f"key {kid[:40]!r} is not a valid key of {iss} (unknown, or its grace period "
                                   f"has ended)", iss, claimed_id)
    if not parsed.verify(partners.public_key(key)):
        raise Refused("bad_signature", "the signature does not verify with the sender's key", iss, claimed_id)
    _check_envelope(parsed.payload, kid, iss, claimed_id, now or timezone.now())
    return Checked(partner, parsed.payload, text)


def _check_envelope(data, kid, iss, claimed_id, now):
    problems = schemas.errors(schemas.ENVELOPE, data)
    if problems or data["from"] != kid:
        raise Refused("bad_envelope", "; ".join(problems) or '"from" is not the signing key', iss, claimed_id)
    if data["to"] != signing.key_id():
        raise Refused("wrong_recipient", "the message is not addressed to this installation's key", iss, claimed_id)
    created = parse_datetime(data["created"])
    if created is None or created.tzinfo is None:
        raise Refused("bad_envelope", '"created" must be a date-time with its offset', iss, claimed_id)
    if created < now - timedelta(seconds=settings.ARMSTRACE_FEDERATION_MAX_AGE):
        raise Refused("expired", f"created {data['created']}: older than the "
                                 f"{settings.ARMSTRACE_FEDERATION_MAX_AGE} s this inbox accepts", iss, claimed_id)
    if created > now + timedelta(seconds=settings.ARMSTRACE_FEDERATION_CLOCK_SKEW):
        raise Refused("not_yet_valid", f"created {data['created']}: ahead of this installation's clock by more "
                                       f"than {settings.ARMSTRACE_FEDERATION_CLOCK_SKEW} s", iss, claimed_id)
    schema = schemas.BODIES.get((data["type"], data["version"]))
    if schema is None:
        raise Refused("unknown_type", f"unknown message type {data['type']}/{data['version']}", iss, claimed_id)
    problems = schemas.errors(schema, data["body"])
    if problems:
        raise Refused("schema_violation", f"{data['type']}/{data['version']}: {'; '.join(problems)}", iss, claimed_id)


def receive(text: str, *, transport="https", remote="", now=None) -> Accepted:
    """Check, store, record and handle one message; a refusal is recorded and raised as Refused."""
    try:
        return _accept(check(text, now), transport)
    except Refused as refusal:
        Refusal.objects.create(code=refusal.code, detail=refusal.detail[:2000], transport=transport,
                               remote=remote[:200], claimed_sender=refusal.sender[:80],
                               claimed_message_id=refusal.message_id, size=len(text))
        raise


def _accept(checked: Checked, transport) -> Accepted:
    """One transaction that begins with the message's INSERT: a replay fails there (the unique constraint) before
    anything else is written, so it needs no savepoint of its own."""
    data, partner, stored = checked.envelope, checked.partner, False
    try:
        with transaction.atomic():
            message = Message.objects.create(
                message_id=data["id"], direction=Message.Direction.IN, partner=partner, type=data["type"],
                created_at=parse_datetime(data["created"]), in_reply_to=data.get("in_reply_to", ""),
                body=data["body"], jws=checked.text, sha256=evidence.sha256(checked.text),
                state=Message.State.RECEIVED)
            stored = True
            return _record_and_answer(message, partner, checked.text, transport)
    except IntegrityError:
        if stored:
            raise
        raise Refused("replay", f"message {data['id']} was received already", partner.country, data["id"]) from None


def _record_and_answer(message, partner, text, transport) -> Accepted:
    """Handle the stored message; store its receipt and replies (one INSERT) and the evidence of all of them, in
    the order received, receipt, replies (one more)."""
    kind = "receipt_received" if message.type == "receipt" else "received"
    received = evidence.Record(kind, message.message_id, message.type, partner.country, text)
    replies = _handle(message, partner)
    if message.type == "receipt":
        evidence.append_all([received])
        return Accepted(message, None, [])
    state = Message.State.DELIVERED if transport == "https" else Message.State.PENDING
    outgoing = [prepare(partner, "receipt", {"message_id": message.message_id, "message_sha256": message.sha256,
                                             "received_at": iso(message.stored_at)},
                        in_reply_to=message.message_id, kind="receipt_sent", state=state)]
    outgoing += [prepare(partner, type_, body, in_reply_to=message.message_id, subject=message.subject, state=state)
                 for type_, body in replies]
    Message.objects.bulk_create([sent for sent, _record in outgoing])
    evidence.append_all([received, *[record for _sent, record in outgoing]])
    return Accepted(message, outgoing[0][0], [sent for sent, _record in outgoing[1:]])


def _handle(message, partner) -> list:
    """Run the type's handler in a savepoint; a rule it breaks is noted on the message, which stays accepted."""
    try:
        with transaction.atomic():
            replies = handlers.handle(message, partner)
    except RuleViolation as exc:
        message.note = f"{exc.code}: {exc.message}"
        replies = []
    except Exception as exc:  # noqa: BLE001 - the message is accepted and receipted; the failure is kept on it
        logger.exception("federation: handling message %s failed", message.message_id)
        message.note = f"internal_error: {type(exc).__name__}"
        replies = []
    if message.note or message.subject:
        message.save(update_fields=["note", "subject"])
    return replies
