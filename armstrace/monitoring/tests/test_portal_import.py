"""Import of the real UNODC portal files (both releases, CSV and XLSX), validation and all-or-nothing."""

import csv
import io

import pytest
from django.core.management import CommandError, call_command

from armstrace.monitoring import codelist as cl
from armstrace.monitoring.models import PortalDataset, PortalValue
from armstrace.monitoring.portal import ImportRejected, import_portal_file
from armstrace.monitoring.tests.conftest import RELEASE_2022, TIDY_2024


def _file_rows(path, skip):
    with open(path, encoding="utf-8-sig") as f:
        for _ in range(skip):
            next(f)
        return list(csv.DictReader(f))


@pytest.mark.django_db
def test_2024_release_imports_every_row_unchanged():
    out = io.StringIO()
    call_command("monitoring", "import-portal", str(TIDY_2024), stdout=out)
    assert "imported 15468 rows" in out.getvalue()
    ds = PortalDataset.objects.get()
    source = _file_rows(TIDY_2024, 0)
    assert ds.row_count == len(source) == ds.values.count()
    assert ds.renamed_count == 0
    # the sum of every indicator is the file's
    for indicator in ("Arms seized", "Ammunition seized", "Instances/cases of seizures"):
        expected = sum(int(r["VALUE"]) for r in source if r["Indicator"] == indicator)
        got = sum(int(v) for v in ds.values.filter(indicator=indicator).values_list("value", flat=True))
        assert got == expected
    # duplicated keys of the portal (two "by location / Total" rows) are both kept
    dup = ds.values.filter(iso3="ARG", year=2021, indicator="Arms seized", dimension="by location", category="Total")
    assert dup.count() == 2


@pytest.mark.django_db
def test_2022_release_with_title_rows_and_renamed_categories(codelist_combos):
    ds = import_portal_file(RELEASE_2022)
    source = _file_rows(RELEASE_2022, 2)
    assert ds.release == "17/06/2022"
    assert ds.row_count == len(source)
    old_labels = sum(1 for r in source if (r["Indicator"], r["Dimension"], r["Category"]) in cl.RENAMED_CATEGORIES)
    assert ds.renamed_count == old_labels > 0
    stored = set(ds.values.values_list("indicator", "dimension", "category").distinct())
    assert stored <= codelist_combos  # every label is a 2024 one once mapped
    drugs = ds.values.filter(original_category="Drugs")
    assert drugs.exists() and set(drugs.values_list("category", flat=True)) == {"Drug trafficking"}


@pytest.mark.django_db
def test_xlsx_file(tmp_path):
    from openpyxl import Workbook

    source = _file_rows(TIDY_2024, 0)[:300]
    wb = Workbook()
    ws = wb.active
    ws.append(["UNODC", "unodc_ddds@un.org"])
    ws.append(["26/08/2024"])
    ws.append(list(source[0].keys()))
    for r in source:
        ws.append([int(v) if k in ("Year", "VALUE") else v for k, v in r.items()])
    path = tmp_path / "portal.xlsx"
    wb.save(path)
    ds = import_portal_file(path)
    assert ds.release == "26/08/2024" and ds.row_count == 300
    assert sorted(int(v) for v in ds.values.values_list("value", flat=True)) == sorted(int(r["VALUE"]) for r in source)


@pytest.mark.django_db
def test_bad_lines_reject_the_whole_file(tmp_path):
    lines = TIDY_2024.read_text(encoding="utf-8-sig").splitlines()[:50]
    lines[10] = lines[10].rsplit(",", 2)[0] + ",-4,IAFQ"  # negative value
    lines[20] = "Albania" + lines[20][3:]  # not an ISO3 code
    path = tmp_path / "bad.csv"
    path.write_text("\n".join(lines), encoding="utf-8")
    with pytest.raises(ImportRejected) as exc:
        import_portal_file(path)
    assert [line for line, _ in exc.value.errors] == [11, 21]
    assert "VALUE" in exc.value.errors[0][1] and "Iso3_code" in exc.value.errors[1][1]
    assert PortalDataset.objects.count() == 0 and PortalValue.objects.count() == 0

    err = io.StringIO()
    with pytest.raises(CommandError):
        call_command("monitoring", "import-portal", str(path), stderr=err)
    assert "bad.csv:11:" in err.getvalue() and "bad.csv:21:" in err.getvalue()
    assert PortalValue.objects.count() == 0


@pytest.mark.django_db
def test_same_file_twice_is_refused():
    import_portal_file(RELEASE_2022)
    with pytest.raises(ImportRejected):
        import_portal_file(RELEASE_2022)
    assert PortalDataset.objects.count() == 1
