import pytest

from .helpers import field_value, record


def test_over_n_rounds_is_n():
    assert record("Police seized over 10,000 rounds of ammunition in Lagos.")["ammunition_rounds"] == 10000
    assert record("Se intervinieron más de 17.000 cartuchos en Navarra.", language="es")["ammunition_rounds"] == 17000


def test_cases_projectiles_and_boxes_are_not_rounds():
    found = record("Les douaniers ont découvert 37 000 cartouches et 30 000 douilles et ogives à Metz.",
                   language="fr")
    assert found["ammunition_rounds"] == 37000
    assert record("Officers found 70 boxes of ammunition in Leeds.")["ammunition_rounds"] is None


def test_breakdown_in_one_sentence_adds_up():
    found = record("Les gendarmes ont saisi 43 cartouches de 7,65 mm, 15 cartouches de calibre .38 ainsi que "
                   "8 munitions de 7,62 mm à Abidjan.", language="fr")
    assert found["ammunition_rounds"] == 66


def test_stated_total_before_its_breakdown():
    found = record("Officers seized 368 rounds of ammunition at the Port of Wilmington.\nThe boxes contained 248 "
                   "rounds of .22 caliber, 100 rounds of 9 MM and 20 rounds of .45 caliber ammunition.")
    assert found["ammunition_rounds"] == 368


def test_parts_counted_not_accessories():
    found = record("Three AR-15-type bolt carriers and one AR-15-type lower receiver were seized in Sydney, with "
                   "two scopes.")
    assert found["parts_components"] == 4
    assert found["firearms_total"] is None


def test_dozens_of_parts_is_no_count():
    assert record("Police seized dozens of gun parts and two silencers in Leeds.")["parts_components"] == 2


def test_empty_cartridges_are_not_rounds_and_the_exact_figure_beats_the_rounded_one():
    found = record("Les gendarmes ont saisi 137 cartouches et 10 cartouches vides à Taza.", language="fr")
    assert found["ammunition_rounds"] == 137
    found = record("Officers seized over 60 000 rounds of ammunition in Romania.\nResults:\n- 60 192 rounds of "
                   "ammunition;\n- 107 arrests.")
    assert found["ammunition_rounds"] == 60192


def test_a_part_fitted_to_a_counted_gun_is_not_counted_apart():
    found = record("Officers recovered a blank firing handgun, with a barrel converted to fire live ammunition, at "
                   "Dover.")
    assert found["parts_components"] is None
    assert found["firearms_total"] == 1


def test_parts_named_in_french_and_spanish_are_counted():
    found = record("Les enquêteurs ont saisi deux pistolets et 150 pièces détachées d'armes à Lyon.", language="fr")
    assert found["parts_components"] == 150 and found["firearms_total"] == 2
    found = record("La policía decomisó 300 piezas de armas de fuego y cinco cargadores en Bogotá.", language="es")
    assert found["parts_components"] == 300 and found["firearms_total"] is None


def test_pieces_of_rifles_in_english_are_rifles():
    found = record("Customs intercepted 661 pieces of pump-action rifles at Lagos port.")
    assert found["firearms_total"] == 661 and found["parts_components"] is None


def test_named_parts_after_including_are_inside_the_count_of_parts():
    found = record("Agents recovered 14 firearm parts, including 6 barrels, and four pistols in Phoenix.")
    assert found["parts_components"] == 14
    found = record("Les douaniers ont saisi 12 canons, 4 culasses et 3 silencieux à Marseille.", language="fr")
    assert found["parts_components"] == 19


def test_a_count_over_years_is_no_seizure_of_parts():
    found = record("ATF warned of conversion devices. In the last five years, ATF has recovered more than 31,000 "
                   "machine gun conversion devices.")
    assert found["parts_components"] is None


