"""Kinds of firearms named in ways the lexicon reads: craft guns, models, French abbreviations and plurals,
one more of a kind, long guns beside rifles."""

import pytest

from .helpers import record


def test_locally_manufactured_guns_and_an_sa80():
    found = record("Customs intercepted a truck with 73 locally manufactured guns at Yauri, Kebbi State, Nigeria.")
    assert found["firearms_by_type"] == {"other": 73}
    found = record("Police found two AK-47 assault rifles and an SA-80 at a farm in Bearsden. No one has yet been "
                   "arrested.")
    assert found["firearms_by_type"] == {"rifle": 3}
    assert found["arrests"] == 0


def test_a_list_of_long_guns_is_kept_beside_rifles_that_sum_to_it():
    found = record("La saisie porte sur le matériel suivant :\n- 13 chargeurs : pour USM1 et pistolets mitrailleurs,\n"
                   "- 2 fusils Springfield,\n- 1 carabine Erma,\n- 2 fusils Mauser,\n- 1 fusil Thomson,\n"
                   "- 3 carabines USM1,\n- 1 carabine Egmi.", language="fr")
    assert found["firearms_by_type"] == {"long_gun_unspecified": 5, "rifle": 5}
    assert found["firearms_total"] == 10


def test_un_autre_pistolet_is_one_more_and_armes_a_feu_de_poing_are_handguns():
    assert record("Un pistolet a été saisi à Djerba chez un Marocain. Par ailleurs, un autre pistolet automatique a "
                  "été saisi du côté de Gafsa.", language="fr")["firearms_total"] == 2
    assert record("Les policiers ont saisi deux armes à feu de poing à Port-de-Paix.", language="fr")[
        "firearms_by_type"] == {"handgun_unspecified": 2}


def test_french_pm_and_armes_d_epaules():
    found = record("La mission s'est soldée par la récupération de 7 armes à feu dont 5 PM, 1 PA et 1 fusil de chasse "
                   "à Gao. Les agents ont aussi saisi sept armes d'épaules.", language="fr")
    assert found["firearms_by_type"]["submachine_gun"] == 5
    assert found["firearms_by_type"]["long_gun_unspecified"] == 7


def test_spanish_short_and_long_firearms_and_spaced_submachine_guns():
    found = record("Los policías encontraron un arma de fuego corta calibre 40, un arma de fuego corta calibre 9 y "
                   "dos armas de fuego largas. La FANB incautó además seis sub ametralladoras.", language="es")
    assert found["firearms_by_type"] == {"handgun_unspecified": 2, "long_gun_unspecified": 2, "submachine_gun": 6}


def test_single_barrel_guns_are_guns_and_gauged_double_barrel_shotguns_are_shotguns():
    found = record("The police retrieved six locally manufactured pistols and 8 single barrel guns.")
    assert (found["firearms_total"], found["parts_components"]) == (14, None)
    found = record("Police intercepted a shipment holding 150 12-gauge shotguns, 9 double-barrel 12-gauge shotguns "
                   "and 5 M4 rifles.")
    assert found["firearms_by_type"] == {"shotgun": 159, "rifle": 5}


def test_long_arm_firearms_are_long_guns():
    found = record("Searches uncovered three unregistered long-arm firearms and one sawn off rifle.")
    assert found["firearms_by_type"] == {"long_gun_unspecified": 3, "rifle": 1}


@pytest.mark.parametrize("text, language", [
    ("En un control vial en el sector de Mina Vieja la Policía incautó tres lanzagranadas modelo RPG calibre 40mm "
     "y capturó a una pareja.", "es"),
    ("Les militaires ont saisi trois lance-grenades de type RPG-7 à Ingall et interpellé deux suspects.", "fr"),
    ("Soldiers seized three grenade launchers of the RPG type near Maiduguri and arrested two suspects.", "en"),
])
def test_a_grenade_launcher_of_the_rpg_model_is_a_light_weapon(text, language):
    found = record(text, language=language)
    assert found["firearms_by_type"] == {"light_weapon": 3}
    assert found["firearms_total"] == 3


def test_long_barrel_weapons_are_long_guns_not_barrels():
    found = record("Police in Lagos seized three long barrel weapons and two pistols at a checkpoint.")
    assert found["firearms_by_type"] == {"long_gun_unspecified": 3, "pistol": 2}
    assert found["parts_components"] is None
