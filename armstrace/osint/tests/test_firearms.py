import pytest

from armstrace.osint.extraction import extract

from .helpers import field_value, record


def test_air_guns_replicas_and_knives_are_not_firearms():
    found = record("Officers seized 3 air rifles, two replica pistols, 5 knives and a revolver in a raid in Leeds.")
    assert found["firearms_total"] == 1
    assert found["firearms_by_type"] == {"revolver": 1}


def test_magazines_are_neither_firearms_nor_parts():
    found = record("Customs seized 4 pistols and 12 magazines at the port of Dover.")
    assert found["firearms_total"] == 4
    assert found["parts_components"] is None


def test_spanish_magazines_and_air_guns_excluded():
    found = record("Los agentes incautaron 7 armas largas, 35 cargadores y dos pistolas de aire comprimido en "
                   "Sonora.", language="es")
    assert found["firearms_total"] == 7
    assert found["firearms_by_type"] == {"long_gun_unspecified": 7}


def test_no_total_sums_the_list():
    found = record("The weapons included two assault rifles as well as four handguns, seized at Dover.")
    assert found["firearms_total"] == 6
    assert found["firearms_by_type"] == {"rifle": 2, "handgun_unspecified": 4}


def test_stated_total_beats_a_different_breakdown():
    found = record("Police seized 15 firearms in Lyon, including 3 pistols and 2 rifles.")
    assert found["firearms_total"] == 15
    assert found["firearms_by_type"] == {"pistol": 3, "rifle": 2}


def test_type_mapping_in_french():
    found = record("Les gendarmes ont saisi deux fusils de chasse, trois fusils d'assaut, un fusil et quatre "
                   "armes de poing à Nîmes.", language="fr")
    assert found["firearms_by_type"] == {"shotgun": 2, "rifle": 3, "long_gun_unspecified": 1,
                                         "handgun_unspecified": 4}


def test_breakdown_of_handguns_replaces_the_unspecified_count():
    found = record("Les agents ont saisi quatre armes de poing au poste de Coutts :\n- Un revolver;\n- Un revolver;"
                   "\n- Un pistolet;\n- Un pistolet.", language="fr")
    assert found["firearms_by_type"] == {"revolver": 2, "pistol": 2}
    assert found["firearms_total"] == 4


def test_a_weapon_in_a_charge_or_a_rate_is_no_count():
    found = record("The suspect, wanted for assault with a weapon, was released. Officers seized 3 imitation "
                   "firearms.")
    assert found["firearms_total"] is None
    found = record("Se incautaron piezas que permiten disparar 1.100 cartuchos por minuto.", language="es")
    assert found["ammunition_rounds"] is None


def test_a_switch_is_a_part_not_a_pistol():
    found = record("Police found twelve 3D-printed handgun “lowers” and a 3D-printed Glock “switch” in Detroit.")
    assert found["parts_components"] == 13
    assert found["firearms_total"] is None


def test_pistol_magazines_and_rifle_rounds_are_not_firearms():
    found = record("Police seized 15 pistol magazines, 500 rifle rounds and 2 pistols in Leeds.")
    assert found["firearms_by_type"] == {"pistol": 2}
    assert found["ammunition_rounds"] == 500


def test_weapons_named_by_a_copula():
    found = record("Police seized four guns in Linstead: an M16 rifle and a 12-gauge shotgun. The other two weapons "
                   "are semi-automatic pistols.")
    assert found["firearms_total"] == 4
    assert found["firearms_by_type"] == {"rifle": 1, "shotgun": 1, "pistol": 2}


def test_a_stock_seized_over_years_is_not_this_seizure():
    found = record("Mongolian police destroyed a cache of 2,000 illegal firearms, seized over a period of three "
                   "years. The checks led to the seizure of 22 firearms.")
    assert found["firearms_total"] == 22


def test_a_count_of_several_kinds_is_a_total_without_a_type():
    found = record("Les gendarmes ont saisi 16 fusils et pistolets calibre douze à Ouagadougou.", language="fr")
    assert found["firearms_total"] == 16
    assert found["firearms_by_type"] is None


