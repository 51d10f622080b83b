"""One first copy per text, even when two ingests of it run at once."""

from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('osint', '0002_link_later_exact_copies'),
    ]

    operations = [
        migrations.AddConstraint(
            model_name='document',
            constraint=models.UniqueConstraint(condition=models.Q(('duplicate_of', None)), fields=('content_hash',), name='osint_document_one_first_copy'),
        ),
    ]
