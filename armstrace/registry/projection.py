"""Current state of an item (status, holder, location) as a fold over its events.

Services apply the same `apply_event` to keep Item's projection columns up to date in the
event's transaction; `rebuild_projections` recomputes them from the log alone, and with them the columns that
other apps keep on Item (registered in core.projections, e.g. the tracing status).
"""

from collections import namedtuple
from dataclasses import asdict, dataclass, field
from itertools import groupby

from django.db import connection

from armstrace.core import projections as registered
from armstrace.registry.models import Event, EventKind, Item, ItemStatus, Marking

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
    K.CONVERTED: (None, "keep"),     # the status is payload["status"] (registry.conversions)
    K.REACTIVATED: (None, "keep"),
}
STATUS_IN_PAYLOAD = {K.CONVERTED, K.REACTIVATED}


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
    if kind in STATUS_IN_PAYLOAD:
        new_status = payload.get("status") or None
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


# The rows of an item's events and markings that the rebuild gives every registered projection.
EventRow = namedtuple("EventRow", "kind payload seq occurred_at")
MarkingRow = namedtuple("MarkingRow", "kind normalized state")


@dataclass
class ItemFacts:
    """What a registered projection's rebuild reads of one item: `item` (pk and the projection's item_fields),
    its events (EventRow, seq order) and markings (MarkingRow), and the rows of each stream it declares."""

    item: tuple
    events: list
    markings: list
    streams: dict = field(default_factory=dict)


@dataclass
class Projected:
    """Every projection column of an item: the state of its events, and the registered projections' columns."""

    state: ItemState
    registered: dict = field(default_factory=dict)

    def columns(self):
        return {**asdict(self.state), **self.registered}


class _Groups:
    """Rows of a stream ordered by item id (first column), taken item by item in increasing id order."""

    def __init__(self, rows):
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


class _Rebuilder:
    """One registered projection during a rebuild: its per-item function, its item row type and its streams."""

    def __init__(self, projection):
        self.projection = projection
        self.compute = projection.rebuilder()
        self.item_row = namedtuple("ItemRow", ("pk", *projection.item_fields))
        self.streams = {name: _Groups(rows()) for name, rows in projection.streams.items()}

    def rebuild(self, pk, values, events, markings):
        facts = ItemFacts(self.item_row(pk, *values), events, markings,
                          {name: stream.take(pk) for name, stream in self.streams.items()})
        values = self.compute(facts)
        return {column: values[column] for column in self.projection.columns}


def rebuild_projections(write=True, progress=None):
    """Recompute every item's projection: status, holder and location from its events, and the columns of every
    registered projection. Returns the list of (item_id, live, rebuilt) Projected that differed.

    Items, their events and their markings (and the streams the projections declare) are read as streams in item
    order and merged, so each table is read once."""
    rebuilders = [_Rebuilder(p) for p in registered.projections()]
    columns = registered.columns()
    item_fields = list(dict.fromkeys(f for r in rebuilders for f in r.projection.item_fields))
    items = Item.objects.order_by("pk").values_list(
        "pk", "status", "current_holder_id", "location", "last_event_seq", *columns, *item_fields)
    events = _Groups(Event.objects.filter(item__isnull=False).order_by("item_id", "seq")
                     .values_list("item_id", "kind", "payload", "seq", "occurred_at").iterator(chunk_size=5000))
    markings = _Groups(Marking.objects.order_by("item_id", "id")
                       .values_list("item_id", "kind", "normalized", "state").iterator(chunk_size=5000))
    differences, pending_writes = [], []
    for pk, status, holder, location, last_seq, *rest in items.iterator(chunk_size=2000):
        live_columns = dict(zip(columns, rest))
        fields = dict(zip(item_fields, rest[len(columns):]))
        item_events = [EventRow(*e) for e in events.take(pk)]
        item_markings = [MarkingRow(*m) for m in markings.take(pk)]
        rebuilt_columns = {}
        for r in rebuilders:
            values = [fields[f] for f in r.projection.item_fields]
            rebuilt_columns.update(r.rebuild(pk, values, item_events, item_markings))
        rebuilt = Projected(replay((e.kind, e.payload, e.seq) for e in item_events), rebuilt_columns)
        live = Projected(ItemState(status, holder, location, last_seq), live_columns)
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
    if not rows:
        return
    names = [Item._meta.get_field(name).column for name in [*asdict(ItemState()), *registered.columns()]]
    with connection.cursor() as cursor:
        cursor.executemany(f"UPDATE {Item._meta.db_table} SET {', '.join(f'{n} = %s' for n in names)} WHERE id = %s",
                           rows)
    rows.clear()