def test_statistics_and_destroyed_arms_are_not_the_seizure():
    found = record("Unas 15 armas de fuego y 391 municiones son decomisadas en las últimas 72 horas; estas armas se "
                   "suman a las 2,890 armas incautadas en lo que va del año.\nEl 31 de agosto se destruyeron un total "
                   "de 1,207 armas de fuego.", language="es")
    assert found["firearms_total"] == 15 and found["ammunition_rounds"] == 391
    found = record("Les douaniers ont saisi 1 mitrailleuse et 38 fusils dans les Vosges.\nEn 2014, la douane "
                   "française a saisi 828 armes à feu.", language="fr")
    assert found["firearms_total"] == 39 and found["location"] == "Vosges"


def test_a_type_word_beats_the_craft_reading():
    found = record("La policía halló 17 escopetas de fabricación artesanal en el casco urbano de Policarpa.",
                   language="es")
    assert found["firearms_by_type"] == {"shotgun": 17} and found["location"] == "Policarpa"
    found = record("Les policiers ont saisi 4 pistolets artisanaux et 3 armes artisanales à Bamako.", language="fr")
    assert found["firearms_by_type"] == {"pistol": 4, "other": 3}
    found = record("La policía incautó 2 armas hechizas en Cali.", language="es")
    assert found["firearms_by_type"] == {"other": 2}


def test_model_names_of_west_african_and_soviet_arms_and_a_12_gauge_gun():
    found = record("Les gendarmes ont saisi 22 armes dont 19 fusils de chasse, une arme SKS et une arme calibre 12 "
                   "à N’Zérékoré.", language="fr")
    assert found["firearms_total"] == 22
    assert found["firearms_by_type"] == {"shotgun": 20, "rifle": 1}
    assert found["location"] == "N’Zérékoré" and found["country"] == ["GIN"]


@pytest.mark.parametrize("text, lang", [
    ("Officers seized a shotgun and 2 pistols in Bristol on Friday. Since January, officers have seized 45 firearms "
     "in the region.", "en"),
    ("Les douaniers ont saisi deux pistolets et un fusil mardi. Depuis janvier, 120 armes ont été saisies dans la "
     "région.", "fr"),
    ("La policía incautó dos pistolas y un rifle el martes. En lo que va de año se han incautado 300 armas en la "
     "provincia.", "es"),
    ("Police seized two pistols and a rifle in Leeds. The seizure brings the number of firearms seized to 150.", "en"),
])
def test_running_tallies_since_a_month_are_statistics(text, lang):
    assert record(text, language=lang)["firearms_total"] == 3


@pytest.mark.parametrize("text, lang", [
    ("Six firearms — three pistols, two rifles and a shotgun — were seized in Leeds.", "en"),
    ("Police seized six firearms, namely three pistols, two rifles and a shotgun.", "en"),
    ("Durante el cateo se encontraron seis armas de fuego, tres pistolas, dos rifles y una escopeta.", "es"),
])
def test_a_list_that_adds_up_to_the_count_before_it_is_its_breakdown(text, lang):
    found = record(text, language=lang)
    assert found["firearms_total"] == 6
    assert found["firearms_by_type"] == {"pistol": 3, "rifle": 2, "shotgun": 1}


def test_a_type_noun_after_tipo_gives_the_type():
    found = record("Fueron incautadas cuatro armas de fuego tipo pistola en Sinaloa.", language="es")
    assert found["firearms_by_type"] == {"pistol": 4}


def test_a_rifle_scope_is_no_rifle():
    found = record("Police recovered 5 firearms and 3 silencers, as well as 20 magazines and a rifle scope.")
    assert found["firearms_total"] == 5
    assert found["parts_components"] == 3


@pytest.mark.parametrize("text, lang", [
    ("A search led to the retrieval of an AK47 assault rifle and a pistol in Tema.", "en"),
    ("Les douaniers finiront par mettre la main sur deux armes à feu, dont un fusil d'assaut et un pistolet.", "fr"),
])
def test_retrieval_and_mettre_la_main_are_seizures(text, lang):
    assert record(text, language=lang)["firearms_total"] == 2


