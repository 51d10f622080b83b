"""Two ingests of the same text at once store it once: the database holds one first copy per text, and the ingest
that loses the race links its document to the winner's."""

from unittest import mock

import pytest
from django.db import IntegrityError, connection, transaction
from django.db.migrations.executor import MigrationExecutor

from armstrace.osint import services
from armstrace.osint.models import Document, ProposedRecord
from armstrace.osint.tests.conftest import EN
from armstrace.registry.tests.test_concurrency import flushable_event_log  # noqa: F401 - fixture


@pytest.mark.django_db
def test_the_ingest_that_loses_the_race_links_to_the_first_copy(ingest):
    first = ingest(EN, source_url="https://police.example/a").document
    answers = iter([lambda *args: (None, False), services._first_copy])
    # The second ingest looks before the first one's commit is visible: it sees no copy at first.
    with mock.patch.object(services, "_first_copy", side_effect=lambda *args: next(answers)(*args)) as looked:
        second = ingest(EN, source_url="https://news.example/b")
    assert looked.call_count == 2
    assert second.outcome == "duplicate" and second.document.duplicate_of == first
    assert Document.objects.filter(duplicate_of=None).count() == 1 and ProposedRecord.objects.count() == 1


@pytest.mark.django_db
def test_the_database_refuses_a_second_first_copy_of_a_text(ingest):
    first = ingest(EN).document
    with pytest.raises(IntegrityError), transaction.atomic():
        Document.objects.create(content_hash=first.content_hash, text=EN)
    Document.objects.create(content_hash=first.content_hash, duplicate_of=first)  # a linked copy is fine


BEFORE, AFTER = [("osint", "0001_initial")], [("osint", "0003_one_first_copy_per_text")]


@pytest.mark.django_db(transaction=True)
def test_the_upgrade_links_first_copies_stored_twice_and_keeps_every_row(flushable_event_log):  # noqa: F811
    leaves = MigrationExecutor(connection).loader.graph.leaf_nodes()
    try:
        executor = MigrationExecutor(connection)
        executor.migrate(BEFORE)
        old = executor.loader.project_state(BEFORE).apps.get_model("osint", "Document")
        a, b = (old.objects.create(content_hash="h1", text=EN) for _ in range(2))
        other = old.objects.create(content_hash="h2", text="another")
        executor = MigrationExecutor(connection)
        executor.migrate(AFTER)
        new = executor.loader.project_state(AFTER).apps.get_model("osint", "Document")
        rows = {d.pk: (d.duplicate_of_id, d.text) for d in new.objects.all()}
        assert rows == {a.pk: (None, EN), b.pk: (a.pk, EN), other.pk: (None, "another")}
    finally:
        MigrationExecutor(connection).migrate(leaves)
