"""What an accepted message does here, by type; each handler returns the replies to send, as (type, body).
The tracing app's and the registry's public services do the work (and record the `trace_recorded` event)."""

from django.conf import settings
from django.utils import timezone
from django.utils.translation import gettext as _

from armstrace.accounts.accesslog import log_partner_query
from armstrace.core.errors import RuleViolation
from armstrace.federation.models import Installation, Message, PartnerQuery
from armstrace.registry.lookup import exact_serial_ids
from armstrace.registry.models import EventKind, FirearmType, Item, ItemStatus, Make
from armstrace.tracing import services as tracing
from armstrace.tracing.models import TracingRequest


def handle(message: Message, partner) -> list:
    return HANDLERS[message.type](message, partner)


def exact_item(serial, make_name=""):
    """The one registry item with this serial (and make, where given), by the marking search's exact look-up
    (registry.lookup: the serial or a marking, normalised, else with look-alike characters folded)."""
    make = Make.objects.filter(name__iexact=make_name).first() if make_name else None
    if make_name and make is None:
        return None
    ids, _form = exact_serial_ids(serial or "")
    if not ids:
        return None
    items = list(Item.objects.filter(pk__in=ids, **({"make": make} if make else {}))[:2])
    return items[0] if len(items) == 1 else None


def _tracing_request(message, partner):
    body, weapon = message.body, message.body["weapon"]
    item = exact_item(weapon.get("serial_number", ""), weapon.get("make", ""))
    request = tracing.create_request({
        "direction": TracingRequest.Direction.INCOMING, "counterpart_country": partner.country,
        "counterpart_authority": body["requesting_authority"], "counterpart_reference": body["reference"],
        "identifying_marks": weapon["identifying_marks"], "serial_number": weapon.get("serial_number", ""),
        "firearm_type": weapon.get("type", "") if weapon.get("type", "") in FirearmType.values else "",
        "calibre": weapon.get("calibre", ""), "make": weapon.get("make", ""), "model": weapon.get("model", ""),
        "country_of_manufacture": weapon.get("country_of_manufacture", ""),
        "country_of_import": weapon.get("country_of_import", ""), "reason_illicit": body["reason_illicit"],
        "circumstances_of_recovery": body.get("circumstances_of_recovery", ""),
        "intended_use": f"{body['intended_use']}\n{_('Legal basis')}: {body['legal_basis']}",
        "requesting_authority": body["requesting_authority"], "point_of_contact": body["point_of_contact"]},
        item=item)
    request = tracing.send(request, at=message.stored_at)
    message.subject = request.reference
    return [("tracing-ack", {"request_reference": body["reference"], "reference": request.reference,
                             "received_on": timezone.localdate().isoformat(),
                             "answer_due_by": request.due_date.isoformat()})]


def _own_request(partner, reference):
    request = TracingRequest.objects.filter(reference=reference, direction=TracingRequest.Direction.OUTGOING,
                                            counterpart_country=partner.country).first()
    if request is None:
        raise RuleViolation("unknown_request", _("No request %(ref)s was sent to %(c)s.")
                            % {"ref": reference, "c": partner.country})
    return request


def _tracing_ack(message, partner):
    request = _own_request(partner, message.body["request_reference"])
    message.subject = request.reference
    tracing.acknowledge(request, at=message.stored_at)
    return []


def _tracing_answer(message, partner):
    request = _own_request(partner, message.body["request_reference"])
    message.subject = request.reference
    tracing.import_answer({**message.body, "responding_country": partner.country}, request=request)
    return []


def lost_stolen_result(item):
    """(result, reported_on) of the item for a partner: never who holds it."""
    if item is None:
        return "no_record", None
    if item.status not in (ItemStatus.LOST, ItemStatus.STOLEN):
        return "recorded", None
    report = item.events.filter(kind__in=[EventKind.LOSS_REPORTED, EventKind.THEFT_REPORTED]).order_by("-seq").first()
    return "reported_lost_stolen", timezone.localtime(report.occurred_at).date().isoformat()


def contact_point():
    installation = Installation.objects.first()
    return settings.ARMSTRACE_FEDERATION_CONTACT or (installation.name if installation else "")


def _lost_stolen_query(message, partner):
    serial, make = message.body["serial"], message.body.get("make", "")
    item = exact_item(serial, make)
    result, reported_on = lost_stolen_result(item)
    query = PartnerQuery.objects.create(partner=partner, message_id=message.message_id, serial=serial, make=make,
                                        result=result, item_uid=str(item.uid) if item else "")
    log_partner_query(partner.name, query.pk, serial)
    answer = {"serial": serial, "result": result, "contact_point": contact_point()[:200]}
    if make:
        answer["make"] = make
    if reported_on:
        answer["reported_on"] = reported_on
    return [("lost-stolen-answer", answer)]


def _lost_stolen_answer(message, partner):
    query = Message.objects.filter(direction=Message.Direction.OUT, message_id=message.in_reply_to,
                                   partner=partner, type="lost-stolen-query").first()
    message.subject = query.subject if query else ""
    return []


def _receipt(message, partner):
    """A receipt of a message that left as a file (or whose HTTP answer was lost): the message is delivered."""
    sent = Message.objects.filter(direction=Message.Direction.OUT, message_id=message.body["message_id"],
                                  partner=partner).first()
    if sent is None or sent.sha256 != message.body["message_sha256"]:
        raise RuleViolation("unknown_message", _("This receipt is for no message sent to this partner."))
    if not sent.receipt_jws:
        Message.objects.filter(pk=sent.pk).update(state=Message.State.DELIVERED, receipt_jws=message.jws,
                                                  delivered_at=timezone.now())
    return []


HANDLERS = {"tracing-request": _tracing_request, "tracing-ack": _tracing_ack, "tracing-answer": _tracing_answer,
            "lost-stolen-query": _lost_stolen_query, "lost-stolen-answer": _lost_stolen_answer, "receipt": _receipt}