def test_lines_of_a_list_without_bullets_stay_one_block():
    found = record("La policía localizó un arsenal oculto en un barril en San Vicente. El armamento incluye:\n"
                   "2 fusiles M-16\n2 fusiles AK-47\n2 escopetas calibre 12\n1 pistola marca Makarov\n"
                   "1 revólver calibre 38", language="es")
    assert found["firearms_total"] == 8
    assert found["firearms_by_type"] == {"rifle": 4, "shotgun": 2, "pistol": 1, "revolver": 1}


def test_a_count_glued_to_its_noun_by_a_typo_counts():
    found = record("Les policiers ont mis la main sur 11 pistolets automatiques, 6fusils de chasse et 24 chargeurs.",
                   language="fr")
    assert found["firearms_total"] == 17
    assert found["firearms_by_type"] == {"pistol": 11, "shotgun": 6}


def test_plural_calibres_12_are_shotguns():
    found = record("Nous avons saisi 17 fusils AK47, deux calibres 12 et 950 munitions à Kananga.", language="fr")
    assert found["firearms_by_type"] == {"rifle": 17, "shotgun": 2}


@pytest.mark.parametrize("text, lang", [
    ("Les policiers de Granby ont saisi, entre le 1er janvier 2007 et le 31 décembre 2012, 267 armes à feu. "
     "Mardi, ils ont saisi trois pistolets.", "fr"),
    ("La policía incautó tres pistolas. Con este caso, suman ocho armas de fuego incautadas en el departamento.", "es"),
    ("The port has seized 525 firearms so far this fiscal year. On Monday officers seized three pistols.", "en"),
])
def test_counts_over_a_range_of_years_or_a_running_sum_are_statistics(text, lang):
    assert record(text, language=lang)["firearms_total"] == 3


def test_arms_collected_by_a_surrender_campaign_are_not_seized():
    found = record("La campagne a commencé vendredi et elle a permis de récupérer 21.000 armes et 600.000 munitions. "
                   "Mardi, les douaniers ont saisi deux pistolets à Lille.", language="fr")
    assert found["firearms_total"] == 2
    assert found["ammunition_rounds"] is None
    kept = record("Police recovered three firearms on the N3. \"We call upon owners of unwanted firearms to hand "
                  "them in while the firearm amnesty period is still underway,\" said the commissioner.")
    assert kept["firearms_total"] == 3


def test_a_singular_gun_word_before_another_noun_is_no_count():
    found = record("Police seized two rifles and 115 pistols. Nine handgun back straps and 12 ghost gun kits were "
                   "also recovered.")
    assert found["firearms_total"] == 117
    assert found["firearms_by_type"] == {"rifle": 2, "pistol": 115}


def test_a_vague_total_gives_no_total_but_keeps_the_counted_types():
    found = record("La police a intercepté mercredi une vingtaine d'armes à feu près de Niamey. La police a saisi une "
                   "dizaine de fusils d'assaut et neuf pistolets automatiques.", language="fr")
    assert found["firearms_total"] is None
    assert found["firearms_by_type"] == {"pistol": 9}


def test_a_calibre_after_a_number_word_is_no_count():
    found = record("When we intercepted them we only found one 308 rifle, six rounds of 308 ammunition and five rounds "
                   "of 375 rifle.")
    assert found["firearms_total"] == 1
    assert found["firearms_by_type"] == {"rifle": 1}
    assert found["ammunition_rounds"] == 11
    assert record("Police seized a 375 Caliber Hunting Rifle and a 9mm pistol.")["firearms_total"] == 2


def test_a_firearm_word_heading_a_compound_is_no_count():
    found = record("A man was arrested after he was uncovered with an illegal firearm manufacturing set up. Officers "
                   "intercepted 24 illegal silencers at the border.")
    assert found["firearms_total"] is None
    assert found["parts_components"] == 24


def test_a_type_word_listed_by_comma_keeps_its_type_but_one_joined_by_and_shares_the_count():
    found = record("Se ha requisado tres fusiles de asalto, pistolas, una escopeta y 400 cartuchos en Bermeo.",
                   language="es")
    assert found["firearms_by_type"] == {"rifle": 3, "shotgun": 1}
    assert found["firearms_total"] is None  # the pistols are uncounted: no sum is the total
    shared = record("Les gendarmes ont saisi 16 fusils et pistolets calibre douze à Pô.", language="fr")
    assert shared["firearms_total"] == 16
    assert shared["firearms_by_type"] is None


