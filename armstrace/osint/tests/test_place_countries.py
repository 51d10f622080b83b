"""Which country a place name shared by several countries means (the one the text names with it or otherwise), a
word ending in "to" is no destination, and the title breaks ties between places."""

import pytest

from armstrace.osint.extraction.places import as_origin
from armstrace.osint.extraction.text import Doc

from .helpers import record


def test_a_shared_place_name_takes_the_country_the_text_names():
    found = record("La policía incautó 23 fusiles de asalto y 10 pistolas en San Pablo, Brasil.", language="es")
    assert found["country"] == ["BRA"]


def test_a_word_ending_in_to_is_no_destination():
    found = record("Dentro de un contenedor proveniente de Estados Unidos, fueron localizadas tres armas de fuego en la "
                   "portuaria de Santo Tomás de Castilla, en Puerto Barrios, Izabal.", language="es")
    assert found["country"] == ["GTM"]


def test_the_title_breaks_a_tie_between_places():
    text = "Gardaí seized a pistol in Finglas and 40 rounds in Ballymun."
    assert record(text, title="Gun and ammunition seized in Ballymun")["location"] == "Ballymun"
    assert record(text, title="Gun and ammunition seized in Finglas")["location"] == "Finglas"


def test_america_in_french_and_spanish_is_the_continent():
    found = record("La Guardia Civil ha intervenido 30 armas de fuego en España que se destinaban a la venta a "
                   "organizaciones criminales de América y Europa. La operación contó con Europol y con agentes de "
                   "Irlanda.", language="es")
    assert found["country"] == ["ESP", "IRL"]


def test_neighbours_makers_and_transit_countries_are_not_where_the_seizure_happened():
    found = record("Des militaires ont découvert 35 armes de guerre dans un village de l'extrême nord du Cameroun, à la "
                   "frontière avec le Nigeria, près de la frontière avec le Nigeria.", language="fr")
    assert found["country"] == ["CMR"]
    found = record("Europol: la police a saisi 300 pistolets d'alarme en Belgique, en Roumanie et en Bulgarie; ce sont "
                   "des modèles produits en Turquie.", language="fr")
    assert sorted(found["country"]) == ["BEL", "BGR", "ROU"]
    found = record("Frontalière du Soudan et de la République centrafricaine, la province du Salamat, au Tchad, a vu la "
                   "saisie de dix armes de guerre.", language="fr")
    assert found["country"] == ["TCD"]


def test_an_agency_named_after_its_region_at_a_sentence_start_gives_the_country():
    found = record("The Greater Accra Regional Police Command has arrested six persons. The police seized one AK-47 "
                   "rifle and a pistol.")
    assert found["country"] == ["GHA"] and found["location"] == "Greater Accra"


def test_a_shipment_from_a_country_named_with_des():
    found = record("Des agents de l'ASFC ont saisi 65 revolvers dans un entrepôt de Brampton, dans une expédition "
                   "en provenance des États-Unis.", language="fr")
    assert found["country"] == ["CAN"]


def test_supporters_and_comparisons_are_not_seizure_countries():
    found = record("Au cours d'une opération coordonnée par Interpol au Burkina Faso, en Côte d'Ivoire, au Mali et au "
                   "Niger, 60 armes ont été saisies. Cette opération a été possible grâce au soutien de l'Allemagne, "
                   "de la France, de l'Italie et de l'Union européenne.", language="fr")
    assert sorted(found["country"]) == ["BFA", "CIV", "MLI", "NER"]
    found = record("La Policía incautó 3 pistolas impresas en 3D en Asunción, Paraguay. Este tipo de armas ya ha sido "
                   "detectado en países vecinos como Chile, Argentina y Brasil.", language="es")
    assert found["country"] == ["PRY"]


def test_the_dateline_of_an_international_body_is_not_a_seizure_country():
    found = record("LYON, France – INTERPOL's operation seized 400 firearms in Pakistan, mainly in the provinces "
                   "bordering with Afghanistan.")
    assert found["country"] == ["PAK"]


