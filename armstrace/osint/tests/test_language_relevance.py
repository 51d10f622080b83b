import pytest

from armstrace.osint.extraction import extract
from armstrace.osint.extraction.language import detect

from .helpers import record


def test_language_of_each_text():
    assert detect("Police seized three pistols and arrested two men in London.") == "en"
    assert detect("La police a saisi trois pistolets et interpellé deux hommes à Marseille.") == "fr"
    assert detect("La Guardia Civil ha incautado treinta fusiles y detenido a dos personas.") == "es"
    assert detect("Die Polizei hat drei Pistolen beschlagnahmt und zwei Männer festgenommen.") == "other"


def test_a_seizure_report_is_relevant():
    found = extract("Customs officers seized 20 firearms and 320 rounds of ammunition at Dover.")
    assert found.relevant and found.relevance >= 0.8


def test_a_general_piece_is_not_relevant_and_has_an_empty_record():
    found = extract("Gun laws were debated in parliament on Tuesday; ministers said firearms licensing will change.")
    assert not found.relevant
    assert set(found.record().values()) == {None}


def test_each_value_carries_its_span_and_confidence():
    text = "Police seized 12 pistols in Leeds on 3 March 2024."
    found = extract(text)
    spans = found.spans()
    total = spans["firearms_total"][0]
    assert text[total["start"]:total["end"]] == "12 pistols"
    assert 0 < total["confidence"] <= 1
    date = spans["date"][0]
    assert text[date["start"]:date["end"]] == "3 March 2024"


def test_spans_by_type_keep_their_type():
    text = "Police seized 12 pistols and a shotgun in Leeds."
    spans = extract(text).spans()["firearms_by_type"]
    assert text[spans["pistol"]["start"]:spans["pistol"]["end"]] == "12 pistols"
    assert text[spans["shotgun"]["start"]:spans["shotgun"]["end"]] == "a shotgun"


def test_a_text_whose_only_counts_are_a_running_tally_is_not_relevant():
    found = extract("Authorities revealed on Thursday that police have been successful: to date 115 weapons and over "
                    "7,000 rounds of ammunition have been confiscated for 2024.")
    assert not found.relevant
    assert found.record()["firearms_total"] is None


def test_arms_that_turned_out_to_be_replicas_make_no_seizure():
    found = extract("Descubren varias armas de fuego que resultan ser réplicas en Salou. Los agentes localizaron "
                    "52 pistolas y 178 navajas.", language="es")
    assert not found.relevant


def test_an_apparent_handgun_that_was_a_bb_gun_makes_no_seizure():
    found = extract("An officer noticed the back end of a handgun next to the driver's seat. A search revealed that "
                    "the realistic looking Glock semi-auto handgun was a BB Gun. The 25yo resident was arrested.")
    assert not found.relevant
    assert extract("Officers seized a handgun in the car. It was a real Glock; a second pistol was a BB gun.").relevant


def test_a_statistic_retold_later_stays_a_statistic():
    found = extract("Revenue shows that 261 firearms were intercepted at its mail centres in 2016.\n"
                    "As for the 261 firearms, Revenue said they included lasers and stun guns.")
    assert not found.relevant


def test_a_text_opening_on_a_period_statistic_reports_no_seizure():
    assert not extract("A travers un bilan de l'année en cours, les douanes ont procédé à la saisie de 54 fusils de "
                       "chasse, depuis janvier dernier. Le bilan fait également état de la saisie de 23 pistolets.",
                       language="fr").relevant
    assert not extract("Los Mossos decomisaron 580 armas de fuego en el primer semestre de 2025 en Cataluña. Del "
                       "total, 283 fueron cortas.", language="es").relevant
    assert not extract("La police fédérale a saisi en 2018 5.850 armes à feu illégales.", language="fr").relevant


def test_a_statistic_beside_a_dated_seizure_keeps_the_seizure():
    found = extract("Unas 15 armas de fuego y 391 municiones son decomisadas en las últimas 72 horas; estas armas "
                    "se suman a las 2,890 armas incautadas en lo que va del año.", language="es")
    assert found.relevant and found.record()["firearms_total"] == 15


def test_arms_destroyed_after_their_seizure_are_no_seizure():
    assert not extract("Quelque 2.300 armes à feu saisies ces derniers mois par les forces de sécurité ont été "
                       "détruites samedi à Lomé.", language="fr").relevant
    assert not extract("The six hundred and eleven guns that were destroyed today had been confiscated by police.").relevant


def test_smuggling_with_counted_rounds_is_a_seizure_report():
    found = extract("Two men have been arrested for allegedly smuggling firearms in San Marcelino. Six boxes were "
                    "used to hide 6,000 rounds of ammunition.")
    assert found.relevant and found.record()["ammunition_rounds"] == 6000


def test_arms_unearthed_or_handed_to_investigators_are_a_seizure():
    assert record("A stash of five rifles was unearthed in a forest near Tororo.")["firearms_total"] == 5
    assert record("Un fusil a été déterré dans un champ près de Bouaké.", language="fr")["firearms_total"] == 1
    assert record("Two pistols were handed over to investigators after a raid in Leeds.")["firearms_total"] == 2
    assert record("Se retuvieron 3 escopetas en Cuenca.", language="es")["firearms_total"] == 3
    assert record("La police a mis hors circulation 5 armes à Abidjan.", language="fr")["firearms_total"] == 5
    assert record("Les gendarmes ont appréhendé deux fusils à Dakar.", language="fr")["firearms_total"] == 2


def test_arms_located_or_carried_are_seized_in_spanish():
    assert record("Unidades del Senafront ubicaron dos armas de fuego con municiones en Darién.",
                  language="es")["firearms_total"] == 2


