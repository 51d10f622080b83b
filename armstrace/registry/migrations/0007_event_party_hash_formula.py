# Events get the party whose record they set, and the version of the hash formula they were made with: the
# existing events keep formula 1 (the column's default for them), so their hashes are never recomputed.
# Added with ALTER TABLE ADD COLUMN on both databases (a SQLite table rebuild would drop the append-only triggers).

import django.db.models.deletion
from django.db import migrations, models

ADD_FORMULA = "ALTER TABLE registry_event ADD COLUMN hash_formula smallint NOT NULL DEFAULT 1"
DROP_FORMULA = "ALTER TABLE registry_event DROP COLUMN hash_formula"


def keep_triggers(apps, schema_editor):
    """SQLite rebuilds the table to remove the party column when migrating back, which drops its triggers."""
    from armstrace.registry.triggers import create_event_triggers

    create_event_triggers(schema_editor.connection)


class Migration(migrations.Migration):

    dependencies = [
        ('registry', '0006_signed_checkpoints'),
    ]

    operations = [
        migrations.RunPython(migrations.RunPython.noop, keep_triggers),
        migrations.AddField(
            model_name='event',
            name='party',
            field=models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.PROTECT, related_name='events', to='registry.party'),
        ),
        migrations.SeparateDatabaseAndState(
            database_operations=[migrations.RunSQL(ADD_FORMULA, DROP_FORMULA)],
            state_operations=[migrations.AddField(
                model_name='event',
                name='hash_formula',
                field=models.PositiveSmallIntegerField(default=2, editable=False),
            )],
        ),
        migrations.AlterField(
            model_name='event',
            name='kind',
            field=models.CharField(choices=[('manufactured', 'Manufactured'), ('imported', 'Imported'), ('exported', 'Exported'), ('registered', 'Registered'), ('transferred', 'Transferred'), ('loss_reported', 'Loss reported'), ('theft_reported', 'Theft reported'), ('found', 'Found'), ('surrendered', 'Surrendered'), ('seized', 'Seized'), ('deactivated', 'Deactivated'), ('destroyed', 'Destroyed'), ('marking_added', 'Marking added'), ('correction', 'Correction'), ('custody_moved', 'Custody movement'), ('returned_to_owner', 'Returned to owner'), ('trace_recorded', 'Tracing result recorded'), ('party_registered', 'Holder registered'), ('party_changed', 'Holder changed'), ('licence_issued', 'Licence issued'), ('licence_changed', 'Licence changed'), ('licence_suspended', 'Licence suspended'), ('licence_revoked', 'Licence revoked'), ('licence_reinstated', 'Licence reinstated'), ('baseline', 'Baseline of an existing record')], max_length=32, verbose_name='kind'),
        ),
        migrations.RunPython(keep_triggers, migrations.RunPython.noop),
    ]