def test_brass_knuckles_name_no_country():
    found = record("Les policiers de Granby ont saisi 11 armes longues et un poing américain.", language="fr")
    assert found["country"] != ["USA"]


def test_a_word_starting_with_to_is_no_destination():
    text = "El paquete fue ubicado en el puerto de Santo Tomás de Castilla, Izabal, con 3 pistolas."
    doc = Doc(text, "es")
    assert not as_origin(doc, text.index("Izabal"))
    text = "The container was shipped from Turkey, with 440 rifles."
    assert as_origin(Doc(text, "en"), text.index("Turkey"))


def test_the_countries_taking_part_are_all_named():
    found = record("Law enforcement authorities from Spain, France, Italy and Portugal took part in the Joint Action "
                   "Days, which led to the seizure of 120 firearms.")
    assert sorted(found["country"]) == ["ESP", "FRA", "ITA", "PRT"]
    found = record("En la operación participaron Argentina, Brasil, Chile y Uruguay, y se incautaron 200 armas.",
                   language="es")
    assert sorted(found["country"]) == ["ARG", "BRA", "CHL", "URY"]
    found = record("Des policiers d'Espagne, de France et du Portugal ont participé à l'opération, qui a permis de "
                   "saisir 30 fusils.", language="fr")
    assert sorted(found["country"]) == ["ESP", "FRA", "PRT"]
    assert record("The container was shipped from Turkey and seized in Lagos with 440 rifles.")["country"] == ["NGA"]


def test_the_larger_place_written_with_a_town_decides_its_country():
    found = record("Officers seized 10 firearms at a residence in London, Ontario, on August 3.")
    assert found["country"] == ["CAN"] and found["location"] == "London, Ontario"


def test_national_agencies_and_known_names_with_a_direction_word():
    assert record("SAPS members seized 3 pistols in a raid.")["country"] == ["ZAF"]
    assert record("La Police cantonale vaudoise a saisi 3 pistolets.", language="fr")["country"] == ["CHE"]
    found = record("La Policía Nacional incautó 3 pistolas en Santo Domingo Este.", language="es")
    assert found["country"] == ["DOM"] and found["location"] == "Santo Domingo Este"


def test_a_state_s_own_agency_tells_which_namesake_place_is_meant():
    assert record("Mexican authorities seized 40 rifles in Sonora.")["country"] == ["MEX"]
    assert record("Las autoridades mexicanas incautaron 40 fusiles en Sonora.", language="es")["country"] == ["MEX"]
    assert record("Canadian police seized 30 guns at the Windsor crossing.")["country"] == ["CAN"]


def test_where_arms_were_made_and_the_people_s_nationality_are_not_the_country():
    assert record("Police seized a Russian-made rifle and two pistols.")["country"] is None
    assert record("Les gendarmes ont saisi une carabine de fabrication russe.", language="fr")["country"] is None
    assert record("Police arrested four Zambian men and seized two rifles.")["country"] is None
    assert record("Border officers with the Canadian Border Services Agency seized two rifles.")["country"] == ["CAN"]
    assert record("La Receita incautó 16 pistolas en territorio brasileño.", language="es")["country"] == ["BRA"]


def test_nationalities_of_west_africa_and_latin_america_are_no_places():
    assert record("Un ressortissant béninois a été interpellé à Lomé ; deux pistolets ont été saisis.",
                  language="fr")["location"] == "Lomé"
    assert record("Joint operation by Nigerian and Beninese customs at the Seme border seized 300 guns.")[
        "country"] == ["BEN"]


def test_a_region_outranks_a_small_town_of_its_name():
    assert record("Police seized 12 guns in Queensland.")["country"] == ["AUS"]
    assert record("Police seized 5 guns in Ontario.")["country"] == ["CAN"]
    assert record("Police seized 3 guns in Essex.")["country"] == ["GBR"]
    assert record("Police seized 20 guns in Borno.")["country"] == ["NGA"]


