"""Digest search: full text in French and Spanish with or without accents, facet filters and counts, sort by
relevance or year; the page and the API agree."""

import pytest
from django.core.management import call_command
from django.urls import reverse

from armstrace.exchange import digest_search
from armstrace.exchange.tests.conftest import login


@pytest.fixture
def demo(db):
    call_command("digest", "import", "--demo")


def _numbers(result):
    return [c.case_number for c in result.cases]


@pytest.mark.parametrize("query, expected", [
    ("numéros effacés", ["DEMO-SN-2022-007"]), ("numeros effaces", ["DEMO-SN-2022-007"]),
    ("révélés laboratoire", ["DEMO-SN-2022-007"]), ("colis postal", ["DEMO-SN-2024-003"]),
    ("incautación aduana", ["DEMO-MX-2024-031"]), ("incautacion", ["DEMO-MX-2024-031"]),
    ("intermediario envíos", ["DEMO-MX-2023-112"]), ("envios", ["DEMO-MX-2023-112"]),
    ("stocktake", ["DEMO-KE-2021-102"]), ("nothing-like-this", []),
])
def test_full_text_in_three_languages(demo, query, expected):
    assert _numbers(digest_search.search(query)) == expected


def test_facets_filter_and_count(demo):
    everything = digest_search.search()
    assert dict(everything.facets["country"]) == {"KEN": 2, "SEN": 2, "MEX": 2}
    assert dict(everything.facets["article"]) == {"5": 6, "8": 1}
    assert dict(everything.facets["weapon_type"])["pistol"] == 4
    assert dict(everything.facets["offence"])["illicit_trafficking"] == 3
    assert _numbers(everything) == ["DEMO-MX-2024-031", "DEMO-SN-2024-003", "DEMO-KE-2023-014",
                                    "DEMO-MX-2023-112", "DEMO-SN-2022-007", "DEMO-KE-2021-102"]
    pistols_2024 = digest_search.search(filters={"weapon_type": "pistol", "year": 2024})
    assert sorted(_numbers(pistols_2024)) == ["DEMO-MX-2024-031", "DEMO-SN-2024-003"]
    assert dict(pistols_2024.facets["modus_operandi"]) == {"straw_purchase": 1, "concealment": 1,
                                                           "3d_printing": 1, "online_sale": 1}
    assert _numbers(digest_search.search(filters={"article": "8"})) == ["DEMO-SN-2022-007"]
    assert _numbers(digest_search.search(filters={"modus_operandi": "postal", "country": "MEX"})) == ["DEMO-MX-2023-112"]


def test_sort_by_year_after_full_text(demo):
    result = digest_search.search("example", sort="year")  # "Invented example" in the English cases
    assert _numbers(result) == ["DEMO-KE-2023-014", "DEMO-KE-2021-102"]


def test_page_and_api(demo, people):
    from rest_framework.authtoken.models import Token
    from rest_framework.test import APIClient

    page = login(None, people.customs).get(reverse("exchange:digest"), {"q": "effaces", "country": "SEN"})
    html = page.content.decode()
    assert "DEMO-SN-2022-007" in html and "DEMO-MX" not in html
    assert 'data-facet="article" data-value="8"' in html
    api = APIClient()
    api.credentials(HTTP_AUTHORIZATION=f"Token {Token.objects.create(user=people.customs).key}")
    body = api.get("/api/exchange/digest/", {"q": "incautacion"}).json()
    assert [c["case_number"] for c in body["results"]] == ["DEMO-MX-2024-031"]
    facets = api.get("/api/exchange/digest/facets/", {"weapon_type": "rifle"}).json()
    assert dict(map(tuple, facets["country"])) == {"MEX": 1, "KEN": 1}
