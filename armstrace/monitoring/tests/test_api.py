"""Monitoring REST API against known answers: IAFQ rows of the hand-built registry, its SDG 16.4.2 series, a
hand-built hotspot, and a small portal dataset."""

from datetime import date
from decimal import Decimal
from unittest import mock

import pytest

from armstrace.monitoring import codelist as cl
from armstrace.monitoring import hotspots
from armstrace.monitoring.tests.test_iafq_tables import EXPECTED_2023


@pytest.fixture
def stub_tracing(hand_built):
    with mock.patch("armstrace.monitoring.iafq.default_tracing_status", return_value=hand_built.tracing):
        yield hand_built


def test_iafq_rows_of_a_year(api_client, stub_tracing):
    body = api_client.get("/api/monitoring/iafq/?year=2023").json()
    assert body["year"] == 2023 and body["count"] == len(body["rows"])
    cells = {(r["indicator"], r["dimension"], r["category"], r["sex"]): r["value"] for r in body["rows"]}
    assert len(cells) == len(body["rows"])  # no cell written twice
    assert {k: v for k, v in cells.items() if v} == EXPECTED_2023
    assert {r["unit"] for r in body["rows"]} == {"Counts"}
    persons = [r for r in body["rows"] if r["indicator"] == cl.PERSONS_ARRESTED]
    assert {(r["sex"], r["age"]) for r in persons} == {("Male", "Total"), ("Female", "Total"), ("Unknown", "Total"),
                                                       ("Total", "Total")}


def test_iafq_rows_filtered_by_indicator_and_dimension(api_client, stub_tracing):
    body = api_client.get("/api/monitoring/iafq/", {"year": 2023, "indicator": cl.ARMS_FOUND,
                                                    "dimension": "by marking"}).json()
    assert {(r["category"], r["value"]) for r in body["rows"]} == {
        ("uniquely marked", 1), ("altered marking", 0), ("no marking", 0), ("unknown Status On Marking", 0),
        ("Total", 1)}
    persons = api_client.get("/api/monitoring/iafq/", {"year": 2023, "indicator": cl.PERSONS_BY_OFFENCE}).json()
    assert persons["count"] == 8 and sum(r["value"] for r in persons["rows"]) == 3


def test_iafq_defaults_to_last_year_and_refuses_bad_parameters(api_client, stub_tracing):
    assert api_client.get("/api/monitoring/iafq/").json()["year"] == date.today().year - 1
    assert api_client.get("/api/monitoring/iafq/?year=1800").status_code == 400
    bad = api_client.get("/api/monitoring/iafq/?indicator=Arms+stolen")
    assert bad.status_code == 400 and "indicator" in bad.json()


def test_sdg_series_per_year_and_two_year_mean(api_client, stub_tracing):
    body = api_client.get("/api/monitoring/sdg-16-4-2/?first=2021&last=2024").json()
    assert body["series"] == "VC_ARM_SZTRACE"
    # 2022: point of diversion (1/1); 2023: illegitimate owner + pending (1/2); 2024: no point of diversion (0/1)
    assert [(o["year"], o["numerator"], o["denominator"], o["value"], o["published_value"], o["years_averaged"],
             o["footnote"]) for o in body["observations"]] == [
        (2021, 0, 0, None, None, [], ""),
        (2022, 1, 1, "100.00", "75.00", [2022, 2023], "2022-2023 average based on available data"),
        (2023, 1, 2, "50.00", "25.00", [2023, 2024], "2023-2024 average based on available data"),
        (2024, 0, 1, "0.00", "0.00", [2024], ""),  # 2025 has no defined ratio: 2024 alone
    ]


def test_sdg_refuses_a_reversed_or_too_long_range(api_client, stub_tracing):
    assert api_client.get("/api/monitoring/sdg-16-4-2/?first=2024&last=2023").status_code == 400
    assert api_client.get("/api/monitoring/sdg-16-4-2/?first=1950&last=2050").status_code == 400
    default = api_client.get("/api/monitoring/sdg-16-4-2/").json()["observations"]
    assert [o["year"] for o in default] == list(range(date.today().year - 5, date.today().year))


