"""A page or API resource that accounts/policy.py does not know is refused to everyone but administrators."""

import pytest
from django.http import HttpResponse
from django.urls import include, path
from rest_framework import viewsets
from rest_framework.response import Response
from rest_framework.routers import SimpleRouter

from armstrace import urls as project_urls


class UnlistedViewSet(viewsets.ViewSet):
    def list(self, request):
        return Response({"ok": True})


router = SimpleRouter()
router.register("unlisted", UnlistedViewSet, basename="unlisted")

urlpatterns = [
    *project_urls.urlpatterns,
    path("unlisted/", lambda request: HttpResponse("unlisted page"), name="unlisted"),
    path("new-app/", include(([path("page/", lambda request: HttpResponse("new app page"), name="page")], "newapp"))),
    path("api-extra/", include(router.urls)),
]


@pytest.mark.urls(__name__)
@pytest.mark.parametrize("url", ["/unlisted/", "/new-app/page/", "/api-extra/unlisted/"])
def test_pages_and_api_resources_missing_from_the_policy_are_refused(clients, url):
    for role in ("registrar", "investigator", "customs", "analyst", "auditor", "norole"):
        assert clients[role].get(url).status_code == 403, role
    assert clients["administrator"].get(url).status_code == 200
    assert clients["anonymous"].get(url).status_code in (302, 401)
