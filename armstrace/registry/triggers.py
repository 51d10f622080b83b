"""SQL for the append-only guard of the event table.

The guard stops the application and careless hands; the hash chain is what reveals a
determined attacker who drops the triggers (`armstrace audit verify`).
"""

MESSAGE = "registry_event is append-only: record a correction event instead"

SQLITE_CREATE = [
    f"CREATE TRIGGER IF NOT EXISTS registry_event_no_update BEFORE UPDATE ON registry_event "
    f"BEGIN SELECT RAISE(ABORT, '{MESSAGE}'); END",
    f"CREATE TRIGGER IF NOT EXISTS registry_event_no_delete BEFORE DELETE ON registry_event "
    f"BEGIN SELECT RAISE(ABORT, '{MESSAGE}'); END",
]
SQLITE_DROP = ["DROP TRIGGER IF EXISTS registry_event_no_update", "DROP TRIGGER IF EXISTS registry_event_no_delete"]

POSTGRES_CREATE = [
    f"""CREATE OR REPLACE FUNCTION registry_event_append_only() RETURNS trigger AS $$
    BEGIN RAISE EXCEPTION '{MESSAGE}' USING ERRCODE = 'insufficient_privilege'; END;
    $$ LANGUAGE plpgsql""",
    "DROP TRIGGER IF EXISTS registry_event_no_change ON registry_event",
    "CREATE TRIGGER registry_event_no_change BEFORE UPDATE OR DELETE ON registry_event "
    "FOR EACH ROW EXECUTE FUNCTION registry_event_append_only()",
    "DROP TRIGGER IF EXISTS registry_event_no_truncate ON registry_event",
    "CREATE TRIGGER registry_event_no_truncate BEFORE TRUNCATE ON registry_event "
    "FOR EACH STATEMENT EXECUTE FUNCTION registry_event_append_only()",
]
POSTGRES_DROP = [
    "DROP TRIGGER IF EXISTS registry_event_no_change ON registry_event",
    "DROP TRIGGER IF EXISTS registry_event_no_truncate ON registry_event",
]


def _run(connection, statements):
    with connection.cursor() as cursor:
        for sql in statements:
            cursor.execute(sql)


def create_event_triggers(connection):
    _run(connection, POSTGRES_CREATE if connection.vendor == "postgresql" else SQLITE_CREATE)


def drop_event_triggers(connection):
    _run(connection, POSTGRES_DROP if connection.vendor == "postgresql" else SQLITE_DROP)
