"""`armstrace backup FILE`, and the helpers that `armstrace restore FILE` shares: backup and restore of the whole database.

SQLite: an online, consistent copy through SQLite's backup API (never a file copy of a live WAL
database), written as one self-contained file (rollback journal mode). PostgreSQL: `pg_dump -Fc`
and `pg_restore --clean --if-exists --no-owner`, with the connection settings of Django's database.
"""

import glob
import os
import shutil
import sqlite3
import subprocess
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.db import connection

from armstrace.registry.eventlog import chain_head


class BackupError(Exception):
    pass


def has_data() -> bool:
    """True when the configured database already holds registry items or events."""
    tables = set(connection.introspection.table_names())
    with connection.cursor() as cursor:
        for table in ("registry_event", "registry_item"):
            if table in tables:
                cursor.execute(f"SELECT 1 FROM {table} LIMIT 1")
                if cursor.fetchone():
                    return True
    return False


# ---------------------------------------------------------------- SQLite


def _check_sqlite_file(path):
    con = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        result = con.execute("PRAGMA integrity_check").fetchone()[0]
    except sqlite3.DatabaseError as exc:
        raise BackupError(f"{path} is not a readable SQLite database: {exc}") from exc
    finally:
        con.close()
    if result != "ok":
        raise BackupError(f"{path} fails SQLite's integrity check: {result}")


def sqlite_backup(target: Path):
    tmp = target.with_name(target.name + ".partial")
    tmp.unlink(missing_ok=True)
    connection.ensure_connection()
    dest = sqlite3.connect(tmp)
    try:
        connection.connection.backup(dest)
        dest.execute("PRAGMA journal_mode=DELETE")  # one self-contained file, no -wal beside it
    finally:
        dest.close()
    _check_sqlite_file(tmp)
    os.replace(tmp, target)


def sqlite_restore(source: Path):
    _check_sqlite_file(source)
    src = sqlite3.connect(f"file:{source}?mode=ro", uri=True)
    try:
        connection.ensure_connection()
        # Through the live connection: SQLite writes every page under its own lock and WAL,
        # so readers never see a half-restored file.
        src.backup(connection.connection)
    finally:
        src.close()
    with connection.cursor() as cursor:
        cursor.execute("PRAGMA journal_mode=WAL")


# ---------------------------------------------------------------- PostgreSQL


def pg_tool(name):
    """pg_dump/pg_restore from $PGBIN, else PATH, else the newest /usr/lib/postgresql/*/bin."""
    candidates = []
    if os.environ.get("PGBIN"):
        candidates.append(Path(os.environ["PGBIN"]) / name)
    on_path = shutil.which(name)
    if on_path:
        candidates.append(Path(on_path))
    versions = sorted(glob.glob("/usr/lib/postgresql/*/bin"), key=lambda p: [int(x) for x in Path(p).parent.name.split(".") if x.isdigit()])
    candidates += [Path(d) / name for d in reversed(versions)]
    for path in candidates:
        if path.is_file() and os.access(path, os.X_OK):
            return str(path)
    raise BackupError(f"{name} not found: install the PostgreSQL client tools or set PGBIN")


def _pg_args_env():
    s = connection.settings_dict
    args = []
    if s.get("HOST"):
        args += ["-h", str(s["HOST"])]
    if s.get("PORT"):
        args += ["-p", str(s["PORT"])]
    if s.get("USER"):
        args += ["-U", str(s["USER"])]
    env = {**os.environ}
    if s.get("PASSWORD"):
        env["PGPASSWORD"] = str(s["PASSWORD"])
    sslmode = (s.get("OPTIONS") or {}).get("sslmode")
    if sslmode:
        env["PGSSLMODE"] = sslmode
    return args, env, s["NAME"]


def _run(cmd, env):
    proc = subprocess.run(cmd, env=env, capture_output=True, text=True)
    if proc.returncode != 0:
        raise BackupError(f"{Path(cmd[0]).name} failed ({proc.returncode}): {proc.stderr.strip()}")


def pg_backup(target: Path):
    args, env, name = _pg_args_env()
    tmp = target.with_name(target.name + ".partial")
    _run([pg_tool("pg_dump"), "-Fc", "--no-password", *args, "-f", str(tmp), "-d", name], env)
    os.replace(tmp, target)


def pg_restore(source: Path):
    args, env, name = _pg_args_env()
    connection.close()  # no session of ours may hold locks on the tables being replaced
    _run([pg_tool("pg_restore"), "--clean", "--if-exists", "--no-owner", "--single-transaction", "--exit-on-error",
          "--no-password", *args, "-d", name, str(source)], env)


# ---------------------------------------------------------------- entry points


def backup(target) -> str:
    target = Path(target).resolve()
    target.parent.mkdir(parents=True, exist_ok=True)
    if connection.vendor == "sqlite":
        sqlite_backup(target)
    elif connection.vendor == "postgresql":
        pg_backup(target)
    else:
        raise BackupError(f"backup of a {connection.vendor} database is not supported")
    return str(target)


def restore(source, *, force=False):
    source = Path(source).resolve()
    if not source.is_file():
        raise BackupError(f"{source} does not exist")
    if connection.vendor not in ("sqlite", "postgresql"):
        raise BackupError(f"restore into a {connection.vendor} database is not supported")
    if not force and has_data():
        raise BackupError("the database already holds registry data; use --force to replace it with the backup")
    if connection.vendor == "sqlite":
        sqlite_restore(source)
    else:
        pg_restore(source)
    connection.close()



class Command(BaseCommand):
    help = ("Back up the whole database to FILE: on SQLite a consistent online copy (SQLite backup API), "
            "on PostgreSQL a pg_dump custom-format archive.")

    def add_arguments(self, parser):
        parser.add_argument("file", help="the backup file to write (replaced if it exists)")

    def handle(self, *args, file, **options):
        seq, head_hash = chain_head()
        try:
            path = backup(file)
        except BackupError as exc:
            raise CommandError(str(exc)) from exc
        self.stdout.write(self.style.SUCCESS(f"Backup written to {path} (chain head at start: seq {seq}, hash {head_hash})"))
