"""Bulk writer of the CSV import: new items with their markings, first events and projection, a batch per
transaction, written with a few multi-row statements instead of one create_item call (a dozen statements) per row.

It writes what create_item writes, from the same code: the columns, markings and payload come from
services.entry_fields / entry_markings / entry_payload, the projection from projection.apply_event (and the columns
of the projections registered in core.projections from their bulk-entry functions, e.g. the tracing status), and
the hash chain from eventlog (body_json_parts / hash_of_parts give exactly compute_hash's value), computed in Python
for the batch under the chain's lock; each chunk ends with registry.checkpoints' due check, as append_event does.
Rows go in with executemany (SQLite) or COPY (PostgreSQL), a chunk at a time so that
memory stays bounded however large the batch. The indexes registered as core.projections.BulkIndex (the marking
search of tracing), kept by per-row triggers otherwise, are filled set-wise for the whole batch with their triggers
suspended, in the same transaction.
The caller validates the rows first (import_rows.RowValidator runs the services' rules).
"""

import json
import time
import uuid
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass
from datetime import datetime
from functools import lru_cache

from django.db import connection, transaction
from django.utils import timezone

from armstrace.core import projections
from armstrace.core.actor import SYSTEM
from armstrace.profile import get_profile
from armstrace.registry import services
from armstrace.registry.checkpoints import checkpoint_if_due
from armstrace.registry.eventlog import (CHAIN_LOCK_KEY, FORMULA, body_json_parts, canonical_json, chain_head, hash_of_parts,
                                        lock_chain, recorder)
from armstrace.registry.models import Event, Item, Marking
from armstrace.registry.projection import ItemState, apply_event
from armstrace.registry.serials import fold_serial, normalize_serial


@dataclass
class NewItem:
    """One validated row: what create_item would be called with."""

    line: int
    data: services.FirearmInput
    how: str
    holder: object
    location: str
    occurred_at: datetime


class _Table:
    """Rows of a model's table in column order: the writer gives the `given` attnames, in that order, as values the
    database takes; every other column gets its field's default, so a column added later needs no change here."""

    def __init__(self, model, given):
        self.name = model._meta.db_table
        fields = [f for f in model._meta.concrete_fields if f.attname in given or not f.primary_key]
        self.columns = [f.column for f in fields]
        attnames = [f.attname for f in fields]
        missing = set(given) - set(attnames)
        if missing:
            raise ValueError(f"{self.name} has no column {', '.join(sorted(missing))}")
        self.positions = [attnames.index(a) for a in given]
        self.template = [None] * len(fields)
        self.factories = []
        for i, f in enumerate(fields):
            if f.attname in given:
                continue
            if callable(f.default):
                self.factories.append((i, f))
            else:
                self.template[i] = f.get_db_prep_save(f.get_default(), connection)

    def row(self, values):
        out = self.template[:]
        for pos, value in zip(self.positions, values):
            out[pos] = value
        for pos, f in self.factories:
            out[pos] = f.get_db_prep_save(f.get_default(), connection)
        return out

    def insert(self, rows):
        insert_rows(self.name, self.columns, rows)


