import pytest

from .helpers import field_value, record


def test_arrests_in_words_in_three_languages():
    assert record("Police seized 3 pistols in Leeds and four people were arrested.")["arrests"] == 4
    assert record("Trois personnes ont été interpellées après la saisie de 5 fusils à Lyon.",
                  language="fr")["arrests"] == 3
    assert record("La Guardia Civil detuvo a cinco personas e incautó 12 pistolas en Lugo.",
                  language="es")["arrests"] == 5


def test_arrests_summed_over_places():
    found = record("Police seized 40 firearms. 12 people were arrested in Spain, while 5 people were arrested "
                   "in France.")
    assert found["arrests"] == 17


def test_none_arrested_is_zero():
    assert record("Aunque no se reportaron detenciones, se aseguraron 5 pistolas en Tuxtla.",
                  language="es")["arrests"] == 0


def test_one_person_arrested():
    assert record("The driver, a 34-year-old man, was arrested after 20 firearms were found at Dover.")[
        "arrests"] == 1
    assert record("Un homme a été interpellé après la découverte de deux pistolets à Lyon.",
                  language="fr")["arrests"] == 1


def test_people_heard_or_investigated_are_not_arrested():
    found = record("48 armes ont été saisies. Une personne a été placée en garde à vue et 19 personnes ont été "
                   "entendues.", language="fr")
    assert found["arrests"] == 1
    assert record("Se intervinieron 190 armas de fuego y ha sido investigada una persona.",
                  language="es")["arrests"] is None


def test_feminine_participles_and_the_detainee():
    assert record("La personne soupçonnée est identifiée puis interpellée par les gendarmes, qui saisissent "
                  "trois fusils.", language="fr")["arrests"] == 1
    assert record("Se incautaron 16 armas en el domicilio del detenido en Martorell.", language="es")["arrests"] == 1


def test_a_part_of_the_arrested_is_not_added():
    found = record("Cuatro personas, entre ellas dos menores de edad, fueron detenidas tras el decomiso de tres "
                   "fusiles en Culiacán.", language="es")
    assert found["arrests"] == 4


def test_people_charged_by_name_are_counted():
    found = record("Officers seized seven firearms at the Coutts port of entry. The CBSA has since charged Adam "
                   "Brown (39) and Bethany Brown (42).")
    assert found["arrests"] == 2
    assert record("Police seized two rifles in Leeds and arrested John Smith.")["arrests"] == 1


def _arrests(text, **kwargs):
    return field_value(text, "arrests", **kwargs)


def test_people_the_lexicon_does_not_name():
    assert _arrests("Crime Branch busted a gang and arrested five accused with 51 firearms on Saturday.") == 5
    assert _arrests("Police apprehended two smugglers and seized 40 pistols in Rawalpindi.") == 2
    assert _arrests("Fueron capturados tres sujetos con 12 pistolas en Lima.", language="es") == 3
    assert _arrests("Deux apprentis présents à bord ont été arrêtés et 12 fusils saisis.", language="fr") == 2
    assert _arrests("Le BIR a procédé à l'interpellation de 8 présumés preneurs d'otages et saisi 12 fusils.",
                    language="fr") == 8
    assert _arrests("Quatre (04) criminels ont été arrêtés dimanche à Debdeb par un détachement qui a saisi un "
                    "pistolet automatique.", language="fr") == 4
    assert _arrests("Two terrorists were arrested and three rifles seized in Kupwara.") == 2


def test_ages_lists_custody_and_verb_forms():
    assert _arrests("Four searches found 12 pistols, and four men aged 34, 47, 49 and 51 years, were arrested.") == 4
    assert _arrests("Officers seized 12 pistols and took two people into custody.") == 2
    assert _arrests("La Policía aprehendió a tres personas y decomisó un fusil AR-15.", language="es") == 3
    assert _arrests("Four men are now behind bars after 10 firearms were found in a barrel at the wharf.") == 4


def test_a_single_person_told_in_other_ways():
    assert _arrests("The driver of the vehicle was turned over to and arrested by U.S. agents with 12 rifles.") == 1
    assert _arrests("Le propriétaire, qui s'est identifié comme militaire, a tenté de fuir avant d'être arrêté. "
                    "3 144 munitions ont été saisies.", language="fr") == 1
    assert _arrests("Un ressortissant répondant aux initiales L. A. a été appréhendé avec quatre armes à feu.",
                    language="fr") == 1
    assert _arrests("Le trafiquant arrêté avait dix armes de guerre.", language="fr") == 1
    assert _arrests("121 armes à feu ont été saisies. Un homme de 38 ans fait face aux accusations suivantes.",
                    language="fr") == 1


