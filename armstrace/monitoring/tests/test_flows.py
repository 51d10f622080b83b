"""The registry's flow view (origin -> seizure country) on a hand-built registry whose origins are known: one seized
arm for each way of establishing the origin, in the order of precedence of monitoring.flows."""

import xml.etree.ElementTree as ET
from collections import Counter
from datetime import date

import pytest

from armstrace.conftest import at
from armstrace.monitoring import charts, flows
from armstrace.profile import get_profile

SVG = "{http://www.w3.org/2000/svg}"


@pytest.fixture
def seized_2023(registry, glock):
    from armstrace.custody import services as custody
    from armstrace.registry import services
    from armstrace.registry.services import FirearmInput
    from armstrace.tracing import services as tracing

    def new(serial, **kw):
        return custody.CaseItemInput(new=FirearmInput(serial_number=serial, firearm_type="pistol", **kw))

    def registered(item):
        return custody.CaseItemInput(item=item)

    # A: the dealer's Glock, stolen in 2019 -> diverted here
    services.report_missing(glock, "theft_reported", occurred_at=at(2019, 5, 2), location="Port Town")
    # B: Alice's Beretta legally exported to Uganda in 2018 -> diverted after the export, in Uganda
    beretta = services.create_item(FirearmInput(serial_number="BER900222", firearm_type="pistol"),
                                   holder=registry.alice, occurred_at=at(2016, 1, 5))
    services.export_item(beretta, destination_country="UGA", occurred_at=at(2018, 2, 1))
    route_case = custody.record_case(custody.CaseInput(
        occurred_on=date(2023, 3, 1), number="FL-1", route_departure="ETH", route_destination="SOM",
        items=[registered(glock),
               new("TRACED-1", country_of_manufacture="BEL"),  # C: tracing answered by Tanzania
               new("IMPORT-1", country_of_import="SDN", country_of_manufacture="RUS"),  # D: last import Sudan
               new("ROUTE-1", country_of_manufacture="AUT")]))  # E: the case's departure, Ethiopia
    custody.record_case(custody.CaseInput(
        occurred_on=date(2023, 9, 1), number="FL-2",
        items=[registered(beretta),
               new("MADE-1", country_of_manufacture="AUT"),  # F: only the country of manufacture
               new("NOTHING-1")]))  # G: nothing known
    traced = route_case.items.get(item__serial_number="TRACED-1").item
    request = tracing.send(tracing.create_request({
        "counterpart_country": "BEL", "identifying_marks": "TRACED-1", "reason_illicit": "Trafficking",
        "intended_use": "Criminal investigation", "requesting_authority": "National Police",
        "point_of_contact": "Insp. Wanjiru"}, item=traced))
    tracing.record_answer(request, {"responding_country": "TZA", "outcome": "illegitimate_owner_foreign",
                                    "findings": {"summary": "Sold to a Tanzanian dealer whose licence was revoked"}})
    # H: an unanswered request does not make an origin; the case of 2022 is not in 2023
    custody.record_case(custody.CaseInput(occurred_on=date(2022, 6, 1), number="FL-0",
                                          items=[new("OLD-1", country_of_manufacture="CHN")]))
    # I: a find, not a seizure: left out
    custody.record_case(custody.CaseInput(occurred_on=date(2023, 6, 1), kind="found", number="FD-1",
                                          items=[new("FOUND-1", country_of_manufacture="USA")]))
    return get_profile().country


def test_origins_follow_the_tracing_results_then_the_routes(seized_2023):
    home = seized_2023
    table = flows.registry_flows(2023)
    assert dict(table.counts) == {(home, home): 1, ("UGA", home): 1, ("TZA", home): 1, ("SDN", home): 1,
                                  ("ETH", home): 1, ("AUT", home): 1}
    assert table.basis == Counter({"diversion": 2, "tracing_answer": 1, "last_import": 1, "route": 1,
                                   "manufacture": 1})
    assert table.unknown == 1
    assert table.in_place_share() == pytest.approx(1 / 6)
    every_year = flows.registry_flows()
    assert every_year.counts[("CHN", home)] == 1 and every_year.total == 7
    assert flows.registry_flows(2021).total == 0


def test_route_flows(seized_2023):
    # FL-1's four arms went from Ethiopia to Somalia; FL-2 has no route
    assert dict(flows.route_flows(2023).counts) == {("ETH", "SOM"): 4}


def test_held_legally_without_a_diversion_is_a_national_origin(registry, glock):
    from armstrace.tracing.history import analyse_history

    history = analyse_history(glock)  # registered to the dealer, nothing else
    assert flows.origin(glock, history, [], "ETH", "KEN") == ("KEN", flows.Basis.NATIONAL_REGISTRY)


def test_flow_page_is_reachable_from_the_dashboard_and_draws_the_flows(client, user, seized_2023):
    client.force_login(user)
    dashboard = client.get("/monitoring/?year=2023").content.decode()
    assert 'href="/monitoring/flows/?year=2023"' in dashboard
    page = client.get("/monitoring/flows/?year=2023")
    assert page.status_code == 200
    html = page.content.decode()
    assert "<script" not in html.split("<main", 1)[-1]  # server-side SVG, nothing to fetch or run
    svg = html[html.index("<svg", html.index('id="flow-chart"')):]
    svg = ET.fromstring(svg[:svg.index("</svg>") + 6])
    bands = {p.find(f"{SVG}title").text for p in svg.findall(f"{SVG}path")}
    home = seized_2023
    assert bands == {f"{origin} → {home}: 1" for origin in (home, "UGA", "TZA", "SDN", "ETH", "AUT")}
    assert 'id="flow-unknown">1<' in html and 'id="flow-total">6<' in html
    assert "Tanzania" in html and "Answer to a tracing request" in html
    assert client.get("/monitoring/flows/").status_code == 200  # every year
    assert client.get("/monitoring/flows/?year=1800").status_code == 404


def test_dashboard_flow_chart_is_the_year_of_the_dashboard(client, user, seized_2023):
    client.force_login(user)
    html = client.get("/monitoring/?year=2022").content.decode()
    chart = ET.fromstring(charts.flow_view(flows.registry_flows(2022), "x"))
    assert [p.find(f"{SVG}title").text for p in chart.findall(f"{SVG}path")] == [f"CHN → {seized_2023}: 1"]
    assert f"CHN → {seized_2023}: 1" in html
