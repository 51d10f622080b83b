"""Signed checkpoints of the event log: their cadence (every N events, or an hour), `audit checkpoint` for an idle
chain, the bulk import's checkpoints, the export for a witness and `audit verify --witness` against it."""

import json
from datetime import UTC, datetime, timedelta

import pytest
from django.core.management import CommandError, call_command
from django.db import IntegrityError, connection, transaction
from django.db.utils import DatabaseError
from django.utils import timezone

from armstrace.core import signing
from armstrace.registry import checkpoints
from armstrace.registry.eventlog import append_event
from armstrace.registry.models import Checkpoint, Event
from armstrace.registry.tests.test_import import write_csv
from armstrace.registry.tests.test_import_bulk import ROWS


def append(n):
    with transaction.atomic():
        for _ in range(n):
            append_event("correction", payload={"note": "cadence"})


def signed_seqs():
    return list(Checkpoint.objects.order_by("seq").values_list("seq", flat=True))


@pytest.fixture
def clock(monkeypatch):
    """timezone.now() frozen at a time that the test moves on."""

    class Clock:
        now = datetime(2026, 6, 1, 8, tzinfo=UTC)

        def advance(self, **delta):
            self.now += timedelta(**delta)

    frozen = Clock()
    monkeypatch.setattr(timezone, "now", lambda: frozen.now)
    return frozen


def test_a_checkpoint_every_n_events(db, settings):
    settings.ARMSTRACE_CHECKPOINT_EVENTS = 3
    append(7)
    assert signed_seqs() == [3, 6]
    cp = Checkpoint.objects.get(seq=6)
    assert cp.hash == Event.objects.get(seq=6).hash and cp.key_id == signing.key_id()
    report = checkpoints.verify_checkpoints()
    assert report.ok and (report.checkpoints, report.last_seq, report.unsigned) == (2, 6, 1)


def test_a_checkpoint_when_an_hour_has_passed(db, clock):
    append(1)
    clock.advance(minutes=59)
    append(1)
    assert signed_seqs() == []
    clock.advance(minutes=2)
    append(1)  # 61 minutes after the first unsigned event
    assert signed_seqs() == [3]
    assert Checkpoint.objects.get(seq=3).signed_at == clock.now
    clock.advance(minutes=30)
    append(1)
    assert signed_seqs() == [3]
    clock.advance(minutes=31)
    append(1)
    assert signed_seqs() == [3, 5]


def test_audit_checkpoint_signs_an_idle_head_and_an_old_unsigned_tail_fails(db, clock, capsys):
    append(2)
    clock.advance(hours=2, seconds=1)
    with pytest.raises(CommandError, match=r"UNSIGNED TAIL: the unsigned events after seq 0 go back to "
                                           r"2026-06-01T08:00:00.000000\+00:00, longer than twice"):
        call_command("audit", "verify", "--quiet")
    call_command("audit", "checkpoint")
    assert "Checkpoint signed: seq 2" in capsys.readouterr().out
    call_command("audit", "checkpoint")
    assert "nothing to sign" in capsys.readouterr().out
    assert signed_seqs() == [2]
    call_command("audit", "verify", "--quiet")
    assert "OK: 1 signed checkpoints verified" in capsys.readouterr().out


def test_an_unusable_key_does_not_refuse_events_but_fails_verify(db, settings, tmp_path, caplog):
    settings.ARMSTRACE_CHECKPOINT_EVENTS = 2
    settings.ARMSTRACE_SIGNING_KEY = str(tmp_path / "missing.pem")
    append(5)
    assert Event.objects.count() == 5 and signed_seqs() == []
    assert "checkpoint at seq 2 not signed: no signing key" in caplog.text
    assert caplog.text.count("not signed") == 1  # logged once, not at every event
    with pytest.raises(CommandError, match="CHECKPOINTS NOT VERIFIED: .*no signing key(.|\n)*UNSIGNED TAIL: 5 events"):
        call_command("audit", "verify", "--quiet")
    with pytest.raises(CommandError, match="no signing key"):
        call_command("audit", "checkpoint")


@pytest.mark.parametrize("sql", ["UPDATE registry_checkpoint SET hash = 'x'", "DELETE FROM registry_checkpoint"])
def test_checkpoints_are_append_only(db, sql):
    append(1)
    checkpoints.checkpoint_head()
    with pytest.raises((DatabaseError, IntegrityError), match="append-only"), transaction.atomic():
        with connection.cursor() as cursor:
            cursor.execute(sql)
    assert signed_seqs() == [1]


def test_bulk_import_leaves_a_verifying_checkpoint(registry, tmp_path, settings, capsys):
    from armstrace.registry.importer import import_items

    settings.ARMSTRACE_CHECKPOINT_EVENTS = 2
    assert import_items(write_csv(tmp_path / "rows.csv", ROWS)).imported == len(ROWS)
    head = Event.objects.order_by("-seq").first()
    assert signed_seqs() == [head.seq] and Checkpoint.objects.get().hash == head.hash
    call_command("audit", "verify", "--quiet")
    assert f"the last at seq {head.seq}" in capsys.readouterr().out


