import pytest

from .helpers import field_value, record


def test_day_and_month_take_the_publication_year():
    found = record("Border Force officers seized 20 firearms at Dover on Monday 23 June.", published="2025-07-01")
    assert found["date"] == "2025-06-23"


def test_a_date_after_publication_is_last_year():
    found = record("Les douaniers ont saisi deux pistolets le 28 décembre à Calais.", language="fr",
                   published="2024-01-05")
    assert found["date"] == "2023-12-28"


def test_day_and_month_without_any_year_is_null():
    assert record("CBP officers seized 40 pistols on May 22 in Louisville.")["date"] is None


def test_weekday_only_is_the_publication_date():
    found = record("La police a saisi trois pistolets ce mardi à Lyon.", language="fr", published="2026-01-07")
    assert found["date"] == "2026-01-07"


def test_month_only_is_year_month():
    found = record("Les gendarmes ont saisi sept armes fin janvier à Marseille.", language="fr",
                   published="2024-02")
    assert found["date"] == "2024-01"


def test_an_operation_over_a_period_has_no_seizure_date():
    found = record("Operation Trigger IX took place from 12 March to 2 April 2023 and seized 8,263 firearms.")
    assert found["date"] is None


def test_court_date_is_not_the_seizure_date():
    found = record("Officers seized eleven firearms at Coutts on Friday. Three travellers will appear in court on "
                   "19 October.", published="2016-09-01")
    assert found["date"] == "2016-09-01"


def test_seizure_date_with_its_year():
    found = record("La Guardia Civil intervino el 3 de marzo de 2023 cinco escopetas en Lugo.", language="es",
                   published="2024-01-01")
    assert found["date"] == "2023-03-03"


def test_a_between_period_and_background_months_give_no_date():
    found = record("Police arrested 14 589 suspects and seized 1 144 firearms between 26 January and 01 February "
                   "2026.", published="2026-02-03")
    assert found["date"] is None
    found = record("Au total, 7 armes 3D ont été saisies. Une arme de ce type avait été retrouvée en juin dernier à "
                   "Marseille.", language="fr", published="2024-02-06")
    assert found["date"] is None


def test_publication_dates_in_several_forms():
    from armstrace.osint.extraction.dates import parse_published

    assert str(parse_published("5 mars 2024", "fr")) == "2024-03-05"
    assert str(parse_published("2024-03-05T10:00:00Z")) == "2024-03-05"
    assert str(parse_published("2024-02")) == "2024-02-01"
    assert parse_published("yesterday") is None and parse_published("garbage") is None


def test_the_day_of_an_announcement_yields_to_the_seizure_day_but_stands_in_for_it():
    found = record("The agency announced March 2 that it laid charges. On January 14, officers searched a car at "
                   "the border and seized four pistols.", published="2022-03-05")
    assert found["date"] == "2022-01-14"
    found = record("Trois trafiquants ont été présentés à la presse le 14 février 2006 avec 16 fusils saisis.",
                   language="fr")
    assert found["date"] == "2006-02-14"


def test_a_birth_date_is_no_seizure_date():
    found = record("Police seized 12 pistols in Leeds on Friday. The suspect, born on 12 March 1990, was arrested.",
                   published="2024-04-12")
    assert found["date"] == "2024-04-12"


def test_a_dateline_yields_to_the_seizure_day():
    found = record("SINGAPORE, July 8 — Customs uncovered a parcel of 20 gun barrels at the airmail centre last "
                   "Saturday (June 29).", published="2019-07-08")
    assert found["date"] == "2019-06-29"


def test_the_night_of_two_days_is_its_first_day():
    found = record("Dans la nuit du 27 au 28 octobre 2024, les douaniers ont saisi 3 144 munitions dans un bus.",
                   language="fr")
    assert found["date"] == "2024-10-27"


