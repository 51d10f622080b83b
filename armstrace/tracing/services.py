"""Tracing services: ITI tracing requests, their workflow and their exchange formats.

Only these functions write TracingRequest rows and `trace_recorded` events. The history analysis is
tracing.history, the IAFQ tracing status tracing.finding (stored as Item.tracing_status by tracing.projection), the
trace report tracing.report.
"""

from datetime import date, timedelta

import jsonschema
import pycountry
from django.db import transaction
from django.utils import timezone
from django.utils.dateparse import parse_date
from django.utils.translation import gettext as _

from armstrace.core.actor import SYSTEM
from armstrace.core.errors import RuleViolation
from armstrace.profile import get_profile
from armstrace.registry import services as registry_services
from armstrace.registry.models import EventKind, ItemStatus, Marking
from armstrace.tracing.history import CUSTODY_KINDS, day
from armstrace.tracing.models import RequestStatus, TracingRequest
from armstrace.tracing.status import TracingStatus

K = EventKind


def response_due_days():
    return int((get_profile().tracing or {}).get("response_due_days", 30))


REQUEST_FIELDS = [
    "direction", "counterpart_country", "counterpart_authority", "counterpart_reference", "identifying_marks",
    "serial_number", "firearm_type", "calibre", "make", "model", "country_of_manufacture", "country_of_import",
    "reason_illicit", "circumstances_of_recovery", "intended_use", "requesting_authority", "point_of_contact",
]


def prefill_from_item(item) -> dict:
    """Initial values of a request about `item`: its marks and description, and a counterpart to ask."""
    marks = [f"{m.get_kind_display()}: {m.text}" + (f" ({m.position})" if m.position else "")
             + ("" if m.state == Marking.State.INTACT else f" [{m.get_state_display()}]")
             for m in item.markings.all()]
    last_custody = item.events.filter(kind__in=list(CUSTODY_KINDS)).order_by("-seq").first()
    profile = get_profile()
    foreign_import = item.country_of_import if item.country_of_import and item.country_of_import != profile.country else ""
    counterpart = foreign_import or (item.country_of_manufacture if item.country_of_manufacture != profile.country else "")
    return {
        "direction": TracingRequest.Direction.OUTGOING,
        "counterpart_country": counterpart,
        "identifying_marks": "\n".join(marks) or item.serial_number,
        "serial_number": item.serial_number,
        "firearm_type": item.firearm_type,
        "calibre": item.calibre.name if item.calibre else "",
        "make": item.make.name if item.make else "",
        "model": item.model.name if item.model else "",
        "country_of_manufacture": item.country_of_manufacture,
        "country_of_import": item.country_of_import,
        "circumstances_of_recovery": ((last_custody.payload or {}).get("circumstances", "") + (
            f" — {(last_custody.payload or {}).get('location', '')}, {day(last_custody.occurred_at)}"
            if last_custody else "")) if last_custody else "",
        "requesting_authority": next((a["name"] for a in profile.agencies if a.get("kind") == "police"),
                                     profile.agencies[0]["name"] if profile.agencies else ""),
    }


def _actor_name(actor):
    user = getattr(actor, "user", None)
    return user.get_username() if user is not None and getattr(user, "is_authenticated", False) else "system"


def _checked_fields(data: dict, partial=False) -> dict:
    """The request fields of `data`, checked as the International Tracing Instrument needs them (all of them for a
    new request; those given for an edit, `partial`). Country codes come back upper-case."""
    unknown = set(data) - set(REQUEST_FIELDS)
    if unknown:
        raise RuleViolation("bad_field", _("Unknown fields: %(f)s") % {"f": ", ".join(sorted(unknown))})
    if "direction" in data and data["direction"] not in TracingRequest.Direction.values:
        raise RuleViolation("bad_direction", _("A request is outgoing or incoming."), "direction")
    for name in ("identifying_marks", "reason_illicit", "intended_use", "requesting_authority", "point_of_contact",
                 "counterpart_country"):
        if (not partial or name in data) and not (data.get(name) or "").strip():
            raise RuleViolation("required", _("This information is required by the International Tracing Instrument."), name)
    for name in ("counterpart_country", "country_of_manufacture", "country_of_import"):
        code = (data.get(name) or "").upper()
        if code and pycountry.countries.get(alpha_3=code) is None:
            raise RuleViolation("bad_country", _("Not an ISO 3166-1 alpha-3 country code."), name)
        if name in data:
            data[name] = code
    return data


def create_request(data: dict, *, item=None, actor=SYSTEM) -> TracingRequest:
    """A new request in draft. For an incoming request, `send` then records its receipt."""
    data = _checked_fields(dict(data))
    with transaction.atomic():
        request = TracingRequest.objects.create(item=item, created_by=actor.user if getattr(actor.user, "is_authenticated", False) else None, **data)
        prefix = "TR" if request.direction == TracingRequest.Direction.OUTGOING else "TI"
        request.reference = f"{prefix}-{request.created_at.year}-{request.pk:05d}"
        request.save(update_fields=["reference"])
    return request


