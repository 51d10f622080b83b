from django.db import migrations

from armstrace.exchange.fulltext import searchable


class Migration(migrations.Migration):
    dependencies = [("exchange", "0003_digest_case")]
    operations = [searchable("exchange_digestcase", "search_text")]
