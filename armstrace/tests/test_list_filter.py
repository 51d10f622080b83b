"""Every list filters on its main fields; a value a filter cannot use is a 400 that names the field."""

from dataclasses import replace

import pytest

from armstrace.core import lists as core_lists
from armstrace.registry import views as registry_views
from armstrace.registry.lists import ITEMS
from armstrace.tests.list_rows import LIST_NAMES, lists  # noqa: F401 (fixture)


@pytest.mark.parametrize("name", LIST_NAMES)
def test_filter_keeps_only_matching_rows(client, user, lists, name):  # noqa: F811
    case = lists[name]
    client.force_login(user)
    everything = client.get(case.url).content.decode()
    assert case.evil_text in everything and case.plain_text in everything
    page = client.get(case.url, case.only_evil)
    assert page.status_code == 200
    body = page.content.decode()
    assert case.evil_text in body and case.plain_text not in body
    assert "1 row" in body


@pytest.mark.parametrize("name", LIST_NAMES)
def test_bad_filter_value_is_a_400_naming_the_field(client, user, lists, name):  # noqa: F811
    case = lists[name]
    param, value, label = case.bad
    client.force_login(user)
    page = client.get(case.url, {param: value})
    assert page.status_code == 400
    assert f"{label}:" in page.content.decode()
    export = client.get(case.url, {param: value, "export": "csv"})
    assert export.status_code == 400 and export.content.decode().startswith(label)


@pytest.mark.parametrize("params, field", [({"page": "x"}, "page"), ({"page": "0"}, "page"),
                                           ({"export": "pdf"}, "export")])
def test_bad_page_or_format_is_a_400(client, user, lists, params, field):  # noqa: F811
    client.force_login(user)
    response = client.get("/registry/items/", params)
    assert response.status_code == 400 and f"{field}:" in response.content.decode()


def test_count_stops_at_the_cap(client, user, lists, monkeypatch):  # noqa: F811
    """Three items, one per page: the count query stops after COUNT_CAP + 1 rows."""
    monkeypatch.setattr(core_lists, "COUNT_CAP", 2)
    monkeypatch.setattr(registry_views, "ITEMS", replace(ITEMS, page_size=1))
    client.force_login(user)
    assert "More than 2 rows" in client.get("/registry/items/").content.decode()
    monkeypatch.setattr(core_lists, "COUNT_CAP", 3)
    assert "3 rows" in client.get("/registry/items/").content.decode()


def test_date_range_filters_the_days_both_included(client, user, lists):  # noqa: F811
    client.force_login(user)
    body = client.get("/custody/", {"date_from": "2024-04-05", "date_to": "2024-04-05"}).content.decode()
    assert "SZ-B" in body and "SZ-A" not in body
    wrong_way = client.get("/custody/", {"date_from": "2024-05-01", "date_to": "2024-01-01"})
    assert wrong_way.status_code == 400 and "before its start" in wrong_way.content.decode()