def test_the_lead_count_and_counts_for_other_places():
    assert _arrests("Nine people were arrested in five raids. In the first raid, four men were detained with "
                    "12 pistols.") == 9
    assert _arrests("Police arrested 12 people in Spain and 5 in Portugal and seized 30 firearms.") == 17


def test_none_arrested_told_in_other_ways():
    assert _arrests("Se hallaron 12 pistolas. No se ha identificado a los sospechosos ni tampoco hay detenidos.",
                    language="es") == 0
    assert _arrests("Se incautaron 12 fusiles; durante el operativo no se reportó la detención de ninguna persona.",
                    language="es") == 0
    assert _arrests("Customs seized 12 pistols at the port. There were no arrests.") == 0


def test_counts_for_several_further_places_and_plural_none():
    assert _arrests("Police seized 12 guns. Seven suspects were arrested in Texas, three in Arizona and two in "
                    "Mexico.") == 12
    assert _arrests("Se incautaron 40 armas en Lima. No se reportaron detenidos.", language="es") == 0


def test_remand_pairs_and_pronouns():
    assert _arrests("Deux hommes ont été mis en examen et placés en détention provisoire après la saisie de 12 "
                    "armes.", language="fr") == 2
    assert _arrests("Police found 12 guns and arrested the couple.") == 2
    assert _arrests("Police found 12 guns. Both men were arrested.") == 2
    assert _arrests("Police found 12 guns. He was arrested and charged with possession.") == 1
    assert _arrests("12 armes ont été saisies. Il a été interpellé.", language="fr") == 1


def test_a_second_person_arrested_makes_two():
    assert _arrests("Les policiers ont saisi douze armes. L'occupant a été intercepté. Une deuxième personne a "
                    "également été appréhendée dans l'appartement.", language="fr") == 2


def test_a_list_of_the_people_detained():
    assert _arrests("Los agentes hallaron 40 fusiles en un almacén de Cúcuta, donde fueron capturados el venezolano "
                    "J. R., la propietaria del local y un joven de 19 años.", language="es") == 3


def test_a_person_named_before_the_verb_and_people_handed_to_the_police():
    found = record("Officers seized 10 firearms. As a result, Kevin Brooks of London, Ontario, has been charged.")
    assert found["arrests"] == 1
    found = record("Les douaniers ont saisi une arme. L’homme, l’arme et les stupéfiants ont été remis à la Police "
                   "cantonale genevoise.", language="fr")
    assert found["arrests"] == 1
    found = record("La police a saisi 3 pistolets. Ce dernier a été interpellé à son domicile. Les deux inculpés ont "
                   "été transférés à Tunis.", language="fr")
    assert found["arrests"] == 2


def test_brought_before_the_prosecutor_and_impersonal_arrests():
    assert record("Le suspect a été déféré au parquet après la saisie de 3 fusils.", language="fr")["arrests"] == 1
    assert record("Se incautaron 3 pistolas y se detuvo al conductor.", language="es")["arrests"] == 1
    assert record("Se incautaron 3 pistolas y se capturó a alias El Flaco.", language="es")["arrests"] == 1


def test_a_person_joined_to_a_count_of_people_is_counted():
    assert field_value("Police seized a pistol and arrested three men and a woman.", "arrests") == 4
    assert field_value("La Guardia Civil ha detenido a tres hombres y una mujer e incautado 4 armas.", "arrests",
                       language="es") == 4
    assert field_value("Les policiers ont saisi deux fusils et interpellé trois hommes et une femme.", "arrests",
                       language="fr") == 4
    assert field_value("Police arrested two men. A woman was also questioned.", "arrests") == 2


def test_one_person_taken_into_custody_or_arrested_by_role():
    assert field_value("Police seized a revolver and took the suspect into custody.", "arrests") == 1
    assert field_value("Los agentes arrestaron al conductor y decomisaron una escopeta.", "arrests",
                       language="es") == 1
    assert field_value("Efectivos policiales incautaron un revólver y capturaron a alias El Gordo.", "arrests",
                       language="es") == 1


