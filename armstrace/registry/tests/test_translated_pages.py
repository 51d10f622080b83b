"""Pages rendered in French or Spanish hold none of the English UI words of our own templates (see ENGLISH_WORDS),
on every page of armstrace.tests.ui_pages.PAGES, with the data of a small demo behind them."""

import re
from html.parser import HTMLParser

import pytest
from django.conf import settings
from django.utils import translation

from armstrace.tests.ui_pages import PAGES

# Words of the templates, the code list and the services that a translated page must not show. Chosen so that
# no demo datum (names, towns, makes, models) and no French or Spanish word contains them as a whole word.
ENGLISH_WORDS = [
    "Dashboard", "Items", "Holders", "Holder", "Search", "Status", "Serial number", "Trace report", "Legally held",
    "Reported stolen", "Seized", "Markings", "Timeline", "Country of manufacture",
    "Record a firearm", "Log out", "Skip to the content", "Main menu", "Arms seized", "Pistol", "No data",
    "Shotgun", "Machine gun", "Male", "Female", "by type", "by condition", "by marking", "Uniquely identifiable",
    "National territory", "Illicit possession", "Kind", "Place", "Persons involved", "Firearms and parts",
    "Ammunition", "Czechia", "Germany", "United States", "Italy", "Belgium", "Russian Federation",
    "near match", "near matches", "pattern", "Why it ranks here", "Event history", "Origin", "Point of diversion",
    "Last legitimate holder", "Tracing requests", "Monitoring", "Hotspot warnings", "Seizure", "Surrender",
]
WORD = {w: re.compile(rf"(?<![\w-]){re.escape(w)}(?![\w-])") for w in ENGLISH_WORDS}
@pytest.fixture(autouse=True)
def back_to_english():
    """A request in French leaves French active in the thread: later tests get English back."""
    yield
    translation.activate(settings.LANGUAGE_CODE)


SHOWN_ATTRIBUTES = {"aria-label", "placeholder", "title", "alt", "value"}


class ShownText(HTMLParser):
    """The text a person reads or hears: text outside script and style, and the shown attributes."""

    def __init__(self):
        super().__init__()
        self.parts, self.hidden = [], 0

    def handle_starttag(self, tag, attrs):
        if tag in ("script", "style"):
            self.hidden += 1
        for name, value in attrs:
            if name in SHOWN_ATTRIBUTES and value and not (tag == "input" and dict(attrs).get("type") == "hidden"):
                self.parts.append(value)

    def handle_endtag(self, tag):
        if tag in ("script", "style"):
            self.hidden -= 1

    def handle_data(self, data):
        if not self.hidden:
            self.parts.append(data)


def shown_text(html):
    parser = ShownText()
    parser.feed(html)
    return "\n".join(parser.parts)


def english_words_in(text):
    return sorted(w for w, pattern in WORD.items() if pattern.search(text))


@pytest.fixture
def demo_registry(db):
    from armstrace.demo import generate_demo
    from armstrace.registry.reference import load_reference_data, sync_agencies

    load_reference_data()
    sync_agencies()
    generate_demo(24, seed=5)


def first_item_pk():
    from armstrace.registry.models import Item

    return Item.objects.filter(events__kind__in=["registered", "imported"]).order_by("pk").values_list("pk", flat=True)[0]


@pytest.mark.parametrize("lang", ["fr", "es"])
def test_no_english_ui_word_on_translated_pages(client, user, demo_registry, lang):
    client.force_login(user)
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = lang
    item = first_item_pk()
    found = {}
    for name, path in PAGES.items():
        response = client.get(path.format(item=item))
        assert response.status_code == 200, path
        words = english_words_in(shown_text(response.content.decode()))
        if words:
            found[name] = words
    assert not found, f"English words on {lang} pages: {found}"


def test_the_check_sees_english_in_english():
    assert english_words_in(shown_text('<h1>Dashboard</h1><input aria-label="Serial number"><script>Menu</script>')) \
        == ["Dashboard", "Serial number"]


@pytest.mark.parametrize("lang, expected", [("fr", "Tchéquie"), ("es", "Chequia")])
def test_country_names_come_from_pycountrys_translations(client, user, registry, lang, expected):
    from armstrace.core.countries import country_name
    from armstrace.registry import services
    from armstrace.registry.models import FirearmModel

    model = FirearmModel.objects.filter(make__country="CZE").first()
    item = services.create_item(services.FirearmInput(serial_number="CZ-1", make=model.make, model=model,
                                                      country_of_manufacture="CZE"),
                                holder=registry.dealer, location="Capital City")
    assert country_name("CZE", lang) == expected and country_name("CZE", "en") == "Czechia"
    client.force_login(user)
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = lang
    for path in (f"/registry/items/{item.pk}/", f"/tracing/items/{item.pk}/report/"):
        text = shown_text(client.get(path).content.decode())
        assert expected in text and "Czechia" not in text, path
