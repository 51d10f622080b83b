from .helpers import record


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