_UNCHANGED = object()


def update_request(request, data: dict, *, item=_UNCHANGED, actor=SYSTEM) -> TracingRequest:
    """Edit a draft: the fields given in `data` (and the item, if given), under the checks of create_request."""
    data = _checked_fields(dict(data), partial=True)
    with transaction.atomic():
        request = TracingRequest.objects.select_for_update().get(pk=request.pk)
        if request.status != RequestStatus.DRAFT:
            raise RuleViolation("not_draft", _("Only a draft can be edited."))
        for name, value in data.items():
            setattr(request, name, value)
        if item is not _UNCHANGED:
            request.item = item
        request.save()
    return request


TRANSITIONS = {
    "send": ({RequestStatus.DRAFT}, RequestStatus.SENT),
    "acknowledge": ({RequestStatus.SENT}, RequestStatus.ACKNOWLEDGED),
    "answer": ({RequestStatus.SENT, RequestStatus.ACKNOWLEDGED}, RequestStatus.ANSWERED),
    "close": ({RequestStatus.SENT, RequestStatus.ACKNOWLEDGED, RequestStatus.ANSWERED}, RequestStatus.CLOSED),
}


def _transition(request, action):
    allowed, target = TRANSITIONS[action]
    request = TracingRequest.objects.select_for_update().get(pk=request.pk)
    if request.status not in allowed:
        raise RuleViolation("bad_status", _("A request whose status is “%(status)s” cannot be %(action)s.")
                            % {"status": request.get_status_display(), "action": {
                                "send": _("sent"), "acknowledge": _("acknowledged"), "answer": _("answered"),
                                "close": _("closed")}[action]})
    request.status = target
    return request


def _check_date(at, after, field, message):
    """Refuse a workflow date in the future, or before the step it follows (`after`, an instant or None)."""
    if at > timezone.now() + timedelta(minutes=5):
        raise RuleViolation("future_date", _("The date cannot be in the future."), field)
    if after is not None and timezone.localtime(at).date() < timezone.localtime(after).date():
        raise RuleViolation("out_of_order", message % {"date": timezone.localtime(after).strftime("%Y-%m-%d")},
                            field)


def send(request, *, at=None, actor=SYSTEM):
    """Outgoing: sent to the counterpart (on `at`, default now). Incoming: received from it. The answer is due
    `response_due_days` after that day."""
    at = at or timezone.now()
    with transaction.atomic():
        request = _transition(request, "send")
        _check_date(at, None, "sent_on", "")
        request.sent_at = at
        request.due_date = timezone.localtime(at).date() + timedelta(days=response_due_days())
        request.save()
    return request


def acknowledge(request, *, at=None, actor=SYSTEM):
    """The counterpart acknowledged the request on `at` (default now), not before it was sent."""
    at = at or timezone.now()
    with transaction.atomic():
        request = _transition(request, "acknowledge")
        _check_date(at, request.sent_at, "acknowledged_on",
                    _("A request cannot be acknowledged before it was sent (%(date)s)."))
        request.acknowledged_at = at
        request.save()
    return request


def record_answer(request, answer: dict, *, at=None, actor=SYSTEM):
    """Record the answer; when the request concerns an item, its findings become a `trace_recorded` event, unless
    the item was destroyed (the answer is then kept on the request only)."""
    at = at or timezone.now()
    outcome = answer.get("outcome") or ""
    if outcome and outcome not in TracingStatus.values:
        raise RuleViolation("bad_outcome", _("Unknown tracing outcome."), "outcome")
    findings = {k: v for k, v in (answer.get("findings") or {}).items() if v not in ("", None)}
    if not findings and not outcome:
        raise RuleViolation("empty_answer", _("An answer must give its findings or an outcome."), "findings")
    with transaction.atomic():
        request = _transition(request, "answer")
        request.answered_at = at
        request.outcome = outcome
        request.answer = {**answer, "findings": findings, "recorded_by": _actor_name(actor)}
        request.save()
        item = registry_services.lock_item(request.item) if request.item_id else None
        if item is not None and item.status != ItemStatus.DESTROYED:  # a destroyed item takes no more events
            registry_services.record(item, K.TRACE_RECORDED, {
                "request": request.reference, "direction": request.direction,
                "counterpart_country": request.counterpart_country,
                "responding_authority": answer.get("responding_authority", ""),
                "answered_on": answer.get("answered_on", ""), "outcome": outcome, "findings": findings,
            }, timezone.now(), actor)
    return request


def close(request, *, note="", at=None, actor=SYSTEM):
    with transaction.atomic():
        request = _transition(request, "close")
        if request.answered_at is None and not note:
            raise RuleViolation("note_required", _("Say why the request is closed without an answer."), "closing_note")
        request.closed_at = at or timezone.now()
        request.closing_note = note
        request.save()
    return request


