"""`armstrace screening import`: every row validated first; a bad row refuses the file and nothing is stored."""

import json

import pytest
from django.core.management import CommandError, call_command

from armstrace.screening.models import Consignment
from armstrace.screening.services import import_file
from armstrace.screening.tests.test_reader import GOOD, csv_text, jsonl_object

pytestmark = pytest.mark.django_db


def _rows(n, **changes):
    return [{**GOOD, "consignment_id": f"C{i}", "sender_name": f"Shop {i}", "accepted_at": f"2026-11-0{i + 1}T09:00:00Z",
             **changes} for i in range(n)]


def test_a_good_file_is_stored_scored_and_velocity_sees_the_earlier_rows(tmp_path):
    path = tmp_path / "in.csv"
    path.write_text(csv_text(*_rows(3)), encoding="utf-8")
    result = import_file(path)
    assert result.created == 3 and not result.errors
    stored = list(Consignment.objects.order_by("accepted_at"))
    assert [c.consignment_id for c in stored] == ["C0", "C1", "C2"]
    assert stored[0].lines.get().hs_code == "392690" and stored[0].route == "CHN>ARE>KEN"
    assert ["velocity_addressee" in {r["rule"] for r in c.reasons} for c in stored] == [False, False, True]
    assert stored[2].risk_score == sum(r["weight"] for r in stored[2].reasons) > 0


def test_one_bad_row_refuses_the_file_naming_line_and_column(tmp_path):
    path = tmp_path / "in.csv"
    rows = _rows(3)
    rows[1]["hs_code"] = "12"
    rows[2]["addressee_country"] = "QQ"
    path.write_text(csv_text(*rows), encoding="utf-8")
    result = import_file(path)
    assert result.created == 0 and Consignment.objects.count() == 0
    assert [(e.line, e.column) for e in result.errors] == [(3, "hs_code"), (4, "addressee_country")]


def test_ids_repeated_in_the_file_or_already_stored_are_refused(tmp_path):
    first, second = tmp_path / "a.jsonl", tmp_path / "b.jsonl"
    first.write_text(json.dumps(jsonl_object(consignment_id="J1")) + "\n", encoding="utf-8")
    assert import_file(first).created == 1
    second.write_text("\n".join(json.dumps(jsonl_object(consignment_id=i)) for i in ("J2", "J1", "J2")) + "\n",
                      encoding="utf-8")
    result = import_file(second)
    assert [(e.line, e.column) for e in result.errors] == [(3, "consignment_id"), (2, "consignment_id")]
    assert "repeats the consignment of line 1" in result.errors[0].message
    assert "already stored" in result.errors[1].message
    assert Consignment.objects.count() == 1


def test_the_command_reports_bad_rows_and_imports_good_files(tmp_path, capsys):
    bad = tmp_path / "bad.csv"
    bad.write_text(csv_text({**GOOD, "declared_weight_kg": "-3"}), encoding="utf-8")
    with pytest.raises(CommandError, match="nothing imported"):
        call_command("screening", "import", str(bad))
    assert "line 2, column declared_weight_kg: -3 is below 0 kg" in capsys.readouterr().err
    good = tmp_path / "good.csv"
    good.write_text(csv_text(*_rows(2)), encoding="utf-8")
    call_command("screening", "import", str(good))
    assert "2 consignments imported and scored" in capsys.readouterr().out
    assert Consignment.objects.count() == 2
