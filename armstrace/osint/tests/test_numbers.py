import pytest

from armstrace.osint.extraction.numbers import find_numbers
from armstrace.osint.extraction.text import fold

from .helpers import field_value

from .helpers import record


def values(text, lang):
    return [n.value for n in find_numbers(fold(text), lang) if n.kind != "article"]


@pytest.mark.parametrize("text, lang, expected", [
    ("twenty-three", "en", [23]),
    ("one thousand two hundred", "en", [1200]),
    ("vingt et un", "fr", [21]),
    ("quatre-vingt-dix", "fr", [90]),
    ("treinta y dos", "es", [32]),
    ("dos mil quinientos", "es", [2500]),
    ("veintidós", "es", [22]),
    ("ciento veintitrés", "es", [123]),
])
def test_numbers_in_words(text, lang, expected):
    assert values(text, lang) == expected


@pytest.mark.parametrize("text, lang", [
    ("1,534", "en"), ("1 534", "fr"), ("1\u202f534", "fr"), ("1.534", "es"), ("1'534", "fr"), ("mil 534", "es"),
])
def test_every_thousands_separator(text, lang):
    assert values(text, lang) == [1534]


def test_mexican_thousands_and_scales():
    assert values("17 mil 700 cartuchos", "es") == [17700]
    assert values("1.5 million rounds", "en") == [1500000]


def test_words_in_a_record():
    found = record("Les douaniers ont saisi deux pistolets et trente cartouches à Calais.", language="fr")
    assert found["firearms_by_type"] == {"pistol": 2}
    assert found["ammunition_rounds"] == 30
    found = record("La Guardia Civil intervino treinta fusiles de asalto en Algeciras.", language="es")
    assert found["firearms_total"] == 30 and found["firearms_by_type"] == {"rifle": 30}


def test_model_numbers_and_calibres_are_not_counts():
    found = record("Police seized two AR-15 rifles, a Glock 19 pistol and a 12-gauge shotgun in Leeds.")
    assert found["firearms_by_type"] == {"rifle": 2, "pistol": 1, "shotgun": 1}
    assert found["firearms_total"] == 4


def test_accented_spanish_numbers_count_in_a_list():
    found = record("Se incautaron treinta fusiles y veintidós pistolas en Lima.", language="es")
    assert found["firearms_total"] == 52 and found["firearms_by_type"] == {"rifle": 30, "pistol": 22}


@pytest.mark.parametrize("text, lang", [("medio millón", "es"), ("half a million", "en"), ("un demi-million", "fr")])
def test_half_a_million(text, lang):
    assert values(text, lang) == [500_000]


def test_dozens_counted_by_a_number():
    assert field_value("Police seized two dozen rifles.", "firearms_total") == 24
    assert field_value("Se incautaron dos docenas de pistolas.", "firearms_total", language="es") == 24
    assert field_value("Police seized dozens of firearms.", "firearms_total") is None


def test_digits_with_a_thousand_word_between():
    assert field_value("Plus de 14 mille 600 cartouches ont été découvertes dans des containers à Port-au-Prince.",
                       "ammunition_rounds", language="fr") == 14600


def test_french_a_before_a_number_is_no_article():
    assert field_value("Une quantité de munitions s'élevant à 1.023 balles a été saisie.", "ammunition_rounds",
                       language="fr") == 1023
    assert field_value("Police seized a 303 rifle.", "ammunition_rounds") is None


def test_a_number_written_in_brackets_counts_once():
    found = record("Les douaniers ont saisi vingt-trois (23) fusils, deux (02) pistolets et une quantité de munitions "
                   "s'élevant à (415) balles à Tébessa.", language="fr")
    assert (found["firearms_total"], found["ammunition_rounds"]) == (25, 415)
    assert record("Police arrested twenty (20) suspects and seized (3) pistols.")["arrests"] == 20


def test_millions_then_thousands_are_one_number():
    assert [n.value for n in find_numbers("2 millones 829 mil 950 cartuchos", "es")] == [2829950]
    assert [n.value for n in find_numbers("3 millions 200 000 cartouches", "fr")] == [3200000]
    assert [n.value for n in find_numbers("2 millones de cartuchos y 300 armas", "es")] == [2000000, 300]


def test_a_number_after_an_ellipsis_is_read_but_a_calibre_after_a_point_is_not():
    assert values('they found: "...2 loaded firearms and 20 rounds of .22 ammunition"', "en") == [2, 20]


def test_two_participles_joined_by_and_stand_between_a_count_and_its_noun():
    found = record('In Lacey the police found "...2 3D printed and loaded firearms, 3D printed firearm stocks and '
                   'ammunition" in the house of a convicted felon.')
    assert found["firearms_total"] == 2


@pytest.mark.parametrize("text, lang, expected", [
    ("se incautaron dos mil 50 municiones", "es", [2050]),
    ("tres mil 500 cartuchos", "es", [3500]),
    ("trois mille 200 cartouches", "fr", [3200]),
    ("mil 200 cartuchos", "es", [1200]),
])
def test_thousands_in_words_before_digits(text, lang, expected):
    assert values(text, lang) == expected
