"""Firearms found later in a report, or in a further incident, add to the ones counted before."""
import pytest

from .helpers import record


def test_typed_items_listed_after_a_count_of_firearms_add_to_it():
    found = record("During the search, officers seized one 3D firearm with suppressor, a large amount of cash and one "
                   "prohibited handgun in Meaghers Grant.")
    assert found["firearms_total"] == 2
    found = record("Police seized 10 firearms, including 4 pistols, in Leeds.")
    assert found["firearms_total"] == 10


def test_a_model_after_a_broad_noun_gives_the_type_and_further_finds_add_up():
    found = record("Los militares detuvieron a dos hombres en la comunidad de Agua Blanca. Se les aseguró lo "
                   "siguiente:\n- 2 armas largas tipo AK-47\n- 48 cartuchos\nPosteriormente localizaron más "
                   "armamento, logrando asegurar:\n- 3 armas largas AK-47\n- 360 cartuchos", language="es")
    assert found["firearms_total"] == 5 and found["firearms_by_type"] == {"rifle": 5}
    assert found["ammunition_rounds"] == 408
    assert found["location"] == "Agua Blanca"


def test_a_lead_sentence_total_is_not_added_to_the_details():
    found = record("Two people were arrested after gardaí seized three firearms in Dublin.\n\nA pistol was found "
                   "in a car.\n\nLater, two more firearms were seized by gardaí in a search.")
    assert found["firearms_total"] == 3


def test_more_guns_after_the_lead_sentence_add_up():
    found = record("The raid netted 8 firearms in Leeds. Police also found 5 more guns in a second house.")
    assert found["firearms_total"] == 13


@pytest.mark.parametrize("text, total", [
    ("Police seized two pistols at a house in Durban. At another homestead they recovered another 9mm pistol with "
     "ammunition.", 3),
    ("Police seized two pistols at a house in Durban. They also found another three pistols in a car.", 5),
    ("Guns were seized in Melbourne. Five handguns were found at a house in Cranbourne. A semiautomatic handgun and "
     "ammunition were also discovered at the property.", 6),
    ("Police seized six pistols in Leeds. A pistol was shown to the press.", 6),
])
def test_another_gun_or_one_told_as_a_further_find_adds_to_the_counted_ones(text, total):
    assert record(text)["firearms_total"] == total


def test_typed_items_listed_before_a_count_of_firearms_add_to_it():
    found = record("Les agents ont trouvé deux armes de poing imprimées en 3D, une imprimante 3D avec du filament, "
                   "trois armes à feu sans restriction et des munitions.", language="fr")
    assert found["firearms_total"] == 5
    assert record("Police seized two pistols among the three firearms found in Leeds.")["firearms_total"] == 3


def test_finds_at_the_end_of_the_search_add_up():
    found = record("Le 5 juin, les agents ont découvert deux armes à feu lors de la fouille initiale d'un camion. À "
                   "l'issue de la fouille, les agents ont découvert et saisi 38 chargeurs et 4 armes à feu.",
                   language="fr")
    assert found["firearms_total"] == 6


def test_another_of_a_calibre_is_one_more_of_the_firearm_before():
    found = record("Se logró el decomiso de tres fusiles de diferente calibre, un revólver calibre 22, otro calibre "
                   "38 especial y siete cargadores.", language="es")
    assert found["firearms_by_type"] == {"rifle": 3, "revolver": 2}
    assert found["firearms_total"] == 5


def test_the_arms_of_another_incident_told_in_the_same_report_add_up():
    found = record("Police have arrested five suspects. The two suspects were found in possession of two unlicensed "
                   "firearms.\nIn another incident, three suspects were arrested after being found in possession of "
                   "three unlicensed firearms.")
    assert found["firearms_total"] == 5


@pytest.mark.parametrize("text, language, field, expected", [
    ("En la Hacienda El Cordero, elementos de Fuerza Armada ubicaron dos trabucos y tres cartuchos calibre 12. "
     "Mientras que, en el paso fronterizo Catarina, personal del Comando Sumpul ubicó 64 cartuchos calibre 5.56 mm.",
     "es", "ammunition_rounds", 67),
    ("Police seized two pistols in a house in Leeds. In a separate operation, officers recovered three rifles.",
     "en", "firearms_total", 5),
    ("On 10 April, police in Masvingo recovered a G3 firearm and ten G3 rounds.\n\nThe police said further "
     "investigations led to the recovery of a 303 rifle at Lupane.", "en", "firearms_total", 2),
])
def test_a_find_told_at_another_place_or_in_a_separate_operation_adds_up(text, language, field, expected):
    assert record(text, language=language)[field] == expected


def test_a_later_find_that_counts_a_new_type_adds_all_its_counts():
    found = record("The Assam Rifles recovered a large cache of arms in Saikumphai village.\n\nIn a house the troops "
                   "seized one 12 Bore rifle, one pistol and several rounds of ammunition.\n\nIn the adjoining forest "
                   "the team unearthed a hidden cache. The recovery included one G3 Assault Rifle, two sniper rifles "
                   "and two shotguns.")
    assert found["firearms_by_type"] == {"rifle": 4, "pistol": 1, "shotgun": 2}
    assert found["firearms_total"] == 7


def test_a_later_retelling_of_the_same_types_adds_nothing():
    found = record("The troops searched a house.\n\nThey seized two pistols and a rifle.\n\nThe two pistols and the "
                   "rifle were sent for ballistic tests.")
    assert found["firearms_total"] == 3
