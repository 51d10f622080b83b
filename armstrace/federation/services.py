"""Federation services for users and the other apps: send a tracing request or its answer to a partner, check a
serial with a partner's lost/stolen records, and what partners said about an item."""

from django.db import transaction
from django.utils.translation import gettext as _

from armstrace.core.actor import SYSTEM
from armstrace.core.errors import RuleViolation
from armstrace.federation import outbox, partners
from armstrace.federation.messages import compose
from armstrace.federation.models import Message, Partner
from armstrace.tracing import services as tracing
from armstrace.tracing.models import RequestStatus, TracingRequest

DEFAULT_LEGAL_BASIS = ("International Tracing Instrument (A/60/88), sections 14-19; UN Firearms Protocol, "
                       "article 12(4)")


def enabled_partner(country) -> Partner:
    partner = partners.get_partner(country)
    if not partner.enabled:
        raise RuleViolation("partner_disabled", _("%(c)s is disabled as a partner.") % {"c": partner.country})
    return partner


def send_tracing_request(request, *, legal_basis=DEFAULT_LEGAL_BASIS, actor=SYSTEM, deliver=True) -> Message:
    """Send an outgoing request to the partner of its counterpart country; a draft becomes "sent"."""
    if request.direction != TracingRequest.Direction.OUTGOING:
        raise RuleViolation("not_outgoing", _("Only a request to a foreign State can be sent to a partner."))
    if Message.objects.filter(direction="out", type="tracing-request", subject=request.reference).exists():
        raise RuleViolation("sent_already", _("This request was sent to the partner already."))
    partner = enabled_partner(request.counterpart_country)
    with transaction.atomic():
        if request.status == RequestStatus.DRAFT:
            request = tracing.send(request, actor=actor)
        body = {k: v for k, v in tracing.export_request(request).items() if k != "answer_template"}
        body = {**body, "legal_basis": legal_basis,
                "weapon": {k: v or "" for k, v in body["weapon"].items()}, "sent_on": body["sent_on"] or ""}
        body = {k: v for k, v in body.items() if v is not None}
        message = compose(partner, "tracing-request", body, subject=request.reference)
    return _try_now(message) if deliver else message


def send_tracing_answer(request, *, deliver=True) -> Message:
    """Send our answer to a request a partner made."""
    if request.direction != TracingRequest.Direction.INCOMING or request.status not in (
            RequestStatus.ANSWERED, RequestStatus.CLOSED) or request.answered_at is None:
        raise RuleViolation("not_answered", _("Only an answered request from a partner can be answered to it."))
    partner = enabled_partner(request.counterpart_country)
    answer = {k: v for k, v in tracing.export_answer(request).items() if v not in (None, "")}
    message = compose(partner, "tracing-answer", answer, subject=request.reference)
    return _try_now(message) if deliver else message


def check_lost_stolen(country, serial, make="", item=None) -> Message:
    """Ask a partner whether it has a record of this serial and whether it was reported lost or stolen. The
    query goes at once; its answer comes with the inbox's reply (see lost_stolen_answer)."""
    partner = enabled_partner(country)
    body = {"serial": serial.strip()[:64], **({"make": make[:120]} if make else {})}
    if not body["serial"]:
        raise RuleViolation("required", _("Give the serial number."), "serial")
    return _try_now(compose(partner, "lost-stolen-query", body, subject=str(item.uid) if item else ""))


def _try_now(message) -> Message:
    outbox.deliver_one(message)
    message.refresh_from_db()
    return message


def lost_stolen_answer(query: Message):
    return Message.objects.filter(direction="in", type="lost-stolen-answer", in_reply_to=query.message_id,
                                  partner=query.partner).first()


def item_checks(item) -> list:
    """The lost/stolen checks made about `item`, newest first: [(query, answer or None)]."""
    queries = Message.objects.filter(direction="out", type="lost-stolen-query", subject=str(item.uid))
    return [(query, lost_stolen_answer(query)) for query in queries.select_related("partner")]


def report_checks(item) -> list:
    """The item's lost/stolen checks for its trace report's JSON (tracing.api.ReportPartnerCheckSerializer)."""
    checks = []
    for query, answer in item_checks(item):
        body = answer.body if answer else {}
        checks.append({"asked_at": query.stored_at.isoformat(), "partner": query.partner.country,
                       "serial": query.body.get("serial", ""), "make": query.body.get("make", ""),
                       "state": query.state, "result": body.get("result"), "reported_on": body.get("reported_on"),
                       "contact_point": body.get("contact_point")})
    return checks


def request_messages(request) -> list:
    return list(Message.objects.filter(subject=request.reference).select_related("partner").order_by("stored_at", "id"))