@pytest.mark.parametrize("text, lang, expected", [
    ("Deux millions de cartouches ont été saisies au port du Havre.", "fr", 2_000_000),
    ("La Guardia Civil incautó 1,5 millones de cartuchos en Valencia.", "es", 1_500_000),
    ("Se decomisaron medio millón de cartuchos en Sonora.", "es", 500_000),
])
def test_millions_of_rounds(text, lang, expected):
    assert record(text, language=lang)["ammunition_rounds"] == expected


def test_dynamite_cartridges_are_not_rounds():
    found = record("Los agentes incautaron una pistola y siete cartuchos de dinamita en Lima.", language="es")
    assert found["ammunition_rounds"] is None


def test_a_barrel_as_a_container_is_no_part():
    found = record("Police seized four assault rifles after a search of a sealed barrel at the port.")
    assert found["parts_components"] is None
    assert record("Police seized a rifle barrel and a pistol in Leeds.")["parts_components"] == 1


def test_items_suspected_to_be_gun_parts_are_counted():
    found = record("Police are investigating a parcel containing 20 items suspected to be gun parts, seized at the "
                   "airport.")
    assert found["parts_components"] == 20


def test_spanish_conversion_kits_are_parts():
    found = record("Se incautaron 40 piezas para armas de fuego y dos kits de conversión en Bogotá.", language="es")
    assert found["parts_components"] == 42


def test_a_part_noun_in_the_next_sentence_is_not_counted():
    found = record("Police seized two pistols and a digital file. 3D-printed gun parts are used overseas.")
    assert found["parts_components"] is None


def test_a_count_lumping_parts_with_ammunition_is_no_parts_count():
    found = record("Authorities seized some 6 000 firearm parts, components, ammunition and explosives in Mali.")
    assert found["parts_components"] is None
    assert record("Border Force seized 94 firearm parts and accessories at Dover.")["parts_components"] is None
    assert record("Border Force seized 94 firearm parts and 3 pistols at Dover.")["parts_components"] == 94


def test_a_count_lumping_rifles_with_parts_gives_no_type():
    found = record("L'opération a conduit à la saisie de plus de 400 armes à feu (dont plus de 250 fusils, pièces et "
                   "composants).", language="fr")
    assert found["firearms_total"] == 400
    assert found["firearms_by_type"] is None


def test_shipping_barrels_are_containers():
    found = record("CBP identified a shipment with two blue shipping barrels said to contain personal effects; "
                   "officers seized two rifles and 115 pistols.")
    assert found["parts_components"] is None
    assert found["firearms_total"] == 117


@pytest.mark.parametrize("text, lang, expected", [
    ("CBP officers seized 30 MCDs at the mail facility in Chicago.", "en", 30),
    ("La Guardia Civil intervino 12 silenciadores y 4 supresores en Málaga.", "es", 16),
    ("Les douaniers ont saisi 35 pièces essentielles d'armes à feu au Havre.", "fr", 35),
])
def test_more_part_words(text, lang, expected):
    assert record(text, language=lang)["parts_components"] == expected


def test_a_rounded_count_yields_to_the_exact_list_that_sums_it():
    found = record("Police found more than 600 rounds of ammunition in a barrel at the wharf.\n\nAmmunition found\n\n"
                   "  • 243 – 9mm bullets\n  • 100 – 5.56 bullets\n  • 100 – 7.62 bullets\n  • 130 – .40 bullets\n"
                   "  • 50 – .45 bullets")
    assert found["ammunition_rounds"] == 623


def test_a_rounded_total_of_two_seizures_yields_to_their_exact_sum():
    found = record("Agents recently seized more than 6,400 rounds of ammunition headed into Mexico. The first seizure "
                   "took place on Thursday, when officers discovered 6,380 rounds of ammunition in a vehicle. On "
                   "Friday, CBP officers seized a handgun and 34 rounds of ammunition.")
    assert found["ammunition_rounds"] == 6414


def test_rounds_of_12_gauge_cartridges_count_once():
    found = record("They found 19 rounds of 9mm ammunition, 156 rounds of 12 gauge cartridges and 925 rounds of .223 "
                   "ammunition in a suitcase.")
    assert found["ammunition_rounds"] == 1100


