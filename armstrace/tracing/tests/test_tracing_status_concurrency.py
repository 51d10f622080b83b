"""PostgreSQL: a seizure from a holder, an event on an arm already seized from them, and a change of the holder's
licence, at the same moment in three connections: no deadlock, no error, and every stored tracing status still
equals iafq_tracing_status afterwards (the licence change and the statuses that read the licence are serialised)."""

import threading

import pytest
from django.db import connection

from armstrace.conftest import at
from armstrace.registry import services as reg
from armstrace.registry.models import EventKind, Item, Licence, Marking
from armstrace.registry.tests.test_concurrency import flushable_event_log  # noqa: F401 - fixture
from armstrace.tracing.finding import iafq_tracing_status

pytestmark = pytest.mark.django_db(transaction=True)


def _together(*calls):
    barrier = threading.Barrier(len(calls), timeout=30)
    errors = []

    def run(call):
        try:
            barrier.wait()
            call()
        except Exception as exc:  # noqa: BLE001 - the test reports what a thread got
            errors.append(exc)
        finally:
            connection.close()

    threads = [threading.Thread(target=run, args=(c,)) for c in calls]
    for t in threads:
        t.start()
    for t in threads:
        t.join(60)
    assert not any(t.is_alive() for t in threads), "a thread hung"
    return errors


def test_postgres_licence_change_races_seizures(registry, glock, flushable_event_log):  # noqa: F811
    if connection.vendor != "postgresql":
        pytest.skip("PostgreSQL only: run under tools/with_postgres.sh")
    model = glock.model
    items = [reg.create_item(reg.FirearmInput(serial_number=f"RACE{n}", make=model.make, model=model),
                             holder=registry.alice, occurred_at=at(2015, 1, 1)) for n in range(6)]
    reg.take_into_custody(items[0], EventKind.SEIZED, occurred_at=at(2020, 1, 1))  # already depends on Alice
    licence = registry.alice.licences.get()

    def toggle(n):
        def call():
            lic = Licence.objects.get(pk=licence.pk)
            lic.status = Licence.Status.REVOKED if n % 2 == 0 else Licence.Status.VALID
            lic.save()
        return call

    for n, item in enumerate(items[1:], start=1):
        errors = _together(
            lambda item=item, n=n: reg.take_into_custody(item, EventKind.SEIZED, occurred_at=at(2020, 2, n)),
            lambda n=n: reg.add_marking(items[0], reg.MarkingInput(Marking.Kind.PROOF, f"P{n}")),
            toggle(n),
        )
        assert not errors, errors
        for current in Item.objects.filter(pk__in=[i.pk for i in items]):
            assert current.tracing_status == iafq_tracing_status(current), (n, current.pk)
    statuses = set(Item.objects.filter(pk__in=[i.pk for i in items]).values_list("tracing_status", flat=True))
    assert statuses == {"legitimate_owner_national"}  # the last toggle (n = 5) left the licence valid
