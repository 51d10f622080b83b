"""Item.tracing_status, the IAFQ tracing status (tracing.finding.iafq_tracing_status) stored as a projection,
registered in core.projections by TracingConfig.ready.

It is rewritten in the transaction of every change of one of its inputs: an event of the item (the per-event
update, which registry.services.record runs), and, by the signal handlers below, its markings, its tracing requests,
the item's own columns, and the licences and kind of the holder whose licence the status checked
(Item.tracing_licence_holder). `armstrace projections rebuild` recomputes it from rows (start_rebuild), and the bulk
import sets it for its new items (entry_columns). The marking-search index (tracing.index) is registered for the
bulk writer too.
"""

from collections import namedtuple
from functools import lru_cache

from django.db import connection
from django.db.models import signals

from armstrace.core import projections
from armstrace.registry.models import Item, Licence, Marking, Party
from armstrace.registry.projection import EventRow, MarkingRow
from armstrace.registry.serials import normalize_serial
from armstrace.tracing import index
from armstrace.tracing.models import TracingRequest
from armstrace.tracing.finding import StatusFinding, find_status, licensed, licensed_on, tracing_finding
from armstrace.tracing.history import analyse_history
from armstrace.tracing.status import TracingStatus

# Plain rows standing for an item, its events, markings and requests where they are not model instances (projection
# rebuild, bulk import): the attributes that find_status and analyse_history read. Events and markings are
# registry.projection's EventRow and MarkingRow; the rebuild builds the item row from ITEM_FIELDS.
ITEM_FIELDS = ("custom_fields", "serial_normalized", "make_id", "model_id", "source_item_id")
ItemRow = namedtuple("ItemRow", ("pk", *ITEM_FIELDS))
RequestRow = namedtuple("RequestRow", "direction status outcome reference")


def finding_of_rows(item: ItemRow, events, markings, requests, licensed_on=licensed_on) -> StatusFinding:
    """tracing_finding from rows: `events` in seq order, `requests` in TracingRequest's default order."""
    return find_status(item, analyse_history(item, events), markings, requests, licensed_on)


def entry_tracing_status(fields, markings, how, payload, occurred_at) -> TracingStatus:
    """The status of a new item whose one event is its entry, from what services.create_item would write
    (services.entry_fields, entry_markings, entry_payload): for the bulk import."""
    # With one entry event and no request, the status reads only these facts (whether the serial forms are empty,
    # not their text; no holder, payload or date, since an entry is no diversion): computed once per combination.
    return _entry_status(how, bool((fields["custom_fields"] or {}).get("illicitly_manufactured")),
                         bool(normalize_serial(fields["serial_number"])), fields["make"] is None, fields["model"] is None,
                         tuple((m.kind, bool(normalize_serial(m.text)), m.state) for m in markings))


@lru_cache(maxsize=1024)
def _entry_status(how, illicit, serial, no_make, no_model, markings):
    item = ItemRow(None, {"illicitly_manufactured": True} if illicit else {}, "X" if serial else "",
                   None if no_make else 0, None if no_model else 0, None)
    rows = [MarkingRow(kind, "X" if text else "", state) for kind, text, state in markings]
    return finding_of_rows(item, [EventRow(how, {}, 1, None)], rows, [], _no_licence_check).status


def _no_licence_check(party_id, day):
    raise AssertionError("an item's entry event cannot be a seizure from its holder")


# Lock order, so that a status computed from a party's licences and a change of those licences never miss each
# other on PostgreSQL: a tracing request, then the items, then the party. A status that checks a party's licences holds the party FOR
# SHARE and reads them again; a change of the party or its licences locks the items depending on it, then the
# party FOR UPDATE, then recomputes them (and any item that came to depend on it meanwhile).


def _hold_party(party_id, exclusive=False):
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute(f"SELECT id FROM registry_party WHERE id = %s FOR {'UPDATE' if exclusive else 'SHARE'}",
                           [party_id])


def refresh_tracing_status(item):
    """Recompute and store the tracing status of `item` (an Item or its id), in the caller's transaction. The item's
    row is locked first (services that append its events hold it already), so that two changes of its inputs in
    concurrent transactions cannot both compute from a state that misses the other's."""
    items = Item.objects.select_for_update() if connection.in_atomic_block else Item.objects
    fresh = items.get(pk=getattr(item, "pk", item))
    finding = tracing_finding(fresh)
    if finding.licence_holder is not None and connection.vendor == "postgresql":
        _hold_party(finding.licence_holder)
        finding = tracing_finding(fresh)
    if (fresh.tracing_status, fresh.tracing_licence_holder_id) != (finding.status.value, finding.licence_holder):
        Item.objects.filter(pk=fresh.pk).update(tracing_status=finding.status.value,
                                                tracing_licence_holder_id=finding.licence_holder)
    if isinstance(item, Item):
        item.tracing_status, item.tracing_licence_holder_id = finding.status.value, finding.licence_holder
    for derived in Item.objects.filter(source_item_id=fresh.pk).exclude(pk=fresh.pk).values_list("pk", flat=True):
        refresh_tracing_status(derived)  # a converted or reactivated item is traced through this one
    return finding.status


def _dependent_items(party_ids):
    qs = Item.objects.filter(tracing_licence_holder__in=list(party_ids)).order_by("pk")
    if connection.in_atomic_block:
        qs = qs.select_for_update()
    return list(qs.values_list("pk", flat=True))


