import pytest

from armstrace.osint.extraction.places import country_of_url

from .helpers import field_value, record


def test_multi_country_operation_names_every_country():
    found = record("An INTERPOL operation in Argentina, Brazil and Paraguay seized 300 firearms.")
    assert sorted(found["country"]) == ["ARG", "BRA", "PRY"]


def test_origin_country_is_not_where_the_seizure_happened():
    found = record("Officers at the port of Felixstowe seized 12 pistols in a container from China.")
    assert found["country"] == ["GBR"]
    assert found["location"] == "Felixstowe"


def test_country_in_french_and_spanish_names():
    assert record("Les douaniers ont saisi trois fusils au Sénégal.", language="fr")["country"] == ["SEN"]
    assert record("La policía incautó cinco pistolas en Perú.", language="es")["country"] == ["PER"]


def test_a_city_names_its_country():
    found = record("Les gendarmes ont saisi trois pistolets à Faulquemont.", language="fr")
    assert found["country"] == ["FRA"]
    assert found["location"] == "Faulquemont"


def test_agency_seat_is_not_the_place():
    found = record("Les agents de la direction de Nancy découvrent au domicile d'un collectionneur domicilié à "
                   "Arches trente armes.", language="fr")
    assert found["location"] == "Arches"


def test_facility_beats_the_city():
    found = record("Border Force officers in Dover seized 6 pistols at the Port of Dover.")
    assert "Dover" in found["location"]
    found = record("L'ASFC a saisi quatre armes de poing au poste frontalier de Chief Mountain.", language="fr")
    assert found["location"] == "Chief Mountain" and found["country"] == ["CAN"]


def test_demonym_alone_is_weak_evidence():
    found = record("A Spanish national was arrested in Lyon after police seized 2 pistols.")
    assert found["country"] == ["FRA"]


def test_country_of_a_source_domain():
    assert country_of_url("https://www.douane.gouv.fr/actualites/x") == "FRA"
    assert country_of_url("https://www.cbp.gov/newsroom") == "USA"
    assert country_of_url("https://example.com/news") is None


def test_place_names_that_begin_with_an_article():
    found = record("Agentes secuestraron 18 armas de fuego en allanamientos realizados en La Matanza.", language="es")
    assert found["location"] == "La Matanza"


def test_only_an_origin_named_gives_no_country_and_recovered_from_is_no_origin():
    found = record("Customs officers intercepted 14 handguns concealed in a suitcase arriving from Port-au-Prince, "
                   "Haiti.")
    assert found["country"] is None
    found = record("Detectives recovered three handguns from a lock-up garage in Croydon.")
    assert found["location"] == "Croydon" and found["country"] == ["GBR"]


def test_a_list_of_countries_after_in_is_a_multi_country_seizure():
    found = record("La operación se desarrolló en España, Portugal y Francia y se incautaron 30 armas.", language="es")
    assert sorted(found["country"]) == ["ESP", "FRA", "PRT"]
    found = record("Police in Spain seized 30 guns bound for France and Italy.")
    assert found["country"] == ["ESP"]


def test_a_part_of_a_town_gives_the_town():
    assert record("Police seized 28 guns in West Kingston.")["location"] == "Kingston"
    assert record("Gardai seized two guns and ammunition in north Dublin.")["location"] == "Dublin"
    found = record("Una operación realizada en el norte de Guayaquil dejó 5 armas incautadas.", language="es")
    assert found["location"] == "Guayaquil"


def test_a_town_beats_its_region():
    found = record("En Chiapas se desplegó un operativo al poniente de Tuxtla Gutiérrez, donde autoridades "
                   "decomisaron 5 armas.", language="es")
    assert found["location"] == "Tuxtla Gutiérrez"
    assert record("Gardaí seized 5 pistols in Dublin.")["location"] == "Dublin"


def test_the_place_keeps_the_larger_place_written_with_it():
    found = record("Elementos de la Sedena aseguraron 20 armas en Culiacán, Sinaloa, el martes.", language="es")
    assert found["location"] == "Culiacán, Sinaloa"
    found = record("Les gendarmes ont saisi 12 fusils à Dieppe (Seine-Maritime).", language="fr")
    assert found["location"] == "Dieppe (Seine-Maritime)"
    assert record("Police seized 3 pistols in Leeds, Mr Smith said.")["location"] == "Leeds"