def test_init_signs_the_head_of_a_chain_that_predates_checkpoints(db, settings):
    settings.ARMSTRACE_CHECKPOINT_EVENTS = 1000
    append(4)
    assert signed_seqs() == []
    call_command("init", "--password", "admin-pass-123")
    assert signed_seqs() == [4]
    assert checkpoints.sign_baseline() is None  # once only


# ---------------------------------------------------------------- witness


def export(tmp_path):
    path = tmp_path / "checkpoints.json"
    call_command("audit", "checkpoints", "--out", str(path))
    return path, json.loads(path.read_text())


def test_export_holds_the_public_key_and_every_checkpoint(db, settings, tmp_path, capsys):
    settings.ARMSTRACE_CHECKPOINT_EVENTS = 2
    append(5)
    _, data = export(tmp_path)
    assert data["format"] == "armstrace-checkpoints/1" and data["key_id"] == signing.key_id()
    assert signing.key_id(signing.load_public_key(data["public_key"])) == data["key_id"]
    assert [c["seq"] for c in data["checkpoints"]] == [2, 4] and data["seq"] == 5
    key = signing.load_public_key(data["public_key"])
    for c in data["checkpoints"]:
        signed = checkpoints.message(c["seq"], c["hash"], c["signed_at"], c["key_id"])
        assert signing.verify(key, signed, signing.decode_signature(c["signature"]))


def test_witness_check_passes_on_an_untouched_registry(db, settings, tmp_path, capsys):
    settings.ARMSTRACE_CHECKPOINT_EVENTS = 2
    append(4)
    path, _ = export(tmp_path)
    append(3)
    call_command("audit", "verify", "--quiet", "--witness", str(path))
    out = capsys.readouterr().out
    assert "OK: witnessed head seq 4 is in the chain" in out and "OK: 3 signed checkpoints verified" in out


def test_witness_file_altered_is_detected(db, settings, tmp_path):
    settings.ARMSTRACE_CHECKPOINT_EVENTS = 2
    append(4)
    path, data = export(tmp_path)
    data["checkpoints"][0]["hash"] = "0" * 64
    path.write_text(json.dumps(data))
    with pytest.raises(CommandError, match="witnessed checkpoint at seq 2 does not verify with the witness's key"):
        call_command("audit", "verify", "--quiet", "--witness", str(path))


def test_witness_detects_a_replaced_key_and_re_signed_checkpoints(db, settings, tmp_path):
    """An insider with the database and the key file: a new key, and every checkpoint signed again with it."""
    from armstrace.registry.append_only import create_append_only_triggers, drop_append_only_triggers

    settings.ARMSTRACE_CHECKPOINT_EVENTS = 2
    append(4)
    path, _ = export(tmp_path)
    settings.ARMSTRACE_SIGNING_KEY = str(tmp_path / "insider.pem")
    signing.create_key()
    drop_append_only_triggers(connection, "registry_checkpoint")
    Checkpoint.objects.all().delete()
    for event in Event.objects.filter(seq__in=[2, 4]):
        checkpoints.sign_head(event.seq, event.hash)
    create_append_only_triggers(connection, "registry_checkpoint")
    call_command("audit", "verify", "--quiet")  # without the witness the registry cannot tell
    with pytest.raises(CommandError) as failure:
        call_command("audit", "verify", "--quiet", "--witness", str(path))
    message = str(failure.value)
    assert "is not the key" in message and "the key was replaced" in message
    assert "the checkpoint at seq 2 differs from the one the witness holds" in message
    assert "the checkpoint at seq 4 names key" in message  # checked with the witness's key


def test_audit_checkpoint_refuses_a_key_open_to_others(db, capsys):
    import os

    append(1)
    os.chmod(signing.key_path(), 0o644)
    try:
        with pytest.raises(CommandError, match="refusing the signing key .*mode is 0644"):
            call_command("audit", "checkpoint")
    finally:
        os.chmod(signing.key_path(), 0o600)
    assert signed_seqs() == []


def test_verify_json_is_not_ok_when_a_seal_fails(db, settings, capsys):
    from armstrace.registry.append_only import create_all_append_only_triggers, drop_all_append_only_triggers

    settings.ARMSTRACE_CHECKPOINT_EVENTS = 2
    append(3)
    call_command("audit", "verify", "--json")
    data = json.loads(capsys.readouterr().out)
    assert data["ok"] and data["checkpoints"]["last_seq"] == 2 and data["checkpoints"]["unsigned"] == 1
    drop_all_append_only_triggers(connection)
    try:
        with pytest.raises(CommandError):
            call_command("audit", "verify", "--json")
    finally:
        create_all_append_only_triggers(connection)
    data = json.loads(capsys.readouterr().out)
    assert data["chain_ok"] and not data["ok"]
    assert any("registry_checkpoint" in failure and "is missing" in failure for failure in data["failures"])
