"""On PostgreSQL the holder picker's two look-ups, name holds the text and number starts with it, are answered from
indexes (pg_trgm on the name, a pattern index on the number) rather than by reading every holder."""

import pytest
from django.db import connection

from armstrace.registry.models import Party


def _plan(queryset):
    sql, params = queryset.query.sql_with_params()
    with connection.cursor() as cursor:
        cursor.execute("SET LOCAL enable_seqscan = off")  # a small test table would be scanned anyway
        cursor.execute(f"EXPLAIN {sql}", params)
        return "\n".join(row[0] for row in cursor.fetchall())


@pytest.mark.django_db
def test_name_and_number_lookups_use_their_indexes():
    if connection.vendor != "postgresql":
        pytest.skip("SQLite has no trigram index on holder names")
    Party.objects.create(kind="person", name="Juma Otieno", identifier="ID-JUMA-1")
    assert "registry_party_name_trgm" in _plan(Party.objects.filter(name__icontains="ma ot"))
    assert "registry_party_identifier_prefix" in _plan(Party.objects.filter(identifier__istartswith="id-ju"))
