from .helpers import record


def test_operation_names_as_written():
    assert record("Operation Trident seized 12 firearms in London.")["operation_name"] == "Trident"
    assert record("Dans le cadre de l'opération « Bouclier », 5 pistolets ont été saisis.",
                  language="fr")["operation_name"] == "Bouclier"
    assert record("En la operación, bautizada como 'Vulpes III', se intervinieron 124 armas de fuego.",
                  language="es")["operation_name"] == "Vulpes III"


def test_no_operation_name_from_a_plain_word():
    assert record("The operation seized 12 firearms in London.")["operation_name"] is None