def test_finds_of_a_follow_up_search_add_up():
    found = record("Police arrested 20 men in Johor Baru. They said officers found only a pistol and 6,000 rounds of "
                   "ammunition in the river. Follow-up operations at the manager's house led to the discovery of 582 "
                   "live ammunition of various calibre.")
    assert found["ammunition_rounds"] == 6582


def test_bolt_action_rifles_are_no_bolts():
    found = record("Police seized 3 bolt action rifles in Leeds.")
    assert found["parts_components"] is None
    assert found["firearms_by_type"] == {"rifle": 3}


@pytest.mark.parametrize("text, lang", [
    ("Raids against gun smuggling took place in three parts of the country; police seized two pistols.", "en"),
    ("Las dos partes acordaron el operativo; la policía incautó dos pistolas.", "es"),
    ("Se incautaron dos pistolas y 3 mil piezas de ropa en Tijuana.", "es"),
    ("Police seized two pistols within a short time frame in Leeds.", "en"),
])
def test_bare_part_words_outside_a_firearm_context_are_no_parts(text, lang):
    found = record(text, language=lang)
    assert found["parts_components"] is None
    assert found["firearms_total"] == 2


@pytest.mark.parametrize("text, lang, expected", [
    ("Police seized 300 parts used to assemble firearms in Leeds.", "en", 300),
    ("Se incautaron 50 piezas para pistolas en Bogotá.", "es", 50),
    ("Les douaniers ont saisi 40 composants d'armes au Havre.", "fr", 40),
])
def test_part_words_beside_a_firearm_word_count(text, lang, expected):
    assert record(text, language=lang)["parts_components"] == expected


def test_eighty_percent_lowers_are_counted_parts():
    found = record("ATF agents seized 25 80% lower receivers and two rifles in Phoenix.")
    assert found["parts_components"] == 25
    assert found["firearms_total"] == 2


def test_magazine_capacities_are_no_rounds():
    found = record("Officers uncovered a rifle and three overcapacity magazines that can hold 30 rounds each.")
    assert found["ammunition_rounds"] is None
    found = record("La policía incautó una pistola y 5 cargadores de 30 cartuchos.", language="es")
    assert found["ammunition_rounds"] is None


def test_blank_rounds_and_vague_thousands_are_not_counted():
    found = record("Police found more than a hundred rounds of live ammunition and around a thousand rounds of "
                   "blank-firing ammunition.")
    assert found["ammunition_rounds"] == 100
    assert record("Officers seized several thousand rounds of ammunition and 5 rifles.")["ammunition_rounds"] is None


def test_rounds_in_packs_are_the_product_unless_a_count_restates_them():
    assert record("Police seized 30 boxes of 20 rounds and 2 pistols.")["ammunition_rounds"] == 600
    assert record("Les douaniers ont intercepté 9 cartons de 25 munitions chacun dans un bus.",
                  language="fr")["ammunition_rounds"] == 225
    assert record("La Sucamec incautó 1,000 municiones que estaban distribuidas en 20 cajas de 50 cartuchos.",
                  language="es")["ammunition_rounds"] == 1000


def test_a_number_restated_in_words_with_spaces_and_a_calibre_between_words_and_noun():
    found = record("Ils découvrent 10 ( dix) kalachnikovs, 935 ( neuf cent trente cinq) munitions.", language="fr")
    assert found["firearms_total"] == 10 and found["ammunition_rounds"] == 935
    assert record("They found 16 pistols and one 9 millimetre round of ammunition.")["ammunition_rounds"] == 1


def test_a_sentence_recalling_an_earlier_seizure_counts_nothing():
    found = record("Police have seized 16 more firearms at Kingston Wharf. This follows the recovery of 10 guns and "
                   "640 rounds of ammunition at the port on Tuesday.")
    assert found["ammunition_rounds"] is None and found["firearms_total"] == 16


