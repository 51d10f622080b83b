"""Tracing services: the trace report of an item, its IAFQ tracing status, and ITI tracing requests.

Only these functions write TracingRequest rows and `trace_recorded` events.

Item.tracing_status is a projection of iafq_tracing_status(item), kept by tracing.projection.
"""

from dataclasses import dataclass, field
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
from armstrace.registry.models import Event, EventKind, Item, Licence, Marking, Party
from armstrace.tracing.models import RequestStatus, TracingRequest
from armstrace.tracing.status import TracingStatus

K = EventKind
HOLDING_KINDS = {K.REGISTERED, K.MANUFACTURED, K.IMPORTED, K.TRANSFERRED, K.RETURNED_TO_OWNER}
CUSTODY_KINDS = {K.SEIZED, K.FOUND, K.SURRENDERED}


def country_name(code):
    if not code:
        return ""
    country = pycountry.countries.get(alpha_3=code.upper())
    return country.name if country else code


def _day(value):
    return timezone.localtime(value).date().isoformat() if value else None


# ---------------------------------------------------------------- history analysis


@dataclass
class Diversion:
    """Where the item left legal control, as far as the national registry tells."""

    kind: str                  # theft | loss | unknown_transfer | seizure_from_holder | after_export
    event: Event
    holder_id: int | None
    identified: bool           # the registry pins down when and where
    description: str = ""
    destination_country: str = ""


@dataclass
class History:
    events: list
    entered_by: str                         # kind of the first event
    ever_held_legally: bool = False
    holder_id: int | None = None            # legitimate holder at the end of the history (None when not held)
    holder_since: Event | None = None
    diversion: Diversion | None = None
    last_import: Event | None = None
    last_export: Event | None = None
    last_export_holder: int | None = None
    latest_holder_id: int | None = None     # the most recent legitimate holder, even after the item left them
    last_holder_event: dict = field(default_factory=dict)   # holder id -> event that gave them the item


def analyse_history(item, events=None) -> History:
    """Walk the item's events in chain order, following the legitimate holder and the diversions.

    The last legitimate holder is the holder when the latest diversion happened: a reported loss or theft, a
    seizure or a find of an item the registry still showed as legally held (an unrecorded transfer, or a seizure
    from the holder), or a find or seizure in the country after a legal export. Surrenders are legitimate
    hand-overs to the State, not diversions.
    """
    events = list(item.events.order_by("seq")) if events is None else events
    history = History(events, events[0].kind if events else "")
    holder, since = None, None
    for index, e in enumerate(events):
        p = e.payload or {}
        if e.kind in HOLDING_KINDS:
            holder, since = p.get("holder"), e
            history.ever_held_legally = True
            if holder is not None:
                history.last_holder_event[holder] = e
                history.latest_holder_id = holder
            if e.kind == K.IMPORTED:
                history.last_import = e
        elif e.kind == K.EXPORTED:
            history.last_export = e
            history.last_export_holder = p.get("from_holder", holder)
            holder = None
        elif e.kind in (K.LOSS_REPORTED, K.THEFT_REPORTED):
            history.diversion = Diversion(
                "theft" if e.kind == K.THEFT_REPORTED else "loss", e, holder, True,
                p.get("circumstances", ""))
        elif e.kind in CUSTODY_KINDS and index > 0:
            before = p.get("previous_status", "")
            if before in ("active", "deactivated") and e.kind in (K.SEIZED, K.FOUND):
                kind = "seizure_from_holder" if e.kind == K.SEIZED else "unknown_transfer"
                history.diversion = Diversion(kind, e, holder, False, p.get("circumstances", ""))
            elif before == "exported" and history.last_export is not None:
                exporter = history.last_export_holder
                history.diversion = Diversion("after_export", e, exporter, True, p.get("circumstances", ""),
                                              history.last_export.payload.get("destination_country", ""))
            holder = None
        elif e.kind == K.CORRECTION and "holder" in (p.get("fields") or {}):
            holder = p["fields"]["holder"]
            if holder is not None:
                history.last_holder_event[holder] = e
                history.latest_holder_id = holder
    history.holder_id, history.holder_since = holder, since
    return history


