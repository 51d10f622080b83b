from .helpers import field_value, record


def test_parcels_and_courier_are_postal():
    assert record("CBP officers seized 40 pistol frames in a parcel from China.")["postal_or_parcel"] is True
    assert record("Les douaniers ont découvert un pistolet dans un colis à Roissy.",
                  language="fr")["postal_or_parcel"] is True
    assert record("Se hallaron seis fusiles enviados mediante encomienda a Riohacha.",
                  language="es")["postal_or_parcel"] is True


def test_containers_and_vehicles_are_not_postal():
    assert record("Customs seized 9 pistols in a container at the port of Lagos.")["postal_or_parcel"] is False
    found = record("Se hallaron seis paquetes ocultos en el vehículo con 1.174 cartuchos.", language="es")
    assert found["postal_or_parcel"] is False


def test_3d_printed_items():
    assert record("Police seized two 3D-printed pistols in Leeds.")["3d_printed"] is True
    assert record("Un subfusil ensamblado con piezas impresas en 3D fue intervenido en A Coruña.",
                  language="es")["3d_printed"] is True


def test_a_remark_on_3d_printing_is_not_a_3d_printed_seizure():
    found = record("Police seized 3 pistols in Leeds. Such weapons can be 3D printed, officials warned.")
    assert found["3d_printed"] is None


_flag = field_value


def test_printed_items_told_in_other_ways():
    assert _flag("Officers located a concealed 3D printer and printed semi-automatic firearm parts.",
                 "3d_printed") is True
    assert _flag("La Guardia Civil incautó 80 armas, algunas fabricadas con tecnología de impresión 3D.",
                 "3d_printed", language="es") is True
    assert _flag("Officers seized four firearms manufactured using a 3D printer.", "3d_printed") is True


def test_blueprints_trends_and_habits_are_no_printed_seizure():
    assert _flag("Police seized 3 pistols. Police want to ban blueprints for 3D-printed firearms.",
                 "3d_printed") is None
    assert _flag("Police seized 3 pistols. 3D-printed gun parts are frequently used to build ghost guns.",
                 "3d_printed") is None
    assert _flag("Les saisies d'armes imprimées en 3D se multiplient en France.", "3d_printed",
                 language="fr") is None


def test_a_remark_on_postal_smuggling_is_not_this_seizure_s_route():
    assert _flag("Police seized 12 pistols from a car. Criminals increasingly use parcels to ship weapons.",
                 "postal_or_parcel") is False
    assert _flag("Customs seized 12 pistols. The postal mode of smuggling shows an elevated risk.",
                 "postal_or_parcel") is None


def test_a_package_with_its_shipper_in_the_next_sentence():
    assert _flag("Officers found 40 auto sears in a package described as steel parts. The shipper was in China.",
                 "postal_or_parcel") is True


def test_packages_of_drugs_are_not_mail():
    assert _flag("Agentes hallaron dos pistolas y paquetes de cocaína en un coche; fueron remitidos a la Fiscalía.",
                 "postal_or_parcel", language="es") is False


def test_an_email_is_not_mail():
    assert _flag("La policía incautó 12 pistolas. El detenido envió un correo electrónico a su socio.",
                 "postal_or_parcel", language="es") is None


def test_named_postal_carriers():
    assert _flag("HSI agents seized 12 pistol frames shipped through USPS to Ohio.", "postal_or_parcel") is True
    assert _flag("Les douaniers ont saisi deux pistolets envoyés par Chronopost.", "postal_or_parcel",
                 language="fr") is True


def test_a_courier_who_carries_guns_is_a_person_not_a_courier_service():
    assert _flag("A gun courier was jailed after officers found a revolver in his bag.", "postal_or_parcel") is None
    assert _flag("The man, a courier for the gang, was stopped with two handguns.", "postal_or_parcel") is None
    assert _flag("Border officers seized two pistols sent by courier from Texas.", "postal_or_parcel") is True


def test_packages_sent_on_to_a_laboratory_or_prosecutor_are_not_mail():
    assert _flag("Police seized a shotgun and packages containing cannabis, which were sent to the laboratory.",
                 "postal_or_parcel") is None
    assert _flag("Los agentes incautaron una pistola y 12 paquetes con marihuana, que fueron remitidos a la Fiscalía.",
                 "postal_or_parcel", language="es") is None
    assert _flag("Customs found a pistol in a package sent from Miami.", "postal_or_parcel") is True


def test_a_bundle_someone_carries_is_no_parcel():
    assert _flag("Poursuivi par les gendarmes, le transporteur d'armes a abandonné son colis.",
                 "postal_or_parcel", language="fr") is None
    assert _flag("Les policiers se saisissent du colis suspect : il contient une kalachnikov.",
                 "postal_or_parcel", language="fr") is None
    assert _flag("Les douaniers ont saisi une kalachnikov dans un colis en provenance de Chine.",
                 "postal_or_parcel", language="fr") is True


def test_messaging_apps_are_not_courier_services():
    assert _flag("La Policía incautó tres pistolas. Los detenidos usaban aplicaciones de mensajería instantánea.",
                 "postal_or_parcel", language="es") is None
    assert _flag("La Policía incautó tres pistolas enviadas por una empresa de mensajería a Lima.",
                 "postal_or_parcel", language="es") is True


def test_packages_in_a_container_or_vehicle_are_wrapped_goods():
    assert _flag("Customs found two rifles wrapped in packages inside a shipping container at the port of Durban.",
                 "postal_or_parcel") is False
    assert _flag("En el camión se hallaron paquetes con 5 fusiles que iban a ser enviados a Venezuela.",
                 "postal_or_parcel", language="es") is False


def test_colis_of_drugs_or_in_a_car_are_bundles():
    assert _flag("Les gendarmes ont saisi des colis de résine de cannabis et un fusil.", "postal_or_parcel",
                 language="fr") is None
    assert _flag("Dans le coffre de la voiture, trois colis contenaient deux pistolets.", "postal_or_parcel",
                 language="fr") is False
    assert _flag("Les douaniers ont découvert 3 pistolets dans un colis en provenance de Chine.", "postal_or_parcel",
                 language="fr") is True


def test_a_parcel_carried_in_a_car_is_not_mail_but_an_air_cargo_parcel_is():
    assert _flag("Officers found a parcel containing a pistol in the boot of his car.", "postal_or_parcel") is False
    assert _flag("CBSA officers at the Air Cargo Operation intercepted a parcel containing a solvent trap.",
                 "postal_or_parcel") is True


def test_parcels_of_online_orders_stopped_at_the_border_are_mail():
    assert field_value("Il effectuera plusieurs commandes en ligne. Tous ses colis seront interceptés à la frontière. "
                       "Des silencieux ont été saisis.", "postal_or_parcel", language="fr") is True
    assert field_value("Il transitait avec ses colis. Les gendarmes ont saisi 2 pistolets.", "postal_or_parcel",
                       language="fr") is None


def test_airmailed_parts_are_postal():
    found = record("Police seized a handgun and 390 rounds; the gun parts had been airmailed into the city.")
    assert found["postal_or_parcel"] is True
