# The notifications move to the alerts app (armstrace/alerts); `armstrace alerts scan` raises them again as alerts.

from django.db import migrations


class Migration(migrations.Migration):

    dependencies = [
        ('exchange', '0004_digest_search_index'),
    ]

    operations = [
        migrations.DeleteModel(
            name='Notification',
        ),
    ]
