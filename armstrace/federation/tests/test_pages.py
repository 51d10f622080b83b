"""The federation page (partners, outbox, inbox, refusals, evidence log and its Verify button) and the pages of
users, in process."""

from armstrace.federation import inbox, partners
from armstrace.federation.messages import compose
from armstrace.federation.tests.test_inbox_in_process import from_partner, partner_key_of


def test_federation_page_lists_everything_and_verifies_the_evidence(client, user):
    key = partner_key_of()
    inbox.receive(from_partner(key))
    try:
        inbox.receive("x.y.z")
    except inbox.Refused:
        pass
    compose(partners.get_partner("SEN"), "lost-stolen-query", {"serial": "PENDING-1"})
    client.force_login(user)
    page = client.get("/federation/").content.decode()
    for section in ("identity", "partners", "outbox", "inbox", "refusals", "queries", "evidence"):
        assert f'id="{section}"' in page
    assert "Registry SEN" in page and "malformed" in page and "lost-stolen-query" in page
    assert "receipt_sent" in page and "ABC123" in page  # the evidence log and the partners' queries
    response = client.post("/federation/verify/", follow=True)
    assert "The evidence log verifies: 4 entries" in response.content.decode()


def test_check_with_partner_page_offers_the_enabled_partners(client, user, glock):
    partner_key_of()
    partners.set_enabled("SEN", True)
    client.force_login(user)
    page = client.get(f"/federation/items/{glock.pk}/check/").content.decode()
    assert 'value="SEN"' in page and 'value="ABC123"' in page
    response = client.post(f"/federation/items/{glock.pk}/check/", {"country": "SEN", "serial": "ABC123"}, follow=True)
    assert "has not answered yet" in response.content.decode()  # its inbox (port 9) does not answer
    assert "no answer yet" in client.get(f"/registry/items/{glock.pk}/").content.decode()
