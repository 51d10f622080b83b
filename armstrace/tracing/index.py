"""Database objects of the marking search, kept in step with the registry by triggers.

    registry_item  ─┐ triggers        ┌─ SQLite: tracing_serialform_fts (FTS5 trigram, external content)
                    ├──────────────▶ tracing_serialform ─┤   PostgreSQL: pg_trgm GIN index on folded
    registry_marking┘ (serial, re-mark)                  └─ tracing_fuzzykey (deletion keys, both backends)

* ``tracing_serialform``: one row per distinct folded serial form of an item (its serial number, and its markings of
  kind serial or re-mark), with the normalised form and the item's make. Other marking kinds (manufacturer, proof,
  import marks...) are left out: "GLOCK" or "KEN 15" would match thousands of items and say nothing about which one.
* Partial search (``?`` and ``*``) runs on the folded forms: FTS5's ``trigram`` tokenizer answers GLOB patterns
  from its index when they hold a run of 3 known characters; pg_trgm does the same for LIKE.
* ``tracing_fuzzykey`` is a symmetric-delete table (SymSpell): every folded form is stored with the variants
  obtained by deleting 1 character (forms of 2..40 characters) and 2 characters (forms of 6..20 characters).
  Two strings within 2 edits (insertions, deletions, substitutions or adjacent transpositions) share a variant
  obtained by at most 2 deletions from each, so a query is answered by looking up its own deletion variants: a
  few dozen B-tree probes, whatever the size of the registry, instead of scanning or merging long trigram posting
  lists (a trigram such as "123" is shared by a large share of the mostly-numeric serials of a 10-million-item
  registry, so trigram candidate generation degrades with size while deletion keys do not). The price is space,
  about 30 keys per serial; keys carry the make so that a query giving the make probes only that make's keys,
  and the deletion depth ``d`` so that a cheap first pass can use 1-deletion keys only.

The triggers compute the variants in SQL (a positions table on SQLite, generate_series on PostgreSQL) from the
folded columns that registry.models already computes with the profile's confusables, so bulk loads that bypass the
services stay indexed too. `rebuild(connection)` recomputes everything set-wise (after a change of the profile's
confusables, or after a bulk load with the triggers dropped).
"""

from contextlib import contextmanager

from django.db import transaction

INDEXED_MARKING_KINDS = ("serial", "remark")
D1_LENGTHS = (2, 40)   # forms whose length lies in this range get 1-deletion keys
D2_LENGTHS = (6, 20)   # ... and 2-deletion keys
MAX_POS = 40

_KINDS = ", ".join(f"'{k}'" for k in INDEXED_MARKING_KINDS)


def deletion_variants(folded: str, max_depth: int = 2) -> dict:
    """{variant: depth} for `folded`, by the same rules as the triggers (the depth kept is the smallest)."""
    out = {folded: 0} if folded else {}
    n = len(folded)
    if max_depth >= 1 and D1_LENGTHS[0] <= n <= D1_LENGTHS[1]:
        for i in range(n):
            out.setdefault(folded[:i] + folded[i + 1:], 1)
    if max_depth >= 2 and D2_LENGTHS[0] <= n <= D2_LENGTHS[1]:
        for i in range(n):
            head = folded[:i]
            for j in range(i + 1, n):
                out.setdefault(head + folded[i + 1:j] + folded[j + 1:], 2)
    return out


# ---------------------------------------------------------------- SQLite


def _sqlite_variants(f):
    """SELECT variant, d for the folded text expression `f` (no FROM on the main table: usable in a trigger)."""
    return f"""
        SELECT {f} AS variant, 0 AS d WHERE length({f}) > 0
        UNION ALL
        SELECT substr({f}, 1, p.i - 1) || substr({f}, p.i + 1), 1 FROM tracing_pos p
         WHERE p.i <= length({f}) AND length({f}) BETWEEN {D1_LENGTHS[0]} AND {D1_LENGTHS[1]}
        UNION ALL
        SELECT substr({f}, 1, p.i - 1) || substr({f}, p.i + 1, q.i - p.i - 1) || substr({f}, q.i + 1), 2
          FROM tracing_pos p JOIN tracing_pos q ON q.i > p.i
         WHERE q.i <= length({f}) AND length({f}) BETWEEN {D2_LENGTHS[0]} AND {D2_LENGTHS[1]}"""


