"""CSV files in and out of the registry (issue 18, part 6): an import refuses a repeated column and an unterminated
quote with its line; `armstrace export` and the quarantine file never hand a spreadsheet a formula."""

import csv

import pytest
from django.core.management import call_command

from armstrace.registry.importer import COLUMNS, ImportRefused, import_items
from armstrace.registry.models import Event, Item
from armstrace.registry.tests.test_import import write_csv

ROW = {"serial_number": "GLK-1001", "make": "Glock", "model": "G17", "holder": "ID-ALICE"}


def test_a_repeated_column_is_refused(registry, tmp_path):
    path = tmp_path / "twice.csv"
    path.write_text("serial_number,make,holder,make\nGLK-1,Glock,ID-ALICE,Beretta\n", encoding="utf-8")
    with pytest.raises(ImportRefused, match="line 1: .*more than once: make"):
        import_items(path)
    assert Item.objects.count() == 0


def test_an_unterminated_quote_is_refused_with_its_line(registry, tmp_path):
    path = tmp_path / "quote.csv"
    path.write_text("serial_number,make,model,holder\n"
                    "GLK-1,Glock,G17,ID-ALICE\n"
                    'GLK-2,Glock,"G17,ID-ALICE\n'
                    "GLK-3,Glock,G17,ID-BOB\n", encoding="utf-8")
    with pytest.raises(ImportRefused, match="line 3: .*unterminated quote"):
        import_items(path)
    assert Item.objects.count() == 0 and Event.objects.count() == 0


def test_export_neutralises_formula_like_cells(registry, tmp_path):
    result = import_items(write_csv(tmp_path / "in.csv", [{**ROW, "holder": "DLR-1", "location": "@SUM(A1)"}]))
    assert result.imported == 1
    registry.dealer.__class__.objects.filter(pk=registry.dealer.pk).update(identifier='=HYPERLINK("x")')
    out = tmp_path / "out.csv"
    call_command("export", str(out))
    row = next(csv.DictReader(open(out, encoding="utf-8")))
    assert (row["location"], row["current_location"], row["serial_number"]) == ("'@SUM(A1)", "'@SUM(A1)", "GLK-1001")
    assert row["holder"] == "'=HYPERLINK(\"x\")" and row["year_of_manufacture"] == ""


def test_quarantine_file_neutralises_formula_like_cells(registry, tmp_path):
    bad = tmp_path / "bad.csv"
    result = import_items(write_csv(tmp_path / "in.csv", [ROW, {**ROW, "serial_number": "X1", "make": "=cmd|'/C calc'!A0"}]),
                          quarantine=bad)
    assert result.imported == 1
    quarantined = next(csv.DictReader(open(bad, encoding="utf-8")))
    assert quarantined["make"] == "'=cmd|'/C calc'!A0" and quarantined["line"] == "3"
    assert set(COLUMNS) <= set(quarantined)