def test_an_amnesty_told_in_the_paragraph_before_sets_the_haul_aside():
    found = extract("Police received 225 firearms during last month's firearms amnesty, it was revealed today.\n\n"
                    "During the amnesty, police asked the public to surrender unwanted guns.\n\n"
                    "The haul was made up of nine rifles, 26 shotguns and 3,681 rounds of ammunition.")
    assert found.record()["firearms_total"] is None
    assert not found.relevant


def test_a_later_sentence_typing_all_the_firearms_gives_their_type():
    found = record("Eight firearms and three pipe bombs have been seized in Belfast. The firearms were described as "
                   "pistols.")
    assert found["firearms_by_type"] == {"pistol": 8}
    assert record("Eight firearms have been seized in Belfast. The men were described as locals.")[
        "firearms_by_type"] is None


def test_a_count_lumping_arms_with_parts_and_ammunition_is_no_total():
    found = record("La operación se ha saldado con la incautación de alrededor de 200.000 armas, piezas, "
                   "componentes, municiones y explosivos ilegales.", language="es")
    assert found["firearms_total"] is None


def test_a_brand_with_and_between_the_count_and_its_noun():
    found = record("Border Force found four Heckler and Koch handguns and 100 rounds of 9mm ammunition in a car.")
    assert found["firearms_by_type"] == {"handgun_unspecified": 4}


def test_elided_nouns_of_a_type():
    found = record("Se aseguraron dos armas de fuego, una tipo pistola calibre 9 mm y otra tipo revólver calibre .38.",
                   language="es")
    assert found["firearms_total"] == 2
    assert found["firearms_by_type"] == {"pistol": 1, "revolver": 1}
    found = record("Se decomisaron 5 armas largas y 3 cortas en Culiacán.", language="es")
    assert found["firearms_by_type"] == {"long_gun_unspecified": 5, "handgun_unspecified": 3}
    found = record("La policía incautó tres pistolas tras cuatro largas horas de búsqueda.", language="es")
    assert found["firearms_by_type"] == {"pistol": 3}


def test_arrested_with_a_gun_is_a_seizure():
    found = record("The suspect was arrested with a loaded 9mm handgun in Leeds.")
    assert found["firearms_by_type"] == {"handgun_unspecified": 1}


def test_types_among_uncounted_arms_give_no_total():
    found = record("Les douaniers ont saisi des armes de fabrication locale, dont 7 fusils.", language="fr")
    assert found["firearms_total"] is None
    assert found["firearms_by_type"] == {"long_gun_unspecified": 7}


def test_a_model_before_a_broad_noun_keeps_the_nouns_type():
    found = record("Police recovered a stolen Glock 19 handgun and 15 rounds in Leeds.")
    assert found["firearms_by_type"] == {"handgun_unspecified": 1}
    assert record("Police seized two AK-47 rifles and a Glock pistol.")["firearms_by_type"] == {"rifle": 2,
                                                                                            "pistol": 1}


def test_firearms_said_to_be_replicas_are_not_counted():
    found = record("Police seized a semi-automatic pistol in the river. Only the pistol was genuine, while the "
                   "remainder six firearms were replica Airsoft guns.")
    assert found["firearms_total"] == 1


def test_the_one_firearm_named_later_by_its_type():
    found = record("Inspection led to the discovery of an undeclared automatic weapon in the vehicle. CBP officers "
                   "seized the 9mm handgun, 34 rounds of ammunition, and the vehicle.")
    assert found["firearms_by_type"] == {"handgun_unspecified": 1}
    two = record("Officers seized two weapons in the vehicle. The pistol had been stolen in Leeds.")
    assert two["firearms_by_type"] is None


def test_a_table_of_nouns_and_counts():
    found = record("Items seized in the raid:\nPistols: 3\nRevolvers: 2\nRounds of ammunition: 150")
    assert found["firearms_by_type"] == {"pistol": 3, "revolver": 2}
    assert found["ammunition_rounds"] == 150
    found = record("Lo asegurado en Culiacán:\n- Armas largas: 12\n- Pistolas (3)\n- Cartuchos – 1.500", language="es")
    assert found["firearms_by_type"] == {"long_gun_unspecified": 12, "pistol": 3}
    assert found["ammunition_rounds"] == 1500


