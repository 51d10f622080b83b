"""Navigation links and item-page actions lead only to pages the user may open; a refused page says why."""

from django.urls import reverse


def _links(html):
    import re

    return set(re.findall(r'href="([^"?#]+)', html))


def test_menu_shows_only_what_the_role_may_open(clients, world):
    analyst = _links(clients["analyst"].get("/").content.decode())
    assert reverse("monitoring:dashboard") in analyst
    assert not {reverse("registry:item-list"), reverse("registry:party-list"), reverse("custody:case-list"),
                reverse("tracing:search"), reverse("accounts:access-log"), "/admin/"} & analyst

    customs = _links(clients["customs"].get("/").content.decode())
    assert {reverse("registry:item-list"), reverse("custody:case-list"), reverse("transfers:authorization-list")} <= customs
    assert not {reverse("registry:item-register"), reverse("tracing:search"), reverse("monitoring:dashboard")} & customs

    auditor = _links(clients["auditor"].get("/").content.decode())
    assert {reverse("accounts:access-log"), reverse("monitoring:dashboard"), reverse("tracing:search")} <= auditor
    assert "/admin/" not in auditor and reverse("registry:item-register") not in auditor
    assert "/admin/" in _links(clients["administrator"].get("/").content.decode())


def test_item_page_actions_follow_the_role(clients, world):
    url = reverse("registry:item-detail", args=[world.item.pk])
    customs = _links(clients["customs"].get(url).content.decode())
    assert reverse("registry:item-custody", args=[world.item.pk]) in customs  # seizure at the border
    assert not {reverse("registry:item-transfer", args=[world.item.pk]),
                reverse("tracing:trace-report", args=[world.item.pk])} & customs
    investigator = _links(clients["investigator"].get(url).content.decode())
    assert {reverse("tracing:trace-report", args=[world.item.pk]),
            reverse("custody:item-move", args=[world.item.pk])} <= investigator
    assert reverse("registry:item-transfer", args=[world.item.pk]) not in investigator
    auditor = clients["auditor"].get(url).content.decode()
    assert 'class="actions"' in auditor and 'class="button"' in auditor  # the trace report link only
    assert reverse("registry:item-transfer", args=[world.item.pk]) not in auditor


def test_a_refused_page_is_a_proper_403_page(clients):
    response = clients["analyst"].get(reverse("registry:item-list"))
    page = response.content.decode()
    assert response.status_code == 403 and "Not allowed" in page and "Your role (Analyst)" in page
    assert "read items, markings, holders" in page
    no_role = clients["norole"].get("/")
    assert no_role.status_code == 403 and "no role yet" in no_role.content.decode()