def test_arrests_told_as_custody_remand_or_jail():
    assert field_value("Three suspects were booked into the county jail on weapons charges.", "arrests") == 3
    assert field_value("Officers seized the rifle and the 28-year-old was remanded in custody.", "arrests") == 1
    assert field_value("Police said the man, who cannot be named, was held on suspicion of possessing a firearm.",
                       "arrests") == 1
    assert field_value("The pair were arrested at the scene.", "arrests") == 2
    assert field_value("Police detained him at the airport.", "arrests") == 1
    assert field_value("The guns were held in a warehouse.", "arrests") is None


def test_french_and_spanish_arrest_idioms():
    for text, people in [("Trois individus ont été mis aux arrêts.", 3), ("L'homme a été écroué.", 1),
                         ("Les enquêteurs ont arrêté le suspect à son domicile.", 1),
                         ("Le mis en cause a été placé sous mandat de dépôt.", 1),
                         ("Les policiers l'ont interpellé dans la foulée.", 1),
                         ("Quatre présumés trafiquants ont été mis hors d'état de nuire.", 4)]:
        assert field_value(text, "arrests", language="fr") == people, text
    assert field_value("Un arrêté préfectoral interdit les armes.", "arrests", language="fr") is None
    for text, people in [("Los dos ocupantes del vehículo fueron detenidos.", 2),
                         ("Los agentes lo detuvieron en flagrancia.", 1),
                         ("Fueron privados de libertad dos hombres.", 2)]:
        assert field_value(text, "arrests", language="es") == people, text


def test_a_third_person_arrested_elsewhere_and_people_by_age_group():
    assert field_value("Deux personnes ont été arrêtées à Paris et une troisième à Lyon.", "arrests",
                       language="fr") == 3
    assert field_value("Two men were arrested in Leeds and a third in York.", "arrests") == 3
    assert field_value("La Guardia Civil ha detenido a dos personas en Navarra y ha investigado a una tercera.",
                       "arrests", language="es") == 2
    assert field_value("Un quadragénaire a été interpellé.", "arrests", language="fr") == 1
    assert field_value("A teenage boy has been arrested.", "arrests") == 1
    assert field_value("Un menor de edad fue detenido.", "arrests", language="es") == 1


@pytest.mark.parametrize("text, language", [
    ("Police arrested 3 men and seized 4 guns. Two more men were arrested later in Leeds.", "en"),
    ("Trois hommes ont été interpellés. Deux autres personnes ont été interpellées le lendemain.", "fr"),
    ("Tres hombres fueron detenidos con dos fusiles. Otras dos personas fueron capturadas en Cali.", "es"),
])
def test_a_further_group_arrested_later_is_added(text, language):
    assert field_value(text, "arrests", language=language) == 5


@pytest.mark.parametrize("text, language, expected", [
    ("Police arrested four suspects and seized guns. Two suspects were arrested in a car. Two more suspects were "
     "arrested at a house.", "en", 4),
    ("Six individus ont été arrêtés. Un premier suspect a conduit à l'arrestation de cinq autres complices. Le bilan "
     "fait état de six personnes interpellées.", "fr", 6),
    ("Sept personnes ont été interpellées à Lyon. Quatre personnes ont été placées en détention provisoire, 2 autres "
     "sont sous contrôle judiciaire.", "fr", 7),
])
def test_a_retold_or_unarrested_other_group_is_not_added(text, language, expected):
    assert field_value(text, "arrests", language=language) == expected


def test_a_teenager_given_by_age_alone_is_one_arrest():
    assert field_value("A 19-year-old was arrested after officers found a gun in Leeds.", "arrests") == 1


@pytest.mark.parametrize("text", [
    "Les gendarmes ont interpellé chez lui samedi 16 mars 2013 un homme de 50 ans.",
    "Ce dernier a été arrêté et le bus conduit au commissariat.",
    "Le ministère public a ordonné son placement en garde à vue.",
    "Il a été placé sous mandat de dépôt.",
])
def test_one_person_arrested_in_french_idioms(text):
    assert field_value(text, "arrests", language="fr") == 1


@pytest.mark.parametrize("text, language, expected", [
    ("The operation also saw three terror suspects fatally injured in a shootout and seven arrested.", "en", 7),
    ("Two suspects were shot dead and four others arrested.", "en", 4),
    ("Dos delincuentes fueron abatidos y tres detenidos.", "es", 3),
    ("Deux malfaiteurs ont été tués et trois autres interpellés.", "fr", 3),
])
def test_people_killed_or_wounded_are_not_arrested(text, language, expected):
    assert field_value(text, "arrests", language=language) == expected


def test_charged_in_french_is_an_arrest():
    assert field_value("Un an plus tard, l’adolescent est formellement accusé au Tribunal de la jeunesse.", "arrests",
                       language="fr") == 1


