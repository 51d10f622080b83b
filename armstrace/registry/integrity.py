"""The registry's records against the event log: what `projections rebuild --check` compares besides the items'
projection (registry.projection).

- parties and licences: each row equals the `fields` of its last event (registry.holders), and the event's party;
- markings: each marking row is one of the markings its event recorded, on the event's item, with the search forms
  of its text;
- item identity: serial number, make, model, calibre, type, category and the other columns the first event records,
  and the serial's search forms;
- links: each event's item row carries the uid that the event's hash covers.

`record_differences()` returns one line per difference; `restore_records()` rewrites parties and licences from
their events (the other differences need a backup: the log does not hold everything they need).
"""

from collections import Counter

from armstrace.registry.holders import LICENCE_FIELDS, LICENCE_KINDS, PARTY_FIELDS, PARTY_KINDS, snapshot
from armstrace.registry.models import Event, EventKind, Item, Licence, Marking, Party
from armstrace.registry.projection import _Groups
from armstrace.registry.serials import fold_serial, normalize_serial

K = EventKind
HOLDER_SUBJECTS = (("party", Party, PARTY_FIELDS, PARTY_KINDS), ("licence", Licence, LICENCE_FIELDS, LICENCE_KINDS))


def record_differences(limit=None) -> list[str]:
    """Every difference between the registry's records and the event log (at most `limit` of each kind)."""
    found = []
    for subject, model, fields, kinds in HOLDER_SUBJECTS:
        found += [text for _pk, text, _state in _holder_differences(subject, model, fields, kinds)][:limit]
    for check in (_marking_differences, _identity_differences, _link_differences):
        found += list(_take(check(), limit))
    return found


def restore_records() -> int:
    """Rewrite every party and licence row that differs from its last event; returns how many were rewritten."""
    restored = 0
    for subject, model, fields, kinds in HOLDER_SUBJECTS:
        for pk, _text, state in _holder_differences(subject, model, fields, kinds):
            if state is not None and model.objects.filter(pk=pk).exists():
                model.objects.filter(pk=pk).update(**_values(model, state))
                restored += 1
    return restored


def _take(rows, limit):
    for n, row in enumerate(rows):
        if limit is not None and n >= limit:
            return
        yield row


def _values(model, state):
    """A stored `fields` dict as column values."""
    values = {}
    for name, value in state.items():
        field = model._meta.get_field(name.removesuffix("_id"))
        values[field.attname] = value if field.is_relation else field.to_python(value)
    return values


def holder_states(subject, kinds):
    """pk -> (fields, party_id) of the last event of each party or licence."""
    states = {}
    events = (Event.objects.filter(item__isnull=True, kind__in=[*kinds, K.BASELINE]).order_by("seq")
              .values_list("payload", "party_id").iterator(chunk_size=5000))
    for payload, party_id in events:
        if subject in payload:
            states[payload[subject]] = (payload.get("fields"), party_id)
    return states


def _holder_differences(subject, model, fields, kinds):
    """(pk, text, fields of the last event or None) for each row that differs from its events."""
    states = holder_states(subject, kinds)
    for row in model.objects.order_by("pk").iterator(chunk_size=2000):
        state, party_id = states.pop(row.pk, (None, None))
        live = snapshot(row, fields)
        if state is None:
            yield row.pk, f"{subject} {row.pk}: no event records it", None
        elif live != state:
            changed = sorted(name for name in set(live) | set(state) if live.get(name) != state.get(name))
            yield row.pk, f"{subject} {row.pk}: {', '.join(changed)} differ from its last event", state
        elif party_id != (row.pk if subject == "party" else row.party_id):
            yield row.pk, f"{subject} {row.pk}: its last event names party {party_id}", state
    for pk, (state, _party_id) in sorted(states.items()):
        yield pk, f"{subject} {pk}: recorded by events but missing", state


def _marking_payloads(kind, payload):
    if kind == K.MARKING_ADDED:
        return [payload.get("marking") or {}]
    return payload.get("markings") or []


def _marking_key(m):
    return (m.get("kind"), m.get("text"), m.get("position"), m.get("state"))


MARKING_KINDS = [K.REGISTERED, K.MANUFACTURED, K.IMPORTED, K.FOUND, K.SURRENDERED, K.SEIZED, K.MARKING_ADDED]
# Kinds that enter an item; `imported` is also a re-import.
ENTRY_KINDS = MARKING_KINDS[:-1]


