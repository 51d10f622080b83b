"""The search endpoint of the API and the search page: one box, results with their explanation."""

from armstrace.registry.models import Make


def test_api_fuzzy_search_returns_explained_results(firearm, api_client):
    item = firearm("BER778812Z", make="Beretta")
    beretta = Make.objects.get(name="Beretta")
    response = api_client.get("/api/tracing/search/", {"q": "BER77881Z", "mode": "fuzzy", "make": beretta.pk})
    assert response.status_code == 200
    body = response.json()
    assert body["results"][0]["item"] == item.pk
    names = [p["name"] for p in body["results"][0]["explanation"]]
    assert names == ["serial", "make"]


def test_api_refuses_weak_pattern_with_code(firearm, api_client):
    firearm("GLK482913")
    response = api_client.get("/api/tracing/search/", {"q": "G?K*", "mode": "partial"})
    assert response.status_code == 400
    assert response.json()["code"] == "pattern_too_weak"
    glock = Make.objects.get(name="Glock")
    ok = api_client.get("/api/tracing/search/", {"q": "G?K*", "mode": "partial", "make": glock.pk})
    assert ok.status_code == 200 and ok.json()["count"] == 1


def test_search_page_shows_results_and_explanation(firearm, client, user):
    item = firearm("GLK482913")
    client.force_login(user)
    page = client.get("/tracing/search/", {"q": "GLK48Z913", "mode": "auto"}).content.decode()
    assert f"/registry/items/{item.pk}/" in page
    assert "look-alike" in page
    assert f"/tracing/items/{item.pk}/report/" in page
    refused = client.get("/tracing/search/", {"q": "G?K*"}).content.decode()
    assert "make, model or calibre" in refused


def test_nav_and_item_links(firearm, client, user):
    item = firearm("GLK482913")
    client.force_login(user)
    page = client.get(f"/registry/items/{item.pk}/").content.decode()
    assert 'href="/tracing/search/"' in page
    assert f'href="/tracing/items/{item.pk}/report/"' in page