@pytest.mark.parametrize("text, language, expected", [
    ("Se detuvo a un vehículo con un grupo de personas en las que dos fueron detenidas, con un arma de fuego.", "es", 2),
    ("Police stopped five men, of whom three were arrested.", "en", 3),
])
def test_a_count_of_people_said_before_its_arrest(text, language, expected):
    assert field_value(text, "arrests", language=language) == expected


@pytest.mark.parametrize("text, language, expected", [
    ("Un fils et son père ont été placés en garde à vue après la découverte d'un arsenal.", "fr", 2),
    ("Ces opérations ont conduit à l'interpellation de Droge Benjamin et Varien Petit-Homme.", "fr", 2),
    ("The driver, Abasou Fousseni, 45, and his co-driver, Salisu Jalilu, 38, were both arrested.", "en", 2),
    ("Como resultado de las diligencias policiales se demoró a un varón y se secuestraron tres armas.", "es", 1),
])
def test_pairs_named_people_and_argentine_demora(text, language, expected):
    assert field_value(text, "arrests", language=language) == expected


@pytest.mark.parametrize("text, language, expected", [
    ("Trois individus ont été, les 30 juillet et 1er août, interpellés à Kango.", "fr", 3),
    ("Le mis en cause a été placé en détention.", "fr", 1),
    ("Quatre personnes ont été déférées au parquet.", "fr", 4),
    ("Les suspects, au nombre de quatre, ont été interpellés.", "fr", 4),
    ("Un Nigérian a été interpellé.", "fr", 1),
    ("A Kenyan national has been arrested.", "en", 1),
])
def test_more_french_and_english_arrest_phrasings(text, language, expected):
    assert field_value(text, "arrests", language=language) == expected


@pytest.mark.parametrize("text, language, expected", [
    ("Police seized a pistol in Accra. Nine suspected land guards have been arrested.", "en", 9),
    ("Officers found a 9MM pistol in his bag. He refused to answer and was consequently arrested.", "en", 1),
    ("Adoum Terap, député suppléant de Makary, a été appréhendé à l'aéroport de Douala avec neuf fusils.", "fr", 1),
    ("Two rifles were seized at the port. The vessel was detained.", "en", None),
    ("Trois fusils ont été saisis. Le véhicule a été immobilisé.", "fr", None),
])
def test_a_subject_count_or_one_person_before_a_passive_arrest(text, language, expected):
    assert record(text, language=language)["arrests"] == expected


@pytest.mark.parametrize("text, language, expected", [
    ("Una macrooperación ha permitido detener en una docena de países a 245 personas y se intervinieron 300 "
     "pistolas.", "es", 245),
    ("Se incautaron 3 fusiles. El conductor y su ayudante fueron capturados.", "es", 2),
    ("Carabineros detuvo en Carahue a un sujeto que portaba 2 pistolas.", "es", 1),
    ("Se incautaron 3 fusiles al conductor, quien fue inmediatamente detenido.", "es", 1),
    ("Se incautaron 3 fusiles. Hasta el momento, la Policía no ha efectuado ninguna detención.", "es", 0),
])
def test_spanish_infinitive_pairs_adverbs_and_no_arrest_made(text, language, expected):
    assert record(text, language=language)["arrests"] == expected


@pytest.mark.parametrize("text, expected", [
    ("Saturday, February 18, 2023 – National Police Service officers in Maralal nabbed a motorbike rider and "
     "recovered an AK 47 rifle.", 1),
    ("Police seized 3 rifles in the Mudgeeraba raid. Four were arrested, with alleged links to a gang.", 4),
])
def test_a_dateline_year_is_no_count_of_people(text, expected):
    assert record(text)["arrests"] == expected


def test_arms_dealers_are_people_not_arms():
    found = record("Police confirmed the arrest of at least five suspected trans-border arms dealers and recovered "
                   "2 rifles.")
    assert (found["arrests"], found["firearms_total"]) == (5, 2)


@pytest.mark.parametrize("text, language, expected", [
    ("Police seized three pistols. A Colombian, two Venezuelans and a Mexican were arrested.", "en", 4),
    ("Police seized three pistols. Two Britons and a Dutch national were arrested at the port.", "en", 3),
    ("La police a saisi 200 cartouches. Un Béninois, un Togolais, deux Nigérians, et une Ghanéenne ont été "
     "interpellés.", "fr", 5),
    ("La policía incautó tres pistolas. Un colombiano, dos venezolanos y un mexicano fueron detenidos.", "es", 4),
    ("La policía incautó tres pistolas. Dos fusiles y una escopeta fueron hallados.", "es", None),
])
def test_people_listed_kind_by_kind_are_summed(text, language, expected):
    assert record(text, language=language)["arrests"] == expected


