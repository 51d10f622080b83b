"""The inbox, outbox and evidence log inside one installation (the test database), against a partner whose key
the test holds: concurrent deliveries of one message (SQLite and PostgreSQL), retries until undeliverable,
tampering with the evidence log, partner management."""

import json
import threading
import uuid
from datetime import UTC, datetime, timedelta

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import connection
from django.db.models.signals import post_migrate

from armstrace.core import signing
from armstrace.core.errors import RuleViolation
from armstrace.federation import evidence, inbox, jws, outbox, partners
from armstrace.federation.messages import compose
from armstrace.federation.models import Evidence, Message, Refusal
from armstrace.registry.append_only import APPEND_ONLY_TABLES, create_append_only_triggers, drop_append_only_triggers

RECREATE_UID = "armstrace-test-recreate-evidence-triggers"


def identity(key, country="SEN", url="http://127.0.0.1:9/federation/inbox/"):
    return {"format": partners.IDENTITY_FORMAT, "country": country, "installation": f"Registry {country}",
            "inbox_url": url, "key_id": signing.key_id(key.public_key()),
            "public_key": signing.public_key_pem(key.public_key())}


def partner_key_of():
    """This installation's identity and a partner, SEN, whose private key is returned."""
    partners.init_identity("Registry here", "http://127.0.0.1:9/federation/inbox/")
    key = Ed25519PrivateKey.generate()
    partners.add_partner(identity(key))
    return key


@pytest.fixture
def partner_key(db):
    return partner_key_of()


def from_partner(key, body=None, country="SEN"):
    kid = signing.key_id(key.public_key())
    return jws.sign({"id": str(uuid.uuid4()), "type": "lost-stolen-query", "version": 1, "from": kid,
                     "to": signing.key_id(), "created": datetime.now(UTC).isoformat(),
                     "body": body or {"serial": "ABC123"}}, kid=kid, issuer=country, private_key=key)


@pytest.fixture
def flushable_evidence(transactional_db):
    """Drop the append-only triggers before pytest-django's flush, recreate them after (see registry test_concurrency)."""
    yield

    def recreate(**kwargs):
        post_migrate.disconnect(dispatch_uid=RECREATE_UID)
        for table in APPEND_ONLY_TABLES:
            create_append_only_triggers(connection, table)

    for table in APPEND_ONLY_TABLES:
        drop_append_only_triggers(connection, table)
    post_migrate.connect(recreate, weak=False, dispatch_uid=RECREATE_UID)


def test_two_concurrent_deliveries_of_one_message_store_it_once(flushable_evidence, partner_key):
    """PostgreSQL (tools/with_postgres.sh); on SQLite the shared-cache in-memory test database cannot make a second
    writer wait, so SQLite is covered by test_two_installations' concurrent POSTs to a real server and file."""
    if connection.vendor != "postgresql":
        pytest.skip("PostgreSQL only: run under tools/with_postgres.sh")
    text, outcomes = from_partner(partner_key), []
    barrier = threading.Barrier(2, timeout=30)

    def deliver():
        try:
            barrier.wait()
            outcomes.append(inbox.receive(text))
        except inbox.Refused as refusal:
            outcomes.append(refusal.code)
        finally:
            connection.close()

    threads = [threading.Thread(target=deliver) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(60)
    assert sorted(o if isinstance(o, str) else "accepted" for o in outcomes) == ["accepted", "replay"]
    assert Message.objects.filter(direction="in").count() == 1
    assert list(Refusal.objects.values_list("code", flat=True)) == ["replay"]
    assert evidence.verify().ok and Evidence.objects.count() == 3  # the query, its receipt, its answer


def test_a_partner_that_never_answers_ends_undeliverable(partner_key, settings):
    settings.ARMSTRACE_FEDERATION_MAX_TRIES, settings.ARMSTRACE_FEDERATION_RETRY_SECONDS = 3, 0
    settings.ARMSTRACE_FEDERATION_TIMEOUT = 1
    message = compose(partners.get_partner("SEN"), "lost-stolen-query", {"serial": "X1"})
    assert outbox.deliver() == {"delivered": 0, "retry": 1, "undeliverable": 0}
    assert outbox.deliver() == {"delivered": 0, "retry": 1, "undeliverable": 0}
    assert outbox.deliver() == {"delivered": 0, "retry": 0, "undeliverable": 1}
    message.refresh_from_db()
    assert (message.state, message.attempts) == ("undeliverable", 3) and "no answer" in message.last_error
    assert outbox.deliver() == {"delivered": 0, "retry": 0, "undeliverable": 0}


def test_backoff_doubles_after_each_failure(partner_key, settings):
    settings.ARMSTRACE_FEDERATION_RETRY_SECONDS, settings.ARMSTRACE_FEDERATION_TIMEOUT = 60, 1
    message = compose(partners.get_partner("SEN"), "lost-stolen-query", {"serial": "X2"})
    waits = []
    for _ in range(3):
        message.refresh_from_db()
        before = datetime.now(UTC)
        outbox.deliver_one(message)
        message.refresh_from_db()
        waits.append(round((message.next_attempt_at - before).total_seconds() / 60))
    assert waits == [1, 2, 4]


def test_tampered_evidence_is_found_by_audit_verify(partner_key, capsys):
    inbox.receive(from_partner(partner_key))
    call_command("audit", "verify", "--quiet")
    assert "evidence entries verified" in capsys.readouterr().out
    drop_append_only_triggers(connection, evidence.TABLE)
    Evidence.objects.filter(seq=2).update(jws=Evidence.objects.get(seq=2).jws + "x")
    report = evidence.verify()
    assert (report.ok, report.first_bad_seq) == (False, 2)
    with pytest.raises(CommandError, match="federation evidence log at seq 2"):
        call_command("audit", "verify", "--quiet")
    create_append_only_triggers(connection, evidence.TABLE)


def test_partner_management_fingerprint_disable_and_grace(partner_key, tmp_path, capsys):
    other = Ed25519PrivateKey.generate()
    bad = {**identity(other, "GHA"), "key_id": "0" * 32}
    with pytest.raises(RuleViolation, match="key id does not match"):
        partners.add_partner(bad)
    path = tmp_path / "gha.json"
    path.write_text(json.dumps(identity(other, "GHA")))
    call_command("federation", "partners", "add", str(path))
    assert partners.fingerprint(signing.key_id(other.public_key())) in capsys.readouterr().out
    call_command("federation", "partners", "disable", "SEN")
    with pytest.raises(inbox.Refused) as refused:
        inbox.receive(from_partner(partner_key))
    assert refused.value.code == "partner_disabled"
    call_command("federation", "partners", "enable", "SEN")
    new = Ed25519PrivateKey.generate()
    partners.rekey(identity(new), timedelta(hours=1))
    assert inbox.receive(from_partner(partner_key)).receipt is not None  # the old key in its grace period
    assert inbox.receive(from_partner(new)).receipt is not None
    partners.rekey(identity(Ed25519PrivateKey.generate()), timedelta(0))  # both earlier keys end now
    with pytest.raises(inbox.Refused) as refused:
        inbox.receive(from_partner(new))
    assert refused.value.code == "wrong_key"
