from .helpers import field_value, record


def test_operation_names_as_written():
    assert record("Operation Trident seized 12 firearms in London.")["operation_name"] == "Trident"
    assert record("Dans le cadre de l'opération « Bouclier », 5 pistolets ont été saisis.",
                  language="fr")["operation_name"] == "Bouclier"
    assert record("En la operación, bautizada como 'Vulpes III', se intervinieron 124 armas de fuego.",
                  language="es")["operation_name"] == "Vulpes III"


def test_no_operation_name_from_a_plain_word():
    assert record("The operation seized 12 firearms in London.")["operation_name"] is None


def test_a_name_before_operations_but_not_an_agency():
    assert record("During the nationwide Shanela II operations, police seized 1 144 firearms.")[
        "operation_name"] == "Shanela II"
    assert record("CBP operations at the port seized 12 pistols in Laredo.")["operation_name"] is None


def test_a_programme_name_when_there_is_no_codename():
    assert record("Quatre armes à feu ont été saisies dans le cadre de la stratégie CENTAURE à Montréal.",
                  language="fr")["operation_name"] == "CENTAURE"


def test_names_introduced_after_a_comma_and_in_three_languages():
    assert record("L'opération, nommée « Papillon », a permis de saisir 12 armes à Lyon.",
                  language="fr")["operation_name"] == "Papillon"
    assert record("En el marco del Operativo Escudo se aseguraron 12 armas en Lima.",
                  language="es")["operation_name"] == "Escudo"
    assert record("The seizure of 12 guns was part of Operation Silent Night, led by HSI.")[
        "operation_name"] == "Silent Night"


def test_a_plain_operation_in_french_and_spanish_has_no_name():
    assert record("Une vaste opération de gendarmerie a permis de saisir 12 armes à Lyon.",
                  language="fr")["operation_name"] is None
    assert record("Un operativo policial en Lima permitió incautar cuatro fusiles.",
                  language="es")["operation_name"] is None


def test_a_project_is_a_codename_and_an_agency_led_operation_is_not():
    found = record("Police seized 13 firearms in Bangor. Project Vizardlike is a national NCA-led operation.")
    assert found["operation_name"] == "Vizardlike"


def test_no_codename_from_a_function_word_or_a_number():
    assert record("Cette opération a permis de saisir 12 pistolets à Lyon.", language="fr")["operation_name"] is None
    assert record("Lors de l'opération Les gendarmes ont saisi 12 fusils.", language="fr")["operation_name"] is None
    assert record("En el operativo Los agentes incautaron 12 pistolas.", language="es")["operation_name"] is None
    assert record("The operation 2024 seized 12 pistols in Leeds.")["operation_name"] is None
    assert record("Similar operations seized 12 pistols in Leeds.")["operation_name"] is None


def test_joined_codenames_stop_at_a_whole_word():
    assert record("Durante la Operación Tormenta del Desierto se incautaron 12 pistolas.",
                  language="es")["operation_name"] == "Tormenta del Desierto"
    assert record("Operation Trident officers seized 12 pistols in London.")["operation_name"] == "Trident"


def test_task_forces_initiatives_and_programmes_that_hold_the_operation():
    assert record("En el marco de la Operational Task Force (OTF) “LOS” se intervinieron 350 armas.",
                  language="es")["operation_name"] == "LOS"
    assert record("L'initiative, nommée Screen Sahel 2024, a permis la saisie de 40 armes.",
                  language="fr")["operation_name"] == "Screen Sahel 2024"
    assert record("Police seized 48 firearms. The crackdown was part of the Joint Action Days in the Danube "
                  "Region programme.")["operation_name"] == "Joint Action Days in the Danube Region"


def test_a_name_before_a_special_operation():
    found = record("Police seized 3 pistols from the boat during Phase Two of the Chinese New Year 2025 special "
                   "operation.")
    assert found["operation_name"] == "Chinese New Year 2025"


def test_a_name_given_before_the_operation_word():
    assert record("Baptisée « Hydre », l'opération a permis de saisir 12 armes à Lyon.",
                  language="fr")["operation_name"] == "Hydre"


def test_an_operation_in_capitals():
    assert record("OPERATION SAFE CITY: police seized 12 firearms in Lagos.")["operation_name"] == "SAFE CITY"


def test_a_quoted_name_after_plain_words():
    assert record("La operación policial 'Nenúfar' permitió incautar 12 armas de fuego en Sevilla.",
                  language="es")["operation_name"] == "Nenúfar"
    assert record("L'opération conjointe « Bouclier » a permis de saisir 12 armes.",
                  language="fr")["operation_name"] == "Bouclier"


