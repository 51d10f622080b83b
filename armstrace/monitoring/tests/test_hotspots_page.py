"""The hotspots page: flagged months only by default (every tested month on request), the latest year with a
seizure by default, a year picker, and the map of arms seized."""

import pytest


def _rows(body):
    table = body[body.index('<table id="hotspots"'):]
    return table[:table.index("</table>")]


def test_defaults_to_flagged_months_of_the_latest_year(client, user, seizures):
    client.force_login(user)
    page = client.get("/monitoring/hotspots/")
    body = page.content.decode()
    assert page.context["year"] == 2024 and page.context["show_all"] is False
    rows = _rows(body)
    assert "North" in rows and "2024-03" in rows and "South" not in rows
    assert '<option value="2024" selected>' in body and '<option value="2023"' in body


def test_all_months_on_request(client, user, seizures):
    client.force_login(user)
    rows = _rows(client.get("/monitoring/hotspots/", {"all": "1"}).content.decode())
    assert "North" in rows and "South" in rows


def test_year_picker_chooses_the_year(client, user, seizures):
    client.force_login(user)
    page = client.get("/monitoring/hotspots/", {"year": "2023", "all": "1"})
    assert page.context["year"] == 2023
    assert "2024-03" not in _rows(page.content.decode())
    assert client.get("/monitoring/hotspots/", {"year": "notayear"}).status_code == 400


def test_page_shows_the_map_of_arms_seized(client, user, seizures):
    client.force_login(user)
    body = client.get("/monitoring/hotspots/").content.decode()
    assert '<svg xmlns="http://www.w3.org/2000/svg" class="world-map"' in body
    assert 'data-iso3="KEN" data-value="15"' in body  # 12 + 3 arms seized in 2024, the profile's country