def _marking_differences():
    """Events that record markings and the marking rows, both in event order, merged."""
    events = (Event.objects.filter(item__isnull=False, kind__in=MARKING_KINDS).order_by("pk")
              .values_list("pk", "seq", "item_id", "kind", "payload").iterator(chunk_size=5000))
    rows = iter(Marking.objects.filter(event__isnull=False).order_by("event_id", "pk")
                .values_list("event_id", "pk", "item_id", "kind", "text", "position", "state", "normalized", "folded")
                .iterator(chunk_size=5000))
    row = next(rows, None)
    for event_pk, seq, item_id, kind, payload in events:
        keys = Counter(_marking_key(m) for m in _marking_payloads(kind, payload))
        while row is not None and row[0] <= event_pk:
            yield from _marking_row_differences(row, event_pk, item_id, keys)
            row = next(rows, None)
        if missing := sum((+keys).values()):
            yield f"event #{seq}: {missing} of its markings are missing"
    while row is not None:
        yield f"marking {row[1]}: its event #{_seq(row[0])} records no markings"
        row = next(rows, None)
    for pk in Marking.objects.filter(event__isnull=True).values_list("pk", flat=True):
        yield f"marking {pk}: no event records it"


def _marking_row_differences(row, event_pk, item_id, keys):
    event_id, pk, row_item, kind, text, position, state, normalized, folded = row
    key = (kind, text, position, state)
    if event_id != event_pk or keys[key] == 0:
        yield f"marking {pk}: not as its event #{_seq(event_id)} recorded it"
        return
    keys[key] -= 1
    if row_item != item_id:
        yield f"marking {pk}: on item {row_item}, its event's item is {item_id}"
    elif (normalized, folded) != (normalize_serial(text), fold_serial(text)):
        yield f"marking {pk}: its search forms do not match its text"


def _seq(event_pk):
    return Event.objects.filter(pk=event_pk).values_list("seq", flat=True).first()


ITEM_COLUMNS = {"category": "category", "type": "firearm_type", "make": "make__name", "model": "model__name",
                "calibre": "calibre__name", "serial_number": "serial_number",
                "country_of_manufacture": "country_of_manufacture", "part_kind": "part_kind",
                "year_of_manufacture": "year_of_manufacture", "lot_number": "lot_number", "headstamp": "headstamp",
                "quantity": "quantity", "description": "description", "custom_fields": "custom_fields",
                "parent": "parent__uid"}


def _recorded_identity(events):
    """The identity payload of an item's first event, and the country of import its events set last (None: not
    known, for a re-import recorded before the payload held it)."""
    (_first_kind, first), *later = events
    recorded = dict(first.get("item") or {})
    imported = recorded.get("country_of_import")
    for kind, payload in later:
        if kind == K.IMPORTED:
            imported = payload.get("country_of_import")
        elif kind == K.CONVERTED:  # a conversion makes an alarm weapon a firearm of a type (registry.conversions)
            recorded.update(payload.get("item") or {})
    return recorded, imported


def _identity_differences():
    """Items and their entry and import events, both streamed in item order."""
    events = _Groups(Event.objects.filter(item__isnull=False, kind__in=[*ENTRY_KINDS, K.CONVERTED])
                     .order_by("item_id", "seq")
                     .values_list("item_id", "kind", "payload").iterator(chunk_size=5000))
    names = list(ITEM_COLUMNS.values())
    rows = Item.objects.order_by("pk").values_list("pk", "serial_normalized", "serial_folded", "country_of_import",
                                                    *names)
    for pk, normalized, folded, country_of_import, *values in rows.iterator(chunk_size=2000):
        serial = values[names.index("serial_number")]
        if (normalized, folded) != (normalize_serial(serial), fold_serial(serial)):
            yield f"item {pk}: its serial's search forms do not match its serial number"
        item_events = events.take(pk)
        if not item_events:
            yield f"item {pk}: no entry event records it"
            continue
        recorded, imported = _recorded_identity(item_events)
        live = dict(zip(ITEM_COLUMNS, values))
        live["parent"] = str(live["parent"]) if live["parent"] else None
        changed = [key for key in ITEM_COLUMNS if key in recorded and (live[key] or None) != (recorded[key] or None)]
        if imported is not None and imported != country_of_import:
            changed.append("country_of_import")
        if changed:
            yield f"item {pk}: {', '.join(changed)} differ from its entry event"


def _link_differences():
    moved = (Event.objects.filter(item__isnull=False).exclude(item__uid=None)
             .values_list("seq", "item_id", "item_uid", "item__uid").order_by("seq"))
    for seq, item_id, item_uid, uid in moved.iterator(chunk_size=5000):
        if str(uid) != item_uid:
            yield f"event #{seq}: its item {item_id} is not the item {item_uid} that its hash covers"
    for seq, party_id in (Event.objects.filter(item__isnull=False, party__isnull=False).values_list("seq", "party_id")
                          .order_by("seq")):
        yield f"event #{seq}: an item's event names party {party_id}"

