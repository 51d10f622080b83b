"""Personal data: holders' identity number, date of birth and address, and persons in custody cases, are withheld
from roles without personal_data.view and from customs agencies, in pages and in the API; every read is logged."""

from django.urls import reverse

from armstrace.accounts.models import AccessLogEntry

ADDRESS, BIRTH, NUMBER = "12 Acacia Road", "1980-05-17", ">ID-ALICE<"  # (her licence number is L-ID-ALICE)


def test_customs_officer_sees_a_holder_without_address_birth_date_or_number(clients, world):
    page = clients["customs"].get(reverse("registry:party-detail", args=[world.alice.pk])).content.decode()
    assert "Alice Otieno" in page and 'id="personal-data-withheld"' in page
    assert ADDRESS not in page and BIRTH not in page and NUMBER not in page

    api = clients["customs"].get(f"/api/parties/{world.alice.pk}/").json()
    assert api["name"] == "Alice Otieno"
    assert (api["address"], api["date_of_birth"], api["identifier"]) == ("", None, "")
    assert sorted(api["restricted_fields"]) == ["address", "date_of_birth", "identifier"]
    listed = clients["customs"].get("/api/parties/", {"kind": "person"}).json()["results"]
    assert listed and all(p["address"] == "" and p["identifier"] == "" for p in listed)
    assert not AccessLogEntry.objects.exists()  # nothing was shown, nothing is logged


def test_a_dealers_number_and_address_are_not_personal_data(clients, world):
    api = clients["customs"].get(f"/api/parties/{world.dealer.pk}/").json()
    assert api["identifier"] == "DLR-1" and api["restricted_fields"] == []
    page = clients["customs"].get(reverse("registry:party-detail", args=[world.dealer.pk])).content.decode()
    assert "DLR-1" in page
    assert not AccessLogEntry.objects.exists()


def test_investigator_sees_the_holder_and_the_read_is_logged(clients, world, role_users):
    page = clients["investigator"].get(reverse("registry:party-detail", args=[world.alice.pk])).content.decode()
    assert ADDRESS in page and BIRTH in page and NUMBER in page
    entry = AccessLogEntry.objects.get()
    assert (entry.user, entry.username) == (role_users["investigator"], "t-investigator")
    assert (entry.subject_type, entry.subject_id, entry.subject_name) == ("party", world.alice.pk, "Alice Otieno")
    assert entry.fields == ["address", "date_of_birth", "identifier"]
    assert entry.path == f"/registry/holders/{world.alice.pk}/" and entry.ip == "127.0.0.1"

    api = clients["investigator"].get(f"/api/parties/{world.alice.pk}/").json()
    assert api["address"].startswith(ADDRESS) and api["restricted_fields"] == []
    assert AccessLogEntry.objects.filter(path=f"/api/parties/{world.alice.pk}/").count() == 1


def test_api_list_logs_one_read_per_person_shown(clients, world, registry):
    clients["registrar"].get("/api/parties/", {"limit": 100})
    logged = set(AccessLogEntry.objects.values_list("subject_id", flat=True))
    persons = {registry.alice.pk, registry.bob.pk, registry.unlicensed.pk}
    assert logged == persons  # persons only: the dealer's and the police's numbers are not personal data
    assert set(AccessLogEntry.objects.values_list("path", flat=True)) == {"/api/parties/?limit=100"}


def test_item_page_shows_the_holders_number_and_address_only_to_who_may_see_them(clients, world):
    url = reverse("registry:item-detail", args=[world.item.pk])
    seen = clients["investigator"].get(url).content.decode()
    assert 'id="holder-identifier">ID-ALICE' in seen and ADDRESS in seen
    assert AccessLogEntry.objects.get().fields == ["address", "identifier"]
    hidden = clients["customs"].get(url).content.decode()
    assert "Alice Otieno" in hidden and NUMBER not in hidden and ADDRESS not in hidden
    assert AccessLogEntry.objects.count() == 1


def test_an_investigator_of_a_customs_agency_does_not_see_home_addresses(make_user, client, world):
    officer = make_user("cus-investigator", "investigator", agency_kind="customs")
    client.force_login(officer)
    page = client.get(reverse("registry:party-detail", args=[world.alice.pk])).content.decode()
    assert ADDRESS not in page and NUMBER not in page and "Alice Otieno" in page


def test_persons_in_custody_cases_are_withheld_without_personal_data_view(clients, world):
    url = reverse("custody:case", args=[world.case.pk])
    hidden = clients["customs"].get(url).content.decode()
    assert "John Suspect" not in hidden and "withheld" in hidden and "Suspect" in hidden  # the role stays
    api = clients["customs"].get(f"/api/custody/cases/{world.case.pk}/").json()["persons"][0]
    assert (api["name"], api["nationality"], api["age"], api["role"], api["sex"]) == ("", "", None, "suspect", "male")
    assert set(api["restricted_fields"]) == {"name", "party", "nationality", "age"}
    assert not AccessLogEntry.objects.exists()

    shown = clients["investigator"].get(url).content.decode()
    assert "John Suspect" in shown and "UGA" in shown
    entry = AccessLogEntry.objects.get()
    assert (entry.subject_type, entry.subject_id, entry.fields) == ("case_person", world.person.pk, ["age", "name", "nationality"])
    api = clients["investigator"].get(f"/api/custody/cases/{world.case.pk}/").json()["persons"][0]
    assert (api["name"], api["age"]) == ("John Suspect", 34)
    assert AccessLogEntry.objects.filter(subject_type="case_person").count() == 2


def test_trace_report_holders_numbers_are_withheld_and_logged(clients, world):
    report = clients["investigator"].get(f"/api/tracing/reports/{world.item.pk}/").json()
    assert report["item"]["current_holder"]["identifier"] == "ID-ALICE"
    assert report["last_legitimate_holder"]["identifier"] == "ID-ALICE"
    assert AccessLogEntry.objects.get(subject_id=world.alice.pk).fields == ["identifier"]  # once, though shown twice
    page = clients["investigator"].get(reverse("tracing:trace-report", args=[world.item.pk])).content.decode()
    assert "<dd>ID-ALICE</dd>" in page
    assert AccessLogEntry.objects.filter(path=reverse("tracing:trace-report", args=[world.item.pk])).count() == 1


def test_searching_a_persons_number_tells_nothing_to_who_may_not_see_it(clients, world):
    assert clients["customs"].get("/api/parties/", {"identifier": "ID-ALICE"}).json()["count"] == 0
    assert clients["customs"].get("/api/parties/", {"identifier": "DLR-1"}).json()["count"] == 1
    assert "Alice Otieno" not in clients["customs"].get(reverse("registry:party-list"), {"q": "ID-ALICE"}).content.decode()
    assert clients["investigator"].get("/api/parties/", {"identifier": "ID-ALICE"}).json()["count"] == 1
    assert "Alice Otieno" in clients["investigator"].get(reverse("registry:party-list"), {"q": "ID-ALICE"}).content.decode()
