"""The trace report of an item: everything the registry knows to trace it, as JSON-ready data (its schema is
tracing.api.TraceReportSerializer)."""

from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from armstrace.core.extensions import report_sections
from armstrace.profile import get_profile
from armstrace.registry.models import EventKind, Item, Party
from armstrace.tracing.finding import find_status, licensed_on
from armstrace.tracing.history import analyse_history, country_name, day

PARTY_KEYS = ("holder", "from_holder", "previous_holder")
DIVERSION_LABELS = {
    "theft": _("Theft reported by the holder"),
    "loss": _("Loss reported by the holder"),
    "unknown_transfer": _("Found while registered as legally held: unrecorded transfer"),
    "seizure_from_holder": _("Seized while registered as legally held, with no loss or theft reported"),
    "after_export": _("Recovered in the country after a legal export"),
}


def trace_report(item, depth=0) -> dict:
    """Everything the registry knows to trace `item`, as JSON-ready data; with the report of the item it was
    converted or reactivated from (`source`), and the parts fitted to it with their histories (`parts`)."""
    item = Item.objects.select_related("make", "model", "calibre", "current_holder").get(pk=item.pk)
    history = analyse_history(item)
    markings = list(item.markings.all())
    requests = list(item.tracing_requests.order_by("created_at"))
    parties = Party.objects.in_bulk([x for x in _party_ids(item, history) if x])
    finding = find_status(item, history, markings, requests)
    return {
        "generated_at": timezone.now().isoformat(),
        "registry_country": get_profile().country,
        "item": _item(item, markings, parties),
        "events": [_event(e, parties) for e in history.events],
        "entered_registry_by": history.entered_by,
        "entered_registry_by_label": str(EventKind(history.entered_by).label) if history.entered_by in EventKind.values else "",
        "last_legitimate_holder": _last_holder(history, parties),
        "point_of_diversion": _diversion(history),
        "country_of_manufacture": {"code": item.country_of_manufacture, "name": country_name(item.country_of_manufacture),
                                   "year": item.year_of_manufacture},
        "last_legal_import": _last_import(item, history),
        "last_export": ({"destination_country": history.last_export.payload.get("destination_country", ""),
                         "date": day(history.last_export.occurred_at), "event_seq": history.last_export.seq}
                        if history.last_export is not None else None),
        "tracing_status": {"code": finding.status.value, "label": str(finding.status.label), "reason": str(finding.reason)},
        "tracing_requests": [_request(r) for r in requests],
        "source": _source(item, depth),
        "parts": _parts(item),
        "partner_checks": [],  # filled by the federation app when it is installed (core.extensions.REPORT_SECTIONS)
        **report_sections(item),
    }


def _source(item, depth):
    """The trace report of the item that `item` was converted or reactivated from (tracing follows it)."""
    source = Item.objects.filter(pk=item.source_item_id).first() if item.source_item_id else None
    if source is None or source.pk == item.pk or depth >= 3:
        return None
    return {"relation": item.manufacture_method or "",
            "relation_label": str(item.get_manufacture_method_display() or ""),
            "report": trace_report(source, depth + 1)}


def _parts(item):
    """The parts fitted to `item`, each with its history."""
    parts = []
    for part in item.parts.select_related("make", "model", "calibre").order_by("pk"):
        history = analyse_history(part)
        parties = Party.objects.in_bulk([x for x in _party_ids(part, history) if x])
        parts.append({"item": _item(part, list(part.markings.all()), parties),
                      "events": [_event(e, parties) for e in history.events]})
    return parts


def _party_ids(item, history):
    ids = {item.current_holder_id}
    for e in history.events:
        p = e.payload or {}
        ids.update(v for k, v in p.items() if k in PARTY_KEYS and isinstance(v, int))
        ids.update(v for v in (p.get("fields") or {}).values() if isinstance(v, int))
    return ids


def _party(party_id, parties):
    p = parties.get(party_id)
    if p is None:
        return None
    return {"id": p.pk, "name": p.name, "identifier": p.identifier, "kind": p.kind, "kind_label": str(p.get_kind_display())}