def _usable_serial(item, markings):
    if item.serial_normalized:
        return True
    return any(m.normalized and m.state != Marking.State.OBLITERATED
               for m in markings if m.kind in (Marking.Kind.SERIAL, Marking.Kind.REMARK))


def _licensed_on(party_id, day):
    party = Party.objects.filter(pk=party_id).first()
    if party is None:
        return False
    return licensed(party.is_state, party.licences.all(), day)


def licensed(is_state, licences, day):
    return is_state or any(lic.status_on(day) == Licence.Status.VALID for lic in licences)


@dataclass
class StatusFinding:
    status: TracingStatus
    reason: str
    licence_holder: int | None = None   # the party whose licences the status checked


def _status(item, history: History, markings, requests, licensed_on=_licensed_on) -> StatusFinding:
    # 1. The answer to an outgoing tracing request, when it states an outcome, is the most informed one.
    for e in reversed(history.events):
        p = e.payload or {}
        if e.kind == K.TRACE_RECORDED and p.get("direction") == "outgoing" and p.get("outcome") in TracingStatus.values:
            return StatusFinding(TracingStatus(p["outcome"]),
                                 _("answer to tracing request %(ref)s") % {"ref": p.get("request", "")})
    for r in requests:
        if r.direction == TracingRequest.Direction.OUTGOING and r.outcome in TracingStatus.values:
            return StatusFinding(TracingStatus(r.outcome), _("answer to tracing request %(ref)s") % {"ref": r.reference})
    # 2. Unique identification.
    if (item.custom_fields or {}).get("illicitly_manufactured"):
        return StatusFinding(TracingStatus.ILLICITLY_MANUFACTURED, _("recorded as illicitly manufactured"))
    if not _usable_serial(item, markings):
        if any(m.state in (Marking.State.OBLITERATED, Marking.State.PARTIALLY_OBLITERATED) for m in markings):
            return StatusFinding(TracingStatus.ALTERED_MARKING, _("the serial number is erased or altered"))
        return StatusFinding(TracingStatus.NO_INFORMATION, _("no serial number recorded"))
    if item.make_id is None and item.model_id is None:
        return StatusFinding(TracingStatus.NO_INFORMATION, _("the make is unknown"))
    # 3. The national registry.
    d = history.diversion
    if history.ever_held_legally:
        if d is not None and d.kind == "after_export":
            return StatusFinding(TracingStatus.POINT_OF_DIVERSION,
                                 _("legally exported to %(country)s, then recovered here") % {"country": country_name(d.destination_country)})
        checked = d.holder_id if d is not None and d.kind == "seizure_from_holder" else None
        if checked is not None and not licensed_on(checked, timezone.localtime(d.event.occurred_at).date()):
            return StatusFinding(TracingStatus.ILLEGITIMATE_OWNER_NATIONAL,
                                 _("seized from the registered holder, who held no valid licence then"), checked)
        return StatusFinding(TracingStatus.LEGITIMATE_OWNER_NATIONAL, _("traced in the national registry"), checked)
    # 4. Never registered here: it depends on the tracing requests.
    outgoing = [r for r in requests if r.direction == TracingRequest.Direction.OUTGOING]
    if any(r.status in (RequestStatus.SENT, RequestStatus.ACKNOWLEDGED) for r in outgoing):
        return StatusFinding(TracingStatus.PENDING, _("a tracing request awaits its answer"))
    if any(r.status in (RequestStatus.ANSWERED, RequestStatus.CLOSED) for r in outgoing):
        return StatusFinding(TracingStatus.NO_POINT_OF_DIVERSION, _("tracing requested; no point of diversion identified"))
    return StatusFinding(TracingStatus.NOT_INITIATED, _("not in the national registry and no tracing request sent"))


def tracing_finding(item) -> StatusFinding:
    return _status(item, analyse_history(item), list(item.markings.all()), list(item.tracing_requests.all()))


def iafq_tracing_status(item) -> TracingStatus:
    """The IAFQ tracing status that the registry implies for `item` (stored as Item.tracing_status)."""
    return tracing_finding(item).status


# ---------------------------------------------------------------- trace report


def _party(party_id, parties):
    p = parties.get(party_id)
    if p is None:
        return None
    return {"id": p.pk, "name": p.name, "identifier": p.identifier, "kind": p.kind, "kind_label": str(p.get_kind_display())}