def test_the_end_of_a_period_is_no_date_and_a_month_range_neither():
    found = record("En novembre 2024, l'opération a permis la saisie de 400 armes à feu. Une phase de suivi s'est "
                   "déroulée jusqu'au 24 novembre.", language="fr", published="2024-12-02")
    assert found["date"] == "2024-11"
    found = record("La operación, desarrollada durante julio y agosto, permitió incautar 40 armas.", language="es",
                   published="2025-11-20")
    assert found["date"] is None


def test_a_month_after_the_publication_month_is_last_year():
    assert record("Police seized 12 pistols in Leeds in November.", published="2024-03-05")["date"] == "2023-11"


def test_without_a_publication_date_the_year_comes_from_the_passage():
    found = record("El 3 de marzo de 2023 comenzó la investigación. El 5 de abril, los agentes incautaron 12 "
                   "pistolas en Lugo.", language="es")
    assert found["date"] == "2023-04-05"


def test_today_words_and_yesterday():
    found = record("En las últimas horas, la DIAN incautó 25 cañones en el aeropuerto de Bogotá.", language="es",
                   published="2026-01-06")
    assert found["date"] == "2026-01-06"
    found = record("Customs found 12 pistols in a barrel at the wharf in Kingston yesterday.", published="2018-10-04")
    assert found["date"] is None


def test_a_court_weekday_is_no_seizure_day():
    found = record("Police seized 12 pistols in Leeds last week. Two men will appear in court on Monday.",
                   published="2024-04-12")
    assert found["date"] is None


def test_a_period_s_start_is_no_date_and_its_report_date_stands():
    found = record("Police arrested 966 suspects in a crackdown that began on July 1. As of July 21, the police had "
                   "seized 911 illegal guns. The operation runs from July 1-30.", published="2023-07-23")
    assert found["date"] == "2023-07-21"
    found = record("La operación se inició en diciembre de 2021 y permitió incautar 40 armas.", language="es",
                   published="2022-09-17")
    assert found["date"] is None


def test_a_dateline_yields_to_the_day_of_the_find():
    found = record("JOHOR BARU, Jan 14 — Police arrested 20 men over the seizure of a cache of firearms. Policemen "
                   "came across seven firearms and 6,000 rounds of ammunition in the river on January 1.",
                   published="2021-01-14")
    assert found["date"] == "2021-01-01"


def test_several_seizure_days_told_within_a_month_give_the_month():
    found = record("Les agents ont été occupés au mois de septembre par plusieurs saisies d'armes. Le 21 septembre, "
                   "un revolver a été découvert à Fort Frances. Le 27 septembre, deux fusils ont été saisis à Pigeon "
                   "River.", language="fr", published="2016-10")
    assert found["date"] == "2016-09"


def test_nowadays_and_a_birth_year_date_nothing():
    found = record("L'opération a permis de saisir 1.621 armes. Ces armes sont aujourd'hui très populaires.",
                   language="fr", published="2023-04-03")
    assert found["date"] is None
    found = record("La PNH a saisi des armes le vendredi 5 avril. La cargaison était destinée à un commissionnaire né "
                   "le 29 janvier 1984.", language="fr")
    assert found["date"] is None


def test_a_court_day_told_as_today_yields_to_the_seizure_month():
    found = record("The man was sentenced today after police seized 12 firearms from his home in March 2023.",
                   published="2024-05-10")
    assert found["date"] == "2023-03"


def test_a_numeric_date_with_the_month_first():
    assert record("CBP officers seized 40 pistols at Laredo on 5/23/2024.")["date"] == "2024-05-23"


def test_between_two_days_each_with_its_month():
    assert record("Police seized 12 guns between May 1 and May 3.", published="2024-05-10")["date"] is None


def test_a_dateline_in_brackets():
    found = record("LOS ANGELES (Jan 20, 2024) — Agents seized 40 firearms in a raid in Compton on January 12.",
                   published="2024-01-20")
    assert found["date"] == "2024-01-12"


def test_a_month_abbreviation_does_not_end_the_sentence():
    found = record("Customs met its partners on 3 January in Ottawa. On Jan. 5 officers seized 12 pistols at the "
                   "border.", published="2024-01-20")
    assert found["date"] == "2024-01-05"