def _sqlite_refresh_item(x):
    return f"""
        DELETE FROM tracing_serialform WHERE item_id = {x};
        INSERT OR IGNORE INTO tracing_serialform (item_id, make_key, normalized, folded)
          SELECT i.id, coalesce(i.make_id, 0), i.serial_normalized, i.serial_folded FROM registry_item i
           WHERE i.id = {x} AND i.serial_folded <> '';
        INSERT OR IGNORE INTO tracing_serialform (item_id, make_key, normalized, folded)
          SELECT m.item_id, coalesce(i.make_id, 0), m.normalized, m.folded
            FROM registry_marking m JOIN registry_item i ON i.id = m.item_id
           WHERE m.item_id = {x} AND m.kind IN ({_KINDS}) AND m.folded <> '';"""


def _sqlite_keys_of_forms(where):
    """INSERT the deletion keys of the tracing_serialform rows `f` that satisfy `where`, in key order."""
    return f"""INSERT OR IGNORE INTO tracing_fuzzykey (variant, make_id, form_id, d)
       SELECT variant, make_key, id, d FROM (
         SELECT f.folded AS variant, f.make_key, f.id, 0 AS d FROM tracing_serialform f WHERE {where}
         UNION ALL
         SELECT substr(f.folded, 1, p.i - 1) || substr(f.folded, p.i + 1), f.make_key, f.id, 1
           FROM tracing_serialform f JOIN tracing_pos p ON p.i <= length(f.folded)
          WHERE length(f.folded) BETWEEN {D1_LENGTHS[0]} AND {D1_LENGTHS[1]} AND {where}
         UNION ALL
         SELECT substr(f.folded, 1, p.i - 1) || substr(f.folded, p.i + 1, q.i - p.i - 1) || substr(f.folded, q.i + 1),
                f.make_key, f.id, 2
           FROM tracing_serialform f JOIN tracing_pos p JOIN tracing_pos q ON q.i > p.i AND q.i <= length(f.folded)
          WHERE length(f.folded) BETWEEN {D2_LENGTHS[0]} AND {D2_LENGTHS[1]} AND {where}
       ) ORDER BY 1, 2, 3, 4"""


