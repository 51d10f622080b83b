"""The IAFQ tracing status that the registry implies for an item, and why (stored as Item.tracing_status by
tracing.projection)."""

from dataclasses import dataclass

from django.utils import timezone
from django.utils.translation import gettext as _

from armstrace.registry.models import EventKind, Item, Licence, Marking, Party
from armstrace.tracing.history import History, analyse_history, country_name
from armstrace.tracing.models import RequestStatus, TracingRequest
from armstrace.tracing.status import TracingStatus

K = EventKind


def _usable_serial(item, markings):
    if item.serial_normalized:
        return True
    return any(m.normalized and m.state != Marking.State.OBLITERATED
               for m in markings if m.kind in (Marking.Kind.SERIAL, Marking.Kind.REMARK))


def licensed_on(party_id, day):
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


def _through_source(item, depth):
    """The finding of the item that `item` was converted or reactivated from, if any: tracing follows it."""
    source_id = getattr(item, "source_item_id", None)
    if not source_id or source_id == item.pk or depth >= 3:
        return None
    source = Item.objects.filter(pk=source_id).first()
    if source is None:
        return None
    found = tracing_finding(source, depth + 1)
    return StatusFinding(found.status, _("through its source item #%(id)s (%(item)s): %(reason)s")
                         % {"id": source.pk, "item": source, "reason": found.reason}, found.licence_holder)


def find_status(item, history: History, markings, requests, licensed_on=licensed_on, depth=0) -> StatusFinding:
    # 1. The answer to an outgoing tracing request, when it states an outcome, is the most informed one.
    for e in reversed(history.events):
        p = e.payload or {}
        if e.kind == K.TRACE_RECORDED and p.get("direction") == "outgoing" and p.get("outcome") in TracingStatus.values:
            return StatusFinding(TracingStatus(p["outcome"]),
                                 _("answer to tracing request %(ref)s") % {"ref": p.get("request", "")})
    for r in requests:
        if r.direction == TracingRequest.Direction.OUTGOING and r.outcome in TracingStatus.values:
            return StatusFinding(TracingStatus(r.outcome), _("answer to tracing request %(ref)s") % {"ref": r.reference})
    # 2. A converted or reactivated item is traced through the item it was made from.
    through = _through_source(item, depth)
    if through is not None:
        return through
    # 3. Unique identification.
    if (item.custom_fields or {}).get("illicitly_manufactured"):
        return StatusFinding(TracingStatus.ILLICITLY_MANUFACTURED, _("recorded as illicitly manufactured"))
    if not _usable_serial(item, markings):
        if any(m.state in (Marking.State.OBLITERATED, Marking.State.PARTIALLY_OBLITERATED) for m in markings):
            return StatusFinding(TracingStatus.ALTERED_MARKING, _("the serial number is erased or altered"))
        return StatusFinding(TracingStatus.NO_INFORMATION, _("no serial number recorded"))
    if item.make_id is None and item.model_id is None:
        return StatusFinding(TracingStatus.NO_INFORMATION, _("the make is unknown"))
    # 4. The national registry.
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
    # 5. Never registered here: it depends on the tracing requests.
    outgoing = [r for r in requests if r.direction == TracingRequest.Direction.OUTGOING]
    if any(r.status in (RequestStatus.SENT, RequestStatus.ACKNOWLEDGED) for r in outgoing):
        return StatusFinding(TracingStatus.PENDING, _("a tracing request awaits its answer"))
    if any(r.status in (RequestStatus.ANSWERED, RequestStatus.CLOSED) for r in outgoing):
        return StatusFinding(TracingStatus.NO_POINT_OF_DIVERSION, _("tracing requested; no point of diversion identified"))
    return StatusFinding(TracingStatus.NOT_INITIATED, _("not in the national registry and no tracing request sent"))


def tracing_finding(item, depth=0) -> StatusFinding:
    return find_status(item, analyse_history(item), list(item.markings.all()), list(item.tracing_requests.all()),
                       depth=depth)


def iafq_tracing_status(item) -> TracingStatus:
    """The IAFQ tracing status that the registry implies for `item` (stored as Item.tracing_status)."""
    return tracing_finding(item).status
