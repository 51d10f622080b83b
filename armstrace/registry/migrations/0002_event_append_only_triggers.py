"""Database triggers that make registry_event append-only, on SQLite and PostgreSQL."""

from django.db import migrations

from armstrace.registry.triggers import create_event_triggers, drop_event_triggers


def forwards(apps, schema_editor):
    create_event_triggers(schema_editor.connection)


def backwards(apps, schema_editor):
    drop_event_triggers(schema_editor.connection)


class Migration(migrations.Migration):
    dependencies = [("registry", "0001_initial")]
    operations = [migrations.RunPython(forwards, backwards)]
