# Holders and licences become events: one `baseline` event (hash formula 2) per party and licence that exists,
# appended after the events already in the chain (which are neither recomputed nor rewritten); then the whole
# chain is verified, and the migration fails if it does not hold.

from django.db import migrations


def append_baselines(apps, schema_editor):
    from armstrace.registry.eventlog import verify_chain
    from armstrace.registry.holders import record_baselines

    Event = apps.get_model("registry", "Event")
    record_baselines(Event, apps.get_model("registry", "Party"), apps.get_model("registry", "Licence"))
    result = verify_chain(events=Event.objects)
    if not result.ok:
        raise RuntimeError(f"the event chain does not verify at seq {result.first_bad_seq}: {result.reason}")


class Migration(migrations.Migration):

    dependencies = [
        ('registry', '0007_event_party_hash_formula'),
    ]

    operations = [
        migrations.RunPython(append_baselines, migrations.RunPython.noop),
    ]
