"""Two registrars transfer the same firearm at the same moment from the same view of it (same expected_seq):
exactly one transfer is recorded, the other gets a Conflict, and the event chain stays gapless.

Real parallel connections: each thread uses its own Django connection, with committed data
(`transaction=True`), started together by a barrier.
"""

import threading

import pytest
from django.db import connection
from django.db.models.signals import post_migrate

from armstrace.conftest import at
from armstrace.registry import services
from armstrace.registry.eventlog import verify_chain
from armstrace.registry.models import Event, Item
from armstrace.registry.append_only import create_all_append_only_triggers, drop_all_append_only_triggers

pytestmark = pytest.mark.django_db(transaction=True)

RECREATE_UID = "armstrace-test-recreate-event-triggers"


@pytest.fixture
def flushable_event_log(transactional_db):
    """The append-only triggers (event log, checkpoints) make pytest-django's flush (DELETE/TRUNCATE) fail at teardown.

    Torn down before `transactional_db` (which it depends on): drop the triggers so that the flush can empty
    the table, and recreate them from the post_migrate signal that the flush sends once it is done."""
    yield

    def recreate(**kwargs):
        post_migrate.disconnect(dispatch_uid=RECREATE_UID)
        create_all_append_only_triggers(connection)

    drop_all_append_only_triggers(connection)
    post_migrate.connect(recreate, weak=False, dispatch_uid=RECREATE_UID)


def _race(item, recipients, expected_seq, occurred_at):
    barrier = threading.Barrier(len(recipients), timeout=30)
    outcomes = [None] * len(recipients)

    def attempt(i, party):
        try:
            barrier.wait()
            outcomes[i] = services.transfer(item, party, expected_seq=expected_seq, occurred_at=occurred_at)
        except Exception as exc:  # noqa: BLE001 - the test inspects what each thread got
            outcomes[i] = exc
        finally:
            connection.close()

    threads = [threading.Thread(target=attempt, args=(i, p)) for i, p in enumerate(recipients)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(60)
    assert not any(t.is_alive() for t in threads), "a transfer hung"
    return outcomes


def _check_concurrent_transfers(registry, glock, rounds=3):
    parties = [registry.dealer, registry.alice, registry.bob]
    for n in range(rounds):
        item = Item.objects.get(pk=glock.pk)
        recipients = [p for p in parties if p.pk != item.current_holder_id]
        outcomes = _race(item, recipients, item.last_event_seq, at(2016 + n, 1, 1))
        won = [o for o in outcomes if isinstance(o, Event)]
        lost = [o for o in outcomes if not isinstance(o, Event)]
        assert len(won) == 1, outcomes
        assert len(lost) == 1 and isinstance(lost[0], services.Conflict), outcomes
        assert "changed by someone else" in lost[0].message
        item.refresh_from_db()
        assert item.last_event_seq == won[0].seq and item.current_holder_id == won[0].payload["holder"]
    seqs = list(Event.objects.order_by("seq").values_list("seq", flat=True))
    assert seqs == list(range(1, rounds + 2))  # registration + one transfer per round, no gap
    result = verify_chain()
    assert result.ok and result.head_seq == rounds + 1, result


def test_postgres_concurrent_transfers_one_wins(registry, glock, flushable_event_log):
    if connection.vendor != "postgresql":
        pytest.skip("PostgreSQL only: run under tools/with_postgres.sh")
    _check_concurrent_transfers(registry, glock)


@pytest.mark.skip(reason="SQLite variant not run: the SQLite test database is a shared-cache in-memory database, where a "
                         "second writer gets 'database table is locked' at once instead of waiting on the IMMEDIATE "
                         "write lock as two connections to a real file do; it would need a file test database")
def test_sqlite_concurrent_transfers_one_wins(registry, glock, flushable_event_log):
    _check_concurrent_transfers(registry, glock)
