"""More ways the texts say someone was arrested: caught, picked up, handed over to the police, one of several."""
import pytest

from .helpers import field_value


def _arrests(text, language="en"):
    return field_value(text, "arrests", language=language)



def test_the_arrest_or_apprehension_of_someone_and_se_faire_capturer():
    assert _arrests("Police seized five rifles after a raid last week. The apprehension of the three men identified "
                    "another seven men who were alleged to be part of the gang.") == 3
    assert _arrests("Police seized an automatic rifle. Following the arrest of the man, police raided several "
                    "homes.") == 1
    assert _arrests("Un présumé grand chef de dahalo s'est fait capturer par les gendarmes qui ont saisi un fusil.",
                    language="fr") == 1


@pytest.mark.parametrize("text, language, expected", [
    ("Two suspects were picked up by police. Police seized two pistols.", "en", 2),
    ("Three men were caught. Police seized two pistols.", "en", 3),
    ("Trois suspects ont été mis à la disposition de la police. Les gendarmes ont saisi deux pistolets.", "fr", 3),
    ("Le suspect a été maîtrisé. Les gendarmes ont saisi deux pistolets.", "fr", 1),
    ("Tres personas fueron puestas a disposición de la Fiscalía. La policía decomisó dos pistolas.", "es", 3),
    ("Fueron demorados dos hombres. La policía decomisó dos pistolas.", "es", 2),
])
def test_caught_picked_up_or_handed_over_to_the_police(text, language, expected):
    assert _arrests(text, language) == expected


@pytest.mark.parametrize("text, language, expected", [
    ("Police seized six guns. Three (3) of the four (4) men at the incident were caught. 1 managed to escape.", "en", 3),
    ("Dos de los cinco sujetos fueron detenidos. La policía decomisó dos pistolas.", "es", 2),
])
def test_some_of_a_group_arrested_count_only_those(text, language, expected):
    assert _arrests(text, language) == expected


@pytest.mark.parametrize("text, language, expected", [
    ("The 79 guns were hidden in a van. Police have charged one man with firearms offences and released without "
     "charge six other people, who were with him in the van.\nA second man was arrested in the British port of Dover and also charged.", "en", 2),
    ("Des agents ont procédé à l'aéroport à l'arrestation d'un passager en possession d'armes à feu.\nUn de ses "
     "proches, qui était venu le chercher, a également été arrêté.", "fr", 2),
    ("Police arrested two men with a pistol in Leeds.\nThe two men were also charged.", "en", 2),
    ("Police seized a pistol and arrested a man in Leeds.\n\nIn another incident, police seized a rifle and arrested "
     "a woman in York.", "en", 2),
])
def test_one_more_person_arrested_in_a_later_sentence_adds_one(text, language, expected):
    assert _arrests(text, language) == expected


def test_one_of_a_group_arrested_gives_the_group_as_the_total():
    text = ("Police raided a house near Sungai Buloh and seized six home-made firearms.\nThe man was one of nine "
            "people, including four Indonesians, who were arrested in five raids.\nThe police chief said four other "
            "suspects were nabbed in three subsequent raids.")
    assert _arrests(text) == 9
    text = ("La operación permitió incautar unas 320 armas de fuego y detener a 149 personas.\nUna de las 47 personas "
            "detenidas por delitos de armas fue interceptada en Croacia.")
    assert _arrests(text, "es") == 149
    assert field_value("Police seized two pistols in Leeds. One of the two pistols was loaded.",
                       "firearms_total") == 2


@pytest.mark.parametrize("text, language, expected", [
    ("Carabineros incautaron dos fusiles en la ruta. Dos de los seis sujetos que se encontraban en la camioneta "
     "lograron huir corriendo por el bosque y los restantes cuatro fueron detenidos.", "es", 4),
    ("Carabineros incautaron dos fusiles en la ruta. Dos de los seis sujetos lograron huir y los cuatro restantes "
     "fueron detenidos.", "es", 4),
    ("Police seized two rifles. Two of the six men fled into the bush and the remaining four were arrested.", "en", 4),
])
def test_the_rest_of_a_group_arrested(text, language, expected):
    assert _arrests(text, language) == expected


@pytest.mark.parametrize("text, language", [
    ("La policía incautó dos fusiles en Managua. El nombre de los detenidos son: Ruder José Ulloa y Atahualpa "
     "Vladimir Urbina Orozco.", "es"),
    ("La policía incautó dos fusiles en Managua. Los detenidos fueron identificados como Ruder José Ulloa y "
     "Atahualpa Vladimir Urbina Orozco.", "es"),
    ("Police seized two rifles in Kingston. The arrested men were identified as John Brown and Peter Smith.", "en"),
])
def test_the_arrested_named_after_they_are_told_arrested(text, language):
    assert _arrests(text, language) == 2