def test_short_forms_action_days_and_known_as():
    assert field_value("During Op Ceasefire officers seized 3 guns.", "operation_name") == "Ceasefire"
    assert field_value("Police seized 4 guns during Ops Tumpas in Kelantan.", "operation_name") == "Tumpas"
    assert field_value("The Joint Action Day Calibre resulted in 20 firearms seized.", "operation_name") == "Calibre"
    assert field_value("The operation, known as Salvo, seized 40 guns.", "operation_name") == "Salvo"
    assert field_value("Durante el Plan Firmeza se decomisaron 4 pistolas.", "operation_name", language="es") == \
        "Firmeza"
    assert field_value("Police seized 3 guns. The plan was simple.", "operation_name") is None


def test_code_names_campaigns_and_versioned_plans():
    assert field_value("Sous le nom de code « Hydre », l'opération a permis la saisie de 3 armes.", "operation_name",
                       language="fr") == "Hydre"
    assert field_value("La campagne « Villes sans armes » a permis de saisir 30 armes.", "operation_name",
                       language="fr") == "Villes sans armes"
    assert field_value("La campagne de sensibilisation a permis de collecter 30 armes.", "operation_name",
                       language="fr") is None
    assert field_value("Bajo el nombre de 'Operación Tifón' se incautaron 3 armas.", "operation_name",
                       language="es") == "Operación Tifón"
    assert field_value("El Plan Escudo Bolívar 2.0 permitió decomisar 5 armas.", "operation_name",
                       language="es") == "Escudo Bolívar 2.0"


def test_a_project_in_capitals_is_a_codename():
    assert field_value("The RCMP participated in PROJECT REPRODUCTION yesterday and seized 440 firearms.",
                       "operation_name") == "REPRODUCTION"


def test_a_named_national_plan_is_the_operation():
    assert field_value("El hecho ocurrió el 4 de agosto, como parte del plan nacional Vías Seguras, y se incautaron "
                       "cinco armas.", "operation_name", language="es") == "Vías Seguras"


def test_a_unit_named_operation_group_is_no_codename():
    found = record("The factory was busted by the Special Operation Group (SOG), which seized 3 pistols.")
    assert found["operation_name"] is None
    assert record("Police seized 3 pistols in Operation Trident.")["operation_name"] == "Trident"


def test_a_titled_programme_or_national_strategy_is_the_name():
    found = record("En el marco de la Estrategia Nacional de Seguridad Pública, se aseguraron 3 pistolas.", language="es")
    assert found["operation_name"] == "Estrategia Nacional de Seguridad Pública"
    found = record("La actuación se enmarca en el Plan de Control de Armas de Fuego (PICAF); se incautó una pistola "
                   "en Palma.", language="es")
    assert found["operation_name"] == "Plan de Control de Armas de Fuego"
    assert found["location"] == "Palma"


def test_an_operation_name_ends_at_the_line():
    found = record("The message of Operation Kestrel\nOn Sunday the Met Police seized eight firearms in London.")
    assert found["operation_name"] == "Kestrel"
    assert found["country"] == ["GBR"]
    assert found["location"] == "London"


def test_a_strike_force_and_a_state_police():
    found = record("NSW Police said the seizure of 150 firearms resulted from Strike Force Excavator.")
    assert found["operation_name"] == "Excavator"
    assert found["country"] == ["AUS"]


def test_a_quote_closed_by_an_elision_is_no_name():
    found = record("Cette opération « ne s'arrêtera pas à N'Djamena », a dit le ministre après la saisie de 12 fusils.",
                   language="fr")
    assert found["operation_name"] is None


def test_a_programme_name_with_y_en_and_no_place_inside_it():
    found = record("Dentro del Plan Navidad Segura y en Paz, la Policía incautó 200 cartuchos en un control vial de "
                   "Bosconia, Cesar.", language="es")
    assert found["operation_name"] == "Navidad Segura y en Paz"
    assert found["location"].startswith("Bosconia")


def test_a_place_denominado_is_no_operation():
    found = record("Los marinos recorrían el sector, denominado como Batallón del Suburbio, y decomisaron una "
                   "ametralladora.", language="es")
    assert found["operation_name"] is None


def test_a_person_denomme_is_no_operation_but_a_quoted_phase_is():
    found = record("Le passager de la compagnie American Airlines, dénommé Jacques Yves Duroseau, transportait deux "
                   "pistolets saisis à l'aéroport.", language="fr")
    assert found["operation_name"] is None
    found = record("Se incautaron 3 millones de municiones. La primera fase, denominada “Selva VIII”, permitió la "
                   "inspección de contenedores.", language="es")
    assert found["operation_name"] == "Selva VIII"


def test_a_quoted_name_keeps_no_comma_from_inside_the_quotes():
    found = record("Police seized 30 loose firearms. The patrol was dubbed as “Oplan Aluminum,” an operation against "
                   "illegal guns.")
    assert found["operation_name"] == "Oplan Aluminum"
