"""The marking-search index: SQLite FTS5 trigram table or PostgreSQL pg_trgm, deletion keys, and the triggers
that keep them in step with registry_item and registry_marking (see armstrace/tracing/index.py)."""

from django.db import migrations

from armstrace.tracing import index


def forwards(apps, schema_editor):
    index.install(schema_editor.connection)


def backwards(apps, schema_editor):
    index.uninstall(schema_editor.connection)


class Migration(migrations.Migration):
    dependencies = [("tracing", "0001_initial"), ("registry", "0002_event_append_only_triggers")]
    operations = [migrations.RunPython(forwards, backwards)]