SQLITE_TABLES = [
    "CREATE TABLE IF NOT EXISTS tracing_pos (i INTEGER PRIMARY KEY)",
    "INSERT OR IGNORE INTO tracing_pos (i) VALUES " + ", ".join(f"({i})" for i in range(1, MAX_POS + 1)),
    "CREATE TABLE IF NOT EXISTS tracing_fuzzykey (variant TEXT NOT NULL, make_id INTEGER NOT NULL, "
    "form_id INTEGER NOT NULL, d INTEGER NOT NULL, PRIMARY KEY (variant, make_id, form_id)) WITHOUT ROWID",
    "CREATE VIRTUAL TABLE IF NOT EXISTS tracing_serialform_fts USING fts5(folded, content='tracing_serialform', "
    "content_rowid='id', tokenize='trigram case_sensitive 1')",
]
SQLITE_TRIGGERS = [
    """CREATE TRIGGER tracing_item_ai AFTER INSERT ON registry_item WHEN new.serial_folded <> '' BEGIN
        INSERT OR IGNORE INTO tracing_serialform (item_id, make_key, normalized, folded)
        VALUES (new.id, coalesce(new.make_id, 0), new.serial_normalized, new.serial_folded); END""",
    f"""CREATE TRIGGER tracing_item_au AFTER UPDATE OF serial_folded, serial_normalized, make_id ON registry_item
        WHEN old.serial_folded IS NOT new.serial_folded OR old.serial_normalized IS NOT new.serial_normalized
          OR old.make_id IS NOT new.make_id BEGIN {_sqlite_refresh_item('new.id')} END""",
    "CREATE TRIGGER tracing_item_ad AFTER DELETE ON registry_item BEGIN "
    "DELETE FROM tracing_serialform WHERE item_id = old.id; END",
    f"""CREATE TRIGGER tracing_marking_ai AFTER INSERT ON registry_marking
        WHEN new.kind IN ({_KINDS}) AND new.folded <> '' BEGIN
        INSERT OR IGNORE INTO tracing_serialform (item_id, make_key, normalized, folded)
          SELECT new.item_id, coalesce(i.make_id, 0), new.normalized, new.folded FROM registry_item i
           WHERE i.id = new.item_id; END""",
    f"""CREATE TRIGGER tracing_marking_au AFTER UPDATE ON registry_marking BEGIN
        {_sqlite_refresh_item('old.item_id')} {_sqlite_refresh_item('new.item_id')} END""",
    f"CREATE TRIGGER tracing_marking_ad AFTER DELETE ON registry_marking BEGIN {_sqlite_refresh_item('old.item_id')} END",
    f"""CREATE TRIGGER tracing_form_ai AFTER INSERT ON tracing_serialform BEGIN
        INSERT INTO tracing_serialform_fts (rowid, folded) VALUES (new.id, new.folded);
        INSERT OR IGNORE INTO tracing_fuzzykey (variant, make_id, form_id, d)
          SELECT variant, new.make_key, new.id, d FROM ({_sqlite_variants('new.folded')}); END""",
    f"""CREATE TRIGGER tracing_form_ad AFTER DELETE ON tracing_serialform BEGIN
        INSERT INTO tracing_serialform_fts (tracing_serialform_fts, rowid, folded) VALUES ('delete', old.id, old.folded);
        DELETE FROM tracing_fuzzykey WHERE make_id = old.make_key AND form_id = old.id
           AND variant IN (SELECT variant FROM ({_sqlite_variants('old.folded')})); END""",
    f"""CREATE TRIGGER tracing_form_au AFTER UPDATE ON tracing_serialform BEGIN
        INSERT INTO tracing_serialform_fts (tracing_serialform_fts, rowid, folded) VALUES ('delete', old.id, old.folded);
        DELETE FROM tracing_fuzzykey WHERE make_id = old.make_key AND form_id = old.id
           AND variant IN (SELECT variant FROM ({_sqlite_variants('old.folded')}));
        INSERT INTO tracing_serialform_fts (rowid, folded) VALUES (new.id, new.folded);
        INSERT OR IGNORE INTO tracing_fuzzykey (variant, make_id, form_id, d)
          SELECT variant, new.make_key, new.id, d FROM ({_sqlite_variants('new.folded')}); END""",
]
SQLITE_TRIGGER_NAMES = ["tracing_item_ai", "tracing_item_au", "tracing_item_ad", "tracing_marking_ai",
                        "tracing_marking_au", "tracing_marking_ad", "tracing_form_ai", "tracing_form_ad", "tracing_form_au"]
SQLITE_DROP_TABLES = ["DROP TABLE IF EXISTS tracing_serialform_fts", "DROP TABLE IF EXISTS tracing_fuzzykey",
                      "DROP TABLE IF EXISTS tracing_pos"]