def test_a_count_restated_in_words_and_no_count_across_a_line_break():
    assert record("Police seized 12 (twelve) firearms in Accra.")["firearms_total"] == 12
    found = record("Police seized weapons in Accra. Total: 3\nRifles were also seen at the scene.")
    assert found["firearms_by_type"] is None


def test_a_list_line_does_not_take_the_type_of_the_next_line():
    found = record("Lors de la perquisition, les policiers ont saisi :\n- 11 armes longues\n- 5 armes de poing",
                   language="fr")
    assert found["firearms_by_type"] == {"long_gun_unspecified": 11, "handgun_unspecified": 5}
    assert found["firearms_total"] == 16


def test_a_makers_name_ending_in_arms_keeps_the_type_after_it():
    found = record("Police seized one Jimenez Arms pistol and one M16 rifle.")
    assert found["firearms_by_type"] == {"pistol": 1, "rifle": 1}


def test_a_calibre_after_an_article_is_no_count_and_a_model_types_a_broad_noun():
    found = record("Police recovered a 303 rifle and a G3 firearm.")
    assert found["firearms_total"] == 2 and found["firearms_by_type"] == {"rifle": 2}


def test_a_lead_seizing_only_replicas_reports_no_firearms():
    assert not extract("An imitation firearm was seized from a house in Flanshaw this morning. Officers were "
                       "called after reports of a weapon being spotted.").relevant
    assert not extract("Un hombre fue detenido mientras portaba una carabina y una escopeta recortada de aire "
                       "comprimido. Las armas incautadas no eran de fuego real.", language="es").relevant
    assert extract("Police seized an imitation firearm and two pistols in Leeds.").relevant


def test_bullet_magazines_are_magazines():
    found = record("Police seized 3 pistols and 130 bullet magazines.")
    assert found["ammunition_rounds"] is None and found["firearms_total"] == 3


def test_calibres_used_in_a_model_and_cleaning_kits_are_no_firearms():
    found = record("Police seized 142 rounds of 7.62x39 special (used in AK 47 rifles) and a rifle cleaning kit.")
    assert found["firearms_total"] is None and found["ammunition_rounds"] == 142


def test_one_of_two_names_no_count_of_two():
    found = record("One of two missing police rifles was recovered in Ndia. Police recovered the AK47 rifle.")
    assert found["firearms_total"] != 2


def test_a_model_with_a_space_types_a_broad_noun():
    found = record("Le trafiquant avait en sa possession une arme AK 47 saisie par la police.", language="fr")
    assert found["firearms_by_type"] == {"rifle": 1}


def test_an_earlier_seizure_recalled_in_an_opening_clause_is_not_counted():
    found = record("A week after a major operation at the Montego Bay Freeport Wharf led to the seizure of 19 "
                   "illegal firearms, the team again reaped success. This time, three high-powered rifles and two "
                   "9mm handguns were discovered at the Small Whart, located at Freeport.")
    assert found["firearms_total"] == 5
    assert found["location"].startswith("Small Whart")


def test_a_period_in_a_relative_clause_does_not_make_the_seizure_a_statistic():
    assert field_value("Police seized four pistols from the gang, which had smuggled more than 300 guns into the "
                       "country since 2019.", "firearms_total") == 4
    assert field_value("In the last five years, police seized 31,000 guns.", "firearms_total") is None


def test_pistol_makes_and_models_count_as_pistols():
    found = extract("Officers seized 3 Glock 19s and 2 SIG Sauer P320s.").fields
    assert found["firearms_total"].value == 5
    assert {key: value.value for key, value in found["firearms_by_type"].items()} == {"pistol": 5}


def _types(text, language="en"):
    found = extract(text, language=language).fields["firearms_by_type"]
    return {key: value.value for key, value in found.items()}


def test_unspecified_long_guns_beside_rifles_are_no_breakdown():
    assert _types("Les gendarmes ont saisi trois fusils et deux carabines.", "fr") == {
        "long_gun_unspecified": 3, "rifle": 2}
    assert _types("Les gendarmes ont saisi cinq armes longues, dont deux carabines.", "fr") == {
        "long_gun_unspecified": 5}


