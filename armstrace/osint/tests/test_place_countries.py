"""Which country a place name shared by several countries means (the one the text names with it or otherwise), a
word ending in "to" is no destination, and the title breaks ties between places."""

from .helpers import record


def test_a_shared_place_name_takes_the_country_the_text_names():
    found = record("La policía incautó 23 fusiles de asalto y 10 pistolas en San Pablo, Brasil.", language="es")
    assert found["country"] == ["BRA"]


def test_a_word_ending_in_to_is_no_destination():
    found = record("Dentro de un contenedor proveniente de Estados Unidos, fueron localizadas tres armas de fuego en la "
                   "portuaria de Santo Tomás de Castilla, en Puerto Barrios, Izabal.", language="es")
    assert found["country"] == ["GTM"]


def test_the_title_breaks_a_tie_between_places():
    text = "Police seized a pistol in Fairview and 40 rounds in Oakdale."
    assert record(text, title="Gun and ammunition seized in Oakdale")["location"] == "Oakdale"
    assert record(text, title="Gun and ammunition seized in Fairview")["location"] == "Fairview"
