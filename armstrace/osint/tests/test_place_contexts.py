"""The place of the seizure from the words around a name: facilities, roads and areas, datelines, agencies' seats
and initials, common nouns, and known places named outside any place context."""

import pytest

from .helpers import record


def test_a_facility_word_that_opens_the_name_gives_the_facility():
    found = record("La operación se hizo en el Aeropuerto El Dorado, en Bogotá, donde se incautaron 25 cañones.",
                   language="es")
    assert found["location"] == "El Dorado" and found["country"] == ["COL"]
    found = record("Les douaniers ont saisi quatre armes à feu au port d'Oran samedi.", language="fr")
    assert found["location"] == "Oran" and found["country"] == ["DZA"]
    found = record("Funcionarios incautaron un arma de fuego en el Complejo Fronterizo Los Libertadores.",
                   language="es")
    assert found["location"] == "Los Libertadores"


def test_roads_crossroads_and_areas_are_specific_places():
    found = record("La Guardia Nacional aseguró 11 armas en la carretera Urracas, en Tamaulipas.", language="es")
    assert found["location"] == "Urracas"
    found = record("Lors d'un contrôle au poste mixte du carrefour Lam, les douaniers ont saisi 50 munitions. Le car "
                   "provenait de la ville de Garoua.", language="fr")
    assert found["location"] == "Lam"
    found = record("La policía incautó dos pistolas y un revólver en la zona de Jicamarca, en Lima.", language="es")
    assert found["location"] == "Jicamarca"


def test_near_a_town_is_at_the_town():
    found = record("Les douaniers ont saisi 3 144 munitions dans un bus à proximité de Tchabbal Mbabo.", language="fr")
    assert found["location"] == "Tchabbal Mbabo"
    assert record("Les gendarmes ont saisi 50 armes près d'Oukoubou-Kassa.", language="fr")["location"] == \
        "Oukoubou-Kassa"


def test_common_nouns_and_initials_are_not_places():
    found = record("El conductor fue detenido y le fue leída la Cartilla de Derechos que Asisten a Personas en "
                   "Detención; se aseguraron 11 armas largas.", language="es")
    assert found["location"] is None
    found = record("Police seized two firearms in the shipment, which now sits at the Bureau of Customs (BOC).")
    assert found["location"] is None
    found = record("Le suspect, qui transportait 3 000 cartouches, a été transféré à la Sécurité Militaire.",
                   language="fr")
    assert found["location"] is None


def test_a_station_named_after_its_town_is_not_the_place():
    found = record("The suspect, detained at Muizenberg SAPS, had a pistol that police recovered in Seawinds.")
    assert found["location"] == "Seawinds"


def test_a_known_place_outside_any_place_context_is_the_last_resort():
    found = record("Indore Crime Branch busted an arms smuggling gang; 51 firearms including 29 pistols were seized.")
    assert found["location"] == "Indore" and found["country"] == ["IND"]
    found = record("Searches were made in the provinces of Barcelona, Madrid, Jaén, Murcia and Vizcaya, where 242 "
                   "firearms were seized.")
    assert found["location"] is None


def test_a_country_name_in_lower_case_is_an_adjective():
    found = record("Aduanas incautó una pistola en un vehículo con matrícula argentina proveniente desde Mendoza, en "
                   "el paso de Los Andes.", language="es")
    assert found["country"] == ["CHL"]


def test_a_named_area_is_the_specific_place():
    found = record("Police recovered eight rifles in Garissa County. The suspects were intercepted along a busy road in "
                   "the Lagdera area.")
    assert found["location"] == "Lagdera"
    found = record("La PNC localizó 10 armas de fuego ocultas en un barril en el cantón El Almendro, en el departamento "
                   "de San Vicente. Según el Ministro de Justicia, el hallazgo fue realizado ayer.", language="es")
    assert found["location"] == "El Almendro"


def test_a_dateline_is_the_place_only_where_no_other_is_given():
    found = record("KUALA LUMPUR — Police arrested 20 men here and seized a pistol and 6,000 rounds.")
    assert found["location"] == "KUALA LUMPUR"
    found = record("MONTRÉAL — Les agents ont saisi 61 armes à feu dans une résidence de Gatineau.", language="fr")
    assert found["location"] == "Gatineau"


def test_an_agency_named_after_its_place_gives_the_place_where_no_other_is_given():
    found = record("The Nigeria Customs Service, Tin-Can Island Command, seized one Taurus pistol and 50 rounds.")
    assert found["location"] == "Tin-Can Island"


def test_a_place_beats_the_larger_place_named_as_holding_it():
    found = record("Les forces de sécurité ont intercepté un minibus à Prèkètè, près de Bassila, et saisi 2 500 "
                   "cartouches.", language="fr")
    assert found["location"] == "Prèkètè"
    found = record("Des armes ont été saisies lors d'une perquisition dans l'arrondissement de Saint-Laurent à "
                   "Montréal: 16 armes à feu.", language="fr")
    assert found["location"] == "Saint-Laurent"
    found = record("Plusieurs armes ont été saisies au camp Kamayi, dans le périmètre de la prison centrale de la ville "
                   "de Kananga: 17 fusils AK47.", language="fr")
    assert found["location"] == "Kamayi"


def test_a_customs_post_is_a_facility():
    found = record("Des gardes-frontière en poste à douane de Castasegna ont découvert un pistolet et 32 munitions.",
                   language="fr")
    assert found["location"] == "Castasegna"


