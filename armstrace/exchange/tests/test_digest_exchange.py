"""Digest export and import: a round trip through the commands keeps every field; the open export holds only
public cases; every bad record is reported by its index and nothing is imported then; the JSON Schema."""

import json

import pytest
from django.core.management import CommandError, call_command

from armstrace.exchange import digest
from armstrace.exchange.management.commands.digest import DEMO
from armstrace.exchange.models import DigestCase


def test_round_trip_through_the_commands(db, tmp_path):
    call_command("digest", "import", "--demo")
    assert DigestCase.objects.count() == 6
    everything, public = tmp_path / "all.json", tmp_path / "public.json"
    call_command("digest", "export", "--level", "internal", str(everything))
    call_command("digest", "export", "--level", "public", str(public))
    exported = json.loads(everything.read_text())
    assert exported["format"] == "armstrace-digest/1" and len(exported["cases"]) == 6
    assert {c["access_level"] for c in json.loads(public.read_text())["cases"]} == {"public"}
    assert len(json.loads(public.read_text())["cases"]) == 4
    by_number = {c["case_number"]: c for c in json.loads(DEMO.read_text())["cases"]}
    for case in exported["cases"]:
        assert case == {**by_number[case["case_number"]], **{k: case[k] for k in ("language",)}}
    DigestCase.objects.all().delete()
    call_command("digest", "import", str(everything))
    again = tmp_path / "again.json"
    call_command("digest", "export", "--level", "internal", str(again))
    assert json.loads(again.read_text()) == exported
    sn = DigestCase.objects.get(case_number="DEMO-SN-2022-007")
    assert sn.articles == ["5", "8"]  # art. 5.1.c and art. 8
    assert DigestCase.objects.get(case_number="DEMO-KE-2023-014").articles == ["5"]  # national KE-FA-34 -> 5.1.b


def test_bad_records_are_reported_by_index_and_nothing_is_imported(db, tmp_path, capsys):
    good = json.loads(DEMO.read_text())["cases"][0]
    cases = [good,
             {**good, "case_number": "B-1", "country": "XXX"},
             {**good, "case_number": "B-2", "persons": [{"role": "defendant", "count": 1, "name": "John Doe"}]},
             {**good, "case_number": "B-3", "summary": "<script>alert(1)</script>"},
             {**good, "case_number": "B-4", "modus_operandi": ["teleportation"], "year": "2020"},
             good]
    path = tmp_path / "bad.json"
    path.write_text(json.dumps({"format": "armstrace-digest/1", "cases": cases}))
    with pytest.raises(CommandError, match="5 bad records; nothing imported"):
        call_command("digest", "import", str(path))
    err = capsys.readouterr().err
    assert "case 1: country: XXX is not an ISO 3166 alpha-3 code" in err
    assert "case 2: persons/0: Additional properties are not allowed ('name' was unexpected)" in err
    assert "case 3: summary:" in err
    assert "case 4: modus_operandi/0:" in err and "case 4: year:" in err
    assert "case 5: case_number: the same case as record 0" in err
    assert "case 0" not in err
    assert not DigestCase.objects.exists()


def test_not_a_digest_file(db, tmp_path):
    path = tmp_path / "x.json"
    path.write_text('{"cases": []}')
    with pytest.raises(digest.DigestErrors, match="not a digest file"):
        digest.import_digest(json.loads(path.read_text()))
    path.write_text("{not json")
    with pytest.raises(CommandError, match="cannot read a JSON file"):
        call_command("digest", "import", str(path))


def test_schema_is_documented(db, tmp_path):
    call_command("digest", "schema", str(tmp_path / "schema.json"))
    schema = json.loads((tmp_path / "schema.json").read_text())
    case = schema["properties"]["cases"]["items"]
    assert schema["properties"]["format"] == {"const": "armstrace-digest/1"}
    assert "KE-FA-89" in case["properties"]["offences"]["items"]["enum"]  # national offences of the profile
    assert case["properties"]["persons"]["items"]["additionalProperties"] is False
