"""`armstrace screening score FILE --out SCORED`: end to end, in a subprocess with no usable database."""

import csv
import json
import os
import subprocess
import sys

from armstrace.screening.consignment import CSV_COLUMNS
from armstrace.screening.tests.test_reader import GOOD, csv_text, jsonl_object


def run_score(tmp_path, source, *args):
    env = {**os.environ, "ARMSTRACE_DATABASE_URL": f"sqlite:///{tmp_path}/no/such/dir/db.sqlite3"}
    return subprocess.run([sys.executable, "-m", "armstrace", "screening", "score", str(source), *args],
                          capture_output=True, text=True, env=env, timeout=120)


def test_score_adds_score_band_and_reasons_to_every_row(tmp_path):
    rows = [GOOD, {**GOOD, "description": "Gun parts", "hs_code": "930599", "value": "40"},
            {**GOOD, "consignment_id": "C2", "route": "GB", "sender_country": "GB", "description": "Paperback novel",
             "hs_code": "490199", "declared_weight_kg": "0.5", "measured_weight_kg": "0.5", "value": "10",
             "addressee_address": "Box 1, Mombasa", "addressee_phone": ""}]
    source, out = tmp_path / "in.csv", tmp_path / "scored.csv"
    source.write_text(csv_text(*rows), encoding="utf-8")
    done = run_score(tmp_path, source, "--out", str(out))
    assert done.returncode == 0, done.stderr
    assert "2 consignments (3 rows) scored" in done.stdout
    with open(out, newline="", encoding="utf-8") as stream:
        scored = list(csv.DictReader(stream))
    assert list(scored[0]) == [*CSV_COLUMNS, "risk_score", "band", "reasons"]
    assert [r["consignment_id"] for r in scored] == ["C1", "C1", "C2"]
    assert scored[0]["risk_score"] == scored[1]["risk_score"] and float(scored[0]["risk_score"]) >= 130
    assert scored[0]["band"] == "physical_inspection" and "arms_heading (+90)" in scored[0]["reasons"]
    assert "line 2: HS 930599" in scored[0]["reasons"]
    assert (scored[2]["risk_score"], scored[2]["band"], scored[2]["reasons"]) == ("0", "release", "")
    assert scored[2]["description"] == "Paperback novel"


def test_bad_rows_are_reported_and_nothing_is_written(tmp_path):
    source, out = tmp_path / "in.csv", tmp_path / "scored.csv"
    source.write_text(csv_text(GOOD, {**GOOD, "consignment_id": "C2", "sender_country": "XX"},
                               {**GOOD, "consignment_id": "C3", "declared_weight_kg": "-2"}), encoding="utf-8")
    done = run_score(tmp_path, source, "--out", str(out))
    assert done.returncode == 1
    assert "line 3, column sender_country: 'XX' is not an ISO 3166" in done.stderr
    assert "line 4, column declared_weight_kg: -2 is below 0 kg" in done.stderr
    assert not out.exists() and not (tmp_path / "scored.csv.part").exists()
    kept = run_score(tmp_path, source, "--out", str(out), "--keep-going")
    assert kept.returncode == 1 and "1 consignments (1 rows) scored" in kept.stdout
    assert out.read_text(encoding="utf-8").count("\n") == 2


def test_jsonl_with_a_watch_list_and_profile_rules(tmp_path):
    source, out = tmp_path / "in.jsonl", tmp_path / "scored.jsonl"
    source.write_text(json.dumps(jsonl_object()) + "\n", encoding="utf-8")
    watch = tmp_path / "watch.csv"
    watch.write_text("kind,value,source\nphone,0712345678,case SZ-9\n", encoding="utf-8")
    profile = tmp_path / "profile.yaml"
    profile.write_text("country: KEN\nscreening:\n  rules:\n    watch_list_addressee: {weight: 99}\n", encoding="utf-8")
    done = run_score(tmp_path, source, "--out", str(out), "--watch-list", str(watch), "--rules", str(profile))
    assert done.returncode == 0, done.stderr
    (row,) = [json.loads(text) for text in out.read_text(encoding="utf-8").splitlines()]
    assert row["risk_score"] == 99 and row["band"] == "physical_inspection"
    assert row["reasons"] == ["watch_list_addressee (+99): The addressee (name, address or phone) is on a watch list: "
                              "phone (case SZ-9)"]


def test_invalid_profile_rules_are_refused_naming_the_key(tmp_path):
    source, profile = tmp_path / "in.csv", tmp_path / "profile.yaml"
    source.write_text(csv_text(GOOD), encoding="utf-8")
    profile.write_text("screening:\n  bands: {document_check: 1, xray: x, physical_inspection: 3}\n", encoding="utf-8")
    done = run_score(tmp_path, source, "--out", str(tmp_path / "o.csv"), "--rules", str(profile))
    assert done.returncode == 1 and "screening/bands/xray:" in done.stderr