SQLITE_FILL = [
    "DELETE FROM tracing_fuzzykey",
    "INSERT INTO tracing_serialform_fts (tracing_serialform_fts) VALUES ('delete-all')",
    "DELETE FROM tracing_serialform",
    """INSERT OR IGNORE INTO tracing_serialform (item_id, make_key, normalized, folded)
       SELECT id, coalesce(make_id, 0), serial_normalized, serial_folded FROM registry_item
        WHERE serial_folded <> '' ORDER BY id""",
    f"""INSERT OR IGNORE INTO tracing_serialform (item_id, make_key, normalized, folded)
       SELECT m.item_id, coalesce(i.make_id, 0), m.normalized, m.folded
         FROM registry_marking m JOIN registry_item i ON i.id = m.item_id
        WHERE m.kind IN ({_KINDS}) AND m.folded <> '' ORDER BY m.id""",
    "INSERT INTO tracing_serialform_fts (tracing_serialform_fts) VALUES ('rebuild')",
    _sqlite_keys_of_forms("1 = 1"),
]

# ---------------------------------------------------------------- PostgreSQL

PG_TABLES = [
    "CREATE EXTENSION IF NOT EXISTS pg_trgm",
    "CREATE TABLE IF NOT EXISTS tracing_fuzzykey (variant varchar(200) NOT NULL, make_id bigint NOT NULL, "
    "form_id bigint NOT NULL, d smallint NOT NULL, PRIMARY KEY (variant, make_id, form_id))",
    "CREATE INDEX IF NOT EXISTS tracing_form_folded_trgm ON tracing_serialform USING gin (folded gin_trgm_ops)",
    f"""CREATE OR REPLACE FUNCTION tracing_variants(f text) RETURNS TABLE (variant text, d smallint)
        LANGUAGE sql IMMUTABLE AS $$
        SELECT f, 0::smallint WHERE length(f) > 0
        UNION ALL
        SELECT substr(f, 1, i - 1) || substr(f, i + 1), 1::smallint FROM generate_series(1, length(f)) i
         WHERE length(f) BETWEEN {D1_LENGTHS[0]} AND {D1_LENGTHS[1]}
        UNION ALL
        SELECT substr(f, 1, i - 1) || substr(f, i + 1, j - i - 1) || substr(f, j + 1), 2::smallint
          FROM generate_series(1, length(f)) i, generate_series(1, length(f)) j
         WHERE i < j AND length(f) BETWEEN {D2_LENGTHS[0]} AND {D2_LENGTHS[1]} $$""",
    f"""CREATE OR REPLACE FUNCTION tracing_refresh_item_forms(p_item bigint) RETURNS void LANGUAGE plpgsql AS $$
        BEGIN
          DELETE FROM tracing_serialform WHERE item_id = p_item;
          INSERT INTO tracing_serialform (item_id, make_key, normalized, folded)
            SELECT i.id, coalesce(i.make_id, 0), i.serial_normalized, i.serial_folded FROM registry_item i
             WHERE i.id = p_item AND i.serial_folded <> '' ON CONFLICT DO NOTHING;
          INSERT INTO tracing_serialform (item_id, make_key, normalized, folded)
            SELECT m.item_id, coalesce(i.make_id, 0), m.normalized, m.folded
              FROM registry_marking m JOIN registry_item i ON i.id = m.item_id
             WHERE m.item_id = p_item AND m.kind IN ({_KINDS}) AND m.folded <> '' ORDER BY m.id
            ON CONFLICT DO NOTHING;
        END $$""",
    """CREATE OR REPLACE FUNCTION tracing_item_forms() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
          IF TG_OP = 'INSERT' THEN
            IF NEW.serial_folded <> '' THEN
              INSERT INTO tracing_serialform (item_id, make_key, normalized, folded)
              VALUES (NEW.id, coalesce(NEW.make_id, 0), NEW.serial_normalized, NEW.serial_folded) ON CONFLICT DO NOTHING;
            END IF;
          ELSIF TG_OP = 'UPDATE' THEN
            IF NEW.serial_folded IS DISTINCT FROM OLD.serial_folded OR NEW.make_id IS DISTINCT FROM OLD.make_id
               OR NEW.serial_normalized IS DISTINCT FROM OLD.serial_normalized THEN
              PERFORM tracing_refresh_item_forms(NEW.id);
            END IF;
          ELSE
            DELETE FROM tracing_serialform WHERE item_id = OLD.id;
          END IF;
          RETURN NULL;
        END $$""",
    f"""CREATE OR REPLACE FUNCTION tracing_marking_forms() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
          IF TG_OP = 'INSERT' THEN
            IF NEW.kind IN ({_KINDS}) AND NEW.folded <> '' THEN
              INSERT INTO tracing_serialform (item_id, make_key, normalized, folded)
                SELECT NEW.item_id, coalesce(i.make_id, 0), NEW.normalized, NEW.folded FROM registry_item i
                 WHERE i.id = NEW.item_id ON CONFLICT DO NOTHING;
            END IF;
          ELSE
            PERFORM tracing_refresh_item_forms(OLD.item_id);
            IF TG_OP = 'UPDATE' AND NEW.item_id <> OLD.item_id THEN PERFORM tracing_refresh_item_forms(NEW.item_id); END IF;
          END IF;
          RETURN NULL;
        END $$""",
    """CREATE OR REPLACE FUNCTION tracing_form_keys() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
          IF TG_OP IN ('DELETE', 'UPDATE') THEN
            DELETE FROM tracing_fuzzykey k USING tracing_variants(OLD.folded) v
             WHERE k.variant = v.variant AND k.make_id = OLD.make_key AND k.form_id = OLD.id;
          END IF;
          IF TG_OP IN ('INSERT', 'UPDATE') THEN
            INSERT INTO tracing_fuzzykey (variant, make_id, form_id, d)
              SELECT v.variant, NEW.make_key, NEW.id, v.d FROM tracing_variants(NEW.folded) v ON CONFLICT DO NOTHING;
          END IF;
          RETURN NULL;
        END $$""",
]
PG_TRIGGERS = [
    "CREATE TRIGGER tracing_item_forms AFTER INSERT OR DELETE OR UPDATE OF serial_folded, serial_normalized, make_id "
    "ON registry_item FOR EACH ROW EXECUTE FUNCTION tracing_item_forms()",
    "CREATE TRIGGER tracing_marking_forms AFTER INSERT OR UPDATE OR DELETE ON registry_marking "
    "FOR EACH ROW EXECUTE FUNCTION tracing_marking_forms()",
    "CREATE TRIGGER tracing_form_keys AFTER INSERT OR UPDATE OR DELETE ON tracing_serialform "
    "FOR EACH ROW EXECUTE FUNCTION tracing_form_keys()",
]
PG_DROP_TRIGGERS = [
    "DROP TRIGGER IF EXISTS tracing_item_forms ON registry_item",
    "DROP TRIGGER IF EXISTS tracing_marking_forms ON registry_marking",
    "DROP TRIGGER IF EXISTS tracing_form_keys ON tracing_serialform",
]
PG_DROP_TABLES = [
    "DROP FUNCTION IF EXISTS tracing_form_keys()", "DROP FUNCTION IF EXISTS tracing_marking_forms()",
    "DROP FUNCTION IF EXISTS tracing_item_forms()", "DROP FUNCTION IF EXISTS tracing_refresh_item_forms(bigint)",
    "DROP FUNCTION IF EXISTS tracing_variants(text)", "DROP TABLE IF EXISTS tracing_fuzzykey",
    "DROP INDEX IF EXISTS tracing_form_folded_trgm",
]
PG_FILL = [
    "TRUNCATE tracing_fuzzykey",
    "TRUNCATE tracing_serialform RESTART IDENTITY",
    """INSERT INTO tracing_serialform (item_id, make_key, normalized, folded)
       SELECT id, coalesce(make_id, 0), serial_normalized, serial_folded FROM registry_item
        WHERE serial_folded <> '' ORDER BY id ON CONFLICT DO NOTHING""",
    f"""INSERT INTO tracing_serialform (item_id, make_key, normalized, folded)
       SELECT m.item_id, coalesce(i.make_id, 0), m.normalized, m.folded
         FROM registry_marking m JOIN registry_item i ON i.id = m.item_id
        WHERE m.kind IN ({_KINDS}) AND m.folded <> '' ORDER BY m.id ON CONFLICT DO NOTHING""",
    """INSERT INTO tracing_fuzzykey (variant, make_id, form_id, d)
       SELECT v.variant, f.make_key, f.id, v.d FROM tracing_serialform f CROSS JOIN LATERAL tracing_variants(f.folded) v
       ON CONFLICT DO NOTHING""",
    "ANALYZE tracing_serialform",
    "ANALYZE tracing_fuzzykey",
]