@pytest.mark.parametrize("text, language, expected", [
    ("Police seized three pistols. The driver was placed under arrest.", "en", 1),
    ("Police seized 200 rounds at the home of the 32-year-old man arrested on Thursday.", "en", 1),
    ("Police seized three pistols. The driver of the car and his passenger were arrested.", "en", 2),
    ("La police a saisi trois pistolets. L'occupant est placé en état d'arrestation.", "fr", 1),
    ("La police a saisi 300 cartouches au domicile de l'homme de 32 ans interpellé ce jeudi.", "fr", 1),
    ("La police a saisi trois pistolets. Un employé d'une université a été arrêté.", "fr", 1),
    ("La police a saisi trois pistolets. Le véhicule a été arrêté au poste de contrôle.", "fr", None),
    ("La police a saisi trois pistolets. Pour le moment, personne n'a été arrêté.", "fr", 0),
    ("La douane a saisi trois fusils. Le conducteur du véhicule et son passager ont été mis aux arrêts.", "fr", 2),
    ("La policía incautó tres pistolas. El conductor fue puesto bajo arresto.", "es", 1),
    ("Se hallaron 300 cartuchos en el domicilio del hombre de 32 años detenido el jueves.", "es", 1),
    ("La policía incautó tres pistolas. Se procedió a la detención del conductor.", "es", 1),
    ("La policía incautó tres pistolas. El conductor del vehículo y su acompañante fueron detenidos.", "es", 2),
])
def test_one_or_two_people_in_plain_arrest_phrasings(text, language, expected):
    assert record(text, language=language)["arrests"] == expected


@pytest.mark.parametrize("text, expected", [
    ("Customs seized 200 shotguns, while a 45-year-old transportation company director is detained.", 1),
    ("Police seized two pistols and eight rounds. No one was arrested in connection with the seizure.", 0),
])
def test_a_present_tense_detention_and_no_one_arrested(text, expected):
    assert record(text)["arrests"] == expected


@pytest.mark.parametrize("text, expected", [
    ("Les douaniers ont saisi 3 pistolets. L'homme a été placé en garde-à-vue.", 1),
    ("La GRC a saisi trois fusils. Les deux hommes sont également visés par des accusations supplémentaires.", 2),
])
def test_hyphenated_custody_and_men_facing_charges_in_french(text, expected):
    assert record(text, language="fr")["arrests"] == expected


@pytest.mark.parametrize("sentence", ["Il a été aussitôt placé en garde à vue.",
                                      "Le conducteur a été immédiatement interpellé.",
                                      "Il a ensuite été écroué."])
def test_french_adverb_after_the_auxiliary(sentence):
    assert record(f"Les gendarmes ont saisi trois pistolets à Lyon. {sentence}", language="fr")["arrests"] == 1


def test_a_stopped_lorry_is_no_arrest():
    assert record("Le camion a été arrêté à la frontière avec cinq fusils saisis à bord.",
                  language="fr")["arrests"] is None


@pytest.mark.parametrize("text, language", [
    ("Police seized a pistol in Leeds. Three people, two men and a woman, were arrested.", "en"),
    ("Police seized a pistol in Leeds. Three people (two men and a woman) were arrested.", "en"),
    ("Police seized a pistol in Leeds. Three people – two men and a woman – were arrested.", "en"),
    ("Se incautaron dos pistolas en Lugo. Fueron detenidas tres personas, dos hombres y una mujer.", "es"),
    ("Deux pistolets ont été saisis à Lyon. Trois personnes, deux hommes et une femme, ont été interpellées.", "fr"),
])
def test_a_count_of_people_then_its_breakdown_is_not_summed(text, language):
    assert record(text, language=language)["arrests"] == 3


@pytest.mark.parametrize("sentence", ["Two men, aged in their 20s, were arrested.",
                                      "Two men in their late 30s were arrested."])
def test_an_age_in_decades_between_the_count_and_the_arrest(sentence):
    assert record(f"Police seized a pistol in Leeds. {sentence}")["arrests"] == 2


def test_grabbed_by_the_police_is_an_arrest():
    assert record("Police seized three pistols. Three persons were on Tuesday grabbed by the Police Highway "
                  "Patrol team.")["arrests"] == 3


