"""An alert's history is append-only: the triggers of registry/append_only.py."""

from django.db import migrations

from armstrace.registry.append_only import create_append_only_triggers, drop_append_only_triggers


def create(apps, schema_editor):
    create_append_only_triggers(schema_editor.connection, "alerts_alertchange")


def drop(apps, schema_editor):
    drop_append_only_triggers(schema_editor.connection, "alerts_alertchange")


class Migration(migrations.Migration):
    dependencies = [("alerts", "0001_initial")]
    operations = [migrations.RunPython(create, drop)]