def refresh_for_parties(party_ids):
    """Recompute the items whose status checked the licences of one of `party_ids`."""
    party_ids = sorted({p for p in party_ids if p is not None})
    if not party_ids:
        return
    for party_id in party_ids:
        _hold_party(party_id, exclusive=True)
    for pk in _dependent_items(party_ids):
        refresh_tracing_status(pk)


def _on_item_saved(sender, instance, created=False, raw=False, **kwargs):
    if not raw and not created:  # a new item has no event yet: its entry event refreshes it
        refresh_tracing_status(instance)


def _on_event(item, event):
    refresh_tracing_status(item)


def _on_marking_changed(sender, instance, raw=False, **kwargs):
    if not raw and instance.item_id is not None:
        refresh_tracing_status(instance.item_id)


def _previous(model, instance, column):
    if instance.pk is None:
        return None
    return model.objects.filter(pk=instance.pk).values_list(column, flat=True).first()


def _on_request_before(sender, instance, raw=False, **kwargs):
    instance._tracing_items = {instance.item_id, None if raw else _previous(TracingRequest, instance, "item_id")}


def _on_request_after(sender, instance, raw=False, **kwargs):
    if raw:
        return
    for pk in sorted(p for p in getattr(instance, "_tracing_items", {instance.item_id}) if p is not None):
        refresh_tracing_status(pk)


def _on_licence_before(sender, instance, raw=False, **kwargs):
    if raw:
        return
    instance._tracing_parties = {instance.party_id, _previous(Licence, instance, "party_id")}
    _dependent_items(instance._tracing_parties)  # locks them before the party (see the lock order above)


def _on_licence_after(sender, instance, raw=False, **kwargs):
    if not raw:
        refresh_for_parties(getattr(instance, "_tracing_parties", {instance.party_id}))


def _on_party_before(sender, instance, raw=False, **kwargs):
    if not raw and instance.pk is not None:
        _dependent_items([instance.pk])


def _on_party_after(sender, instance, created=False, raw=False, **kwargs):
    if not raw and not created:
        refresh_for_parties([instance.pk])


def _request_rows():
    return (TracingRequest.objects.filter(item__isnull=False).order_by("item_id", "-created_at", "-id")
            .values_list("item_id", *RequestRow._fields).iterator(chunk_size=5000))


def _licence_checker():
    """finding.licensed_on with each party read once."""
    parties = {}

    def licensed_on(party_id, day):
        if party_id not in parties:
            party = Party.objects.filter(pk=party_id).first()
            parties[party_id] = party and (party.is_state, list(Licence.objects.filter(party_id=party_id)))
        found = parties[party_id]
        return bool(found) and licensed(found[0], found[1], day)

    return licensed_on


def start_rebuild():
    """The per-item rebuild of `armstrace projections rebuild` (registry.projection.ItemFacts -> columns)."""
    licensed_on = _licence_checker()

    def rebuild(facts):
        requests = [RequestRow(*r) for r in facts.streams["requests"]]
        finding = finding_of_rows(facts.item, facts.events, facts.markings, requests, licensed_on)
        return {"tracing_status": finding.status.value, "tracing_licence_holder_id": finding.licence_holder}

    return rebuild


def entry_columns(fields, markings, how, payload, occurred_at):
    """The columns of a new item of the bulk import (see entry_tracing_status)."""
    return {"tracing_status": entry_tracing_status(fields, markings, how, payload, occurred_at).value,
            "tracing_licence_holder_id": None}


PROJECTION = projections.Projection(
    name="tracing_status", columns=("tracing_status", "tracing_licence_holder_id"),
    choices={"tracing_status": TracingStatus.choices}, on_event=_on_event, rebuilder=start_rebuild,
    on_entry=entry_columns, item_fields=ITEM_FIELDS, streams={"requests": _request_rows},
)
MARKING_SEARCH = projections.BulkIndex(
    name="marking_search", tables=tuple(sorted({table for _, table in index.PG_TRIGGER_TABLES})),
    triggers_suspended=index.triggers_suspended, fill=index.index_items,
)


def connect_projection():
    """Register the projection and the marking-search index, and connect the handlers that keep the status when
    an input other than an item event changes (TracingConfig.ready)."""
    projections.register(PROJECTION)
    projections.register_bulk_index(MARKING_SEARCH)
    for n, (signal, handler, model) in enumerate((
        (signals.post_save, _on_item_saved, Item),
        (signals.post_save, _on_marking_changed, Marking),
        (signals.post_delete, _on_marking_changed, Marking),
        (signals.pre_save, _on_request_before, TracingRequest),
        (signals.post_save, _on_request_after, TracingRequest),
        (signals.pre_delete, _on_request_before, TracingRequest),
        (signals.post_delete, _on_request_after, TracingRequest),
        (signals.pre_save, _on_licence_before, Licence),
        (signals.post_save, _on_licence_after, Licence),
        (signals.pre_delete, _on_licence_before, Licence),
        (signals.post_delete, _on_licence_after, Licence),
        (signals.pre_save, _on_party_before, Party),
        (signals.post_save, _on_party_after, Party),
    )):
        signal.connect(handler, sender=model, dispatch_uid=f"tracing-status-{n}")
