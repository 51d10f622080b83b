"""Full-text search of threads and messages in French and Spanish, with or without accents (SQLite FTS5 with
diacritics removed; PostgreSQL simple + unaccent), only in threads the user may read."""

import pytest
from django.urls import reverse

from armstrace.exchange import services
from armstrace.exchange.tests.conftest import login
from armstrace.exchange.views import search_threads


@pytest.fixture
def threads(people, thread):
    fr = services.create_thread(people.customs, services.ThreadInput(
        subject="Saisie à l'aéroport de Dakar", text="Pistolet au numéro de série effacé, découvert dans un colis.",
        users=[people.investigator]))
    es = services.create_thread(people.customs, services.ThreadInput(
        subject="Incautación en Cádiz", text="Fusiles desarmados en piezas; envío postal a través de Algeciras.",
        users=[people.investigator]))
    return fr, es


@pytest.mark.parametrize("query, expected", [
    ("effacé", "fr"), ("efface", "fr"), ("EFFACE", "fr"), ("aeroport dakar", "fr"), ("découvert colis", "fr"),
    ("incautación", "es"), ("incautacion", "es"), ("cadiz", "es"), ("través Algeciras", "es"),
    ("container number", "en"),
])
def test_accents_and_case_do_not_matter(people, thread, threads, query, expected):
    wanted = {"fr": threads[0], "es": threads[1], "en": thread}[expected]
    assert [t for t, _hits in search_threads(people.investigator, query)] == [wanted]


def test_every_word_must_match_and_messages_are_shown(people, threads):
    assert search_threads(people.investigator, "effacé Algeciras") == []
    (thread, hits), = search_threads(people.investigator, "piezas")
    assert thread == threads[1] and [m.text for m in hits] == [threads[1].messages.get().text]
    assert search_threads(people.investigator, "'; DROP TABLE x; --\"") == []
    assert search_threads(people.investigator, "") == []


def test_results_are_only_what_the_user_may_read(people, threads):
    assert search_threads(people.customs2, "effacé") == []  # same agency, not a member of a thread for users
    assert search_threads(people.outsider, "cadiz") == []
    page = login(None, people.investigator).get(reverse("exchange:search"), {"q": "cadiz"}).content.decode()
    assert "Incautación en Cádiz" in page
    assert "Incautación" not in login(None, people.customs2).get(reverse("exchange:search"), {"q": "cadiz"}
                                                                 ).content.decode()
