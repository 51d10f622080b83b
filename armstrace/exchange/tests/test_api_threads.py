"""The threads API: members list, read, post and search; a non-member gets 404 and empty lists; rule violations
are 400 with a code; unread counts."""

from rest_framework.authtoken.models import Token
from rest_framework.test import APIClient

from armstrace.accounts.models import AccessLogEntry


def _api(user):
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Token {Token.objects.create(user=user).key}")
    return client


def test_members_and_non_members(people, thread, glock):
    customs, outsider = _api(people.customs2), _api(people.outsider)
    assert [t["id"] for t in customs.get("/api/exchange/threads/").json()["results"]] == [thread.pk]
    assert customs.get("/api/exchange/threads/unread/").json()["threads"] == 1
    messages = customs.get(f"/api/exchange/threads/{thread.pk}/messages/").json()
    assert [m["text"] for m in messages] == ["Can customs confirm the container number?"]
    assert customs.get("/api/exchange/threads/unread/").json()["threads"] == 0
    posted = customs.post(f"/api/exchange/threads/{thread.pk}/messages/", {"text": "**Yes**", "text_format": "markdown"},
                          format="json")
    assert posted.status_code == 201 and posted.json()["html"] == "<p><strong>Yes</strong></p>\n"
    assert outsider.get("/api/exchange/threads/").json()["results"] == []
    for path in (f"/api/exchange/threads/{thread.pk}/", f"/api/exchange/threads/{thread.pk}/messages/"):
        assert outsider.get(path).status_code == 404
    assert outsider.post(f"/api/exchange/threads/{thread.pk}/messages/", {"text": "x"}, format="json").status_code == 404
    assert outsider.get("/api/exchange/threads/search/", {"q": "container"}).json() == []
    assert [t["id"] for t in customs.get("/api/exchange/threads/search/", {"q": "container"}).json()] == [thread.pk]
    assert outsider.get("/api/exchange/threads/unread/").json()["total"] == 0


def test_create_with_link_and_personal_data(people, glock):
    investigator = _api(people.investigator)
    created = investigator.post("/api/exchange/threads/", {
        "subject": "Glock seized", "kind": "seizure", "text": "See the item", "users": ["x-customs"],
        "links": [f"item:{glock.pk}"], "holds_personal_data": True}, format="json")
    assert created.status_code == 201, created.content
    body = created.json()
    assert body["links"] == [f"item:{glock.pk}"] and set(body["members"]) == {"x-investigator", "x-customs"}
    assert _api(people.customs).get(f"/api/exchange/threads/{body['id']}/").status_code == 200
    assert AccessLogEntry.objects.filter(subject_type="exchange_thread", subject_id=body["id"],
                                         username="x-customs").exists()
    bad = investigator.post("/api/exchange/threads/", {"subject": "x", "text": "<script>alert(1)</script>"},
                            format="json")
    assert bad.status_code == 400 and bad.json()["code"] == "unsafe_text"
    assert investigator.post("/api/exchange/threads/", {"subject": "x", "text": "y", "links": ["item:999999"]},
                             format="json").status_code == 400
