from .helpers import record


def test_arrests_in_words_in_three_languages():
    assert record("Police seized 3 pistols in Leeds and four people were arrested.")["arrests"] == 4
    assert record("Trois personnes ont été interpellées après la saisie de 5 fusils à Lyon.",
                  language="fr")["arrests"] == 3
    assert record("La Guardia Civil detuvo a cinco personas e incautó 12 pistolas en Lugo.",
                  language="es")["arrests"] == 5


def test_arrests_summed_over_places():
    found = record("Police seized 40 firearms. 12 people were arrested in Spain, while 5 people were arrested "
                   "in France.")
    assert found["arrests"] == 17


def test_none_arrested_is_zero():
    assert record("Aunque no se reportaron detenciones, se aseguraron 5 pistolas en Tuxtla.",
                  language="es")["arrests"] == 0


def test_one_person_arrested():
    assert record("The driver, a 34-year-old man, was arrested after 20 firearms were found at Dover.")[
        "arrests"] == 1
    assert record("Un homme a été interpellé après la découverte de deux pistolets à Lyon.",
                  language="fr")["arrests"] == 1


def test_people_heard_or_investigated_are_not_arrested():
    found = record("48 armes ont été saisies. Une personne a été placée en garde à vue et 19 personnes ont été "
                   "entendues.", language="fr")
    assert found["arrests"] == 1
    assert record("Se intervinieron 190 armas de fuego y ha sido investigada una persona.",
                  language="es")["arrests"] is None


def test_feminine_participles_and_the_detainee():
    assert record("La personne soupçonnée est identifiée puis interpellée par les gendarmes, qui saisissent "
                  "trois fusils.", language="fr")["arrests"] == 1
    assert record("Se incautaron 16 armas en el domicilio del detenido en Martorell.", language="es")["arrests"] == 1


def test_a_part_of_the_arrested_is_not_added():
    found = record("Cuatro personas, entre ellas dos menores de edad, fueron detenidas tras el decomiso de tres "
                   "fusiles en Culiacán.", language="es")
    assert found["arrests"] == 4


def test_people_charged_by_name_are_counted():
    found = record("Officers seized seven firearms at the Coutts port of entry. The CBSA has since charged Adam "
                   "Brown (39) and Bethany Brown (42).")
    assert found["arrests"] == 2
    assert record("Police seized two rifles in Leeds and arrested John Smith.")["arrests"] == 1
