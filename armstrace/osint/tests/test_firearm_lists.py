"""Counts by type and the total they make: counts inside counts, lists of types, makes and models, arms that are
no seizure (sold, parts' guns)."""

import pytest

from armstrace.osint.extraction import extract

from .helpers import field_value, record


def _types(text, language="en"):
    found = extract(text, language=language).fields["firearms_by_type"]
    return {key: value.value for key, value in found.items()}


@pytest.mark.parametrize("text, language", [
    ("Police seized 5 rifles, including 3 AK-47s, and a shotgun.", "en"),
    ("Se incautaron 5 fusiles, entre ellos 3 fusiles AK-47, y una escopeta.", "es"),
    ("Ont été saisis 5 fusils d'assaut, dont 3 kalachnikovs, et un fusil de chasse.", "fr"),
])
def test_a_count_within_a_count_of_the_same_type_is_not_added(text, language):
    found = record(text, language=language)
    assert found["firearms_by_type"] == {"rifle": 5, "shotgun": 1}
    assert found["firearms_total"] == 6


def test_a_breakdown_in_brackets_does_not_add_to_its_type():
    assert _types("Police seized 4 pistols (3 Glocks and a Beretta) in Leeds.") == {"pistol": 4}


def test_rifle_and_shotgun_models_and_dane_guns_are_typed():
    assert _types("Police seized a Mini-14, an SKS and a Mossberg 500 shotgun.") == {"rifle": 2, "shotgun": 1}
    assert _types("Police seized two Galil rifles and an M1 carbine.") == {"rifle": 3}
    assert _types("Police recovered two Dane guns and 10 cartridges in Kumasi.") == {"other": 2}


def test_a_model_number_in_brackets_after_a_make_is_no_count():
    assert _types("Customs seized two rifles and one (1) new Taurus (63 pistol) in Lagos.") == {"rifle": 2}


def test_a_count_after_a_closed_aside_is_added():
    assert _types("Les unités ont découvert un fusil de chasse démonté, 2 fusils de chasse à pompe (dont un "
                  "utilisable), un fusil de chasse de calibre 12 mm démonté.", "fr") == {"shotgun": 4}


def test_kalaches_and_kalashnikov_type_submachine_guns_are_rifles():
    assert _types("La police a intercepté 18 Kalaches et 9 PA dans un bus.", "fr") == {"rifle": 18, "pistol": 9}
    assert _types("L'armée a récupéré 3 pistolets mitrailleurs de type Kalachnikov.", "fr") == {"rifle": 3}
    assert _types("Saisie de 2 pistolets mitrailleurs et un kalach.", "fr") == {"submachine_gun": 2, "rifle": 1}


def test_a_count_of_weapons_amid_typed_counts_is_one_item_of_the_list():
    found = record("La operación ha permitido la incautación de 44 armas cortas (pistolas y revólveres); 18 armas de "
                   "guerra (fusiles de asalto y subfusiles); 2 armas largas (fusil y escopeta); 1 arma de fuego de "
                   "fabricación artesanal; 3 granadas de mano y 3 silenciadores.", language="es")
    assert found["firearms_total"] == 65
    assert found["firearms_by_type"] == {"handgun_unspecified": 44, "long_gun_unspecified": 2, "other": 1}


def test_a_noun_before_a_dash_and_an_m60_are_typed():
    assert _types("Los uniformados secuestraron 54 armas de fuego -entre ellas 20 pistolas y 7 revólveres- en "
                  "Zavaleta.", "es") == {"pistol": 20, "revolver": 7}
    assert _types("Se encontraron un arma de grueso calibre M60 y una escopeta calibre 12.", "es") == {
        "machine_gun": 1, "shotgun": 1}


def test_firearms_believed_to_be_of_a_type_take_that_type():
    assert _types("In the course of this search, two firearms, believed to be machine guns, and a quantity of "
                  "ammunition were located and seized.") == {"machine_gun": 2}