def _item(item, markings, parties):
    return {
        "id": item.pk, "uid": str(item.uid), "category": item.category, "firearm_type": item.firearm_type,
        "part_kind": item.part_kind,
        "part_kind_label": str(item.get_part_kind_display() if item.part_kind else item.get_category_display()),
        "make": item.make.name if item.make else "",
        "model": item.model.name if item.model else "", "calibre": item.calibre.name if item.calibre else "",
        "serial_number": item.serial_number, "year_of_manufacture": item.year_of_manufacture,
        "status": item.status, "status_label": str(item.get_status_display()),
        "manufacture_method": item.manufacture_method or "",
        "manufacture_method_label": str(item.get_manufacture_method_display() or ""),
        "method_variant": item.method_variant or "", "method_material": item.method_material or "",
        "method_evidence": item.method_evidence or "",
        "current_holder": _party(item.current_holder_id, parties), "location": item.location,
        "markings": [{"kind": m.kind, "kind_label": str(m.get_kind_display()), "text": m.text, "position": m.position,
                      "state": m.state, "state_label": str(m.get_state_display())} for m in markings],
    }


def _event(e, parties):
    p = e.payload or {}
    return {
        "seq": e.seq, "kind": e.kind, "kind_label": str(EventKind(e.kind).label) if e.kind in EventKind.values else e.kind,
        "occurred_at": e.occurred_at.isoformat(), "date": day(e.occurred_at),
        "holder": _party(p.get("holder"), parties) if "holder" in p else None,
        "from_holder": _party(p.get("from_holder") or p.get("previous_holder"), parties),
        "location": p.get("location") or p.get("last_known_location") or "",
        "details": {k: v for k, v in p.items() if k not in (*PARTY_KEYS, "item", "markings")},
        "recorded_by": e.recorded_by_name, "agency": e.agency, "hash": e.hash,
    }


def _last_holder(history, parties):
    """The last legitimate holder: the holder when the item was diverted, else the holder now, else the latest."""
    d = history.diversion
    if d is not None:
        holder_id = d.holder_id
    else:
        holder_id = history.holder_id if history.holder_id is not None else history.latest_holder_id
    last_event = history.last_holder_event.get(holder_id)
    holder = _party(holder_id, parties)
    if holder is not None:
        holder["since"] = day(last_event.occurred_at) if last_event else None
        holder["until"] = day(d.event.occurred_at) if d else None
        holder["licensed_then"] = licensed_on(holder_id, timezone.localtime(d.event.occurred_at).date()) if d else None
    return holder


def _diversion(history):
    d = history.diversion
    if d is None:
        return None
    payload = d.event.payload or {}
    diversion = {
        "kind": d.kind, "label": str(DIVERSION_LABELS[d.kind]), "identified": d.identified, "event_seq": d.event.seq,
        "date": day(d.event.occurred_at),
        "location": payload.get("last_known_location") or payload.get("location", ""),
        "circumstances": d.description, "destination_country": d.destination_country,
    }
    if d.kind == "after_export" and history.last_export is not None:
        diversion["date"] = day(history.last_export.occurred_at)
        diversion["export_event_seq"] = history.last_export.seq
    return diversion


def _last_import(item, history):
    imp = history.last_import
    if imp is None and not item.country_of_import:
        return None
    code = item.country_of_import or get_profile().country
    last_import = {"country": code, "country_name": country_name(code),
                   "date": day(imp.occurred_at) if imp else None,
                   "from_country": (imp.payload or {}).get("origin_country", item.country_of_manufacture) if imp else "",
                   "event_seq": imp.seq if imp else None}
    if last_import["from_country"]:
        last_import["from_country_name"] = country_name(last_import["from_country"])
    return last_import


def _request(r):
    return {"id": r.pk, "reference": r.reference, "direction": r.direction,
            "direction_label": str(r.get_direction_display()), "status": r.status,
            "status_label": str(r.get_status_display()), "counterpart_country": r.counterpart_country,
            "outcome": r.outcome, "outcome_label": str(r.get_outcome_display()) if r.outcome else ""}
