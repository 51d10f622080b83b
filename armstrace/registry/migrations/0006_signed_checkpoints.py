"""Signed checkpoints of the event log (registry/checkpoints.py), append-only like the events."""

from django.db import migrations, models

from armstrace.registry.append_only import create_append_only_triggers, drop_append_only_triggers


def forwards(apps, schema_editor):
    create_append_only_triggers(schema_editor.connection, "registry_checkpoint")


def backwards(apps, schema_editor):
    drop_append_only_triggers(schema_editor.connection, "registry_checkpoint")


class Migration(migrations.Migration):

    dependencies = [
        ('registry', '0005_item_tracing_status_choices'),
    ]

    operations = [
        migrations.CreateModel(
            name='Checkpoint',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('seq', models.BigIntegerField(editable=False, unique=True)),
                ('hash', models.CharField(max_length=64)),
                ('signed_at', models.DateTimeField()),
                ('key_id', models.CharField(max_length=64)),
                ('signature', models.CharField(max_length=128)),
            ],
            options={
                'verbose_name': 'checkpoint',
                'ordering': ['seq'],
            },
        ),
        migrations.RunPython(forwards, backwards),
    ]
