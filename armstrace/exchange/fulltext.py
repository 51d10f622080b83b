"""Full-text search of a text column: SQLite FTS5 (unicode61 tokenizer, diacritics removed) and PostgreSQL text
search with the `armstrace_simple` configuration (the simple dictionary after unaccent), so that English, French
and Spanish words match with or without their accents and without language-specific stemming.

A table is made searchable by `searchable(table, column)` in a migration; `matches(table, column, query)` gives
the matching primary keys, best first. Callers restrict the keys to what the user may see."""

import re

from django.db import connection, migrations

PG_CONFIG = "armstrace_simple"
WORD = re.compile(r"\w+", re.UNICODE)


def _sqlite_statements(table, column):
    fts = f"{table}_fts"
    return [
        f"CREATE VIRTUAL TABLE {fts} USING fts5({column}, content='{table}', content_rowid='id', "
        "tokenize='unicode61 remove_diacritics 2')",
        f"CREATE TRIGGER {fts}_ai AFTER INSERT ON {table} BEGIN "
        f"INSERT INTO {fts}(rowid, {column}) VALUES (new.id, new.{column}); END",
        f"CREATE TRIGGER {fts}_ad AFTER DELETE ON {table} BEGIN "
        f"INSERT INTO {fts}({fts}, rowid, {column}) VALUES ('delete', old.id, old.{column}); END",
        f"CREATE TRIGGER {fts}_au AFTER UPDATE ON {table} BEGIN "
        f"INSERT INTO {fts}({fts}, rowid, {column}) VALUES ('delete', old.id, old.{column}); "
        f"INSERT INTO {fts}(rowid, {column}) VALUES (new.id, new.{column}); END",
        f"INSERT INTO {fts}({fts}) VALUES ('rebuild')",
    ]


def _postgres_statements(table, column):
    return [
        "CREATE EXTENSION IF NOT EXISTS unaccent",
        f"DO $$ BEGIN IF NOT EXISTS (SELECT 1 FROM pg_ts_config WHERE cfgname = '{PG_CONFIG}') THEN "
        f"CREATE TEXT SEARCH CONFIGURATION {PG_CONFIG} (COPY = simple); "
        f"ALTER TEXT SEARCH CONFIGURATION {PG_CONFIG} ALTER MAPPING FOR hword, hword_part, word WITH unaccent, simple; "
        "END IF; END $$",
        f"CREATE INDEX {table}_{column}_fts ON {table} USING gin (to_tsvector('{PG_CONFIG}'::regconfig, {column}))",
    ]


def searchable(table, column):
    """A migration operation that indexes `table.column` for full-text search on either database."""
    def forward(apps, schema_editor):
        vendor = schema_editor.connection.vendor
        statements = _sqlite_statements(table, column) if vendor == "sqlite" else (
            _postgres_statements(table, column) if vendor == "postgresql" else [])
        for sql in statements:
            schema_editor.execute(sql)

    return migrations.RunPython(forward, migrations.RunPython.noop)


def words(query):
    return WORD.findall(query or "")


def matches(table, column, query, limit=500):
    """Primary keys of `table` rows whose `column` holds every word of `query`, best first."""
    terms = words(query)
    if not terms:
        return []
    with connection.cursor() as cursor:
        if connection.vendor == "sqlite":
            fts = f"{table}_fts"
            cursor.execute(f"SELECT rowid FROM {fts} WHERE {fts} MATCH %s ORDER BY bm25({fts}) LIMIT %s",
                           [" AND ".join('"%s"' % t.replace('"', "") for t in terms), limit])
        else:
            vector = f"to_tsvector('{PG_CONFIG}'::regconfig, {column})"
            cursor.execute(f"SELECT id FROM {table}, plainto_tsquery('{PG_CONFIG}'::regconfig, %s) q "
                           f"WHERE {vector} @@ q ORDER BY ts_rank({vector}, q) DESC, id LIMIT %s",
                           [" ".join(terms), limit])
        return [row[0] for row in cursor.fetchall()]
