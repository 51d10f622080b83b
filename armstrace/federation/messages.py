"""Composing signed messages: the envelope (message id, sender and recipient key ids, creation time, type and
version, body), signed as a JWS with this installation's key, stored as an outgoing message and in the evidence
log."""

import uuid
from datetime import UTC

from django.db import transaction
from django.utils import timezone

from armstrace.core import signing
from armstrace.federation import evidence, jws, schemas
from armstrace.federation.models import Message
from armstrace.profile import get_profile

VERSION = 1


def iso(value) -> str:
    return value.astimezone(UTC).isoformat(timespec="microseconds").replace("+00:00", "Z")


def envelope(partner, type_, body, *, in_reply_to="", created=None, message_id=None) -> dict:
    data = {"id": message_id or str(uuid.uuid4()), "type": type_, "version": VERSION, "from": signing.key_id(),
            "to": partner.current_key.key_id, "created": iso(created or timezone.now()), "body": body}
    if in_reply_to:
        data["in_reply_to"] = in_reply_to
    return data


def compose(partner, type_, body, *, in_reply_to="", subject="", kind="sent",
            state=Message.State.PENDING) -> Message:
    """Sign a message to `partner`, store it (pending in the outbox unless `state` says otherwise) and record it
    in the evidence log. The body must match its type's schema: we never send what a partner would refuse."""
    message, record = prepare(partner, type_, body, in_reply_to=in_reply_to, subject=subject, kind=kind, state=state)
    with transaction.atomic(savepoint=False):  # the message and its evidence entry commit together
        message.save(force_insert=True)
        evidence.append_all([record])
    return message


def prepare(partner, type_, body, *, in_reply_to="", subject="", kind="sent",
            state=Message.State.PENDING) -> tuple[Message, evidence.Record]:
    """compose's signed message, not yet stored, and its evidence record (for a caller that stores several in one
    INSERT each: store both, in one transaction)."""
    problems = schemas.errors(schemas.BODIES[(type_, VERSION)], body)
    if problems:
        raise ValueError(f"a {type_}/{VERSION} body that breaks its schema: {'; '.join(problems)}")
    data = envelope(partner, type_, body, in_reply_to=in_reply_to)
    text = jws.sign(data, kid=data["from"], issuer=get_profile().country)
    now = timezone.now()
    message = Message(message_id=data["id"], direction=Message.Direction.OUT, partner=partner, type=type_,
                      created_at=now, in_reply_to=in_reply_to, body=body, jws=text, sha256=evidence.sha256(text),
                      state=state, next_attempt_at=now, subject=subject,
                      delivered_at=now if state == Message.State.DELIVERED else None)
    return message, evidence.Record(kind, data["id"], type_, partner.country, text)