def test_more_rounds_of_another_calibre_with_the_noun_unsaid():
    assert field_value("Police seized ammunition: 120 rounds of 7.62mm, 80 of 5.56mm and 30 of 9mm.",
                       "ammunition_rounds") == 230
    assert field_value("Les gendarmes ont saisi 300 cartouches de 9 mm et 200 de calibre 12.", "ammunition_rounds",
                       language="fr") == 500
    assert field_value("Police seized 50 rounds of 9mm and 2 pistols.", "ammunition_rounds") == 50


def test_ammo_and_rds_are_rounds():
    assert field_value("Police seized a pistol and 12 ammo.", "ammunition_rounds") == 12
    assert field_value("Police seized two rifles and 600 rds of ammunition.", "ammunition_rounds") == 600


def test_parts_listed_together_count_one_each():
    assert field_value("Police seized a slide, a barrel and a frame.", "parts_components") == 3
    assert field_value("Les douaniers ont saisi un canon, une culasse et une carcasse de pistolet.",
                       "parts_components", language="fr") == 3
    assert field_value("Police found a sealed barrel of oil and a pistol.", "parts_components") is None


def test_rounds_each_more_and_among():
    assert field_value("Officers found 12 rounds in the pistol's magazine and 40 more in a bag.",
                       "ammunition_rounds") == 52
    assert field_value("Police seized 1,500 rounds of ammunition of various calibres, including 500 rounds of 9mm.",
                       "ammunition_rounds") == 1500
    assert field_value("Police recovered two pistols loaded with 15 rounds each.", "ammunition_rounds") == 30
    assert field_value("Police seized 500 rounds (9mm) and 300 cartridges.", "ammunition_rounds") == 800
    assert field_value("Se decomisaron 500 cartuchos calibre 9 mm y otros 200 calibre 38.", "ammunition_rounds",
                       language="es") == 700


def test_uppers_and_lightning_links_are_parts():
    assert field_value("Police seized 14 uppers and 10 lowers.", "parts_components") == 24
    assert field_value("Police seized 10 drop-in auto sears and 5 lightning links.", "parts_components") == 15


def test_bolt_covers_and_springs_are_not_parts():
    assert field_value("The officers seized four AK-47 rifles, four AK-47 bolts, four AK-47 bolt covers, four AK-47 "
                       "bolt springs and six magazines.", "parts_components") == 4


def test_the_gun_a_part_belongs_to_is_not_counted():
    found = record("The Army recovered an M16 rifle, an upper receiver of a Garand rifle, a shotgun and three "
                   "magazines for an M16 rifle with 136 rounds of ammunition in Mansalay.")
    assert found["firearms_by_type"] == {"rifle": 1, "shotgun": 1}
    assert found["parts_components"] == 1


def test_a_bullet_proof_vest_is_no_bullet():
    found = record("The search resulted in eleven rounds of assorted ammunition, three smoke canisters and one "
                   "bullet proof vest being discovered.")
    assert found["ammunition_rounds"] == 11


def test_an_exact_count_beats_the_rounded_one_before_it():
    found = record("La Sedena incautó cerca de 3 millones de cartuchos en Navojoa. Entre lo asegurado figuran 2 millones "
                   "829 mil 950 cartuchos de diversos calibres y 128 armas largas.", language="es")
    assert found["ammunition_rounds"] == 2829950


@pytest.mark.parametrize("text, expected", [
    ("Se incautaron 11 partes de un fusil Galil en Bogotá.", 11),
    ("La policía incautó una pistola y un cañón para arma larga tipo M16 en Quito.", 1),
])
def test_spanish_parts_of_a_gun(text, expected):
    assert record(text, language="es")["parts_components"] == expected


def test_parts_named_after_a_model_and_its_noun():
    found = record("The investigation resulted in the seizure of eight complete firearms, 14 Glock pistol receivers and "
                   "a Glock barrel in Sydney.")
    assert found["parts_components"] == 15
    assert found["firearms_total"] == 8


