"""A bulk import and registrars at work at the same time on PostgreSQL: the import's batches lock the item tables
(to suspend the search triggers) and the event chain, which the services take in both orders; nobody may deadlock,
and the chain, projections and search index must come out whole."""

import csv
import threading
from datetime import UTC, datetime

import pytest
from django.db import connection

from armstrace.registry import services
from armstrace.registry.eventlog import verify_chain
from armstrace.registry.importer import import_items
from armstrace.registry.models import Event, FirearmModel, Item
from armstrace.registry.projection import rebuild_projections
from armstrace.registry.tests.test_concurrency import flushable_event_log  # noqa: F401 - fixture

pytestmark = pytest.mark.django_db(transaction=True)


def test_bulk_import_alongside_registrations_and_transfers(registry, glock, flushable_event_log, tmp_path):  # noqa: F811
    if connection.vendor != "postgresql":
        pytest.skip("PostgreSQL only: run under tools/with_postgres.sh")
    path = tmp_path / "concurrent.csv"
    with open(path, "w", newline="", encoding="utf-8") as f:
        writer = csv.writer(f)
        writer.writerow(["serial_number", "make", "model", "holder", "registered_on"])
        writer.writerows([f"CC-{i:05d}", "Glock", "G19", "ID-BOB", "2020-01-01"] for i in range(3000))
    model = FirearmModel.objects.get(make__name="Glock", name="G19")
    started, failures = threading.Event(), []

    def importing():
        try:
            started.set()
            failures.append(("import", import_items(path, batch_size=300).imported))
        except Exception as exc:  # noqa: BLE001 - the test reports what each thread got
            failures.append(("import", exc))
        finally:
            connection.close()

    def registering():
        try:
            started.wait(10)
            holders = [registry.alice, registry.dealer]
            for i in range(30):
                services.create_item(services.FirearmInput(serial_number=f"LIVE-{i}", make=model.make, model=model),
                                     holder=registry.alice, occurred_at=datetime(2021, 1, 1, 12, tzinfo=UTC))
                item = Item.objects.get(pk=glock.pk)
                services.transfer(item, holders[i % 2], occurred_at=datetime(2021, 1, 2, 12, tzinfo=UTC))
        except Exception as exc:  # noqa: BLE001
            failures.append(("services", exc))
        finally:
            connection.close()

    threads = [threading.Thread(target=importing), threading.Thread(target=registering)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(240)
    assert not any(t.is_alive() for t in threads), "a thread hung"
    assert failures == [("import", 3000)], failures
    assert Item.objects.count() == 1 + 3000 + 30
    assert Event.objects.filter(item__isnull=False).count() == 1 + 3000 + 30 + 30
    assert verify_chain().ok
    assert rebuild_projections(write=False) == []
    with connection.cursor() as cursor:
        cursor.execute("SELECT count(DISTINCT item_id) FROM tracing_serialform")
        assert cursor.fetchone()[0] == Item.objects.count()