def test_a_sector_number_is_not_part_of_the_place():
    found = record("Les gendarmes ont saisi deux pistolets au quartier Wanindara 3, secteur marché.", language="fr")
    assert found["location"] == "Wanindara"


def test_a_big_port_city_is_a_facility_only_where_the_text_says_so():
    found = record("Una operación en el norte de Guayaquil terminó con la incautación de 15 armas en el sector de "
                   "Las Orquídeas.", language="es")
    assert found["location"] == "Las Orquídeas"
    assert record("Officers at the port of Felixstowe seized 12 pistols.")["location"] == "Felixstowe"


def test_an_agency_seat_is_the_place_only_where_no_other_is_given():
    found = record("Les agents de la brigade des douanes de Boulogne-sur-mer interceptent un colis contenant une "
                   "arme.", language="fr")
    assert found["location"] == "Boulogne-sur-mer"
    found = record("Les agents de la brigade de Saint-Avold découvrent 24 armes au domicile d'un homme à Faulquemont.",
                   language="fr")
    assert found["location"] == "Faulquemont"


def test_a_direction_and_county_after_an_area_word():
    found = record("Ten firearms and ammunition have been found in a rural area of north Co Dublin, following a "
                   "search by gardaí.")
    assert "Co Dublin" in found["location"]


def test_a_warehouse_names_its_town():
    found = record("Des agents de l'ASFC se sont rendus dans un entrepôt de Brampton et ont saisi 65 revolvers.",
                   language="fr")
    assert found["location"] == "Brampton"


def test_a_word_opening_a_longer_name_is_not_the_place():
    found = record("Se incautaron 5 pistolas en la localidad de San Migual de Yguazú. La carga tenía como destino "
                   "la ciudad de Cascavel.", language="es")
    assert found["location"].startswith("San Migual de Yguazú")


def test_titles_publishers_and_continents_are_no_places():
    found = record("CBP officers seized 4 pistols at the Bridge of the Americas, said Port Director Ray Provencio.")
    assert "Provencio" not in (found["location"] or "")
    found = record("Tiempo de Noticias – La policía incautó 3 pistolas en una agencia de transporte de Montevideo.",
                   language="es")
    assert found["location"] == "Montevideo"


def test_a_region_port_of_a_town_is_the_town():
    found = record("Officers searched an HGV at the north Lincolnshire port of Killingholme and found ten handguns.")
    assert found["location"] == "Killingholme"


def test_a_border_named_by_its_two_countries():
    found = record("Des armes de guerre ont été saisies lundi à la frontière guinéo-ivoirienne, dont 2 fusils.",
                   language="fr")
    assert found["location"] == "frontière guinéo-ivoirienne"


def test_two_places_held_by_a_region_give_the_region():
    found = record("En allanamientos en las comunas de Santiago y La Pintana, en la región Metropolitana, se "
                   "incautaron 3 pistolas.", language="es")
    assert found["location"] == "región Metropolitana"


def test_connectors_legal_words_and_small_namesakes_are_no_places():
    found = record("Meanwhile, the Ogun State Command seized 20 rifles in Abeokuta.")
    assert found["location"] == "Abeokuta"
    found = record("Lors de l'interception d'un véhicule pour une infraction au Code de la route à Laval, les "
                   "policiers ont saisi 2 pistolets.", language="fr")
    assert found["location"] == "Laval"


def test_a_port_town_opening_a_longer_name_is_a_facility():
    found = record("Se incautaron 3 pistolas en el muelle de Haina Oriental, introducidas por el Aeropuerto "
                   "Internacional de las Américas.", language="es")
    assert found["location"] == "Haina Oriental"


def test_demonyms_abstract_nouns_and_an_international_dateline_are_no_places():
    found = record("A 33-year-old Mexican man was arrested after CBP officers seized 4 pistols at the Bridge of the "
                   "Americas international crossing.")
    assert found["location"] != "Mexican"
    found = record("El armamento fue destruido conforme al Procedimiento Sistemático de Operar; se incautaron 3 "
                   "pistolas en Culiacán.", language="es")
    assert found["location"] == "Culiacán"
    found = record("LYON, France – An INTERPOL operation seized 400 firearms in Pakistan.")
    assert found["location"] is None


def test_a_village_beats_the_border_it_lies_on():
    found = record("Les forces de sécurité ont intercepté un minibus à Prèkètè, près de Bassila, sur la frontière "
                   "bénino-togolaise, et saisi 3 fusils.", language="fr")
    assert found["location"] == "Prèkètè"


