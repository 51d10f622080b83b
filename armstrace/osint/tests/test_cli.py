"""`armstrace osint extract` end to end, in a child process with no database and no Django settings."""

import json
import os
import subprocess
import sys

from armstrace.osint.extraction import RECORD_KEYS

GOOD = {"id": "a", "text": "Police seized two pistols and 300 rounds in Lyon, France on 3 March 2024. One man was "
                           "arrested.", "published": "2024-03-05", "source_url": "https://example.org/a"}


def run_extract(tmp_path, lines):
    source, target = tmp_path / "in.jsonl", tmp_path / "out.jsonl"
    source.write_bytes(b"".join(lines))
    env = {k: v for k, v in os.environ.items() if not k.startswith(("DJANGO", "ARMSTRACE"))}
    env["ARMSTRACE_DATABASE_URL"] = "postgres://nobody@127.0.0.1:1/none"  # would fail if anything connected
    result = subprocess.run([sys.executable, "-m", "armstrace", "osint", "extract", str(source), "--out",
                             str(target)], capture_output=True, text=True, env=env, timeout=120)
    out = [json.loads(line) for line in target.read_text(encoding="utf-8").splitlines()] if target.exists() else []
    return result, out


def line(obj):
    return (json.dumps(obj) + "\n").encode()


def test_one_line_out_per_document_with_exactly_the_record_keys(tmp_path):
    second = {"id": "b", "text": "Les douaniers ont saisi deux fusils de chasse à Calais.", "language": "fr"}
    result, out = run_extract(tmp_path, [line(GOOD), line(second)])
    assert result.returncode == 0, result.stderr
    assert [o["id"] for o in out] == ["a", "b"]
    assert all(list(o) == ["id", *RECORD_KEYS] for o in out)
    assert out[0]["firearms_by_type"] == {"pistol": 2} and out[0]["ammunition_rounds"] == 300
    assert out[0]["date"] == "2024-03-03" and out[0]["country"] == ["FRA"] and out[0]["arrests"] == 1
    assert out[1]["firearms_by_type"] == {"shotgun": 2}


def test_bad_lines_are_named_and_the_batch_goes_on(tmp_path):
    huge = b'{"id": "big", "text": "' + b"a" * (5 * 1024 * 1024 + 10) + b'"}\n'
    lines = [line({"id": "empty", "text": ""}), b"{not json\n", b"[1, 2]\n", b"bin\x00ary\n", b"\xff\xfe\n", huge,
             line(GOOD)]
    result, out = run_extract(tmp_path, lines)
    assert result.returncode == 0
    source = str(tmp_path / "in.jsonl")
    for number, reason in [(1, "empty text"), (2, "malformed JSON"), (3, "a JSON object"), (4, "binary"),
                           (5, "not UTF-8"), (6, "line over 5 MB")]:
        assert f"{source}:{number}: {reason}" in result.stderr
    assert [o["id"] for o in out] == ["empty", "a"]
    assert set(out[0].values()) == {"empty", None}
    assert out[1]["firearms_total"] == 2


def test_missing_input_file_is_an_error(tmp_path):
    env = {k: v for k, v in os.environ.items() if not k.startswith(("DJANGO", "ARMSTRACE"))}
    result = subprocess.run([sys.executable, "-m", "armstrace", "osint", "extract", str(tmp_path / "none.jsonl"),
                             "--out", str(tmp_path / "out.jsonl")], capture_output=True, text=True, env=env)
    assert result.returncode == 2
    assert "none.jsonl" in result.stderr


def test_the_django_command_runs_the_same_extraction(tmp_path):
    from io import StringIO

    from django.core.management import call_command

    source, target = tmp_path / "in.jsonl", tmp_path / "out.jsonl"
    source.write_bytes(line(GOOD))
    call_command("osint", "extract", str(source), "--out", str(target), stdout=StringIO(), stderr=StringIO())
    out = json.loads(target.read_text(encoding="utf-8"))
    assert out["id"] == "a" and out["firearms_by_type"] == {"pistol": 2}


def test_a_text_in_another_language_is_named_and_still_gets_its_line(tmp_path):
    german = {"id": "de", "text": "Die Polizei hat bei einer Kontrolle drei Pistolen und 200 Patronen sichergestellt."}
    result, out = run_extract(tmp_path, [line(german), line(GOOD)])
    assert f"{tmp_path / 'in.jsonl'}:1: not English, French or Spanish" in result.stderr
    assert [o["id"] for o in out] == ["de", "a"]
    assert list(out[0]) == ["id", *RECORD_KEYS]