def trace_report(item) -> dict:
    """Everything the registry knows to trace `item`, as JSON-ready data."""
    item = Item.objects.select_related("make", "model", "calibre", "current_holder").get(pk=item.pk)
    history = analyse_history(item)
    markings = list(item.markings.all())
    requests = list(item.tracing_requests.order_by("created_at"))
    party_ids = {item.current_holder_id}
    for e in history.events:
        p = e.payload or {}
        party_ids.update(v for k, v in p.items() if k in ("holder", "from_holder", "previous_holder") and isinstance(v, int))
        party_ids.update(v for v in (p.get("fields") or {}).values() if isinstance(v, int))
    parties = Party.objects.in_bulk([x for x in party_ids if x])
    finding = _status(item, history, markings, requests)

    events = []
    for e in history.events:
        p = e.payload or {}
        events.append({
            "seq": e.seq, "kind": e.kind, "kind_label": str(EventKind(e.kind).label) if e.kind in EventKind.values else e.kind,
            "occurred_at": e.occurred_at.isoformat(), "date": _day(e.occurred_at),
            "holder": _party(p.get("holder"), parties) if "holder" in p else None,
            "from_holder": _party(p.get("from_holder") or p.get("previous_holder"), parties),
            "location": p.get("location") or p.get("last_known_location") or "",
            "details": {k: v for k, v in p.items() if k not in ("holder", "from_holder", "previous_holder", "item", "markings")},
            "recorded_by": e.recorded_by_name, "agency": e.agency, "hash": e.hash,
        })

    d = history.diversion
    if d is not None:
        last_holder_id = d.holder_id
        last_event = history.last_holder_event.get(d.holder_id)
    else:
        last_holder_id = history.holder_id if history.holder_id is not None else history.latest_holder_id
        last_event = history.last_holder_event.get(last_holder_id)
    last_holder = _party(last_holder_id, parties)
    if last_holder is not None:
        last_holder["since"] = _day(last_event.occurred_at) if last_event else None
        last_holder["until"] = _day(d.event.occurred_at) if d else None
        last_holder["licensed_then"] = _licensed_on(last_holder_id, timezone.localtime(d.event.occurred_at).date()) if d else None

    diversion = None
    if d is not None:
        labels = {
            "theft": _("Theft reported by the holder"),
            "loss": _("Loss reported by the holder"),
            "unknown_transfer": _("Found while registered as legally held: unrecorded transfer"),
            "seizure_from_holder": _("Seized while registered as legally held, with no loss or theft reported"),
            "after_export": _("Recovered in the country after a legal export"),
        }
        diversion = {
            "kind": d.kind, "label": str(labels[d.kind]), "identified": d.identified, "event_seq": d.event.seq,
            "date": _day(d.event.occurred_at),
            "location": (d.event.payload or {}).get("last_known_location") or (d.event.payload or {}).get("location", ""),
            "circumstances": d.description, "destination_country": d.destination_country,
        }
        if d.kind == "after_export" and history.last_export is not None:
            diversion["date"] = _day(history.last_export.occurred_at)
            diversion["export_event_seq"] = history.last_export.seq

    imp = history.last_import
    last_import = None
    if imp is not None or item.country_of_import:
        code = item.country_of_import or get_profile().country
        last_import = {"country": code, "country_name": country_name(code),
                       "date": _day(imp.occurred_at) if imp else None,
                       "from_country": (imp.payload or {}).get("origin_country", item.country_of_manufacture) if imp else "",
                       "event_seq": imp.seq if imp else None}
    if last_import is not None and last_import["from_country"]:
        last_import["from_country_name"] = country_name(last_import["from_country"])

    return {
        "generated_at": timezone.now().isoformat(),
        "registry_country": get_profile().country,
        "item": {
            "id": item.pk, "uid": str(item.uid), "category": item.category, "firearm_type": item.firearm_type,
            "part_kind": item.part_kind, "make": item.make.name if item.make else "",
            "model": item.model.name if item.model else "", "calibre": item.calibre.name if item.calibre else "",
            "serial_number": item.serial_number, "year_of_manufacture": item.year_of_manufacture,
            "status": item.status, "status_label": str(item.get_status_display()),
            "current_holder": _party(item.current_holder_id, parties), "location": item.location,
            "markings": [{"kind": m.kind, "kind_label": str(m.get_kind_display()), "text": m.text, "position": m.position,
                          "state": m.state, "state_label": str(m.get_state_display())} for m in markings],
        },
        "events": events,
        "entered_registry_by": history.entered_by,
        "entered_registry_by_label": str(EventKind(history.entered_by).label) if history.entered_by in EventKind.values else "",
        "last_legitimate_holder": last_holder,
        "point_of_diversion": diversion,
        "country_of_manufacture": {"code": item.country_of_manufacture, "name": country_name(item.country_of_manufacture),
                                   "year": item.year_of_manufacture},
        "last_legal_import": last_import,
        "last_export": ({"destination_country": history.last_export.payload.get("destination_country", ""),
                         "date": _day(history.last_export.occurred_at), "event_seq": history.last_export.seq}
                        if history.last_export is not None else None),
        "tracing_status": {"code": finding.status.value, "label": str(finding.status.label), "reason": str(finding.reason)},
        "tracing_requests": [{"id": r.pk, "reference": r.reference, "direction": r.direction,
                              "direction_label": str(r.get_direction_display()), "status": r.status,
                              "status_label": str(r.get_status_display()), "counterpart_country": r.counterpart_country,
                              "outcome": r.outcome, "outcome_label": str(r.get_outcome_display()) if r.outcome else ""}
                             for r in requests],
    }