@pytest.fixture
def eastern_surge(db):
    """One arm seized a month in "East" from January to August 2023, then 8 in September."""
    from armstrace.custody.models import CaseItem, SeizureCase
    from armstrace.registry.models import Item

    for month, arms in [*[(m, 1) for m in range(1, 9)], (9, 8)]:
        case = SeizureCase.objects.create(number=f"E{month}", occurred_on=date(2023, month, 5), admin_area="East")
        for n in range(arms):
            CaseItem.objects.create(case=case, item=Item.objects.create(category="firearm",
                                                                        serial_number=f"E{month}-{n}"))


def test_hotspots(api_client, eastern_surge):
    body = api_client.get("/api/monitoring/hotspots/?flagged=true").json()
    assert body["year"] == 2023  # the latest year with a seizure
    assert body["hotspots"] == [{"area": "East", "period": "2023-09", "count": 8, "baseline": 1.0,
                                 "p_value": pytest.approx(hotspots.poisson_sf(8, 1.0)), "flagged": True}]
    every = api_client.get("/api/monitoring/hotspots/?year=2023").json()["hotspots"]
    # January to June have under 6 months of history: July to December are tested
    assert sorted(h["period"] for h in every) == [f"2023-{m:02d}" for m in range(7, 13)]
    assert api_client.get("/api/monitoring/hotspots/?year=2022").json()["hotspots"] == []


@pytest.fixture
def dataset(db):
    from armstrace.monitoring.models import PortalDataset, PortalValue

    ds = PortalDataset.objects.create(name="Tiny portal", file_name="tiny.csv", file_sha256="a" * 64, row_count=3)
    for line, (iso3, year, category, value) in enumerate(
            [("KEN", 2021, "pistol", "4"), ("KEN", 2022, "pistol", "2.5"), ("UGA", 2022, "rifle (Inlcuding Carbine)",
                                                                            "7")], start=5):
        PortalValue.objects.create(dataset=ds, line=line, iso3=iso3, country=iso3, indicator=cl.ARMS_SEIZED,
                                   dimension=cl.BY_TYPE, category=category, sex="na", age="na", year=year,
                                   unit="Counts", value=Decimal(value), source="IAFQ")
    return ds


def test_portal_datasets_and_rows(api_client, dataset):
    listed = api_client.get("/api/monitoring/datasets/").json()
    assert listed["count"] == 1 and listed["results"][0]["name"] == "Tiny portal"
    assert api_client.get(f"/api/monitoring/datasets/{dataset.pk}/").json()["row_count"] == 3
    rows = api_client.get(f"/api/monitoring/datasets/{dataset.pk}/rows/").json()
    assert [(r["line"], r["iso3"], r["year"], r["value"]) for r in rows["results"]] == [
        (5, "KEN", 2021, "4.0000"), (6, "KEN", 2022, "2.5000"), (7, "UGA", 2022, "7.0000")]
    kenya_2022 = api_client.get(f"/api/monitoring/datasets/{dataset.pk}/rows/?iso3=KEN&year=2022").json()
    assert [r["line"] for r in kenya_2022["results"]] == [6]
    page = api_client.get(f"/api/monitoring/datasets/{dataset.pk}/rows/?limit=2&offset=2").json()
    assert page["count"] == 3 and [r["line"] for r in page["results"]] == [7]
    assert api_client.get(f"/api/monitoring/datasets/{dataset.pk}/rows/?iso3=kenya").status_code == 400
    assert api_client.get(f"/api/monitoring/datasets/{dataset.pk + 1}/rows/").status_code == 404


def test_only_monitoring_roles_read_it(client, make_user, dataset):
    from rest_framework.authtoken.models import Token

    for role, expected in (("analyst", 200), ("auditor", 200), ("customs", 403), ("registrar", 403)):
        token = Token.objects.create(user=make_user(f"api-{role}", role)).key
        response = client.get("/api/monitoring/datasets/", HTTP_AUTHORIZATION=f"Token {token}")
        assert response.status_code == expected, role