@pytest.mark.parametrize("text, expected", [
    ("Les douaniers ont saisi 750 balles à Tanger. Le père, déféré devant la justice militaire, affirme qu'elles "
     "servaient à la chasse.", 1),
    ("Les policiers ont découvert cinq armes à feu. Deux personnes ont été privées de liberté.", 2),
])
def test_french_deferred_and_deprived_of_liberty(text, expected):
    assert record(text, language="fr")["arrests"] == expected


def test_ambos_detenidos_are_two():
    assert record("Se incautaron dos pistolas en Lugo. Ambos detenidos tienen antecedentes.",
                  language="es")["arrests"] == 2


@pytest.mark.parametrize("text, language", [
    ("Police seized 79 guns at Coquelles and charged one man. A second man was arrested in Dover and also charged.",
     "en"),
    ("Les douaniers ont saisi 79 armes à Coquelles et un homme a été interpellé. Un deuxième homme a été arrêté à "
     "Douvres.", "fr"),
])
def test_a_second_man_arrested_later_is_one_more(text, language):
    assert record(text, language=language)["arrests"] == 2


@pytest.mark.parametrize("text, language", [
    ("La police a saisi 3 fusils. C'est le cas de Mr ONKIA Davy Gaël qui a été arrêté par la Police Judiciaire.", "fr"),
    ("Police seized 3 rifles from John Smith, who was arrested at the scene.", "en"),
    ("Se incautaron 3 fusiles a Juan Pérez, quien fue detenido en el lugar.", "es"),
])
def test_one_person_named_then_arrested_in_a_relative_clause(text, language):
    assert record(text, language=language)["arrests"] == 1


@pytest.mark.parametrize("text, language", [
    ("Police seized an AK 47 rifle. Suspect Alhassan Jamah was subsequently arrested. An intelligence-led operation "
     "later led to the arrest of five more suspects.", "en"),
    ("Police seized an AK 47 rifle. A man was arrested. Later, police arrested five more suspects.", "en"),
])
def test_one_person_arrested_then_a_further_group_are_added(text, language):
    assert record(text, language=language)["arrests"] == 6


@pytest.mark.parametrize("text, expected", [
    ("La Policía Nacional decomisó 9 armas de fuego. Este operativo dejó como resultado 6 personas retenidas.", 6),
    ("La Policía Caminera secuestró un arma calibre 22. El hombre fue demorado por averiguación de antecedentes.", 1),
])
def test_people_held_and_detained_in_spanish(text, expected):
    assert record(text, language="es")["arrests"] == expected


@pytest.mark.parametrize("text", [
    "Les gendarmes ont saisi deux pistolets. Le quidam a été mis en garde à vue.",
    "Les policiers ont découvert 3750 cartouches. Interpellé et interrogé, le nommé OI, le convoyeur de 22 ans, a "
    "avoué.",
    "Les gendarmes ont découvert 122 fusils chez un habitant. Cet artisan, président d'un club, a été mis en examen.",
])
def test_one_person_held_charged_or_questioned_after_arrest_in_french(text):
    assert record(text, language="fr")["arrests"] == 1


def test_one_more_person_arrested_in_another_place():
    found = record("La Policía ha intervenido 12 armas en una operación en la que ha detenido a cinco personas en "
                   "la provincia de Barcelona y una más en Zaragoza.", language="es")
    assert found["arrests"] == 6


@pytest.mark.parametrize("text, expected", [
    ("Les gendarmes ont saisi 3 pistolets. Les deux chauffeurs ont été déférés jeudi au Parquet de Thiès.", 2),
    ("La police a saisi un pistolet. Les deux mis en cause ont été présentés devant le juge.", 2),
    ("La police a saisi une kalachnikov. Les deux jeunes Drômois ont été envoyés en prison ce mardi soir.", 2),
    ("La police a saisi une kalachnikov. La conductrice est placée en garde à vue.", 1),
])
def test_people_brought_before_a_judge_or_sent_to_prison_in_french(text, expected):
    assert record(text, language="fr")["arrests"] == expected


def test_a_neighbour_detained_yesterday_is_one_arrest():
    found = record("La Guardia Civil de Lalín detuvo ayer a un vecino de Vila de Cruces que portaba un arma de fuego "
                   "corta.", language="es")
    assert found["arrests"] == 1


def test_people_in_police_custody_are_arrested():
    found = record("Three people are now in police custody following the seizure of four guns and 35 rounds.")
    assert found["arrests"] == 3
