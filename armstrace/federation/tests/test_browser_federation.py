"""In a browser on installation A: send a tracing request to partner B and see B's answer arrive; check a seized
item with B and see the answer on the item page."""

import pytest

from armstrace.conftest import screenshot

pytestmark = pytest.mark.browser


@pytest.fixture
def investigator_page(chromium, ab):
    a, _b = ab
    a.cli("users", "create", "fed-investigator", "--role", "investigator", "--password", "fed-investigator-pw1",
          check=False)
    context = chromium.new_context(viewport={"width": 1280, "height": 900}, locale="en-GB")
    page = context.new_page()
    page.set_default_timeout(15000)
    page.goto(f"{a.url}/login/")
    page.fill("input[name=username]", "fed-investigator")
    page.fill("input[name=password]", "fed-investigator-pw1")
    page.click("button[type=submit].primary")
    page.wait_for_url(f"{a.url}/")
    yield page
    context.close()


def test_send_request_to_partner_and_see_the_answer_arrive(investigator_page, ab):
    a, b = ab
    page = investigator_page
    pk = a.py("""
from armstrace.tracing import services as tracing
from armstrace.registry.models import Item
item = glock('SEN-3003', seized=True)
r = tracing.create_request({**tracing.prefill_from_item(item), 'counterpart_country': 'SEN',
    'reason_illicit': 'Seized', 'intended_use': 'Investigation', 'point_of_contact': 'Desk A'}, item=item)
out(r.pk)""")
    page.goto(f"{a.url}/tracing/requests/{pk}/")
    page.click("text=Send to partner")
    page.click("#send-to-partner")
    assert page.inner_text("#request-status") == "Acknowledged"
    b.py("""
from armstrace.federation import services
from armstrace.tracing import services as tracing
from armstrace.tracing.models import TracingRequest
r = TracingRequest.objects.filter(direction='incoming').order_by('-id').first()
r = tracing.record_answer(r, {'responding_authority': 'Police nationale', 'outcome': 'no_point_of_diversion',
                              'findings': {'note': 'no record of this serial'}})
out(services.send_tracing_answer(r).state)""")
    page.reload()
    assert page.inner_text("#request-status") == "Answered"
    screenshot(page, "federation-answer-arrived")
    item_pk = a.py("from armstrace.registry.models import Item\nout(Item.objects.get(serial_number='SEN-3003').pk)")
    page.goto(f"{a.url}/registry/items/{item_pk}/")
    page.click("text=Check with partner")
    page.click("#check-with-partner")
    assert page.url == f"{a.url}/registry/items/{item_pk}/"
    assert "no record" in page.inner_text("#partner-checks")  # B has no SEN-3003
    screenshot(page, "federation-item-check")
    page.goto(f"{a.url}/tracing/items/{item_pk}/report/")
    assert "no record" in page.inner_text("#partner-checks")