def test_port_of_spain_and_an_airport_named_after_a_person():
    found = record("Police seized 3 pistols at the Port of Spain docks.")
    assert found["country"] == ["TTO"] and found["location"].startswith("Port of Spain")
    found = record("En el Aeropuerto Internacional Jorge Chávez se incautaron 3 pistolas.", language="es")
    assert found["location"] == "Jorge Chávez"


def test_a_known_place_keeps_its_direction_word_and_loses_its_possessive():
    assert field_value("Police in the Western Cape seized 12 firearms.", "location") == "Western Cape"
    assert field_value("The weapons were found in a warehouse in Durban's industrial area.", "location") == "Durban"
    assert field_value("Police found the gun at Smith's home in Leeds.", "location") == "Leeds"


def test_a_place_name_may_hold_of():
    assert field_value("Police seized 2 pistols in the Bay of Plenty.", "location") == "Bay of Plenty"
    assert field_value("Police seized 3 guns in Port of Spain.", "location") == "Port of Spain"
    assert field_value("Customs seized 2 pistols at the Port of Felixstowe.", "location") == "Felixstowe"


def test_a_shared_town_name_alone_and_a_qualifier_with_de():
    assert field_value("La Policía Nacional incautó 2 armas en San José.", "location", language="es") == "San José"
    assert field_value("Se incautaron 4 armas en Cúcuta, Norte de Santander.", "location",
                       language="es") == "Cúcuta, Norte de Santander"


def test_a_local_government_area_is_its_town_s_place():
    assert field_value("Troops recovered 3 rifles in the Gwoza Local Government Area of Borno State.",
                       "location") == "Gwoza"
    assert field_value("Police seized 2 guns in Ikorodu LGA.", "location") == "Ikorodu"


def test_a_known_name_with_an_unknown_de_tail_is_one_name():
    assert field_value("Se incautaron 3 armas en una vivienda ubicada en el distrito de San Juan de Lurigancho.",
                       "location", language="es") == "San Juan de Lurigancho"
    assert field_value("En la colonia Las Flores de Tegucigalpa se incautaron 3 armas.", "location",
                       language="es") == "Las Flores"


def test_a_neighbourhood_or_community_is_more_specific_than_its_town():
    assert field_value("La police a saisi 3 kalachnikovs dans le quartier de la Castellane à Marseille.", "location",
                       language="fr") == "Castellane"
    assert field_value("Police seized 5 guns in Kingston's Tivoli Gardens community.", "location") == "Tivoli Gardens"
    assert field_value("Police seized 5 guns in the St Catherine parish community of Spanish Town.",
                       "location") == "Spanish Town"


def test_an_airport_named_after_its_city_and_a_place_gives_the_city_country():
    found = record("La douane de l’aéroport de Tunis-Carthage a saisi 3 pistolets. Un voyageur tunisien en "
                   "provenance de Paris avait deux revolvers.", language="fr")
    assert found["country"] == ["TUN"]
    assert found["location"] == "Tunis"


def test_in_opens_a_name_after_a_locative_and_a_village_keeps_its_whole_name():
    assert field_value("Un détachement a découvert une cache de 2 fusils lors d'une patrouille à In Guezzam.",
                       "location", language="fr") == "In Guezzam"
    assert field_value("Four pistols were recovered from Uncha Takala village in Gurdaspur.", "location") == \
        "Uncha Takala"


def test_vehicle_makes_are_no_places():
    assert field_value("La police a saisi 3 pistolets dans une Toyota garée à Kango.", "location",
                       language="fr") == "Kango"


def test_an_unknown_place_named_with_its_known_town_is_given_alone():
    assert field_value("Les militaires ont saisi 4 fusils à Sanounbougou de Sikasso.", "location",
                       language="fr") == "Sanounbougou"
    assert field_value("Los agentes aseguraron 3 fusiles en la colonia Ignacio Allende de Culiacán.", "location",
                       language="es") == "Ignacio Allende"
    assert field_value("Se incautaron 3 fusiles en San Juan de Lurigancho.", "location",
                       language="es") == "San Juan de Lurigancho"


