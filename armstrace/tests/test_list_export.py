"""Every list downloads its filtered rows as CSV and XLSX, formula-like cells neutralised."""

import csv
import io

import pytest
from openpyxl import load_workbook

from armstrace.core import lists as core_lists
from armstrace.tests.list_rows import EVIL, LIST_NAMES, lists  # noqa: F401 (fixture)


def _download(client, case, fmt):
    response = client.get(case.url, {**case.only_evil, "export": fmt})
    assert response.status_code == 200
    assert f".{fmt}" in response["Content-Disposition"]
    return b"".join(response.streaming_content) if response.streaming else response.content


@pytest.mark.parametrize("name", LIST_NAMES)
def test_csv_has_only_the_filtered_rows_neutralised(client, user, lists, name):  # noqa: F811
    case = lists[name]
    client.force_login(user)
    rows = list(csv.reader(io.StringIO(_download(client, case, "csv").decode())))
    header, data = rows[0], rows[1:]
    assert len(data) == 1 and len(data[0]) == len(header)
    cells = data[0]
    assert any(case.evil_text.lstrip("=") in c for c in cells)
    assert not any(case.plain_text in c for c in cells)
    formula_cells = [c for c in cells if "HYPERLINK" in c]
    assert formula_cells and all(c.startswith("'=HYPERLINK") for c in formula_cells)


@pytest.mark.parametrize("name", LIST_NAMES)
def test_xlsx_has_only_the_filtered_rows_neutralised(client, user, lists, name):  # noqa: F811
    case = lists[name]
    client.force_login(user)
    sheet = load_workbook(io.BytesIO(_download(client, case, "xlsx"))).active
    rows = list(sheet.iter_rows())
    assert len(rows) == 2
    values = [str(c.value) for c in rows[1]]
    assert any(case.evil_text.lstrip("=") in v for v in values)
    assert not any(case.plain_text in v for v in values)
    formula = [c for c in rows[1] if isinstance(c.value, str) and c.value.startswith("=")]
    assert formula and all(c.data_type == "s" and c.quotePrefix for c in formula)
    assert EVIL in [c.value for c in formula] or any(c.value.startswith(EVIL) for c in formula)


def test_xlsx_over_the_cap_is_refused_with_a_hint(client, user, lists, monkeypatch):  # noqa: F811
    monkeypatch.setattr(core_lists, "XLSX_MAX_ROWS", 1)
    client.force_login(user)
    response = client.get("/registry/items/", {"export": "xlsx"})
    assert response.status_code == 400 and "CSV" in response.content.decode()
    assert client.get("/registry/items/", {"export": "csv"}).status_code == 200


def test_holders_export_logs_the_numbers_it_shows(client, user, lists):  # noqa: F811
    from armstrace.accounts.models import AccessLogEntry

    client.force_login(user)
    before = AccessLogEntry.objects.filter(subject_name__startswith="=HYPERLINK").count()
    body = client.get("/registry/holders/", {"q": "HYPERLINK", "export": "csv"}).content.decode()
    assert "ID-EVIL" in body
    logged = AccessLogEntry.objects.filter(subject_name__startswith="=HYPERLINK")
    assert logged.count() == before + 1 and "identifier" in logged.last().fields
