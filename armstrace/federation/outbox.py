"""Sending: the outbox is the outgoing messages still pending. `armstrace federation deliver` (from cron or a
systemd timer) POSTs each due one to its partner's inbox; a failure is retried after
ARMSTRACE_FEDERATION_RETRY_SECONDS × 2^(tries-1), and after ARMSTRACE_FEDERATION_MAX_TRIES it is undeliverable.
The receipt and replies in the inbox's answer go through the inbox checks here too. Offline, `export` writes the
pending messages to a file (one compact JWS a line) and `import` reads such a file into the inbox."""

import json
import urllib.error
import urllib.request
from datetime import timedelta

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from armstrace.federation.inbox import Refused, receive
from armstrace.federation.models import Message

CONTENT_TYPE = "application/jose"


class DeliveryFailed(Exception):
    pass


def post(url, text, timeout=None) -> tuple[int, dict]:
    """POST a compact JWS; (status, JSON answer). Raises DeliveryFailed when no answer came."""
    request = urllib.request.Request(url, data=text.encode("ascii"), method="POST",
                                     headers={"Content-Type": CONTENT_TYPE, "Accept": "application/json"})
    try:
        with urllib.request.urlopen(request, timeout=timeout or settings.ARMSTRACE_FEDERATION_TIMEOUT) as response:
            return response.status, json.loads(response.read() or b"{}")
    except urllib.error.HTTPError as exc:
        try:
            return exc.code, json.loads(exc.read() or b"{}")
        except ValueError:
            return exc.code, {}
    except (OSError, ValueError) as exc:
        raise DeliveryFailed(str(getattr(exc, "reason", exc))) from None


def due(now=None):
    return Message.objects.filter(direction=Message.Direction.OUT, state=Message.State.PENDING,
                                  next_attempt_at__lte=now or timezone.now()).select_related("partner").order_by("id")


def deliver(now=None, limit=500) -> dict:
    """One pass over the due messages: counts of delivered, retried and undeliverable."""
    counts = {"delivered": 0, "retry": 0, "undeliverable": 0}
    for message in list(due(now)[:limit]):
        counts[deliver_one(message)] += 1
    return counts


def deliver_one(message) -> str:
    try:
        status, answer = post(message.partner.inbox_url, message.jws)
    except DeliveryFailed as exc:
        return _failed(message, f"no answer from {message.partner.inbox_url}: {exc}")
    if status == 200 and answer.get("status") == "accepted":
        _delivered(message, "")
        for text in [answer.get("receipt", ""), *answer.get("replies", [])]:
            _take(text)
        return "delivered"
    if status == 409 and answer.get("code") == "replay":  # a previous try got through; its answer was lost
        _delivered(message, "the partner had it already")
        return "delivered"
    return _failed(message, f"HTTP {status} {answer.get('code', '')}: {answer.get('detail', '')}"[:2000])


def _take(text):
    """A receipt or reply that came back in the inbox's answer: checked and handled like any incoming message."""
    if not isinstance(text, str) or not text:
        return
    try:
        receive(text, transport="reply")
    except Refused:
        pass  # recorded as a refusal


def _delivered(message, note):
    Message.objects.filter(pk=message.pk).update(state=Message.State.DELIVERED, delivered_at=timezone.now(),
                                                 attempts=message.attempts + 1, last_error=note)


def _failed(message, error) -> str:
    attempts = message.attempts + 1
    final = attempts >= settings.ARMSTRACE_FEDERATION_MAX_TRIES
    delay = timedelta(seconds=settings.ARMSTRACE_FEDERATION_RETRY_SECONDS * 2 ** (attempts - 1))
    Message.objects.filter(pk=message.pk).update(
        attempts=attempts, last_error=error, next_attempt_at=timezone.now() + delay,
        state=Message.State.UNDELIVERABLE if final else Message.State.PENDING)
    return "undeliverable" if final else "retry"


def retry(message):
    """Put an undeliverable message back in the outbox (an administrator's decision)."""
    Message.objects.filter(pk=message.pk, state=Message.State.UNDELIVERABLE).update(
        state=Message.State.PENDING, attempts=0, next_attempt_at=timezone.now())


def export(path, partner=None) -> int:
    """Write the pending messages (to `partner`, or all) to `path`, one per line; they count as delivered."""
    with transaction.atomic():
        pending = Message.objects.select_for_update().filter(direction=Message.Direction.OUT,
                                                             state=Message.State.PENDING)
        if partner is not None:
            pending = pending.filter(partner=partner)
        messages = list(pending.order_by("id"))
        with open(path, "w", encoding="ascii") as out:
            out.writelines(f"{m.jws}\n" for m in messages)
        for message in messages:
            _delivered(message, f"exported to {path}")
    return len(messages)


def import_file(path) -> list:
    """Each line of `path` into the inbox: [(line, accepted message or None, Refused or None)]."""
    results = []
    with open(path, encoding="ascii", errors="replace") as lines:
        for number, line in enumerate(lines, 1):
            if not line.strip():
                continue
            try:
                results.append((number, receive(line.strip(), transport="file").message, None))
            except Refused as refusal:
                results.append((number, None, refusal))
    return results
