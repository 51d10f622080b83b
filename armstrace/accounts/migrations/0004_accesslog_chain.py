# The personal-data access log becomes hash-chained and append-only (accounts.accesslog).

from django.db import migrations, models


def chain_and_guard(apps, schema_editor):
    """Chain the entries written before the log was chained (in the order they were written), then make the table
    append-only."""
    from armstrace.accounts.accesslog import TABLE, chain_entries
    from armstrace.core.chain import GENESIS_HASH
    from armstrace.registry.append_only import create_append_only_triggers

    Entry = apps.get_model("accounts", "AccessLogEntry")
    entries = list(Entry.objects.order_by("at", "id"))
    chain_entries(entries, 0, GENESIS_HASH)
    Entry.objects.bulk_update(entries, ["seq", "prev_hash", "hash"], batch_size=2000)
    create_append_only_triggers(schema_editor.connection, TABLE)


def unguard(apps, schema_editor):
    from armstrace.accounts.accesslog import TABLE
    from armstrace.registry.append_only import drop_append_only_triggers

    drop_append_only_triggers(schema_editor.connection, TABLE)



class Migration(migrations.Migration):

    dependencies = [
        ('accounts', '0003_alter_accesslogentry_subject_type'),
    ]

    operations = [
        migrations.AddField(
            model_name='accesslogentry',
            name='hash',
            field=models.CharField(blank=True, editable=False, max_length=64),
        ),
        migrations.AddField(
            model_name='accesslogentry',
            name='prev_hash',
            field=models.CharField(blank=True, editable=False, max_length=64),
        ),
        migrations.AddField(
            model_name='accesslogentry',
            name='seq',
            field=models.BigIntegerField(editable=False, null=True, unique=True),
        ),
        migrations.RunPython(chain_and_guard, unguard),
    ]
