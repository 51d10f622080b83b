"""What a seizure story counts that is no firearm: calibres said aloud, blank-firing guns, stolen guns, a
licence, a part described as half a gun, accessories named after a model, a statistic's breakdown."""

import pytest

from .helpers import record


def test_a_calibre_said_as_point_and_a_number_is_no_count():
    found = record("Police found a point twenty-two pistol and a point 38 revolver in a house in Belmopan.")
    assert found["firearms_total"] == 2
    assert found["firearms_by_type"] == {"pistol": 1, "revolver": 1}


@pytest.mark.parametrize("text, language", [
    ("Officers retrieved a Kuzey A100 blank pistol and 58 rounds of 9mm blank ammunition in Accra.", "en"),
    ("Les policiers ont saisi un pistolet à blanc et 20 cartouches à blanc à Lyon.", "fr"),
    ("Los agentes incautaron una pistola de fogueo y 20 cartuchos de fogueo en Madrid.", "es"),
])
def test_blank_firing_guns_and_blank_rounds_are_not_counted(text, language):
    found = record(text, language=language)
    assert found["firearms_total"] is None
    assert found["ammunition_rounds"] is None


def test_converted_blank_firing_guns_are_counted():
    assert record("Police seized two converted blank-firing pistols in Leeds.")["firearms_total"] == 2
    assert record("Los agentes incautaron dos armas detonadoras transformadas en Madrid.",
                  language="es")["firearms_total"] == 2


def test_guns_reported_stolen_and_a_firearms_licence_are_no_seizure():
    found = record("A burglary was reported at a Dunedin address. A total of 28 firearms were reported as stolen, "
                   "comprising five rifles and 23 handguns. The owner is a firearms licence holder. Police want to "
                   "recover any firearm in the wrong hands.")
    assert found["firearms_total"] is None
    assert record("The owner is a firearms licence holder. Police seized two pistols.")["firearms_total"] == 2


def test_half_of_a_pistol_describes_a_part():
    found = record("Police seized six lower receivers - essentially the lower half of a pistol - in Buffalo.")
    assert found["firearms_total"] is None
    assert found["parts_components"] == 6


def test_a_breakdown_of_a_year_so_far_is_a_statistic_too():
    found = record("Israel Police's northern district has seized some 400 weapons since the beginning of the year. Out "
                   "of the over 400 weapons seized, 279 were firearms, 162 pistols, and 117 rifles. Over the weekend, "
                   "police seized six weapons from Nahf: two pistols, two M-16 rifles and two machine pistols.")
    assert found["firearms_total"] == 6
    assert found["firearms_by_type"] == {"pistol": 2, "rifle": 2, "submachine_gun": 2}


def test_a_glock_magazine_or_laser_with_its_model_number_is_no_pistol():
    found = record("Officers found 589 rounds, 1 glock 17 optical guide laser, 1 glock 17 magazine and 1 glock 17 "
                   "extended magazine in Mon Repos.")
    assert found["firearms_total"] is None
    assert record("Officers seized 1 Glock 17 pistol and 2 Glock 19 in Leeds.")["firearms_total"] == 3


def test_replicas_listed_by_model_and_a_bb_gun_that_looked_real_are_no_firearms():
    found = record("Avondale police have seized more than 25 replicas of military-style weapons during a traffic stop. "
                   "The type of replica weapons seized include an MP-5 machine gun, an UZI machine gun and an AK-47 "
                   "rifle.")
    assert found["firearms_total"] is None
    found = record("Police urge anyone owning a replica that looks like a real firearm to take care. During a traffic "
                   "stop, officers found what appeared to be a .357 magnum revolver in a car. The revolver was a BB "
                   "gun.")
    assert found["firearms_total"] is None


def test_a_cargo_burnt_in_a_contrasting_clause_does_not_dispose_of_the_arms_seized():
    found = record("L'armée a procédé à l'arrestation de 7 trafiquants et à la saisie d'une arme et de 700 kilogrammes "
                   "de drogue, alors qu'une cargaison de 1800 kilogrammes a été brûlée avec les voitures.", language="fr")
    assert (found["firearms_total"], found["arrests"]) == (1, 7)


@pytest.mark.parametrize("text, language, total", [
    ("Police seized nine guns in Kingston. Six out of the nine guns seized were replicas.", "en", 3),
    ("Police seized nine guns in Kingston. Two of the guns were replicas.", "en", 7),
    ("A Baltimore City drug bust has led to the discovery of a mini arsenal, including several replica guns.\n"
     "Police recovered a stash during a drug bust Tuesday morning. Six out of the nine guns seized were replicas. "
     "One had a silencer on it.", "en", 3),
    ("La police a saisi neuf armes à Lyon. Deux des armes étaient des répliques.", "fr", 7),
    ("La policía incautó nueve armas en Madrid. Dos de las armas eran de juguete.", "es", 7),
])
def test_guns_the_text_later_calls_replicas_leave_the_total(text, language, total):
    assert record(text, language=language)["firearms_total"] == total