def test_a_small_place_of_a_country_the_text_does_not_name_gives_no_country():
    found = record("El individuo llevaba consigo un revólver calibre 22 en el barrio Pocitos de la capital uruguaya. "
                   "El hombre fue reducido y detenido.", language="es")
    assert found["country"] == ["URY"]
    assert found["arrests"] == 1


@pytest.mark.parametrize("text, language, name", [
    ("Se incautaron tres pistolas en Pupiales, en la ruta del narcotráfico hacia el vecino país de Ecuador.", "es",
     "Ecuador"),
    ("Customs officers seized three rifles in a refrigerator at Freeport, Montego Bay. The refrigerator was shipped "
     "from an address in the United States.", "en", "United States"),
])
def test_a_neighbouring_country_or_an_address_abroad_is_an_origin(text, language, name):
    assert as_origin(Doc(text, language), text.index(name))
    assert name not in str(record(text, language=language)["country"])


def test_a_demonym_inside_a_place_name_is_no_nationality():
    found = record("A man is in custody following the seizure of a firearm and 13 rounds of ammunition at Railway "
                   "Lane in Spanish Town, St Catherine.")
    assert found["country"] == ["JAM"]


def test_initials_are_no_place_and_a_demonym_of_a_town_names_its_state():
    found = record("Une opération de contrôle douanier menée à Quartier Morin, sous la coordination de la BLTS, a "
                   "conduit à la saisie de 12 fusils.", language="fr")
    assert found["country"] != ["TUR"]
    assert record("La operación se llevó a cabo en el municipio colombiano de Sácama, donde las tropas incautaron "
                  "49.000 municiones.", language="es")["country"] == ["COL"]


def test_the_port_a_shipment_was_loaded_at_is_an_origin():
    found = record("Autoridades bolivianas investigan un cargamento de armas descubierto el viernes en el departamento "
                   "de Santa Cruz. Se trata de 34 ametralladoras y 41 pistolas, embarcados el 22 de noviembre en Miami.",
                   language="es")
    assert found["country"] == ["BOL"]


def test_a_person_named_like_a_country_and_an_expulsion_origin_give_no_country():
    found = record("L'armée a démantelé un foyer attribué à un certain Maurice, Congolais expulsé d'Angola. Lors de "
                   "cette opération à Kabudimbu, les FARDC ont récupéré dix-huit armes.", language="fr")
    assert found["country"] == ["COD"]


@pytest.mark.parametrize("text, language, expected", [
    ("Un détachement de l'Armée nationale populaire a découvert 2 fusils près de Bordj Badji Mokhtar.", "fr", "DZA"),
    ("Agentes de la Felcn hallaron cinco armas de fuego en la comunidad Candado.", "es", "BOL"),
    ("The Border Security Force recovered four pistols near the border village.", "en", "IND"),
])
def test_national_forces_name_their_state(text, language, expected):
    assert record(text, language=language)["country"] == [expected]


def test_the_state_named_by_its_adjective_outweighs_an_origin():
    found = record("En el aeropuerto internacional Silvio Pettirossi, las autoridades paraguayas detectaron y "
                   "retuvieron 12 pistolas transportadas por el carguero TAMPA CARGO, procedente de Miami, Estados "
                   "Unidos.", language="es")
    assert found["country"] == ["PRY"]


def test_people_said_to_come_from_a_country_do_not_place_the_seizure_there():
    found = record("Des militaires postés dans le désert tunisien ont saisi 3 fusils dans un véhicule transportant "
                   "quatre personnes sans papiers qui affirment être originaires de la Libye.", language="fr")
    assert found["country"] == ["TUN"]


def test_granada_in_a_spanish_text_is_the_city():
    found = record("La Guardia Civil ha intervenido 40 pistolas en Granada y Málaga.", language="es")
    assert found["country"] == ["ESP"]


