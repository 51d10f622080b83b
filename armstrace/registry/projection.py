"""Current state of an item (status, holder, location) as a fold over its events.

Services apply the same `apply_event` to keep Item's projection columns up to date in the
event's transaction; `rebuild_projections` recomputes them from the log alone, and the tracing status
(Item.tracing_status, kept by the tracing app) with them.
"""

from dataclasses import asdict, dataclass

from armstrace.registry.models import EventKind, Item, ItemStatus

S = ItemStatus
K = EventKind

# kind -> (new status or None to keep it, holder rule). Holder rules: "payload" takes
# payload["holder"], "clear" empties it, "keep" leaves it.
RULES = {
    K.MANUFACTURED: (S.ACTIVE, "payload"),
    K.IMPORTED: (S.ACTIVE, "payload"),
    K.REGISTERED: (S.ACTIVE, "payload"),
    K.TRANSFERRED: (S.ACTIVE, "payload"),
    K.RETURNED_TO_OWNER: (S.ACTIVE, "payload"),
    K.EXPORTED: (S.EXPORTED, "clear"),
    K.LOSS_REPORTED: (S.LOST, "keep"),
    K.THEFT_REPORTED: (S.STOLEN, "keep"),
    K.FOUND: (S.FOUND, "clear"),
    K.SURRENDERED: (S.SURRENDERED, "clear"),
    K.SEIZED: (S.SEIZED, "clear"),
    K.DEACTIVATED: (S.DEACTIVATED, "keep"),
    K.DESTROYED: (S.DESTROYED, "clear"),
    K.MARKING_ADDED: (None, "keep"),
    K.CUSTODY_MOVED: (None, "keep"),
    K.TRACE_RECORDED: (None, "keep"),
}


@dataclass
class ItemState:
    status: str = S.ACTIVE
    current_holder_id: int | None = None
    location: str = ""
    last_event_seq: int = 0


def apply_event(state: ItemState, kind: str, payload: dict, seq: int) -> ItemState:
    if kind == K.CORRECTION:
        fields = payload.get("fields", {})
        status = fields.get("status", state.status)
        holder = fields["holder"] if "holder" in fields else state.current_holder_id
        location = fields.get("location", state.location)
        return ItemState(status, holder, location, seq)
    new_status, holder_rule = RULES.get(kind, (None, "keep"))
    holder = {
        "payload": payload.get("holder"),
        "clear": None,
        "keep": state.current_holder_id,
    }[holder_rule]
    return ItemState(
        status=new_status or state.status,
        current_holder_id=holder,
        location=payload["location"] if "location" in payload else state.location,
        last_event_seq=seq,
    )


def state_of(item: Item) -> ItemState:
    return ItemState(item.status, item.current_holder_id, item.location, item.last_event_seq)


def store_state(item: Item, state: ItemState):
    for name, value in asdict(state).items():
        setattr(item, name, value)
    Item.objects.filter(pk=item.pk).update(**asdict(state))


def replay(events) -> ItemState:
    state = ItemState()
    for kind, payload, seq in events:
        state = apply_event(state, kind, payload, seq)
    return state


@dataclass
class Projected:
    """Every projection column of an item: the state of its events, and the tracing status (tracing.services)."""

    state: ItemState
    tracing_status: str | None = None
    tracing_licence_holder_id: int | None = None

    def columns(self):
        return {**asdict(self.state), "tracing_status": self.tracing_status,
                "tracing_licence_holder_id": self.tracing_licence_holder_id}


class _Groups:
    """Rows of a stream ordered by item id (first column), taken item by item in increasing id order."""

    def __init__(self, rows):
        from itertools import groupby

        self.groups = groupby(rows, key=lambda r: r[0])
        self.pending = next(self.groups, None)

    def take(self, pk):
        while self.pending is not None and self.pending[0] < pk:
            self.pending = next(self.groups, None)
        if self.pending is None or self.pending[0] != pk:
            return []
        rows = [r[1:] for r in self.pending[1]]
        self.pending = next(self.groups, None)
        return rows


def _licence_checker():
    """tracing.services._licensed_on with each party read once."""
    from armstrace.registry.models import Licence, Party
    from armstrace.tracing.services import licensed

    parties = {}

    def licensed_on(party_id, day):
        if party_id not in parties:
            party = Party.objects.filter(pk=party_id).first()
            parties[party_id] = party and (party.is_state, list(Licence.objects.filter(party_id=party_id)))
        found = parties[party_id]
        return bool(found) and licensed(found[0], found[1], day)

    return licensed_on


def rebuild_projections(write=True, progress=None):
    """Recompute every item's projection: status, holder and location from its events, and the tracing status
    (from its events, markings and tracing requests, and the licences of the holder it was seized from).
    Returns the list of (item_id, live, rebuilt) Projected that differed.

    Items, their events and their markings are read as three streams in item order and merged, so each table is
    read once."""
    from armstrace.registry.models import Event, Marking
    from armstrace.tracing.models import TracingRequest
    from armstrace.tracing.services import (REQUEST_ROW_FIELDS, EventRow, ItemRow, MarkingRow, RequestRow,
                                            finding_of_rows)

    differences = []
    items = Item.objects.order_by("pk").values_list(
        "pk", "status", "current_holder_id", "location", "last_event_seq", "tracing_status",
        "tracing_licence_holder_id", "custom_fields", "serial_normalized", "make_id", "model_id")
    events = _Groups(Event.objects.filter(item__isnull=False).order_by("item_id", "seq")
                     .values_list("item_id", "kind", "payload", "seq", "occurred_at").iterator(chunk_size=5000))
    markings = _Groups(Marking.objects.order_by("item_id", "id")
                       .values_list("item_id", "kind", "normalized", "state").iterator(chunk_size=5000))
    requests = {}
    for item_id, *row in (TracingRequest.objects.filter(item__isnull=False).order_by("-created_at", "-id")
                          .values_list("item_id", *REQUEST_ROW_FIELDS)):
        requests.setdefault(item_id, []).append(RequestRow(*row))
    licensed_on = _licence_checker()
    pending_writes = []
    for pk, status, holder, location, last_seq, tracing, licence_holder, *fields in items.iterator(chunk_size=2000):
        item_events = [EventRow(*e) for e in events.take(pk)]
        finding = finding_of_rows(ItemRow(pk, *fields), item_events, [MarkingRow(*m) for m in markings.take(pk)],
                                  requests.get(pk, []), licensed_on)
        rebuilt = Projected(replay((e.kind, e.payload, e.seq) for e in item_events), finding.status.value,
                            finding.licence_holder)
        live = Projected(ItemState(status, holder, location, last_seq), tracing, licence_holder)
        if live != rebuilt:
            differences.append((pk, live, rebuilt))
            if write:
                pending_writes.append((*rebuilt.columns().values(), pk))
                if len(pending_writes) >= 2000:
                    _write(pending_writes)
        if progress:
            progress(1)
    _write(pending_writes)
    return differences


def _write(rows):
    """UPDATE the projection columns of many items in one executemany: [(*Projected.columns() values, pk)]."""
    from django.db import connection

    if not rows:
        return
    names = [Item._meta.get_field(name).column for name in Projected(ItemState()).columns()]
    with connection.cursor() as cursor:
        cursor.executemany(f"UPDATE {Item._meta.db_table} SET {', '.join(f'{n} = %s' for n in names)} WHERE id = %s",
                           rows)
    rows.clear()
