"""A finding (firearm, parts, ammunition) opens a custody seizure case with the found goods and both parties."""

import pytest

from armstrace.core.errors import RuleViolation
from armstrace.custody.models import CaseAmmunition, CaseItem, CasePerson, SeizureCase
from armstrace.screening import services
from armstrace.screening.seizure import FoundGoods
from armstrace.screening.tests.test_queue_views import stored

pytestmark = pytest.mark.django_db


def test_parts_found_opens_a_seizure_case_with_the_part_and_the_parties(client, make_user):
    officer = make_user("officer", "customs", agency_kind="customs")
    client.force_login(officer)
    slide = stored("F1", "Pistol slide", "930591")
    response = client.post(f"/screening/consignments/{slide.pk}/inspect/",
                           {"outcome": "parts", "part_kind": "slide", "notes": "slide in a toy box"})
    inspection = slide.inspections.get()
    case = inspection.case
    assert response.status_code == 302 and response["Location"] == f"/custody/cases/{case.pk}/"
    assert case.kind == "seizure" and slide.tracking_id in case.notes and case.recorded_by == officer
    line = CaseItem.objects.get(case=case)
    assert (line.item.category, line.item.part_kind, line.was_registered) == ("part", "slide", False)
    names = set(CasePerson.objects.filter(case=case).values_list("name", flat=True))
    assert names == {slide.sender_name, slide.addressee_name}
    assert case.route_destination == slide.addressee_country
    page = client.get(f"/custody/cases/{case.pk}/")
    assert page.status_code == 200 and case.number in page.content.decode()
    assert case.number in client.get(f"/screening/consignments/{slide.pk}/").content.decode()


def test_ammunition_found_records_the_rounds_and_needs_a_quantity(make_user):
    parcel = stored("F2", "Cartridges", "930630")
    with pytest.raises(RuleViolation) as refused:
        services.record_inspection(parcel, "ammunition", found=FoundGoods())
    assert refused.value.field == "ammunition_quantity"
    assert not parcel.inspections.exists() and not SeizureCase.objects.exists()
    inspection = services.record_inspection(parcel, "ammunition", found=FoundGoods(ammunition_quantity=600))
    assert CaseAmmunition.objects.get(case=inspection.case).quantity == 600
    assert not CaseItem.objects.filter(case=inspection.case).exists()


def test_firearm_found_enters_an_unregistered_firearm(make_user):
    parcel = stored("F3", "Pistol", "930200")
    inspection = services.record_inspection(parcel, "firearm", found=FoundGoods(firearm_type="pistol"))
    item = CaseItem.objects.get(case=inspection.case).item
    assert (item.category, item.firearm_type) == ("firearm", "pistol")


def test_nothing_found_and_other_contraband_open_no_case(client, make_user):
    client.force_login(make_user("officer3", "customs", agency_kind="customs"))
    parcel = stored("F4", "Paperback novel", "490199")
    response = client.post(f"/screening/consignments/{parcel.pk}/inspect/", {"outcome": "nothing"})
    assert response["Location"] == f"/screening/consignments/{parcel.pk}/"
    services.record_inspection(parcel, "other")
    assert parcel.inspections.count() == 2 and not SeizureCase.objects.exists()


def test_ammunition_without_quantity_is_refused_on_the_form(client, make_user):
    client.force_login(make_user("officer4", "customs", agency_kind="customs"))
    parcel = stored("F5", "Cartridges", "930630")
    page = client.post(f"/screening/consignments/{parcel.pk}/inspect/", {"outcome": "ammunition"})
    assert page.status_code == 200 and "Give the number of rounds found." in page.content.decode()
    assert not parcel.inspections.exists()