def test_a_region_in_the_title_does_not_beat_a_town_of_the_text():
    text = ("Huit armes dont 3 kalachnikovs ont été saisies dans l'Adamaoua. Les armes ont été saisies à Nyambaka, une "
            "petite localité.")
    found = record(text, title="Armes de guerre saisies dans l'Adamaoua", language="fr")
    assert found["location"] == "Nyambaka"


def test_where_goods_or_people_were_taken_afterwards_is_not_the_place():
    found = record("La policía incautó 1.300 armas de fuego, que fueron trasladadas en las últimas horas a Buenos "
                   "Aires.", language="es")
    assert found["location"] is None
    found = record("Police seized a pistol in Fairview. The suspect was taken to Oakdale Police Station.")
    assert found["location"] == "Fairview"


def test_a_persons_home_town_is_not_the_place():
    found = record("Officers seized five handguns at a business park. They arrested the driver, a man in his 40s from "
                   "Brighton, on suspicion of importation.")
    assert found["location"] is None


def test_a_list_of_several_sites_gives_no_place():
    found = record("Los operativos se realizaron en Malvín Norte, Cerro, Barra de Carrasco y Solymar. Se incautaron "
                   "12 armas de fuego.", language="es")
    assert found["location"] is None
    found = record("La police a effectué trois perquisitions à Maisières, Baudour et Herchies et découvert cinq armes "
                   "à feu.", language="fr")
    assert found["location"] is None
    found = record("Se incautaron 20 armas en Culiacán, Sinaloa.", language="es")
    assert found["location"] == "Culiacán, Sinaloa"


def test_a_namesake_abroad_loses_to_a_place_of_the_chosen_country():
    found = record("NCA officers seized five handguns at a business park in Sussex. They moved in on a lorry on the "
                   "Rosier Business Park in Billingshurst, West Sussex, England.")
    assert found["country"] == ["GBR"] and found["location"].startswith("Billingshurst")


def test_a_direction_alone_is_no_place_and_a_bureau_is_a_seat():
    found = record("La gendarmerie a saisi 339 canons d'armes. Au Sud de Madagascar, il y a le phénomène de vol de "
                   "bœufs.", language="fr")
    assert found["location"] is None
    found = record("The operation seized 22 firearms at the border, said the chief of the National Central Bureau in "
                   "Ulaanbaatar, and 40 rounds in Zamyn-Uud.")
    assert found["location"] == "Zamyn-Uud"


def test_along_a_road_is_at_the_road():
    assert record("The suspects were intercepted along Kangundo Road with eight rifles.")["location"] == "Kangundo Road"


def test_an_unknown_word_in_capitals_is_no_place():
    found = record("A QUANTITY of suspected ammunition and two pistols were recovered by police yesterday.")
    assert found["location"] is None
    found = record("KANYONYOO, Kenya — Police seized 30 rounds of ammunition here.")
    assert found["location"] == "KANYONYOO" and found["country"] == ["KEN"]


def test_a_police_barrier_is_a_place_not_a_police_seat():
    found = record("Police found a cache of weapons and 40 rounds of ammunition near the Asankare Police barrier in "
                   "the Ashanti Region.")
    assert found["location"] == "Asankare Police barrier"


@pytest.mark.parametrize("text, expected", [
    ("Más de 350 cartuchos fueron incautados por la Policía de Carreteras en el peaje Vesique, ubicado en el ingreso "
     "a Chimbote.", "Vesique"),
    ("Las 126.000 balas fueron secuestradas en la localidad Parotani del departamento de Cochabamba.", "Parotani"),
    ("Efectivos de la Fuerza Pública incautaron 4 fusiles en el barrio capitalino de Nazareno.", "Nazareno"),
])
def test_a_toll_a_localidad_and_a_barrio_are_the_place(text, expected):
    assert record(text, language="es")["location"] == expected


@pytest.mark.parametrize("text, language", [
    ("La Guardia Civil practicó registros en Sevilla y Tenerife e intervino más de 30 armas.", "es"),
    ("Les policiers ont saisi 26 armes lors de perquisitions à Marseille et Toulon.", "fr"),
])
def test_two_places_named_together_give_no_place(text, language):
    assert record(text, language=language)["location"] is None


@pytest.mark.parametrize("text, expected", [
    ("La gendarmerie a saisi plus de 750 munitions de l'Armée à Pékesse, village du Sénégal.", "Pékesse"),
    ("Seize fusils ont été saisis par la police au poste frontalier tuniso-libyen de Ras Jedir.", "Ras Jedir"),
])
def test_a_french_place_after_an_institution_and_a_border_post_named_by_its_countries(text, expected):
    assert record(text, language="fr")["location"] == expected


def test_a_comunidad_names_the_place():
    found = record("Los uniformados ubicaron en un camino de terracería de la comunidad Pedregoso dos vehículos con "
                   "12 armas largas.", language="es")
    assert found["location"] == "Pedregoso"


def test_a_named_street_after_on_is_the_place():
    found = record("Police seized 12 pistols from a warehouse on Marcus Garvey Drive on Tuesday.")
    assert found["location"] == "Marcus Garvey Drive"


@pytest.mark.parametrize("text, language, expected", [
    ("Two men appeared in court after their arrest in Johannesburg for possession of 30 unlicensed firearms.\n\nOn "
     "Monday, the task team confiscated 30 illegal firearms in Meyersdal, Johannesburg.", "en", "Meyersdal, Johannesburg"),
    ("Two men were charged in Beersheba.\n\nThe soldiers uncovered a rifle and a pistol in Tzofar.", "en", "Tzofar"),
])
def test_a_place_told_with_confiscated_or_uncovered_is_the_seizure_place(text, language, expected):
    assert record(text, language=language)["location"] == expected
