"""SQL for the append-only guard of the event table (and of other append-only tables: the access log).

The guard stops the application and careless hands; the hash chain is what reveals a
determined attacker who drops the triggers (`armstrace audit verify`).
"""

MESSAGE = "registry_event is append-only: record a correction event instead"


def _sqlite_create(table, message):
    return [f"CREATE TRIGGER IF NOT EXISTS {table}_no_{verb} BEFORE {verb.upper()} ON {table} "
            f"BEGIN SELECT RAISE(ABORT, '{message}'); END" for verb in ("update", "delete")]


def _sqlite_drop(table):
    return [f"DROP TRIGGER IF EXISTS {table}_no_{verb}" for verb in ("update", "delete")]


def _postgres_create(table, message):
    return [
        f"""CREATE OR REPLACE FUNCTION {table}_append_only() RETURNS trigger AS $$
    BEGIN RAISE EXCEPTION '{message}' USING ERRCODE = 'insufficient_privilege'; END;
    $$ LANGUAGE plpgsql""",
        f"DROP TRIGGER IF EXISTS {table}_no_change ON {table}",
        f"CREATE TRIGGER {table}_no_change BEFORE UPDATE OR DELETE ON {table} "
        f"FOR EACH ROW EXECUTE FUNCTION {table}_append_only()",
        f"DROP TRIGGER IF EXISTS {table}_no_truncate ON {table}",
        f"CREATE TRIGGER {table}_no_truncate BEFORE TRUNCATE ON {table} "
        f"FOR EACH STATEMENT EXECUTE FUNCTION {table}_append_only()",
    ]


def _postgres_drop(table):
    return [f"DROP TRIGGER IF EXISTS {table}_no_change ON {table}", f"DROP TRIGGER IF EXISTS {table}_no_truncate ON {table}"]


SQLITE_CREATE = _sqlite_create("registry_event", MESSAGE)
SQLITE_DROP = _sqlite_drop("registry_event")
POSTGRES_CREATE = _postgres_create("registry_event", MESSAGE)
POSTGRES_DROP = _postgres_drop("registry_event")


def _run(connection, statements):
    with connection.cursor() as cursor:
        for sql in statements:
            cursor.execute(sql)


def create_append_only_triggers(connection, table, message=None):
    """Triggers that refuse UPDATE and DELETE (and TRUNCATE on PostgreSQL) of `table`."""
    message = message or f"{table} is append-only"
    pg = connection.vendor == "postgresql"
    _run(connection, _postgres_create(table, message) if pg else _sqlite_create(table, message))


def drop_append_only_triggers(connection, table):
    _run(connection, _postgres_drop(table) if connection.vendor == "postgresql" else _sqlite_drop(table))


def create_event_triggers(connection):
    create_append_only_triggers(connection, "registry_event", MESSAGE)


def drop_event_triggers(connection):
    drop_append_only_triggers(connection, "registry_event")
