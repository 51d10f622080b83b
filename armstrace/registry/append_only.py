"""Append-only tables: the triggers that refuse UPDATE and DELETE (and TRUNCATE on PostgreSQL), and the check
that `armstrace audit verify` makes that they are all still there, enabled, and still refusing.

The triggers stop the application and careless hands; the hash chain and the signed checkpoints reveal a
determined attacker, and `audit verify` reports triggers that were dropped. Names: on SQLite `<table>_no_update`
and `<table>_no_delete`, on PostgreSQL `<table>_no_change` and `<table>_no_truncate`, calling
`<table>_append_only()`. A new append-only table gets `create_append_only_triggers` in its migration and a place
in APPEND_ONLY_TABLES (and MESSAGES).
"""

import re
from dataclasses import dataclass

APPEND_ONLY_TABLES = ["registry_event", "registry_checkpoint", "federation_evidence", "accounts_accesslogentry",
                      "alerts_alertchange"]
MESSAGES = {"registry_event": "registry_event is append-only: record a correction event instead",
            "registry_checkpoint": "registry_checkpoint is append-only: a checkpoint is never changed",
            "federation_evidence": "federation_evidence is append-only: evidence is never changed",
            "accounts_accesslogentry": "accounts_accesslogentry is append-only: the access log is never changed",
            "alerts_alertchange": "alerts_alertchange is append-only: the history of an alert is never changed"}


def trigger_names(table, vendor):
    if vendor == "postgresql":
        return [f"{table}_no_change", f"{table}_no_truncate"]
    return [f"{table}_no_update", f"{table}_no_delete"]


def _create_sql(table, vendor, message):
    if vendor == "postgresql":
        change, truncate = trigger_names(table, vendor)
        return [
            f"""CREATE OR REPLACE FUNCTION {table}_append_only() RETURNS trigger AS $$
            BEGIN RAISE EXCEPTION '{message}' USING ERRCODE = 'insufficient_privilege'; END;
            $$ LANGUAGE plpgsql""",
            f"DROP TRIGGER IF EXISTS {change} ON {table}",
            f"CREATE TRIGGER {change} BEFORE UPDATE OR DELETE ON {table} "
            f"FOR EACH ROW EXECUTE FUNCTION {table}_append_only()",
            f"DROP TRIGGER IF EXISTS {truncate} ON {table}",
            f"CREATE TRIGGER {truncate} BEFORE TRUNCATE ON {table} "
            f"FOR EACH STATEMENT EXECUTE FUNCTION {table}_append_only()",
        ]
    no_update, no_delete = trigger_names(table, vendor)
    return [f"CREATE TRIGGER IF NOT EXISTS {no_update} BEFORE UPDATE ON {table} "
            f"BEGIN SELECT RAISE(ABORT, '{message}'); END",
            f"CREATE TRIGGER IF NOT EXISTS {no_delete} BEFORE DELETE ON {table} "
            f"BEGIN SELECT RAISE(ABORT, '{message}'); END"]


def _drop_sql(table, vendor):
    if vendor == "postgresql":
        return [f"DROP TRIGGER IF EXISTS {name} ON {table}" for name in trigger_names(table, vendor)]
    return [f"DROP TRIGGER IF EXISTS {name}" for name in trigger_names(table, vendor)]


def _run(connection, statements):
    with connection.cursor() as cursor:
        for sql in statements:
            cursor.execute(sql)


def create_append_only_triggers(connection, table):
    _run(connection, _create_sql(table, connection.vendor, MESSAGES.get(table, f"{table} is append-only")))


def drop_append_only_triggers(connection, table):
    _run(connection, _drop_sql(table, connection.vendor))


def create_all_append_only_triggers(connection):
    """Every append-only table that exists now (a migration test may stand at a state before some of them)."""
    existing = set(connection.introspection.table_names())
    for table in APPEND_ONLY_TABLES:
        if table in existing:
            create_append_only_triggers(connection, table)


def drop_all_append_only_triggers(connection):
    """Lets a test's flush empty the tables (PostgreSQL's TRUNCATE trigger fires even on an empty table)."""
    existing = set(connection.introspection.table_names())
    for table in APPEND_ONLY_TABLES:
        if table in existing:
            drop_append_only_triggers(connection, table)


@dataclass
class TriggerProblem:
    table: str
    trigger: str
    problem: str  # "is missing", "is disabled" or "was altered: ..."

    def __str__(self):
        return f"append-only trigger {self.trigger} on {self.table} {self.problem}"


# PostgreSQL pg_trigger.tgtype bits
_ROW, _BEFORE, _DELETE, _UPDATE, _TRUNCATE = 1, 2, 8, 16, 32
_PG_EXPECTED = {"no_change": _ROW | _BEFORE | _DELETE | _UPDATE, "no_truncate": _BEFORE | _TRUNCATE}


def trigger_problems(connection, tables=None) -> list[TriggerProblem]:
    """What is wrong with the append-only triggers of `tables` (default: every append-only table): a trigger that
    is gone, disabled (PostgreSQL), or altered so that it no longer refuses every change."""
    postgres = connection.vendor == "postgresql"
    found = _pg_triggers(connection) if postgres else _sqlite_triggers(connection)
    problems = []
    for table in tables or APPEND_ONLY_TABLES:
        for name in trigger_names(table, connection.vendor):
            if (table, name) not in found:
                problems.append(TriggerProblem(table, name, "is missing"))
                continue
            check = _pg_problem if postgres else _sqlite_problem
            problem = check(table, name, found[(table, name)])
            if problem:
                problems.append(TriggerProblem(table, name, problem))
    return problems


def _sqlite_triggers(connection):
    with connection.cursor() as cursor:
        cursor.execute("SELECT tbl_name, name, sql FROM sqlite_master WHERE type = 'trigger'")
        return {(table, name): " ".join((sql or "").upper().split()) for table, name, sql in cursor.fetchall()}


def _sqlite_problem(table, name, sql):
    event = "UPDATE" if name.endswith("_no_update") else "DELETE"
    pattern = rf"BEFORE {event} ON [\"`]?{table.upper()}[\"`]? BEGIN SELECT RAISE\(ABORT,"
    return None if re.search(pattern, sql) else f"was altered: it no longer refuses every {event}"


def _pg_triggers(connection):
    with connection.cursor() as cursor:
        cursor.execute("SELECT c.relname, t.tgname, t.tgenabled, t.tgtype, t.tgqual IS NULL, p.prosrc "
                       "FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid JOIN pg_proc p ON p.oid = t.tgfoid "
                       "WHERE NOT t.tgisinternal AND c.relnamespace = to_regnamespace(current_schema())")
        return {(row[0], row[1]): row[2:] for row in cursor.fetchall()}


def _pg_problem(table, name, state):
    enabled, tgtype, unconditional, source = state
    if enabled == "D":
        return "is disabled"
    expected = _PG_EXPECTED[name.removeprefix(f"{table}_")]
    if tgtype != expected or not unconditional:
        return "was altered: it no longer fires before every change"
    if not " ".join(source.upper().split()).startswith("BEGIN RAISE EXCEPTION"):
        return "was altered: its function no longer raises an error"
    return None
