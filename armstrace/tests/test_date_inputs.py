"""Date inputs carry ISO values (YYYY-MM-DD) in every language: a browser leaves a date field blank when its value
is written in the locale's format (02/12/2026)."""

import re

import pytest
from django.conf import settings
from django.utils import timezone, translation

from armstrace.tests.test_form_accessibility import outline

ISO = {"date": re.compile(r"^\d{4}-\d{2}-\d{2}$"), "datetime-local": re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$")}
PAGES_WITH_DATES = ["/custody/cases/new/", "/registry/events/?date_from=2024-03-05",
                    "/accounts/access-log/?date_from=2024-03-05"]


@pytest.fixture(autouse=True)
def back_to_english():
    """A request in French leaves French active in the thread: later tests get English back."""
    yield
    translation.activate(settings.LANGUAGE_CODE)


@pytest.mark.django_db
@pytest.mark.parametrize("lang", ["en", "fr", "es"])
def test_date_inputs_hold_iso_values(client, user, registry, lang):
    client.force_login(user)
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = lang
    seen = []
    for url in PAGES_WITH_DATES:
        response = client.get(url)
        assert response.status_code == 200, url
        for field in outline(response.content.decode()).fields:
            if field.get("type") in ISO and field.get("value"):
                assert ISO[field["type"]].match(field["value"]), (url, lang, field)
                seen.append(field["value"])
    assert timezone.localdate().isoformat() in seen and "2024-03-05" in seen


@pytest.mark.django_db
def test_an_iso_date_is_read_in_french(client, user, registry):
    client.force_login(user)
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "fr"
    page = client.get("/registry/events/?date_from=2024-03-05&date_to=2024-03-04").content.decode()
    values = {f.get("name"): f.get("value") for f in outline(page).fields}
    assert values["date_from"] == "2024-03-05" and values["date_to"] == "2024-03-04"
