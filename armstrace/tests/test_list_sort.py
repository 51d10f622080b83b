"""Every list sorts by its columns, both ways, with a stable order across pages; an unknown sort key is a 400."""

from dataclasses import replace

import pytest

from armstrace.core.lists import parse_sort
from armstrace.registry import views as registry_views
from armstrace.registry.lists import ITEMS
from armstrace.tests.list_rows import LIST_NAMES, lists  # noqa: F401 (fixture)


@pytest.mark.parametrize("name", LIST_NAMES)
def test_sorts_by_a_column_both_ways(client, user, lists, name):  # noqa: F811
    case = lists[name]
    client.force_login(user)
    up = client.get(case.url, {"sort": case.sort})
    down = client.get(case.url, {"sort": "-" + case.sort})
    assert up.status_code == down.status_code == 200
    first, last = (case.evil_text, case.plain_text) if case.evil_first else (case.plain_text, case.evil_text)
    up, down = up.content.decode(), down.content.decode()
    assert up.index(first) < up.index(last)
    assert down.index(last) < down.index(first)
    assert 'aria-sort="ascending"' in up and 'aria-sort="descending"' in down


@pytest.mark.parametrize("name", LIST_NAMES)
def test_unknown_sort_key_is_refused(client, user, lists, name):  # noqa: F811
    client.force_login(user)
    response = client.get(lists[name].url, {"sort": "password"})
    assert response.status_code == 400
    assert "sort" in response.content.decode() and "password" in response.content.decode()


def test_every_order_ends_with_the_primary_key_in_its_direction():
    assert parse_sort(ITEMS, "make") == (["make__name", "pk"], "make")
    assert parse_sort(ITEMS, "-make") == (["-make__name", "-pk"], "-make")
    assert parse_sort(ITEMS, None) == (["-id", "-pk"], "-id")


def test_pages_of_equal_keys_neither_repeat_nor_skip_a_row(client, user, lists, monkeypatch):  # noqa: F811
    """Two of the three items are Glocks: sorted by make, one per page, each shows once."""
    monkeypatch.setattr(registry_views, "ITEMS", replace(ITEMS, page_size=1))
    client.force_login(user)
    pages = [client.get("/registry/items/", {"sort": "make", "page": n}).content.decode() for n in (1, 2, 3)]
    serials = [[s for s in ("AAA111", "ZZZ999", "CASE-B-77") if s in page] for page in pages]
    assert sorted(serials) == [["AAA111"], ["CASE-B-77"], ["ZZZ999"]]
    assert 'rel="next"' in pages[1] and 'rel="prev"' in pages[2] and 'rel="next"' not in pages[2]
