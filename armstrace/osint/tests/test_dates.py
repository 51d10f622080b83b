from .helpers import record


def test_day_and_month_take_the_publication_year():
    found = record("Border Force officers seized 20 firearms at Dover on Monday 23 June.", published="2025-07-01")
    assert found["date"] == "2025-06-23"


def test_a_date_after_publication_is_last_year():
    found = record("Les douaniers ont saisi deux pistolets le 28 décembre à Calais.", language="fr",
                   published="2024-01-05")
    assert found["date"] == "2023-12-28"


def test_day_and_month_without_any_year_is_null():
    assert record("CBP officers seized 40 pistols on May 22 in Louisville.")["date"] is None


def test_weekday_only_is_the_publication_date():
    found = record("La police a saisi trois pistolets ce mardi à Lyon.", language="fr", published="2026-01-07")
    assert found["date"] == "2026-01-07"


def test_month_only_is_year_month():
    found = record("Les gendarmes ont saisi sept armes fin janvier à Marseille.", language="fr",
                   published="2024-02")
    assert found["date"] == "2024-01"


def test_an_operation_over_a_period_has_no_seizure_date():
    found = record("Operation Trigger IX took place from 12 March to 2 April 2023 and seized 8,263 firearms.")
    assert found["date"] is None


def test_court_date_is_not_the_seizure_date():
    found = record("Officers seized eleven firearms at Coutts on Friday. Three travellers will appear in court on "
                   "19 October.", published="2016-09-01")
    assert found["date"] == "2016-09-01"


def test_seizure_date_with_its_year():
    found = record("La Guardia Civil intervino el 3 de marzo de 2023 cinco escopetas en Lugo.", language="es",
                   published="2024-01-01")
    assert found["date"] == "2023-03-03"


def test_a_between_period_and_background_months_give_no_date():
    found = record("Police arrested 14 589 suspects and seized 1 144 firearms between 26 January and 01 February "
                   "2026.", published="2026-02-03")
    assert found["date"] is None
    found = record("Au total, 7 armes 3D ont été saisies. Une arme de ce type avait été retrouvée en juin dernier à "
                   "Marseille.", language="fr", published="2024-02-06")
    assert found["date"] is None


def test_publication_dates_in_several_forms():
    from armstrace.osint.extraction.dates import parse_published

    assert str(parse_published("5 mars 2024", "fr")) == "2024-03-05"
    assert str(parse_published("2024-03-05T10:00:00Z")) == "2024-03-05"
    assert str(parse_published("2024-02")) == "2024-02-01"
    assert parse_published("yesterday") is None and parse_published("garbage") is None


def test_the_day_of_an_announcement_yields_to_the_seizure_day_but_stands_in_for_it():
    found = record("The agency announced March 2 that it laid charges. On January 14, officers searched a car at "
                   "the border and seized four pistols.", published="2022-03-05")
    assert found["date"] == "2022-01-14"
    found = record("Trois trafiquants ont été présentés à la presse le 14 février 2006 avec 16 fusils saisis.",
                   language="fr")
    assert found["date"] == "2006-02-14"
