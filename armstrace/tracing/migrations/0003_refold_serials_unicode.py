"""Serial numbers are now normalised with NFKC and Unicode's confusables (Cyrillic Н -> H, fullwidth digits -> ASCII;
armstrace/registry/serials.py). Recompute the derived search columns of existing items and markings, then the
marking-search index. Raw serials and the event chain are left untouched."""

from django.db import migrations

from armstrace.tracing import index


def forwards(apps, schema_editor):
    connection = schema_editor.connection
    index.drop_triggers(connection)
    changed = index.refold(apps.get_model("registry", "Item"), apps.get_model("registry", "Marking"))
    if changed:
        index.rebuild(connection)
    else:
        index.create_triggers(connection)


class Migration(migrations.Migration):
    dependencies = [("tracing", "0002_search_index"), ("registry", "0004_item_tracing_status")]
    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
