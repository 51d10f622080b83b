from django.db import migrations

from armstrace.exchange.fulltext import searchable


class Migration(migrations.Migration):
    dependencies = [("exchange", "0001_initial")]
    operations = [searchable("exchange_searchentry", "body")]
