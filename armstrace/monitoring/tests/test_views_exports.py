"""Dashboard, downloads (XLSX opens with openpyxl, CSV, SDMX) and the portal country view."""

import csv
import io
from unittest import mock

import pycountry
import pytest
from openpyxl import load_workbook

from armstrace.monitoring import codelist as cl
from armstrace.monitoring.portal import COLUMNS, import_portal_file
from armstrace.monitoring.tests.conftest import TIDY_2024
from armstrace.profile import get_profile


@pytest.fixture
def client_in(client, user):
    client.force_login(user)
    return client


@pytest.fixture
def stub_tracing(hand_built):
    with mock.patch("armstrace.monitoring.iafq.default_tracing_status", return_value=hand_built.tracing):
        yield hand_built


def test_xlsx_download_opens_and_holds_the_tables(client_in, stub_tracing):
    response = client_in.get("/monitoring/iafq/2023.xlsx")
    assert response.status_code == 200
    assert response["Content-Disposition"].endswith('.xlsx"')
    ws = load_workbook(io.BytesIO(response.content)).active
    rows = list(ws.iter_rows(values_only=True))
    assert list(rows[0]) == COLUMNS
    data = [dict(zip(COLUMNS, r, strict=True)) for r in rows[1:]]
    country = get_profile().country
    assert {r["Iso3_code"] for r in data} == {country} and {r["Year"] for r in data} == {2023}
    assert {r["Country"] for r in data} == {pycountry.countries.get(alpha_3=country).name}
    assert {r["Unit of measurement"] for r in data} == {"Counts"}
    cell = {(r["Indicator"], r["Dimension"], r["Category"], r["Sex"]): r["VALUE"] for r in data}
    assert cell[(cl.ARMS_SEIZED, "Total", "Total", "na")] == 5
    assert cell[(cl.ARMS_SURRENDERED, "by marking", "Surrendered", "na")] == 2
    assert cell[(cl.PERSONS_ARRESTED, "Total", "Total", "Total")] == 3
    assert cell[(cl.AMMUNITION_SEIZED, "Total", "Total", "na")] == 125


def test_csv_download_equals_the_xlsx(client_in, stub_tracing):
    text = client_in.get("/monitoring/iafq/2023.csv").content.decode()
    csv_rows = list(csv.reader(io.StringIO(text)))
    ws = load_workbook(io.BytesIO(client_in.get("/monitoring/iafq/2023.xlsx").content)).active
    xlsx_rows = [["" if v is None else str(v) for v in r] for r in ws.iter_rows(values_only=True)]
    assert csv_rows == xlsx_rows
    assert client_in.get("/monitoring/iafq/2023.pdf").status_code == 404


def test_region_comes_from_an_imported_portal_dataset(client_in, stub_tracing):
    import_portal_file(TIDY_2024)
    with mock.patch("armstrace.monitoring.views.get_profile") as profile:
        profile.return_value = type("P", (), {"country": "ESP", "name": "Spain"})()
        text = client_in.get("/monitoring/iafq/2023.csv").content.decode()
    first = next(csv.DictReader(io.StringIO(text)))
    assert (first["Iso3_code"], first["Country"], first["Region"], first["Subregion"]) == \
           ("ESP", "Spain", "Europe", "Southern Europe")


def test_sdmx_downloads(client_in, stub_tracing):
    text = client_in.get("/monitoring/sdg-16-4-2.csv?from=2022&to=2024").content.decode()
    rows = {r["TIME_PERIOD"]: r for r in csv.DictReader(io.StringIO(text))}
    # 2022: 1 of 1 (100); 2023: 1 of 2 (50); 2024: 0 of 1 (0). Published values are two-year means.
    assert {y: r["OBS_VALUE"] for y, r in rows.items()} == {"2022": "75.00", "2023": "25.00", "2024": "0.00"}
    xml = client_in.get("/monitoring/sdg-16-4-2.xml?from=2022&to=2024").content.decode()
    assert 'SERIES="VC_ARM_SZTRACE"' in xml and 'OBS_VALUE="25.00"' in xml


def test_dashboard(client_in, stub_tracing):
    from armstrace.custody.models import SeizureCase

    SeizureCase.objects.filter(number="S1").update(route_departure="USA")
    page = client_in.get("/monitoring/?year=2023").content.decode()
    assert 'id="sdg-value">50.00 %' in page  # 1 illegitimate owner / (1 + 1 pending)
    # the screen shows the code list's labels corrected (the exports keep "illicit posession")
    assert "Illicit possession" in page and "illicit posession" not in page and "<svg" in page
    assert "USA → " in page  # the flow view uses the case route
    assert client_in.get("/monitoring/hotspots/?year=2023").status_code == 200


def test_monitoring_is_in_the_navigation(client_in):
    page = client_in.get("/").content.decode()
    assert 'href="/monitoring/"' in page


def test_portal_country_dashboard(client_in):
    ds = import_portal_file(TIDY_2024)
    page = client_in.get(f"/monitoring/portal/{ds.pk}/").content.decode()
    assert "Spain" in page
    page = client_in.get(f"/monitoring/portal/{ds.pk}/ESP/?year=2018").content.decode()
    assert "2018-2019 average based on available data" in page
    assert "53.71" in page  # the published SDG value for Spain 2018, recomputed from the portal counts
    assert "Arms seized · by type" in page
