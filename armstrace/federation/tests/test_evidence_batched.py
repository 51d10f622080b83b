"""The inbox writes an accepted message's three evidence entries (received, receipt sent, answer sent) with one
read of the chain's head and one INSERT, chained exactly as one append at a time: the hashes are those of the
event log's formula over each entry in turn, and `audit verify` passes. The statements of one accepted message
stay few (a count, not a time)."""

import pytest
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext

from armstrace.federation import evidence, inbox
from armstrace.federation.models import Evidence
from armstrace.federation.tests.test_inbox_in_process import from_partner, partner_key  # noqa: F401 - fixture
from armstrace.registry.eventlog import GENESIS_HASH, compute_hash

pytestmark = pytest.mark.django_db


def test_one_accepted_message_chains_three_entries_in_order(partner_key, capsys):  # noqa: F811
    inbox.receive(from_partner(partner_key))
    with CaptureQueriesContext(connection) as queries:
        accepted = inbox.receive(from_partner(partner_key, {"serial": "XYZ9"}))
    entries = list(Evidence.objects.order_by("seq"))
    assert [(e.seq, e.kind) for e in entries[3:]] == [(4, "received"), (5, "receipt_sent"), (6, "sent")]
    assert [e.message_id for e in entries[3:]] == [accepted.message.message_id, accepted.receipt.message_id,
                                                   accepted.replies[0].message_id]
    prev = GENESIS_HASH
    for entry in entries:
        assert entry.prev_hash == prev and entry.hash == compute_hash(prev, entry.seq, evidence.body_of(entry))
        prev = entry.hash
    heads = [q for q in queries.captured_queries if q["sql"].startswith("SELECT") and "federation_evidence" in q["sql"]]
    inserts = [q for q in queries.captured_queries if q["sql"].startswith('INSERT INTO "federation_evidence"')]
    assert len(heads) == 1 and len(inserts) == 1
    lock = connection.vendor == "postgresql"  # the chains' advisory locks (evidence, access log)
    assert len(queries.captured_queries) <= 19 + 2 * lock  # 4: the access log entry (savepoint, head, INSERT, release)
    assert evidence.verify().ok
    call_command("audit", "verify")
    assert "6 evidence entries verified" in capsys.readouterr().out


def test_a_batch_continues_the_chain_of_single_appends(db):
    from django.db import transaction

    with transaction.atomic():
        first = evidence.append("sent", message_id="m1", message_type="receipt", partner_country="SEN", jws="a.b.c")
        batch = evidence.append_all([evidence.Record("received", f"m{i}", "receipt", "SEN", f"x.y.{i}")
                                     for i in (2, 3)])
    assert [e.seq for e in batch] == [2, 3] and batch[0].prev_hash == first.hash == Evidence.objects.get(seq=1).hash
    assert batch[1].prev_hash == batch[0].hash and evidence.verify().ok
