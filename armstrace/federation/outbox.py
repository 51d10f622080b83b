"""Sending: the outbox is the outgoing messages still pending. `armstrace federation deliver` (from cron or a
systemd timer) POSTs each due one to its partner's inbox; a failure is retried after
ARMSTRACE_FEDERATION_RETRY_SECONDS × 2^(tries-1), and after ARMSTRACE_FEDERATION_MAX_TRIES it is undeliverable.
The receipt and replies in the inbox's answer go through the inbox checks here too. Offline, `export` writes the
pending messages to a file (one compact JWS a line) and `import` reads such a file into the inbox."""

import http.client
import json
import threading
import urllib.parse
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
    return _request("POST", url, text.encode("ascii"), {"Content-Type": CONTENT_TYPE}, timeout)


_connections = threading.local()  # (scheme, host, port) -> an open HTTP/1.1 connection, per thread


def _request(method, url, body, headers, timeout) -> tuple[int, dict]:
    """One request over this thread's kept-alive connection to the host (one TCP and TLS setup per partner,
    not per message). A kept connection that the server closed meanwhile is replaced once."""
    parts = urllib.parse.urlsplit(url)
    target = (parts.path or "/") + (f"?{parts.query}" if parts.query else "")
    for attempt in (1, 2):
        connection, reused = _connection(parts, timeout or settings.ARMSTRACE_FEDERATION_TIMEOUT)
        try:
            connection.request(method, target, body=body, headers={**headers, "Accept": "application/json"})
            response = connection.getresponse()
            status, data = response.status, response.read()
        except (http.client.RemoteDisconnected, ConnectionResetError, BrokenPipeError) as exc:
            _drop(parts)
            if reused and attempt == 1:
                continue
            raise DeliveryFailed(str(exc) or type(exc).__name__) from None
        except (OSError, http.client.HTTPException) as exc:
            _drop(parts)
            raise DeliveryFailed(str(exc) or type(exc).__name__) from None
        if response.will_close:
            _drop(parts)
        return status, _json_answer(status, data)
    raise AssertionError("unreachable")


def _connection(parts, timeout):
    pool = _connections.__dict__.setdefault("pool", {})
    key = (parts.scheme, parts.hostname, parts.port)
    if key in pool:
        pool[key].timeout = timeout
        if pool[key].sock is not None:
            pool[key].sock.settimeout(timeout)
        return pool[key], True
    if parts.scheme not in ("http", "https"):
        raise DeliveryFailed(f"unsupported URL scheme {parts.scheme!r}")
    kind = http.client.HTTPSConnection if parts.scheme == "https" else http.client.HTTPConnection
    pool[key] = kind(parts.hostname, parts.port, timeout=timeout)
    return pool[key], False


def _drop(parts):
    connection = _connections.__dict__.get("pool", {}).pop((parts.scheme, parts.hostname, parts.port), None)
    if connection is not None:
        connection.close()


def _json_answer(status, data) -> dict:
    try:
        return json.loads(data or b"{}")
    except ValueError:
        if status >= 400:
            return {}
        raise DeliveryFailed(f"HTTP {status}: the answer is not JSON") from None


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