def test_rounds_per_box_are_no_count_and_an_exact_figure_a_quarter_over_more_than_is_taken():
    found = record("Saisie de plus de 3000 cartouches de calibre 12 à Bondoukou.\nLes agents ont découvert 3750 "
                   "cartouches de calibre 12 mm, soit 250 cartouches par carton.", language="fr")
    assert found["ammunition_rounds"] == 3750


@pytest.mark.parametrize("text, language", [
    ("Police seized a pistol with a silencer.", "en"),
    ("Agentes de la Guardia Civil intervinieron una pistola con silenciador y munición.", "es"),
    ("Les policiers ont saisi un pistolet mitrailleur scorpio monté avec un silencieux.", "fr"),
])
def test_a_silencer_fitted_to_a_gun_is_a_part_all_the_same(text, language):
    assert record(text, language=language)["parts_components"] == 1


@pytest.mark.parametrize("text, language, expected", [
    ("Los agentes encontraron una pistola cargada con cinco cartuchos, además de otros cinco más en el exterior.",
     "es", 10),
    ("Officers found a pistol with 12 rounds in the magazine and forty more in a bag.", "en", 52),
])
def test_more_rounds_told_with_their_noun_unsaid_in_words(text, language, expected):
    assert record(text, language=language)["ammunition_rounds"] == expected


def test_a_barrel_tube_and_a_barrel_of_a_shotgun_are_parts():
    found = record("La Prefectura secuestró 16 municiones de fusil calibre 308; un tubo cañón de escopeta calibre 14; "
                   "un cañón de escopeta calibre 32 y dos culatas.", language="es")
    assert found["parts_components"] == 2


def test_one_firearm_part_named_in_the_singular_is_one_part():
    found = record("Customs found three packages in a truck. The packages contained a suspected rifle, a suspected "
                   "firearm part and 80 bullets.")
    assert (found["parts_components"], found["ammunition_rounds"]) == (1, 80)
    assert record("Officers seized a gun part and two pistols in a parcel.")["parts_components"] == 1


def test_a_part_named_after_other_parts_adds_to_them_and_frames_are_parts_in_spanish():
    found = record("The raid uncovered numerous illegal items, including 3D printers, twelve 3D-printed handgun lowers "
                   "and five rifle lowers. However, the most concerning discovery was a 3D-printed Glock switch, a "
                   "device capable of converting handguns.")
    assert found["parts_components"] == 18
    assert record("Police seized a silencer in Leeds. In all, six silencers were seized.")["parts_components"] == 6
    found = record("En el marco de la operación se decomisaron 106 armas de fuego, 7 cañones y 4 marcos.",
                   language="es")
    assert found["parts_components"] == 11


def test_ammunition_pouches_and_boxes_are_no_rounds():
    found = record("Police found 100 rounds of .22 ammunition, 3 ammunition pouches, one black ammunition box and "
                   "2 ammunition cans in Arima.")
    assert found["ammunition_rounds"] == 100


@pytest.mark.parametrize("text, parts", [
    ("Officers in Memphis, Tennessee seized 40 devices used to turn semi-automatic handguns fully automatic.", 40),
    ("Police in Leeds seized 12 devices that convert pistols into fully automatic weapons.", 12),
])
def test_devices_told_as_making_guns_automatic_are_conversion_parts(text, parts):
    assert record(text)["parts_components"] == parts


def test_digits_after_a_number_in_words_name_the_calibre_and_a_hyphenated_brand_is_no_article():
    found = record("Customs officers in Belize found eleven 204 Ruger brand rounds and forty A-Merc rounds in a "
                   "container at the port.")
    assert found["ammunition_rounds"] == 51


def test_a_calibre_in_millimetres_spelt_out_counts_no_part():
    found = record("En Cúcuta los agentes incautaron una pistola y 72 municiones 9 milímetros entre otras piezas de "
                   "armamento.", language="es")
    assert found["ammunition_rounds"] == 72
    assert found["parts_components"] is None
