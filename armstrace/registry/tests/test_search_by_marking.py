"""The registry's exact search finds an item by a marking other than its serial, and by look-alike characters."""

from django.urls import reverse

from armstrace.registry import services


def test_search_finds_items_by_any_marking_exact_then_folded(client, user, glock):
    services.add_marking(glock, services.MarkingInput("remark", "NP-2024-0077", "frame, right side"))
    client.force_login(user)

    exact = client.get(reverse("registry:search"), {"q": "np 2024 0077"})
    assert [i.pk for i in exact.context["results"]] == [glock.pk] and exact.context["mode"] == "normalized"
    folded = client.get(reverse("registry:search"), {"q": "NP-2O24-OO77"})  # letter O for zero
    assert [i.pk for i in folded.context["results"]] == [glock.pk] and folded.context["mode"] == "folded"
    assert not client.get(reverse("registry:search"), {"q": "NP-2024-0078"}).context["results"]