# ---------------------------------------------------------------- bulk writers

# The forms, trigram entries and deletion keys of given items, set-wise: for a writer that inserted those items and
# their markings with the triggers suspended (the registry's bulk import). SQLite gets an id range, PostgreSQL a list.
_SQLITE_INDEX_ITEMS = [
    """INSERT OR IGNORE INTO tracing_serialform (item_id, make_key, normalized, folded)
       SELECT id, coalesce(make_id, 0), serial_normalized, serial_folded FROM registry_item
        WHERE id BETWEEN %(first)s AND %(last)s AND serial_folded <> '' ORDER BY id""",
    f"""INSERT OR IGNORE INTO tracing_serialform (item_id, make_key, normalized, folded)
       SELECT m.item_id, coalesce(i.make_id, 0), m.normalized, m.folded
         FROM registry_marking m JOIN registry_item i ON i.id = m.item_id
        WHERE m.item_id BETWEEN %(first)s AND %(last)s AND m.kind IN ({_KINDS}) AND m.folded <> '' ORDER BY m.id""",
    """INSERT INTO tracing_serialform_fts (rowid, folded)
       SELECT id, folded FROM tracing_serialform WHERE item_id BETWEEN %(first)s AND %(last)s""",
    _sqlite_keys_of_forms("f.item_id BETWEEN %(first)s AND %(last)s"),
]
_PG_INDEX_ITEMS = [
    """INSERT INTO tracing_serialform (item_id, make_key, normalized, folded)
       SELECT id, coalesce(make_id, 0), serial_normalized, serial_folded FROM registry_item
        WHERE id = ANY(%(ids)s::bigint[]) AND serial_folded <> '' ORDER BY id ON CONFLICT DO NOTHING""",
    f"""INSERT INTO tracing_serialform (item_id, make_key, normalized, folded)
       SELECT m.item_id, coalesce(i.make_id, 0), m.normalized, m.folded
         FROM registry_marking m JOIN registry_item i ON i.id = m.item_id
        WHERE m.item_id = ANY(%(ids)s::bigint[]) AND m.kind IN ({_KINDS}) AND m.folded <> ''
        ORDER BY m.id ON CONFLICT DO NOTHING""",
    # The forms are new, so their keys cannot clash with stored ones: duplicates within a form are merged here
    # (smallest depth, as deletion_variants keeps), which is cheaper than ON CONFLICT, and sorted for the B-tree.
    """INSERT INTO tracing_fuzzykey (variant, make_id, form_id, d)
       SELECT v.variant, f.make_key, f.id, min(v.d) FROM tracing_serialform f
         CROSS JOIN LATERAL tracing_variants(f.folded) v
        WHERE f.item_id = ANY(%(ids)s::bigint[]) GROUP BY 1, 2, 3 ORDER BY 1, 2, 3""",
]
PG_TRIGGER_TABLES = [("tracing_item_forms", "registry_item"), ("tracing_marking_forms", "registry_marking"),
                      ("tracing_form_keys", "tracing_serialform")]