def test_bazookas_and_ak_56s_are_typed():
    assert _types("Les douaniers ont saisi 2 bazooka, 1 lance roquette et 3 pistolets.", "fr") == {
        "light_weapon": 3, "pistol": 3}
    assert _types("Un lot composé de 11 armes dont 8 fusils d'assaut AK-47, 2 fusils AK-56 et un pistolet "
                  "mitrailleur Uzi a été saisi.", "fr") == {"rifle": 10, "submachine_gun": 1}


def test_arms_a_network_sold_are_not_seized():
    assert field_value("Un réseau a été démantelé à Conakry. En cinq ans, au moins 2000 armes ont été revendues à des "
                       "particuliers.", "firearms_total", language="fr") is None
    assert field_value("Les gendarmes ont saisi 12 armes qui devaient être revendues.", "firearms_total",
                       language="fr") == 12


@pytest.mark.parametrize("text, language, expected", [
    ("Se han intervenido 49 pistolas y revólveres, cinco subfusiles y cuatro armas largas.", "es",
     {"handgun_unspecified": 49, "submachine_gun": 5, "long_gun_unspecified": 4}),
    ("Les gendarmes ont saisi 5 fusils ou carabines.", "fr", {"long_gun_unspecified": 5}),
    ("Police seized 12 rifles and shotguns in Leeds.", "en", {"long_gun_unspecified": 12}),
    ("Police seized 31 rifles, pistols and other weapons in Leeds.", "en", {}),
])
def test_a_count_of_two_types_together_is_of_their_broader_type(text, language, expected):
    found = record(text, language=language)
    assert (found["firearms_by_type"] or {}) == expected
    assert found["firearms_total"] == {"es": 58, "fr": 5, "en": 12 if expected else 31}[language]


def test_long_and_short_arms_between_dashes_and_grenade_launchers_not_counted_apart():
    found = record("Lograron asegurar un arsenal compuesto por 21 armas de fuego —19 largas y 2 cortas—, un "
                   "lanzagranadas y 5,839 cartuchos.", language="es")
    assert found["firearms_by_type"] == {"long_gun_unspecified": 19, "handgun_unspecified": 2}
    assert found["firearms_total"] == 21


def test_the_exact_count_told_later_replaces_a_hedged_total():
    assert record("En la operación se han intervenido más de 300 armas de fuego. Además de las 339 armas, han sido "
                  "intervenidos 37.000 cartuchos.", language="es")["firearms_total"] == 339


def test_a_calibre_in_words_is_no_count():
    assert _types("The weapons were identified as a nine millimetre Springfield pistol and a .38 special revolver.") == {
        "pistol": 1, "revolver": 1}
    assert _types("A search turned up a prohibited .45-calibre pistol, a prohibited nine-millimetre pistol and a "
                  "12-gauge shotgun.") == {"pistol": 2, "shotgun": 1}


def test_parts_for_rifles_and_stolen_rifles_are_not_seized_rifles():
    found = record("La Policía informó la incautación de partes para 14 fusiles y al menos 10 armas de fuego en el "
                   "aeropuerto El Dorado.", language="es")
    assert found["firearms_total"] == 10 and not found["firearms_by_type"]
    found = record("La banda sustrajo un total de 35 fusiles AK 47 de una armería. La policía recuperó tres fusiles.",
                   language="es")
    assert found["firearms_total"] == 3


def test_a_line_break_between_a_number_and_its_noun_and_a_total_made_up_of_a_list():
    found = record("Las 27 armas de fuego completas incautadas estaban conformadas por 6\nrevólveres, 8 escopetas y 13 "
                   "pistolas.", language="es")
    assert found["firearms_by_type"] == {"revolver": 6, "shotgun": 8, "pistol": 13}
    assert found["firearms_total"] == 27


