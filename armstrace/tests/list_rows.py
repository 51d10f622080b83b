"""Rows for the list tests (sort, filter, export): two of each list, one of them carrying formula-like text.

`lists` fixture -> {name: ListCase}: the URL, a filter that keeps only the "evil" row, the text that tells the
rows apart, a sort key with the order it gives, and the formula-like cell the export must neutralise."""

from dataclasses import dataclass
from datetime import date, timedelta

import pytest

from armstrace.conftest import at

EVIL = '=HYPERLINK("http://x.example","click")'


@dataclass
class ListCase:
    url: str
    only_evil: dict  # a filter that keeps the evil row and drops the plain one
    evil_text: str  # text of the evil row (as shown on the page and in the export)
    plain_text: str  # text of the plain row
    sort: str  # a sort key; ascending, plain_text comes before evil_text (unless evil_first)
    bad: tuple  # (parameter, a value it refuses, the label the 400 names)
    evil_first: bool = False


def _items(registry):
    from armstrace.registry import services
    from armstrace.registry.models import FirearmModel

    evil = registry.party("person", EVIL, "ID-EVIL")
    glock = FirearmModel.objects.get(make__name="Glock", name__in=["G17", "Glock 17"])
    services.create_item(services.FirearmInput(serial_number="AAA111", make=glock.make, model=glock),
                         holder=registry.dealer, occurred_at=at(2015, 1, 10))
    services.create_item(services.FirearmInput(serial_number="ZZZ999", make=glock.make, model=glock),
                         holder=evil, occurred_at=at(2015, 1, 11))
    return {
        "items": ListCase("/registry/items/", {"serial": "zzz-999"}, "ZZZ999", "AAA111", "serial",
                          ("status", "bogus", "Status")),
        "holders": ListCase("/registry/holders/", {"q": "HYPERLINK"}, "=HYPERLINK(", "Alice Otieno", "name",
                            ("kind", "bogus", "Kind"), evil_first=True),
    }


def _cases(registry):
    """SZ-A holds no firearm (ammunition only), SZ-B an unregistered pistol marked CASE-B-77."""
    from armstrace.custody import services
    from armstrace.registry.services import FirearmInput

    services.record_case(services.CaseInput(occurred_on=date(2024, 3, 5), number="SZ-A", place="Harbour",
                                            admin_area="Coast", ammunition=[services.AmmunitionInput(quantity=5)]))
    services.record_case(services.CaseInput(
        occurred_on=date(2024, 4, 5), number="SZ-B", kind="found", place=EVIL, admin_area="Rift",
        items=[services.CaseItemInput(new=FirearmInput(serial_number="CASE-B-77", firearm_type="pistol"))]))
    return ListCase("/custody/", {"kind": "found"}, "SZ-B", "SZ-A", "number",
                    ("date_from", "2024-13-45", "From"))


def _authorizations(registry):
    from armstrace.transfers import services

    day = date.today() - timedelta(days=30)
    for number, kind, recipient in (("AUTH-A", "export", "Uganda Police Force"), ("AUTH-B", "import", EVIL)):
        services.issue_authorization(services.AuthorizationInput(
            kind=kind, number=number, place_of_issue="Nairobi", issued_on=day, expires_on=day + timedelta(days=90),
            export_country="KEN" if kind == "export" else "UGA", import_country="UGA" if kind == "export" else "KEN",
            final_recipient=recipient, lines=[services.LineInput("Pistols, 9 mm", 3, firearm_type="pistol")]))
    return ListCase("/transfers/", {"kind": "import"}, "AUTH-B", "AUTH-A", "number",
                    ("kind", "bogus", "Kind"))


def _requests(registry):
    from armstrace.tracing import services

    base = {"identifying_marks": "marks", "reason_illicit": "Crime scene", "intended_use": "Prosecution",
            "requesting_authority": "National Police", "point_of_contact": "Desk 4"}
    services.create_request({**base, "counterpart_country": "AUT", "serial_number": "AAA-REQ", "make": "Glock"})
    services.create_request({**base, "counterpart_country": "BEL", "serial_number": "ZZZ-REQ", "make": EVIL})
    return ListCase("/tracing/requests/", {"country": "bel"}, "ZZZ-REQ", "AAA-REQ", "counterpart",
                    ("status", "bogus", "Status"))


def _alerts(registry):
    from armstrace.accounts.constants import REGISTRY_EDIT
    from armstrace.alerts.services import Staff, raise_alert

    raise_alert("stocktake_gap", "list-test:plain", params={"depot": "Depot AAA", "date": "2024-01-02", "missing": 1},
                staff=[Staff(REGISTRY_EDIT)])
    raise_alert("other", "list-test:evil", params={"title": EVIL}, staff=[Staff(REGISTRY_EDIT)])
    return ListCase("/alerts/", {"kind": "other"}, "=HYPERLINK(", "Depot AAA", "kind",
                    ("state", "bogus", "State"), evil_first=True)


@pytest.fixture
def lists(registry):
    cases = _items(registry)
    cases["cases"] = _cases(registry)
    cases["authorizations"] = _authorizations(registry)
    cases["tracing_requests"] = _requests(registry)
    cases["alerts"] = _alerts(registry)
    return cases


LIST_NAMES = ["items", "holders", "cases", "authorizations", "tracing_requests", "alerts"]
