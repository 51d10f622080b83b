"""The queue page per band, highest score first, and the consignment page with its reasons, as a customs officer."""

import pytest

from armstrace.screening import services
from armstrace.screening.tests.test_reader import jsonl_object

pytestmark = pytest.mark.django_db


def stored(cid, description, hs_code, **changes):
    return services.submit(jsonl_object(consignment_id=cid, lines=[
        {"description": description, "hs_code": hs_code, "quantity": 1, "value": 20, "currency": "USD"}], **changes))


def test_queue_lists_one_band_by_score_and_the_page_shows_the_reasons(client, make_user):
    officer = make_user("officer", "customs", agency_kind="customs")
    client.force_login(officer)
    slide = stored("Q1", "Pistol slide", "930591")
    rifle = stored("Q2", "Rifle barrel", "930599", addressee_address="Box 2, Mombasa", addressee_phone="")
    book = stored("Q3", "Paperback novel", "490199", addressee_address="Box 3, Mombasa", addressee_phone="",
                  declared_weight_kg=0.42)
    assert slide.band == rifle.band == "physical_inspection" and book.band != "physical_inspection"
    page = client.get("/screening/")
    assert page.status_code == 200
    text = page.content.decode()
    first, second = sorted([slide, rifle], key=lambda c: (-c.risk_score, c.accepted_at, c.pk))  # the queue order
    assert text.index(f"/screening/consignments/{first.pk}/") < text.index(f"/screening/consignments/{second.pk}/")
    assert f"/screening/consignments/{book.pk}/" not in text
    other = client.get("/screening/", {"band": book.band}).content.decode()
    assert f"/screening/consignments/{book.pk}/" in other
    detail = client.get(f"/screening/consignments/{slide.pk}/").content.decode()
    assert "arms_heading" in detail and "HS 930591" in detail and "Pistol slide" in detail


def test_analyst_may_not_open_the_queue(client, make_user):
    client.force_login(make_user("analyst", "analyst"))
    assert client.get("/screening/").status_code == 403


def test_customs_officer_records_an_inspection_outcome(client, make_user):
    officer = make_user("officer2", "customs", agency_kind="customs")
    client.force_login(officer)
    slide = stored("Q9", "Pistol slide", "930591")
    assert "/inspect/" in client.get(f"/screening/consignments/{slide.pk}/").content.decode()
    response = client.post(f"/screening/consignments/{slide.pk}/inspect/", {"outcome": "parts", "notes": "slide"})
    inspection = slide.inspections.get()
    assert response.status_code == 302 and response["Location"] == f"/custody/cases/{inspection.case_id}/"
    assert (inspection.outcome, inspection.notes, inspection.officer) == ("parts", "slide", officer)
    bad = client.post(f"/screening/consignments/{slide.pk}/inspect/", {"outcome": "treasure"})
    assert bad.status_code == 200 and slide.inspections.count() == 1


def test_investigator_reads_but_may_not_record_outcomes(client, make_user):
    client.force_login(make_user("investigator", "investigator"))
    slide = stored("Q10", "Pistol slide", "930591")
    page = client.get(f"/screening/consignments/{slide.pk}/")
    assert page.status_code == 200 and "/inspect/" not in page.content.decode()
    assert client.post(f"/screening/consignments/{slide.pk}/inspect/", {"outcome": "parts"}).status_code == 403


def test_queue_per_band_and_office_ordered_by_score(client, make_user):
    client.force_login(make_user("officer5", "customs", agency_kind="customs"))
    slide = stored("O1", "Pistol slide", "930591", office="JKIA mail centre")
    rifle = stored("O2", "Rifle barrel and pistol grip", "930599", office="JKIA mail centre",
                   addressee_address="Box 2, Mombasa", addressee_phone="")
    elsewhere = stored("O3", "Pistol slide", "930591", office="Mombasa port", addressee_address="Box 3, Mombasa",
                       addressee_phone="")
    assert slide.band == rifle.band == elsewhere.band == "physical_inspection"
    text = client.get("/screening/", {"band": "physical_inspection", "office": "JKIA mail centre"}).content.decode()
    first, second = sorted([slide, rifle], key=lambda c: (-c.risk_score, c.accepted_at))
    assert text.index(f"/screening/consignments/{first.pk}/") < text.index(f"/screening/consignments/{second.pk}/")
    assert f"/screening/consignments/{elsewhere.pk}/" not in text
    assert '<option value="Mombasa port">' in text and "(2)" in text
    everywhere = client.get("/screening/", {"band": "physical_inspection"}).content.decode()
    assert f"/screening/consignments/{elsewhere.pk}/" in everywhere and "(3)" in everywhere
    api = client.get("/api/screening/consignments/", {"office": "Mombasa port"}).json()
    rows = api["results"] if isinstance(api, dict) else api
    assert [r["consignment_id"] for r in rows] == ["O3"]
