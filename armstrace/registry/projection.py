"""Current state of an item (status, holder, location) as a fold over its events.

Services apply the same `apply_event` to keep Item's projection columns up to date in the
event's transaction; `rebuild_projections` recomputes them from the log alone.
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


def rebuild_projections(write=True, progress=None):
    """Recompute every item's projection from its events. Returns the list of (item_id, live, rebuilt) that differed.

    Items and their events are read as two streams in item order and merged, so the log is read once."""
    from itertools import groupby

    from armstrace.registry.models import Event

    differences = []
    items = Item.objects.order_by("pk").values_list("pk", "status", "current_holder_id", "location", "last_event_seq")
    events = (Event.objects.filter(item__isnull=False).order_by("item_id", "seq")
              .values_list("item_id", "kind", "payload", "seq").iterator(chunk_size=5000))
    grouped = groupby(events, key=lambda e: e[0])
    pending = next(grouped, None)
    for pk, status, holder, location, last_seq in items.iterator(chunk_size=2000):
        while pending is not None and pending[0] < pk:
            pending = next(grouped, None)
        item_events = []
        if pending is not None and pending[0] == pk:
            item_events = [(kind, payload, seq) for _, kind, payload, seq in pending[1]]
            pending = next(grouped, None)
        rebuilt = replay(item_events)
        live = ItemState(status, holder, location, last_seq)
        if live != rebuilt:
            differences.append((pk, live, rebuilt))
            if write:
                Item.objects.filter(pk=pk).update(**asdict(rebuilt))
        if progress:
            progress(1)
    return differences
