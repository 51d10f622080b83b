"""The projection registry: columns that an app keeps on registry.Item, computed from the records it owns.

An app registers its projection in its AppConfig.ready() (as NetBox's connect_counters does for its counters):

    projections.register(Projection(
        name="tracing_status", columns=("tracing_status", "tracing_licence_holder_id"),
        choices={"tracing_status": TracingStatus.choices},
        on_event=refresh,            # (item, event): after registry.services.record appended an event of the item
        rebuilder=start_rebuild,     # (): item_facts -> {column: value}, for `armstrace projections rebuild`
        on_entry=entry_columns,      # (fields, markings, how, payload, occurred_at) -> {column: value}, bulk import
        item_fields=("custom_fields", "serial_normalized", "make_id", "model_id"),
        streams={"requests": request_rows},
    ))

The rebuild reads the items and their events and markings once, in item order, and gives each projection's
per-item function the facts of one item (registry.projection.ItemFacts): `item` (pk and `item_fields`), `events`,
`markings`, and each declared stream's rows. A stream is a function returning rows (item_id, *values) ordered by
item_id. Inputs that are not item events (the app's own records) are the app's to follow, with signal handlers.

A table kept from items and markings by database triggers registers a BulkIndex: the bulk writer locks its tables,
suspends its triggers for a batch, and fills it set-wise for the batch's items.
"""

from collections.abc import Callable
from dataclasses import dataclass, field


@dataclass(frozen=True)
class Projection:
    name: str
    columns: tuple[str, ...]                    # Item attnames the projection writes
    on_event: Callable                          # (item, event) -> None, in the event's transaction
    rebuilder: Callable                         # () -> (facts -> {column: value})
    on_entry: Callable                          # (fields, markings, how, payload, occurred_at) -> {column: value}
    item_fields: tuple[str, ...] = ()           # Item attnames the rebuild reads
    streams: dict = field(default_factory=dict)  # name -> () -> rows (item_id, *values) in item_id order
    choices: dict = field(default_factory=dict)  # column -> its choices (Item's field takes them from here)


@dataclass(frozen=True)
class BulkIndex:
    name: str
    tables: tuple[str, ...]          # tables whose triggers keep it (PostgreSQL locks them for a batch)
    triggers_suspended: Callable     # (connection) -> context manager
    fill: Callable                   # (connection, item_ids) -> None


PROJECTIONS: dict[str, Projection] = {}
BULK_INDEXES: dict[str, BulkIndex] = {}


def register(projection: Projection):
    """Register (or, called again by the same app, replace) a projection."""
    PROJECTIONS[projection.name] = projection


def register_bulk_index(bulk_index: BulkIndex):
    BULK_INDEXES[bulk_index.name] = bulk_index


def projections() -> list[Projection]:
    return list(PROJECTIONS.values())


def bulk_indexes() -> list[BulkIndex]:
    return list(BULK_INDEXES.values())


def columns() -> list[str]:
    """Every registered projection column, in registration order."""
    return [column for p in projections() for column in p.columns]


def column_choices(column):
    """The choices of a registered column. Item's field takes them through a function that calls this one (choices
    evaluated when used), so that registry.models need not import the app that keeps the column."""
    return next((p.choices[column] for p in projections() if column in p.choices), [])


def event_recorded(item, event):
    """Run every projection's per-event update (registry.services.record calls it)."""
    for p in projections():
        p.on_event(item, event)


def entry_columns(fields, markings, how, payload, occurred_at) -> dict:
    """The registered columns of a new item whose one event is its entry (the bulk writer)."""
    values = {}
    for p in projections():
        values.update(p.on_entry(fields, markings, how, payload, occurred_at))
    return values