def insert_rows(table, columns, rows):
    """INSERT `rows` (value sequences in `columns` order) into `table`: COPY on PostgreSQL, executemany on SQLite."""
    if not rows:
        return
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            with cursor.cursor.copy(f"COPY {table} ({', '.join(columns)}) FROM STDIN") as copy:
                for row in rows:
                    copy.write_row(row)
        else:
            marks = ", ".join(["%s"] * len(columns))
            cursor.executemany(f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({marks})", rows)


def reserve_ids(model, n):
    """n new primary keys of `model`, in the caller's transaction. On SQLite, where the caller holds the write lock,
    they follow the highest id ever given (AUTOINCREMENT then carries on after them); on PostgreSQL they come from
    the sequence."""
    table = model._meta.db_table
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute("SELECT nextval(pg_get_serial_sequence(%s, 'id')) FROM generate_series(1, %s)", [table, n])
            return sorted(r[0] for r in cursor.fetchall())
        cursor.execute(f"SELECT max(coalesce((SELECT seq FROM sqlite_sequence WHERE name = %s), 0), "
                       f"coalesce((SELECT max(id) FROM {table}), 0))", [table])
        first = cursor.fetchone()[0] + 1
        return list(range(first, first + n))


def _lock_tables_then_chain():
    """PostgreSQL: the tables whose triggers the batch suspends, then the chain's lock, without a deadlock.
    Services take these locks in both orders (create_item inserts its item, then appends its event; transfer
    appends its event, then updates its item), so the batch never waits for one while holding the other: it takes
    the tables, tries the chain, and on failure lets the tables go and tries again."""
    tables = ", ".join(sorted({table for bulk_index in projections.bulk_indexes() for table in bulk_index.tables}))
    while True:
        savepoint = transaction.savepoint()
        with connection.cursor() as cursor:
            if tables:
                cursor.execute(f"LOCK TABLE {tables} IN SHARE ROW EXCLUSIVE MODE")
            cursor.execute("SELECT pg_try_advisory_xact_lock(%s)", [CHAIN_LOCK_KEY])
            if cursor.fetchone()[0]:
                transaction.savepoint_commit(savepoint)
                return
        transaction.savepoint_rollback(savepoint)
        time.sleep(0.02)


_FIRST_EVENT = ["id", "seq", "kind", "occurred_at", "recorded_at", "recorded_by_id", "recorded_by_name", "agency",
                "item_id", "item_uid", "payload", "prev_hash", "hash", "hash_formula"]
_MARKING = ["item_id", "kind", "position", "text", "normalized", "folded", "state", "event_id"]
_ITEM_EXTRA = ["id", "uid", "serial_normalized", "serial_folded", "created_at", "status", "current_holder_id",
               "location", "last_event_seq"]


class BulkWriter:
    def __init__(self, actor=SYSTEM):
        self.recorded_by, self.recorded_by_name = recorder(actor.user)
        self.agency = actor.agency or ""
        self.confusables = get_profile().confusables
        self.sqlite = connection.vendor == "sqlite"
        self.db_datetime = lru_cache(maxsize=4096)(connection.ops.adapt_datetimefield_value) if self.sqlite else None
        # The columns services.entry_fields gives, as (name, foreign key?, JSON?), then the writer's own.
        item_fields = {f.name: f for f in Item._meta.concrete_fields}
        self.entry_plan = [(name, item_fields[name].is_relation, item_fields[name].get_internal_type() == "JSONField")
                           for name in services.entry_fields(services.FirearmInput(serial_number=""))]
        self.projected = projections.columns()
        self.items = _Table(Item, [item_fields[n].attname for n, _, _ in self.entry_plan] + _ITEM_EXTRA
                            + self.projected)
        self.events = _Table(Event, _FIRST_EVENT)
        self.markings = _Table(Marking, _MARKING)

    @contextmanager
    def batch(self):
        """One transaction: `add` chunks of NewItems to the yielded batch; they are indexed and committed at the end
        (with whatever the caller wrote in the block, such as the job's progress), or not at all."""
        with transaction.atomic():
            if connection.vendor == "postgresql":
                _lock_tables_then_chain()
            else:
                lock_chain()  # SQLite's IMMEDIATE transaction holds the one write lock already
            batch = _Batch(self, *chain_head())
            indexes = projections.bulk_indexes()
            with ExitStack() as suspended:
                for bulk_index in indexes:
                    suspended.enter_context(bulk_index.triggers_suspended(connection))
                yield batch
                for bulk_index in indexes:
                    bulk_index.fill(connection, batch.item_ids)

    def _datetime(self, value):
        return self.db_datetime(value) if self.sqlite else value


class _Batch:
    def __init__(self, writer, seq, prev_hash):
        self.writer, self.seq, self.prev_hash = writer, seq, prev_hash
        self.item_ids = []
        self.recorded_at = timezone.now()

    def add(self, entries):
        w = self.writer
        item_ids, event_ids = reserve_ids(Item, len(entries)), reserve_ids(Event, len(entries))
        self.item_ids += item_ids
        recorded_at = self.recorded_at
        recorded_at_db = w._datetime(recorded_at)
        recorded_by_id = w.recorded_by.pk if w.recorded_by else None
        item_rows, event_rows, marking_rows = [], [], []
        for entry, item_id, event_id in zip(entries, item_ids, event_ids):
            self.seq += 1
            seq = self.seq
            fields = services.entry_fields(entry.data)
            markings = services.entry_markings(fields, entry.data.markings)
            payload = services.entry_payload(fields, entry.holder, entry.location, markings)
            payload_json = canonical_json(payload)
            uid = uuid.uuid4()
            item_uid = str(uid)
            event_hash = hash_of_parts(self.prev_hash, seq, body_json_parts(
                entry.how, entry.occurred_at, recorded_at, w.recorded_by_name, w.agency, item_uid, payload_json,
                item_id=item_id, recorded_by_id=recorded_by_id))
            state = apply_event(ItemState(), entry.how, payload, seq)
            projected = projections.entry_columns(fields, markings, entry.how, payload, entry.occurred_at)

            values = []
            for name, is_fk, is_json in w.entry_plan:
                value = fields[name]
                if is_fk and value is not None:
                    value = value.pk
                elif is_json:
                    value = json.dumps(value) if value else "{}"
                values.append(value)
            serial = fields["serial_number"]
            forms = {serial: (normalize_serial(serial), fold_serial(serial, w.confusables))}
            values += [item_id, uid.hex if w.sqlite else uid, *forms[serial], recorded_at_db, state.status,
                       state.current_holder_id, state.location, state.last_event_seq,
                       *(projected[column] for column in w.projected)]
            item_rows.append(w.items.row(values))
            event_rows.append(w.events.row([
                event_id, seq, entry.how, w._datetime(entry.occurred_at), recorded_at_db, recorded_by_id,
                w.recorded_by_name, w.agency, item_id, item_uid, payload_json, self.prev_hash, event_hash, FORMULA]))
            for m in markings:
                if m.text not in forms:
                    forms[m.text] = (normalize_serial(m.text), fold_serial(m.text, w.confusables))
                marking_rows.append(w.markings.row([item_id, m.kind, m.position, m.text, *forms[m.text], m.state,
                                                    event_id]))
            self.prev_hash = event_hash
        w.items.insert(item_rows)
        w.events.insert(event_rows)
        w.markings.insert(marking_rows)
        checkpoint_if_due(self.seq, self.prev_hash)