# ---------------------------------------------------------------- tracing requests


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
            f" — {(last_custody.payload or {}).get('location', '')}, {_day(last_custody.occurred_at)}"
            if last_custody else "")) if last_custody else "",
        "requesting_authority": next((a["name"] for a in profile.agencies if a.get("kind") == "police"),
                                     profile.agencies[0]["name"] if profile.agencies else ""),
    }


def _actor_name(actor):
    user = getattr(actor, "user", None)
    return user.get_username() if user is not None and getattr(user, "is_authenticated", False) else "system"


def create_request(data: dict, *, item=None, actor=SYSTEM) -> TracingRequest:
    """A new request in draft. For an incoming request, `send` then records its receipt."""
    unknown = set(data) - set(REQUEST_FIELDS)
    if unknown:
        raise RuleViolation("bad_field", _("Unknown fields: %(f)s") % {"f": ", ".join(sorted(unknown))})
    for name in ("identifying_marks", "reason_illicit", "intended_use", "requesting_authority", "point_of_contact",
                 "counterpart_country"):
        if not (data.get(name) or "").strip():
            raise RuleViolation("required", _("This information is required by the International Tracing Instrument."), name)
    for name in ("counterpart_country", "country_of_manufacture", "country_of_import"):
        code = (data.get(name) or "").upper()
        if code and pycountry.countries.get(alpha_3=code) is None:
            raise RuleViolation("bad_country", _("Not an ISO 3166-1 alpha-3 country code."), name)
        if name in data:
            data[name] = code
    with transaction.atomic():
        request = TracingRequest.objects.create(item=item, created_by=actor.user if getattr(actor.user, "is_authenticated", False) else None, **data)
        prefix = "TR" if request.direction == TracingRequest.Direction.OUTGOING else "TI"
        request.reference = f"{prefix}-{request.created_at.year}-{request.pk:05d}"
        request.save(update_fields=["reference"])
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


def send(request, *, at=None, actor=SYSTEM):
    """Outgoing: sent to the counterpart. Incoming: received from it. The answer is due `response_due_days` later."""
    at = at or timezone.now()
    with transaction.atomic():
        request = _transition(request, "send")
        request.sent_at = at
        request.due_date = timezone.localtime(at).date() + timedelta(days=response_due_days())
        request.save()
    return request


def acknowledge(request, *, at=None, actor=SYSTEM):
    with transaction.atomic():
        request = _transition(request, "acknowledge")
        request.acknowledged_at = at or timezone.now()
        request.save()
    return request


def record_answer(request, answer: dict, *, at=None, actor=SYSTEM):
    """Record the answer; when the request concerns an item, its findings become a `trace_recorded` event."""
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
        if request.item_id:
            item = registry_services.lock_item(request.item)
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
        "sent_on": _day(request.sent_at),
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
            "answered_on": _day(request.answered_at), "outcome": request.outcome,
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