@contextmanager
def triggers_suspended(connection):
    """Within the caller's transaction, the index triggers are off for the block and on again after it; a rollback
    restores them too. PostgreSQL disables them (a SHARE ROW EXCLUSIVE lock: readers go on, other writers wait, as
    they would for the event chain's lock); SQLite, whose writers take turns anyway, drops and re-creates them."""
    if not connection.in_atomic_block:
        raise RuntimeError("triggers_suspended must run inside transaction.atomic()")
    # PostgreSQL refuses to alter a table with pending (deferred) trigger events, such as Django's deferred foreign
    # key checks: the block checks them as it goes, and the transaction defers them again afterwards.
    if _is_pg(connection):
        _run(connection, ["SET CONSTRAINTS ALL IMMEDIATE",
                          *[f"ALTER TABLE {t} DISABLE TRIGGER {name}" for name, t in PG_TRIGGER_TABLES]])
    else:
        drop_triggers(connection)
    yield
    if _is_pg(connection):
        _run(connection, [*[f"ALTER TABLE {t} ENABLE TRIGGER {name}" for name, t in PG_TRIGGER_TABLES],
                          "SET CONSTRAINTS ALL DEFERRED"])
    else:
        _run(connection, SQLITE_TRIGGERS)


def index_items(connection, item_ids):
    """Index the given items, inserted with their markings while the triggers were suspended, set-wise.
    On SQLite the ids must be consecutive (a bulk writer holding the write lock gets them so)."""
    ids = sorted(item_ids)
    if not ids:
        return
    with connection.cursor() as cursor:
        if _is_pg(connection):
            for sql in _PG_INDEX_ITEMS:
                cursor.execute(sql, {"ids": ids})
            return
        if ids[-1] - ids[0] + 1 != len(ids):
            raise ValueError("index_items on SQLite needs consecutive item ids")
        for sql in _SQLITE_INDEX_ITEMS:
            cursor.execute(sql % {"first": ids[0], "last": ids[-1]})