@pytest.mark.parametrize("text", [
    "La Guardia Civil han confiscado 420 pistolas airsoft que estaban en venta en un comercio mayorista de Tarragona.",
    "En un operativo en un hotel, las autoridades aseguraron dos armas largas y un arma corta. Al revisar las armas, "
    "se descubrió que eran réplicas capaces de disparar proyectiles de hidrogel.",
    "La Secretaría de la Defensa Nacional decomisó 39 mil 982 armas y 18 millones de cartuchos de enero de 2018 al 1 de "
    "mayo de 2023, informó el titular.",
    "La iniciativa establece los requisitos para portar armas de fuego y municiones, y amplía las competencias de "
    "control de armas que tiene Carabineros.",
])
def test_spanish_hard_negatives_report_no_seizure(text):
    assert not extract(text, language="es").relevant


@pytest.mark.parametrize("text, language", [
    ("Hundreds of illegal firearms have been handed in to police during a two-week amnesty campaign. A total of 474 "
     "firearms and 337 lots of ammunition were received at police stations around Scotland. These included a machine "
     "gun, an AK47 assault rifle, and a pistol.", "en"),
    ("The Punjab Police recovered 1,581 kalashnikovs, 39,818 pistols and 744 revolvers across the province this year "
     "so far.", "en"),
    ("Un total de 48 armas de fuego, incluyendo rifles y 4,000 municiones, fueron robadas esta madrugada de la Oficina "
     "de Instructores de Tiro.", "es"),
    ("La Guardia Civil ha intervenido dos escopetas catalogadas como prohibidas al tratarse de armas de aire "
     "comprimido.", "es"),
    ("De acuerdo con estadísticas de la PNC, las divisiones han decomisado 524 armas y 522 municiones del uno de enero "
     "al 25 de febrero.", "es"),
    ("The Government has estimated that some 1,000 illegal weapons are in circulation.", "en"),
])
def test_surrenders_thefts_air_guns_and_statistics_report_no_seizure(text, language):
    assert not extract(text, language=language).relevant


def test_arms_in_their_possession_are_seized():
    found = record("Ces hommes avaient à leur possession deux Kalachnikovs et 114 cartouches de guerre. Ils ont été "
                   "interpellés dans la province du Haut Ogooué au sud-est du Gabon.", language="fr")
    assert found["firearms_by_type"] == {"rifle": 2}
    assert found["ammunition_rounds"] == 114


def test_arms_told_with_the_interception_of_their_carriers_are_a_seizure():
    assert extract("Début mars, la sécurité tchadienne a procédé à l'interpellation de trois véhicules. À bord, un "
                   "impressionnant arsenal, dont 1 400 pistolets turcs.", language="fr").relevant


def test_a_years_tally_and_airsoft_markers_are_no_seizure():
    assert not extract("El Ejército colombiano ha logrado incautar este año 919 fusiles, 2.320 pistolas y revólveres y "
                       "63 ametralladoras, informaron este viernes fuentes castrenses.", language="es").relevant
    found = extract("En el puesto de control se procedió al secuestro de 31 armas marcadoras tipo Airsoft.",
                    language="es")
    assert found.fields["firearms_total"] is None


def test_a_tally_between_two_days_is_a_statistic():
    found = record("The regional police said 116 long firearms were confiscated between April 26 and October 6.")
    assert found["firearms_total"] is None


@pytest.mark.parametrize("text, language", [
    ("In the last two weeks the police have seized 19 firearms.", "en"),
    ("En las últimas dos semanas la Policía ha incautado 19 armas de fuego.", "es"),
    ("Au cours des deux dernières semaines, les gendarmes ont saisi 19 armes à feu.", "fr"),
    ("Unas 1,381 armas de fuego han sido decomisadas por la Policía Nacional en los primeros siete meses del "
     "presente año.", "es"),
])
def test_a_tally_of_the_last_weeks_is_a_statistic(text, language):
    assert record(text, language=language)["firearms_total"] is None


def test_arms_handed_in_at_a_surrender_ceremony_and_their_breakdown_are_no_seizure():
    found = record("Des miliciens ont volontairement remis aux FARDC plus de 470 armes de guerre lors de cérémonies "
                   "de reddition à Jailo. Parmi l'arsenal récupéré figurent notamment 45 fusils d'assaut AK-47 et "
                   "deux mitrailleuses PKM.", language="fr")
    assert found["firearms_total"] is None
    assert found["firearms_by_type"] is None


@pytest.mark.parametrize("text", [
    "La Policía Nacional se ha incautado de 68 armas de fuego en una de las mayores incautaciones de armas "
    "realizadas hasta la fecha en la provincia.",
    "En la vereda Rincón las tropas pudieron ubicar 11 cartuchos calibre 7,62 milímetros.",
])
def test_a_record_seizure_to_date_is_a_seizure_and_arms_located_are_seized(text):
    assert extract(text, language="es").relevance >= 0.5


@pytest.mark.parametrize("text", [
    "Durante el Régimen de Excepción se han logrado concretar 48,764 capturas y 300 armas incautadas a escala "
    "nacional.",
    "De 183 allanamientos durante la primera semana de marzo se han recuperado 60 armas de fuego.",
    "Tras reducirlas a chatarra, el conjunto ha alcanzado un peso de 6.600 kilos. La Guardia Civil se ha deshecho de "
    "2.914 armas. Dentro del conjunto, los agentes localizaron 295 armas cortas y 1.979 armas largas.",
])
def test_national_and_weekly_tallies_and_arms_destroyed_are_no_seizure(text):
    assert record(text, language="es")["firearms_total"] is None
