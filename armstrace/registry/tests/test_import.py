"""CSV import: every bad row is reported with its line and reason, and no half import is left behind."""

import csv

import pytest
from django.core.management import CommandError, call_command

from armstrace.registry.eventlog import verify_chain
from armstrace.registry.importer import COLUMNS, ImportRefused, import_items
from armstrace.registry.models import Event, ImportJob, Item

GOOD = [
    {"serial_number": "GLK-1001", "make": "Glock", "model": "G17", "holder": "ID-ALICE", "registered_on": "2019-04-01",
     "import_mark": "KEN 19", "import_mark_position": "frame, right side"},
    {"serial_number": "BR 55511", "make": "beretta", "model": "92FS", "holder": "DLR-1", "how": "imported"},
    {"serial_number": "RM870-9", "make": "Remington", "type": "shotgun", "calibre": "12 gauge", "holder": "ID-BOB",
     "country_of_manufacture": "USA", "year_of_manufacture": "2004"},
]
BAD = [
    ({"serial_number": "X1", "make": "Acme Blasters", "type": "pistol", "holder": "ID-ALICE"}, "unknown make"),
    ({"serial_number": "X2", "make": "Glock", "model": "G17", "holder": "ID-CAROL"}, "no valid licence"),
    ({"serial_number": "GLK-1001", "make": "Glock", "model": "G17", "holder": "ID-BOB"}, "appears twice in the file"),
    ({"serial_number": "X3", "make": "Glock", "type": "pistol", "holder": "ID-BOB", "registered_on": "2099-01-01"}, "future"),
    ({"serial_number": "X4", "make": "Glock", "type": "blunderbuss", "holder": "ID-BOB"}, "unknown type"),
    ({"serial_number": "X5", "make": "Glock", "type": "pistol", "holder": "NOBODY"}, "no holder has the number"),
    ({"serial_number": "", "make": "Glock", "type": "pistol", "holder": "ID-BOB"}, "serial_number is required"),
    ({"serial_number": "X6", "make": "Glock", "type": "pistol", "holder": "ID-BOB", "country_of_manufacture": "XX"}, "ISO 3166"),
]


def write_csv(path, rows, columns=COLUMNS):
    with open(path, "w", newline="", encoding="utf-8") as f:
        writer = csv.DictWriter(f, fieldnames=columns)
        writer.writeheader()
        writer.writerows(rows)
    return path


def test_good_file_imports_every_row_with_markings_and_events(registry, tmp_path):
    result = import_items(write_csv(tmp_path / "good.csv", GOOD))
    assert result.imported == 3 and not result.errors
    glock = Item.objects.get(serial_normalized="GLK1001")
    assert glock.current_holder == registry.alice and glock.firearm_type == "pistol"
    assert {(m.kind, m.text) for m in glock.markings.all()} == {("serial", "GLK-1001"), ("import", "KEN 19")}
    assert glock.events.get().occurred_at.date().isoformat() == "2019-04-01"
    assert Item.objects.get(serial_normalized="BR55511").events.get().kind == "imported"
    assert verify_chain().ok and result.job.status == ImportJob.Status.DONE


def test_one_bad_row_refuses_the_whole_file_and_names_each_line(registry, tmp_path):
    rows = GOOD[:1] + [row for row, _ in BAD] + GOOD[1:]
    result = import_items(write_csv(tmp_path / "mixed.csv", rows))
    assert result.refused and Item.objects.count() == 0 and not Event.objects.filter(item__isnull=False).exists()
    assert [e.line for e in result.errors] == list(range(3, 3 + len(BAD)))
    for error, (_, reason) in zip(result.errors, BAD):
        assert reason in error.reason, (error.line, error.reason)


def test_quarantine_imports_good_rows_and_keeps_the_bad_ones(registry, tmp_path):
    rows = GOOD[:1] + [row for row, _ in BAD] + GOOD[1:]
    bad_file = tmp_path / "bad.csv"
    result = import_items(write_csv(tmp_path / "mixed.csv", rows), quarantine=bad_file)
    assert result.imported == 3 and Item.objects.count() == 3
    quarantined = list(csv.DictReader(open(bad_file, encoding="utf-8")))
    assert [int(r["line"]) for r in quarantined] == list(range(3, 3 + len(BAD)))
    assert quarantined[0]["make"] == "Acme Blasters" and "unknown make" in quarantined[0]["reason"]


def test_bad_header_is_refused(registry, tmp_path):
    path = write_csv(tmp_path / "h.csv", [{"serial": "1", "make": "Glock"}], columns=["serial", "make"])
    with pytest.raises(ImportRefused, match="missing columns holder, serial_number.*unknown columns serial"):
        import_items(path)


def test_interrupted_import_resumes_without_duplicates(registry, tmp_path, monkeypatch):
    """A crash in the second batch rolls that batch back; --resume imports exactly the rest."""
    from armstrace.registry import importer

    rows = [{"serial_number": f"RS-{i:03d}", "make": "Glock", "model": "G19", "holder": "ID-ALICE"} for i in range(10)]
    path = write_csv(tmp_path / "big.csv", rows)
    # The bulk writer builds each row's first event with services.entry_payload: fail on the 7th row.
    real, calls = importer.services.entry_payload, []

    def crash_on_seventh(*args, **kwargs):
        calls.append(1)
        if len(calls) == 7:
            raise KeyboardInterrupt("power cut")
        return real(*args, **kwargs)

    monkeypatch.setattr(importer.services, "entry_payload", crash_on_seventh)
    with pytest.raises(KeyboardInterrupt):
        import_items(path, batch_size=4)
    monkeypatch.setattr(importer.services, "entry_payload", real)
    assert Item.objects.count() == 4  # the first batch; nothing of the second
    with pytest.raises(ImportRefused, match="--resume"):
        import_items(path)
    result = import_items(path, resume=True, batch_size=4)
    assert result.imported == 6
    assert sorted(Item.objects.values_list("serial_number", flat=True)) == [r["serial_number"] for r in rows]
    assert verify_chain().ok


def test_cli_reports_bad_lines_and_exits_nonzero(registry, tmp_path, capsys):
    path = write_csv(tmp_path / "mixed.csv", GOOD[:1] + [BAD[0][0]])
    with pytest.raises(CommandError, match="1 bad rows; nothing was imported"):
        call_command("import", str(path), "--quiet")
    assert f"{path}: line 3: unknown make" in capsys.readouterr().err


def test_export_then_import_round_trip(registry, tmp_path):
    import_items(write_csv(tmp_path / "good.csv", GOOD))
    out = tmp_path / "export.csv"
    call_command("export", str(out))
    exported = list(csv.DictReader(open(out, encoding="utf-8")))
    assert {r["serial_number"] for r in exported} == {r["serial_number"] for r in GOOD}
    row = next(r for r in exported if r["serial_number"] == "GLK-1001")
    assert (row["holder"], row["registered_on"], row["import_mark"]) == ("ID-ALICE", "2019-04-01", "KEN 19")
    # The export is in the import format: re-importing it fails only because the items already exist.
    reimport = write_csv(tmp_path / "reimport.csv", [{k: r[k] for k in COLUMNS} for r in exported])
    result = import_items(reimport)
    assert result.refused and len(result.errors) == 3
    assert all("already registered" in e.reason for e in result.errors)
