"""The screening API's statements read no stored table whole: every SELECT of a POST (duplicate check, watch-list
version, velocity windows) and of a GET of one consignment is served by an index, on SQLite and PostgreSQL, so
the number of consignments stored does not change the plan."""

import pytest

from armstrace.screening.tests.query_plans import recorded, scans
from armstrace.screening.tests.test_reader import jsonl_object

pytestmark = pytest.mark.django_db
URL = "/api/screening/consignments/"
GROWING = ("screening_consignment", "screening_contentline", "screening_rulehit", "screening_inspection")


def post(api_client, **changes):
    response = api_client.post(URL, jsonl_object(**changes), format="json")
    assert response.status_code == 201, response.content
    return response.json()


def test_a_post_and_a_get_use_indexes_only(api_client):
    for i in range(5):
        post(api_client, consignment_id=f"P{i}", sender_name=f"Shop {i}", addressee_phone="+254700000001")
    with recorded() as plans:
        created = post(api_client, consignment_id="PX", addressee_phone="+254700000001")
        assert api_client.get(f"{URL}{created['id']}/").status_code == 200
    explained = plans.explained()
    assert sum("screening_consignment" in sql for sql, _plan in explained) >= 4  # the checks did run
    assert [(sql, plan) for sql, plan in explained if any(scans(plan, table) for table in GROWING)] == []


def test_the_scan_detector_sees_a_full_scan():
    with recorded() as plans:
        from armstrace.screening.models import Consignment

        list(Consignment.objects.filter(sender_name="nobody").values_list("pk"))
    (sql, plan), = plans.explained()
    assert scans(plan, "screening_consignment"), plan