def test_a_day_and_month_of_last_year():
    found = record("La policía incautó 12 armas de fuego el 14 de septiembre del año pasado en Lima.", language="es",
                   published="2024-11-05")
    assert found["date"] == "2023-09-14"
    found = field_value("Les douaniers ont saisi 12 armes à feu en mai de l'année dernière.", "date", language="fr",
                        published="2024-11-05")
    assert found == "2023-05"


def test_the_day_written_right_after_the_seizure_is_its_date():
    assert field_value("A man was arrested on 2 March after police seized a rifle on 28 February.", "date",
                       published="2025-03-14") == "2025-02-28"
    assert field_value("The man was sentenced on 12 March for a seizure made on 4 January 2024.", "date",
                       published="2025-03-14") == "2024-01-04"
    assert field_value("On 3 March police seized a rifle; a man was charged on 5 March.", "date",
                       published="2025-03-14") == "2025-03-03"


def test_the_weekday_of_what_was_said_dates_the_seizure():
    text = "Zungu said that on Thursday at about 12.15am, the suspect was found in possession of 14 home-made firearms."
    assert field_value(text, "date", published="2023-12-21") == "2023-12-21"
    assert field_value("Police said on Thursday that they seized 14 firearms.", "date", published="2023-12-21") is None


def test_a_weekday_seizure_on_a_page_dated_by_its_month_is_that_month():
    assert field_value("Deux lance-roquettes ont été saisis mardi dans un gymnase d'Attiécoubé.", "date",
                       language="fr", published="2017-09") == "2017-09"


def test_the_weekday_of_an_announcement_told_after_it_dates_nothing():
    text = ("Ce lundi, les gendarmes ont annoncé le démantèlement d'un réseau. Le coup de filet est survenu fin janvier; "
            "24 armes ont été saisies.")
    assert field_value(text, "date", language="fr", published="2024-02") == "2024-01"


def test_a_weekday_seizure_with_a_later_clause_about_what_is_due():
    assert record("Ten firearms were seized during a search on Friday evening by gardaí; a technical examination "
                  "is due.", published="2020-01-04")["date"] == "2020-01-04"
    assert record("Ten firearms were seized. The man will appear in court on Friday.",
                  published="2020-01-04")["date"] is None


def test_a_night_over_two_named_days_is_its_first_day():
    assert record("Une découverte a été faite dans la nuit du samedi 9 au dimanche 10 novembre 2024 sur l'axe "
                  "Nafoungolo : les gendarmes ont saisi un fusil AK47.", language="fr")["date"] == "2024-11-09"


def test_a_month_after_au_mois_d_and_not_the_month_an_inquiry_began():
    text = ("Le Service Local de Recherche a débuté son enquête en octobre 2022. Trois armes ont été découvertes "
            "lors de plusieurs perquisitions menées au mois d'avril à Ans.")
    assert record(text, language="fr", published="2023-05")["date"] == "2023-04"


def test_a_day_with_a_comma_before_its_month():
    found = record("Police intercepted 200 firearms at the port of Saint-Marc Thursday 8, September 2016.")
    assert found["date"] == "2016-09-08"


@pytest.mark.parametrize("text, language", [
    ("Police on Wednesday said they found 260 rounds of ammunition in Linden.", "en"),
    ("The capital police on Saturday claimed to have seized 272 pistols.", "en"),
    ("La Policía incautó once fusiles y 1.396 cartuchos, detalló este miércoles la Policía en su cuenta de X.", "es"),
    ("Des policiers ont découvert 2 800 munitions à Besançon, selon plusieurs médias locaux ce jeudi.", "fr"),
])
def test_the_weekday_of_the_saying_dates_no_seizure(text, language):
    assert record(text, language=language, published="2024-06-05")["date"] is None


def test_a_weekday_seizure_told_by_a_later_saying_is_the_publication_day():
    assert record("Police seized 5 pistols in Leeds on Saturday, a spokesman said.",
                  published="2025-01-11")["date"] == "2025-01-11"
