"""Navigation links and item-page actions lead only to pages the user may open; a refused page says why."""

from django.urls import reverse


def _links(html):
    import re

    return set(re.findall(r'href="([^"?#]+)', html))


def test_menu_shows_only_what_the_role_may_open(clients, world):
    analyst = _links(clients["analyst"].get("/").content.decode())
    assert reverse("monitoring:dashboard") in analyst
    assert not {reverse("registry:item-list"), reverse("registry:party-list"), reverse("custody:case-list"),
                reverse("tracing:search"), reverse("accounts:access-log"), reverse("registry:event-log"),
                "/admin/"} & analyst

    customs = _links(clients["customs"].get("/").content.decode())
    assert {reverse("registry:item-list"), reverse("custody:case-list"), reverse("transfers:authorization-list")} <= customs
    assert not {reverse("registry:item-register"), reverse("tracing:search"), reverse("monitoring:dashboard")} & customs

    auditor = _links(clients["auditor"].get("/").content.decode())
    assert {reverse("accounts:access-log"), reverse("registry:event-log"), reverse("monitoring:dashboard"),
            reverse("tracing:search")} <= auditor
    assert "/admin/" not in auditor and reverse("registry:item-register") not in auditor
    assert "/admin/" in _links(clients["administrator"].get("/").content.decode())


def test_item_page_actions_follow_the_role(clients, world):
    url = reverse("registry:item-detail", args=[world.item.pk])
    customs = _links(clients["customs"].get(url).content.decode())
    assert reverse("registry:item-custody", args=[world.item.pk]) in customs  # seizure at the border
    assert not {reverse("registry:item-transfer", args=[world.item.pk]),
                reverse("tracing:trace-report", args=[world.item.pk])} & customs
    investigator = _links(clients["investigator"].get(url).content.decode())
    assert reverse("tracing:trace-report", args=[world.item.pk]) in investigator
    assert reverse("custody:item-move", args=[world.item.pk]) not in investigator  # not in custody: no movement
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


def _targets(html):
    """Links and form actions of a page: [(method, url)]."""
    import re

    links = [("get", href) for href in re.findall(r'<a [^>]*href="([^"#]+)', html)]
    forms = [((method or "get").lower(), action)
             for method, action in re.findall(r'<form [^>]*?(?:method="(\w+)"[^>]*?)?action="([^"#]*)"', html)]
    return links + forms


def test_no_link_or_form_leads_a_role_to_a_refused_page(clients, world):
    """Crawl the site as every role, one page per view (the first link found to it), from the dashboard and the
    pages of the world's objects: every link and form action must lead to a page that role may open."""
    import html as html_lib

    from django.urls import Resolver404, resolve

    from armstrace.accounts.tests.conftest import ROLES

    starts = ["/", reverse("registry:item-detail", args=[world.item.pk]),
              reverse("registry:item-detail", args=[world.seized.pk]),
              reverse("registry:party-detail", args=[world.alice.pk]), reverse("custody:case", args=[world.case.pk]),
              reverse("transfers:authorization", args=[world.authorization.pk]),
              reverse("screening:consignment", args=[world.consignment.pk]), reverse("screening:feedback"),
              reverse("exchange:inbox"), reverse("exchange:thread", args=[world.thread.pk])]
    for role in ROLES:
        client = clients[role]
        queue, seen_views, refused = [(start, "start") for start in starts], set(), []
        while queue:
            url, found_on = queue.pop(0)
            url = html_lib.unescape(url)
            if not url.startswith("/") or url.startswith(("/static/", "/i18n/", "/jsi18n/")):
                continue
            try:
                match = resolve(url.split("?")[0])
            except Resolver404:
                refused.append(f"{url} (no such page) linked from {found_on}")
                continue
            if match.view_name in seen_views or match.view_name in ("logout", "set_language"):
                continue
            seen_views.add(match.view_name)
            response = client.get(url)
            if response.status_code == 403:
                if found_on != "start":  # a start page the role may not open is not a link it was shown
                    refused.append(f"{url} linked from {found_on}")
                continue
            if response.status_code != 200 or "html" not in response.get("Content-Type", "") \
                    or match.view_name.startswith("admin:"):
                continue
            queue += [(target, url) for method, target in _targets(response.content.decode()) if target]
        assert not refused, f"{role} is shown links to refused pages: {refused}"
        assert len(seen_views) > 3, role
