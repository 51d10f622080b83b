"""The case list finds the cases holding an item by its serial (or any of its markings), separators ignored."""

from datetime import date

from armstrace.custody import services


def _other_case():
    return services.record_case(services.CaseInput(occurred_on=date(2024, 5, 1), number="SZ-OTHER", place="Market",
                                                   ammunition=[services.AmmunitionInput(quantity=10)]))


def test_case_found_by_the_serial_of_an_item_it_holds(client, user, seizure):
    _other_case()
    client.force_login(user)
    both = client.get("/custody/").content.decode()
    assert "SZ-TEST-1" in both and "SZ-OTHER" in both
    for serial in ("ABC123", "abc-123", "brl 9"):  # the registered Glock, the unregistered barrel
        page = client.get("/custody/", {"serial": serial})
        body = page.content.decode()
        assert page.status_code == 200 and "SZ-TEST-1" in body and "SZ-OTHER" not in body, serial


def test_unknown_serial_finds_no_case(client, user, seizure):
    client.force_login(user)
    body = client.get("/custody/", {"serial": "NOPE-404"}).content.decode()
    assert "SZ-TEST-1" not in body and "No cases." in body


def test_case_search_by_serial_exports_the_same_cases(client, user, seizure):
    _other_case()
    client.force_login(user)
    response = client.get("/custody/", {"serial": "ABC123", "export": "csv"})
    text = b"".join(response.streaming_content).decode()
    assert "SZ-TEST-1" in text and "SZ-OTHER" not in text