def overdue(today=None):
    """Open requests (sent or acknowledged) whose answer is past due, most overdue first."""
    today = today or timezone.localdate()
    return (TracingRequest.objects.filter(status__in=[RequestStatus.SENT, RequestStatus.ACKNOWLEDGED], due_date__lt=today)
            .select_related("item").order_by("due_date", "pk"))


# ---------------------------------------------------------------- exchange formats

REQUEST_FORMAT = "armstrace-tracing-request/1"
ANSWER_FORMAT = "armstrace-tracing-answer/1"

ANSWER_SCHEMA = {
    "type": "object",
    "required": ["format", "request_reference"],
    "properties": {
        "format": {"const": ANSWER_FORMAT},
        "request_reference": {"type": "string", "minLength": 1},
        "responding_country": {"type": "string", "pattern": "^[A-Z]{3}$"},
        "responding_authority": {"type": "string"},
        "answered_on": {"type": "string", "format": "date"},
        "outcome": {"enum": [""] + list(TracingStatus.values)},
        "findings": {"type": "object", "additionalProperties": {"type": ["string", "number", "boolean", "null"]}},
    },
    "anyOf": [{"required": ["findings"]}, {"required": ["outcome"]}],
}


def export_request(request) -> dict:
    """The request in the exchange format (ITI section 17): what a counterpart needs to trace the weapon."""
    return {
        "format": REQUEST_FORMAT,
        "reference": request.reference,
        "direction": request.direction,
        "requesting_state": get_profile().country if request.direction == "outgoing" else request.counterpart_country,
        "requested_state": request.counterpart_country if request.direction == "outgoing" else get_profile().country,
        "counterpart_authority": request.counterpart_authority,
        "counterpart_reference": request.counterpart_reference,
        "status": request.status,
        "sent_on": day(request.sent_at),
        "answer_due_by": request.due_date.isoformat() if request.due_date else None,
        "weapon": {
            "identifying_marks": request.identifying_marks, "serial_number": request.serial_number,
            "type": request.firearm_type, "calibre": request.calibre, "make": request.make, "model": request.model,
            "country_of_manufacture": request.country_of_manufacture, "country_of_import": request.country_of_import,
        },
        "reason_illicit": request.reason_illicit,
        "circumstances_of_recovery": request.circumstances_of_recovery,
        "intended_use": request.intended_use,
        "requesting_authority": request.requesting_authority,
        "point_of_contact": request.point_of_contact,
        "answer_template": {"format": ANSWER_FORMAT, "request_reference": request.reference, "responding_country": "",
                            "responding_authority": "", "answered_on": "", "outcome": "", "findings": {}},
    }


def export_answer(request) -> dict:
    """Our answer to an incoming request, in the answer exchange format."""
    return {"format": ANSWER_FORMAT, "request_reference": request.counterpart_reference or request.reference,
            "responding_country": get_profile().country,
            "responding_authority": request.answer.get("responding_authority", ""),
            "answered_on": day(request.answered_at), "outcome": request.outcome,
            "findings": request.answer.get("findings", {})}


def validate_answer(data) -> list:
    validator = jsonschema.Draft202012Validator(ANSWER_SCHEMA, format_checker=jsonschema.FormatChecker())
    errors = [f"{'/'.join(map(str, e.path)) or '(top level)'}: {e.message}" for e in validator.iter_errors(data)]
    if not errors and data.get("answered_on") and parse_date(data["answered_on"]) is None:
        errors.append("answered_on: not a date")
    return errors


def import_answer(data, *, request=None, actor=SYSTEM):
    """Record an answer received as JSON. The request is `request`, or the one its `request_reference` names."""
    if not isinstance(data, dict):
        raise RuleViolation("bad_answer", _("The answer file must hold a JSON object."))
    errors = validate_answer(data)
    if errors:
        raise RuleViolation("bad_answer", _("This is not a tracing answer: %(e)s") % {"e": "; ".join(errors)})
    if request is None:
        request = TracingRequest.objects.filter(reference=data["request_reference"]).first()
        if request is None:
            raise RuleViolation("unknown_request", _("No tracing request has the reference %(ref)s.")
                                % {"ref": data["request_reference"]})
    elif data["request_reference"] not in (request.reference, request.counterpart_reference):
        raise RuleViolation("wrong_request", _("This answer is for request %(ref)s, not %(this)s.")
                            % {"ref": data["request_reference"], "this": request.reference})
    answered_on = parse_date(data["answered_on"]) if data.get("answered_on") else None
    answer = {"responding_country": data.get("responding_country", ""),
              "responding_authority": data.get("responding_authority", ""),
              "answered_on": answered_on.isoformat() if answered_on else "",
              "outcome": data.get("outcome", ""), "findings": {k: str(v) for k, v in (data.get("findings") or {}).items()
                                                               if v is not None}, "imported": True}
    return record_answer(request, answer, actor=actor)


def days_overdue(request, today=None) -> int:
    today = today or date.today()
    return (today - request.due_date).days if request.is_overdue(today) else 0
