"""Indexes for the holder picker on PostgreSQL: a pg_trgm GIN index for "name holds the text" and a pattern index
for "number starts with", on the UPPER() forms Django's case-insensitive lookups compare. SQLite keeps its scans."""

from django.db import migrations

INDEXES = (
    "CREATE INDEX IF NOT EXISTS registry_party_name_trgm ON registry_party USING gin (UPPER(name::text) gin_trgm_ops)",
    "CREATE INDEX IF NOT EXISTS registry_party_identifier_prefix ON registry_party "
    "(UPPER(identifier::text) text_pattern_ops)",
)


def create(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
        for sql in INDEXES:
            schema_editor.execute(sql)


def drop(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        for name in ("registry_party_name_trgm", "registry_party_identifier_prefix"):
            schema_editor.execute(f"DROP INDEX IF EXISTS {name}")


class Migration(migrations.Migration):

    dependencies = [
        ("registry", "0010_manufacture_method"),
    ]

    operations = [migrations.RunPython(create, drop)]