@pytest.mark.parametrize("text, language, expected", [
    ("Troops recovered 3 rifles and 200 rounds in the Mukogodo forest of Laikipia.", "en", "Mukogodo"),
    ("Le 22 novembre, la gendarmerie a saisi un fusil d’assaut dans la commune rurale d’Andilamena.", "fr",
     "Andilamena"),
    ("Les FARDC ont récupéré 5 armes dans le groupement Tchomia, en Ituri.", "fr", "Tchomia"),
    ("Une nouvelle saisie de 3 armes de guerre aux alentours du village Mpi dans le département du Pool.", "fr", "Mpi"),
    ("La policía incautó 4 armas en los barrios Borro y Marconi de Montevideo.", "es", "Borro"),
])
def test_forests_rural_communes_groupements_and_villages_are_specific_places(text, language, expected):
    assert field_value(text, "location", language=language).startswith(expected)


def test_a_place_after_a_weekday_and_social_networks():
    assert field_value("Police arrested seven people and seized 48 pistols after a raid on Monday in Chachapaith "
                       "Chakoulia village.", "location") == "Chachapaith Chakoulia"
    assert field_value("Los detenidos ofrecían 3 pistolas por Instagram en Maracaibo.", "location",
                       language="es") == "Maracaibo"


def test_an_island_and_a_road_checkpoint_are_the_place():
    assert record("El Comando de Guardacostas incautó en la isla Puná 3 fusiles y 200 cartuchos, que fueron "
                  "llevados al golfo de Guayaquil.", language="es")["location"] == "Puná"
    assert record("Un operativo se desplegó en un control vial de Desaguadero, La Paz, donde se secuestraron 12 "
                  "pistolas con destino a Mendoza.", language="es")["location"].startswith("Desaguadero")


def test_a_residents_home_village_and_a_bare_city_word_are_no_seizure_place():
    assert record("Police recovered 10 pistols with the arrest of one person in Amritsar. The accused is a resident "
                  "of the Dall village.")["location"] == "Amritsar"
    assert record("Gardaí seized two guns in an operation in the south inner City area of Dublin.")["location"] == \
        "Dublin"


def test_there_opening_a_sentence_is_no_place():
    found = record("Police searched a bushy area in Morvant. There, eleven rounds of ammunition were discovered.")
    assert found["location"] != "There"


def test_a_capital_a_is_an_article_outside_french():
    found = record("Jamaica Constabulary Force: A Glock pistol was seized during an operation in St Catherine.")
    assert found["location"] == "St Catherine"
    assert record("La Policía Nacional se incautó de tres pistolas en A Coruña.", language="es")["location"] == \
        "A Coruña"
    assert record("A Marseille, les policiers ont saisi trois pistolets.", language="fr")["location"] == "Marseille"


def test_the_internet_is_no_place():
    found = record("Les douaniers ont saisi deux pistolets achetés sur Internet.", language="fr")
    assert found["location"] is None


def test_a_town_ending_in_ite_is_a_place_but_a_french_abstract_noun_is_not():
    assert record("Police seized three pistols at Kokrobite near Weija.")["location"] == "Kokrobite"
    assert record("Les agents de la Sécurité ont saisi trois pistolets.", language="fr")["location"] is None


def test_a_number_word_opening_a_sentence_is_no_place():
    found = record("Quatre (04) individus ont été arrêtés dimanche à Debdeb, wilaya d'Illizi, par un détachement de "
                   "l'ANP qui a saisi un pistolet automatique.", language="fr")
    assert (found["location"], found["arrests"]) == ("Debdeb", 4)


def test_a_lowercase_ligature_opens_no_place_name():
    found = record("L'armée nationale a mis en œuvre une opération conjointe et saisi une arme.", language="fr")
    assert found["location"] is None


@pytest.mark.parametrize("text, expected", [
    ("Efectivos de la Guardia Nacional incautaron 20 fusiles en el estado Lara.", "Lara"),
    ("La Policía Nacional incautó 20 fusiles en Murcia.", "Murcia"),
])
def test_the_one_place_named_is_the_place_however_large(text, expected):
    assert record(text, language="es")["location"] == expected


def test_a_continent_s_adjective_is_no_place():
    found = record("European police seized 20 rifles in a joint operation.")
    assert found["location"] != "European"


def test_an_abbreviation_after_a_town_is_not_part_of_its_name():
    found = record("At the Express Consignment Operations hubs in Louisville U.S. Customs and Border Protection "
                   "officers seized a shipment of 10 pistols.")
    assert found["location"] == "Louisville"
