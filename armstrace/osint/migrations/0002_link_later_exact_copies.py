"""Two ingests of the same text that ran at once could both have stored it as a first copy: the later ones are
linked to the earliest (their text and record are kept), before 0003 allows one first copy per text. Apart from
0003, since PostgreSQL creates no index on a table with pending constraint checks."""

from django.db import migrations


def link_later_exact_copies(apps, schema_editor):
    Document = apps.get_model("osint", "Document")
    first = {}
    for pk, digest in Document.objects.filter(duplicate_of=None).order_by("id").values_list("id", "content_hash"):
        if digest in first:
            Document.objects.filter(pk=pk).update(duplicate_of_id=first[digest])
        else:
            first[digest] = pk


class Migration(migrations.Migration):

    dependencies = [
        ('osint', '0001_initial'),
    ]

    operations = [
        migrations.RunPython(link_later_exact_copies, migrations.RunPython.noop),
    ]
