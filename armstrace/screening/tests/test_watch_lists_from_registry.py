"""Watch lists drawn from the registry: persons of custody cases and the parties of earlier screening findings."""

from datetime import date

import pytest

from armstrace.screening import services
from armstrace.screening.tests.test_reader import jsonl_object

pytestmark = pytest.mark.django_db


def test_a_person_of_a_custody_case_is_on_the_watch_list(registry):
    from armstrace.custody import services as custody
    from armstrace.registry import services as reg

    case = custody.record_case(custody.CaseInput(
        occurred_on=date(2025, 3, 5), kind="seizure", place="Airport",
        items=[custody.CaseItemInput(new=reg.FirearmInput(serial_number="WL-1", firearm_type="pistol"))],
        persons=[custody.PersonInput(name="Amina Njeri", role="suspect")]))
    stored = services.submit(jsonl_object(consignment_id="W1"))  # addressed to Amina Njeri
    hit = next(r for r in stored.reasons if r["rule"] == "watch_list_addressee")
    assert hit["detail"] == f"name (custody case {case.number})"
    other = services.submit(jsonl_object(consignment_id="W2", addressee_name="Someone Else",
                                         addressee_address="Box 9", addressee_phone=""))
    assert "watch_list_addressee" not in {r["rule"] for r in other.reasons}


def test_parties_of_an_earlier_finding_are_on_the_watch_list():
    first = services.submit(jsonl_object(consignment_id="F1", sender_name="Li Wei"))
    services.record_inspection(first, "nothing")
    quiet = services.submit(jsonl_object(consignment_id="F2", addressee_address="Box 1", addressee_phone=""))
    assert "watch_list_sender" not in {r["rule"] for r in quiet.reasons}
    services.record_inspection(first, "parts")
    later = services.submit(jsonl_object(consignment_id="F3", addressee_name="New Person", addressee_address="Box 2",
                                         addressee_phone=""))
    hit = next(r for r in later.reasons if r["rule"] == "watch_list_sender")
    assert hit["detail"] == "name (screening hit F1), address (screening hit F1)"