def test_countries_inside_compound_names_titles_and_origins_are_no_seizure_place():
    found = record("Les perquisitions ont eu lieu au Québec, en Ontario, en Colombie-Britannique et en Nouvelle-Écosse; "
                   "elles ont permis de saisir 40 armes.", language="fr")
    assert found["country"] == ["CAN"]
    found = record("Les gendarmes ont saisi 30 armes achetées en provenance notamment d'Allemagne ou d'Autriche, a dit "
                   "le colonel Dominique Goury à Perpignan, en France.", language="fr")
    assert found["country"] == ["FRA"]


def test_niger_state_is_in_nigeria_and_a_parcel_sent_from_a_country_is_an_origin():
    assert record("Police recovered two locally made guns and six live ammunition in Makera town of Niger "
                  "State.")["country"] == ["NGA"]
    assert record("Les douaniers de Faulquemont (Moselle) découvrent dans un colis expédié d'Allemagne un boîtier "
                  "de culasse.", language="fr")["country"] == ["FRA"]


def test_a_country_that_is_a_given_name_inside_a_persons_name():
    found = record("Según el coronel Óscar Mauricio Rico, se incautaron tres fusiles en Tarazá, Antioquia.",
                   language="es")
    assert found["country"] == ["COL"]
    assert record("Jordan Smith, 25, was arrested after police seized a pistol.")["country"] is None
    assert record("Police in Jordan seized 30 rifles at the border.")["country"] == ["JOR"]


def test_a_middling_town_abroad_is_no_country_for_a_namesake():
    # "Kara" is a town of Togo (about 100,000 people); in an English text it is more likely a namesake.
    assert record("Police found 260 rounds of AK47 ammunition in Kara Kara Creek, Linden.")["country"] is None


@pytest.mark.parametrize("text, language, code", [
    ("L'armée libanaise a saisi 12 fusils à Btebyat.", "fr", "LBN"),
    ("El ejército libanés incautó 12 fusiles en Btebyat.", "es", "LBN"),
    ("The Lebanese army seized 12 rifles in Btebyat.", "en", "LBN"),
    ("L'armée mauritanienne a saisi 12 fusils près de la frontière.", "fr", "MRT"),
])
def test_the_army_of_a_state_named_by_its_demonym(text, language, code):
    assert record(text, language=language)["country"] == [code]


def test_the_tsa_is_american():
    found = record("Transportation Security Administration officers intercepted 16 bullets at a checkpoint at Newark "
                   "Liberty International Airport.")
    assert found["country"] == ["USA"]


@pytest.mark.parametrize("text, code", [
    ("The PSNI seized a pistol and 40 rounds in a search.", "GBR"),
    ("Sindh Rangers recovered 12 pistols during a raid.", "PAK"),
    ("The NSCDC intercepted a truck carrying 30 locally made guns.", "NGA"),
    ("The Harris County Sheriff's Office said deputies seized 12 rifles from the home.", "USA"),
])
def test_english_agencies_without_a_country_name(text, code):
    assert record(text)["country"] == [code]


def test_an_international_operation_takes_no_country_from_the_publishers_domain():
    text = "En una operación liderada por Interpol en 23 países se han incautado unas 320 armas de fuego."
    assert record(text, language="es", source_url="https://dsn.gob.es/es/actualidad")["country"] is None
    assert record("La Guardia Civil incautó 12 pistolas.", language="es",
                  source_url="https://dsn.gob.es/es/actualidad")["country"] == ["ESP"]


def test_a_capital_names_its_country_and_a_bosnian_agency_its_state():
    assert record("Police found a revolver hidden in the ceiling of the showers at a barracks outside Nicosia."
                  )["country"] == ["CYP"]
    assert record("State Protection and Investigation Agency (SIPA) officers raided a location in Modrica and found "
                  "a M72 machine gun.")["country"] == ["BIH"]


def test_spanish_police_units_name_spain():
    found = record("Efectivos de la Policía Nacional, pertenecientes a la Udyco, han interceptado más de 60 armas en "
                   "San Enrique de Guadiaro, en el término municipal de San Roque.", language="es")
    assert found["country"] == ["ESP"]