def test_a_bulleted_firearm_without_a_number_is_one():
    found = record("La Policía ocupó:\n• Pistola Glock 27, generación 5, calibre .40\n• Pistola P80\n• 7 cargadores\n"
                   "• Silenciador\n• 71 municiones .40", language="es")
    assert found["firearms_by_type"] == {"pistol": 2}
    assert found["parts_components"] is None
    assert found["ammunition_rounds"] == 71


def test_an_uncounted_kind_listed_with_its_article_leaves_no_total():
    found = record("Deux lance-roquettes RPG, des kalachnikovs, des fusils-mitrailleurs et des munitions ont été "
                   "saisis mardi à Abidjan.", language="fr")
    assert found["firearms_total"] is None
    assert found["firearms_by_type"] == {"light_weapon": 2}
    assert record("Police seized three AK-47 rifles, several pistols and ammunition in Lomé.")["firearms_total"] is None


def test_nouns_that_explain_a_count_or_belong_to_another_leave_the_total():
    found = record("Les douaniers ont saisi chez lui :\n- 28 armes de poing : revolvers et pistolets\n- 17 fusils\n"
                   "- 66 chargeurs de pistolets et pistolets mitrailleurs\n- 2288 cartouches", language="fr")
    assert found["firearms_total"] == 45
    assert found["firearms_by_type"] == {"handgun_unspecified": 28, "long_gun_unspecified": 17}


def test_arms_added_after_a_typed_count_are_summed():
    found = record("La sécurité a saisi un arsenal, dont 1 400 pistolets turcs, ainsi que trois armes automatiques et "
                   "mille munitions.", language="fr")
    assert found["firearms_total"] == 1403


def test_arms_found_and_destroyed_on_the_spot_are_a_seizure():
    found = extract("Au total, 30 armes, dont un PKM et 29 AK-47, ont été découvertes et détruites par les FARDC dans "
                    "une cache de la milice en Ituri.", language="fr")
    assert found.relevant and found.record()["firearms_total"] == 30
    assert not extract("Les 300 armes saisies l'an dernier ont été détruites hier à Kinshasa.", language="fr").relevant


def test_arms_of_type_aka_are_rifles():
    assert record("Cinq armes de type AKA ont été découvertes, ce samedi, au quartier Bikuku à Kananga.",
                  language="fr")["firearms_by_type"] == {"rifle": 5}


def test_a_lead_count_retold_with_other_arms_is_not_added_twice():
    found = record("L'équipe annonce que 45 personnes ont été arrêtées et 440 armes à feu saisies.\nLes policiers ont "
                   "effectué 64 perquisitions et saisi 440 armes à feu, dont des armes de poing, ainsi que d'autres "
                   "armes.", language="fr")
    assert found["firearms_total"] == 440


def test_two_colours_joined_by_and_describe_one_firearm():
    found = record("In the suitcase they found one black AR rifle, one black and blue AR rifle and one Taurus 9mm "
                   "pistol.")
    assert found["firearms_by_type"] == {"rifle": 2, "pistol": 1}
    assert found["firearms_total"] == 3


def test_a_typed_item_of_a_bulleted_list_is_no_breakdown_of_the_item_above():
    found = record("Los efectivos lograron incautar drogas y armas.\n\nDetalle incautaciones\n- 2 armas de fuego "
                   "cortas\n- 2 armas de fuego largas\n- 1 rifle con calibre modificado\n- cargadores", language="es")
    assert found["firearms_by_type"] == {"handgun_unspecified": 2, "long_gun_unspecified": 2, "rifle": 1}
    assert found["firearms_total"] == 5


def test_an_item_opened_by_its_calibre_without_an_article_counts_one():
    found = record("Police in Mapumulo arrested two suspects for possession of unlicensed firearms. The suspects were "
                   "arrested for possession of 9mm Norinco Star pistol, .38 Special revolver, one magazine and ten "
                   "rounds of ammunition, and 9mm pistol ammunition was also recovered.")
    assert found["firearms_by_type"] == {"pistol": 1, "revolver": 1}
    assert found["ammunition_rounds"] == 10
