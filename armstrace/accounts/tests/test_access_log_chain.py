"""The personal-data access log is append-only (triggers) and hash-chained: `audit verify` finds an edited,
deleted or inserted entry."""

import pytest
from django.core.management import CommandError, call_command
from django.db import DatabaseError, IntegrityError, connection, transaction
from django.urls import reverse

from armstrace.accounts.accesslog import TABLE, verify_access_log
from armstrace.accounts.models import AccessLogEntry
from armstrace.registry.append_only import create_append_only_triggers, drop_append_only_triggers


@pytest.fixture
def reads(clients, world, registry):
    for who, party in (("investigator", world.alice), ("registrar", registry.bob), ("auditor", world.alice)):
        clients[who].get(reverse("registry:party-detail", args=[party.pk]))
    entries = list(AccessLogEntry.objects.order_by("seq"))
    assert [e.seq for e in entries] == [1, 2, 3] and verify_access_log().ok
    return entries


@pytest.mark.parametrize("sql", [f"UPDATE {TABLE} SET username = 'nobody'", f"DELETE FROM {TABLE}"])
def test_nobody_edits_or_deletes_an_entry(reads, sql):
    with pytest.raises((DatabaseError, IntegrityError), match="append-only"), transaction.atomic():
        with connection.cursor() as cursor:
            cursor.execute(sql)
    assert AccessLogEntry.objects.count() == 3


@pytest.fixture
def tamper(reads):
    drop_append_only_triggers(connection, TABLE)

    def run(sql, params):
        with connection.cursor() as cursor:
            cursor.execute(sql, params)

    yield run
    create_append_only_triggers(connection, TABLE)


def _detected_at(seq):
    result = verify_access_log()
    assert not result.ok and result.first_bad_seq == seq, result
    with pytest.raises(CommandError, match=f"ACCESS LOG TAMPERING DETECTED at entry {seq}"):
        call_command("audit", "verify", "--quiet")


def test_detects_an_edited_entry(reads, tamper):
    tamper(f"UPDATE {TABLE} SET username = %s WHERE seq = 2", ["someone-else"])
    _detected_at(2)


def test_detects_an_edited_field_list(reads, tamper):
    tamper(f"UPDATE {TABLE} SET fields = %s WHERE seq = 1", ['["address"]'])
    _detected_at(1)


def test_detects_a_deleted_entry(reads, tamper):
    tamper(f"DELETE FROM {TABLE} WHERE seq = 2", [])
    _detected_at(2)


def test_audit_verify_reports_the_access_log(reads, capsys):
    call_command("audit", "verify", "--quiet")
    assert "OK: 3 access log entries verified" in capsys.readouterr().out