def test_pa_is_a_pistol_in_french():
    assert _types("Un AK-47, deux PA et 140 munitions ont été saisis.", "fr") == {"rifle": 1, "pistol": 2}


@pytest.mark.parametrize("text, language, expected", [
    ("An illegal arms factory was busted with the seizure of 20 fully-built and 16 semi-built country-made pistols.",
     "en", 36),
    ("Police seized 12 loaded and 4 unloaded rifles.", "en", 16),
    ("La police a saisi 12 chargés et 4 déchargés fusils.", "fr", 16),
    ("Police seized a .380 caliber and 50 rounds of ammunition with 3 pistols.", "en", 3),
])
def test_two_numbers_sharing_one_noun_are_both_counted(text, language, expected):
    assert record(text, language=language)["firearms_total"] == expected


def test_a_world_war_era_is_no_count():
    found = record("Police seized a pistol and some World War One-era rifles.")
    assert found["firearms_by_type"] == {"pistol": 1}


def test_kinds_in_brackets_after_a_count_say_what_it_holds():
    found = record("Se ha incautado un arsenal compuesto por 19 armas cortas (pistolas y revólveres), 93 armas largas "
                   "(escopetas y rifles) y una ametralladora.", language="es")
    assert found["firearms_total"] == 113
    assert record("Se incautaron 3 pistolas (marca Glock) y varios revólveres.", language="es")["firearms_total"] is None


def test_arms_sequestered_are_seized_and_a_case_some_days_before_is_not_counted():
    found = record("During the arrest of the suspects, police sequestered four AK-47 automatic rifles and 12,780 "
                   "rounds of ammunition.")
    assert (found["firearms_total"], found["ammunition_rounds"]) == (4, 12780)
    found = record("Police apprehended four people and seized 27 pistols and 10 revolvers from them. \"A few days "
                   "ago, the Crime Branch had recovered 35 guns. The interrogation revealed more people.\"")
    assert found["firearms_total"] == 37


def test_a_stolen_gun_found_again_is_seized_where_it_was_found():
    found = record("Police in Kisumu have recovered an AK-47 rifle that was stolen last year at the Kipasi police post "
                   "in Mbita. The rifle and 16 rounds of ammunition were discovered hidden inside a house.")
    assert (found["firearms_total"], found["firearms_by_type"]) == (1, {"rifle": 1})
    assert found["location"] == "Kisumu"
    found = record("La policía recuperó dos pistolas que habían sido robadas el año pasado en Lima.", language="es")
    assert found["firearms_total"] == 2
    assert record("48 firearms were stolen last year from the armoury.")["firearms_total"] is None


def test_a_police_exercise_that_resulted_in_a_firearm_is_a_seizure():
    found = record("In crime news, a police exercise in south Trinidad has resulted in over a thousand rounds in "
                   "ammunition along with an illegal firearm.\nOfficers of the rapid response unit went to an "
                   "abandoned lot along St Joseph Road, where they found 589 rounds of 7.62 ammunition and 857 rounds of 5.56 "
                   "ammunition in two duffel bags. No one was arrested.")
    assert found["firearms_total"] == 1


def test_the_article_of_the_sentence_subject_counts_nothing():
    found = record("A team seized a pistol at a plantation in Tanah Merah. A unit found a rifle nearby.")
    assert found["firearms_by_type"] == {"pistol": 1, "rifle": 1}


@pytest.mark.parametrize("text, language", [
    ("Durante estos operativos CAMEX se detuvo a un vehículo rojo Chevrolet con placas ABC-1234, con un grupo de "
     "personas en las que dos fueron detenidas, con un arma de fuego Pietro Beretta rastrillada sin seguro, "
     "14 MUNICIONES cal. 9.m y 6 dispositivos móviles. Con estos hallazgos se realiza la entrega del material "
     "incautado.", "es"),
    ("During the operation in Kingston a car was stopped and two men were arrested, with a pistol and 14 rounds. "
     "The material was later handed to the police.", "en"),
])
def test_people_arrested_with_a_gun_tell_of_its_seizure(text, language):
    assert record(text, language=language)["firearms_total"] == 1