def _run(connection, statements):
    with connection.cursor() as cursor:
        for sql in statements:
            cursor.execute(sql)


def _is_pg(connection):
    return connection.vendor == "postgresql"


def drop_triggers(connection):
    if _is_pg(connection):
        _run(connection, PG_DROP_TRIGGERS)
    else:
        _run(connection, [f"DROP TRIGGER IF EXISTS {name}" for name in SQLITE_TRIGGER_NAMES])


def create_triggers(connection):
    drop_triggers(connection)
    _run(connection, PG_TRIGGERS if _is_pg(connection) else SQLITE_TRIGGERS)


def install(connection):
    """Create the index tables, functions and triggers, then fill them from the registry."""
    _run(connection, PG_TABLES if _is_pg(connection) else SQLITE_TABLES)
    rebuild(connection)


def uninstall(connection):
    drop_triggers(connection)
    _run(connection, PG_DROP_TABLES if _is_pg(connection) else SQLITE_DROP_TABLES)


def refold(item_model, marking_model):
    """Recompute the normalised and folded serial forms of every item and marking (derived columns only: the
    event chain and the raw serials are left as they are); returns how many rows changed."""
    from armstrace.registry.serials import fold_serial, normalize_serial

    changed = 0
    for model, source, norm, fold in ((item_model, "serial_number", "serial_normalized", "serial_folded"),
                                      (marking_model, "text", "normalized", "folded")):
        for pk, raw, n, f in model.objects.values_list("pk", source, norm, fold).iterator(chunk_size=5000):
            new_n, new_f = normalize_serial(raw), fold_serial(raw)
            if (new_n, new_f) != (n, f):
                model.objects.filter(pk=pk).update(**{norm: new_n, fold: new_f})
                changed += 1
    return changed


def rebuild(connection):
    """Recompute the serial forms, the trigram index and the deletion keys from the registry, set-wise."""
    with transaction.atomic(using=connection.alias):
        drop_triggers(connection)
        _run(connection, PG_FILL if _is_pg(connection) else SQLITE_FILL)
        create_triggers(connection)
