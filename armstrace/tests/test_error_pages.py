"""With DEBUG off, the 404, 403, CSRF-failure and 500 pages are our own templates, in the user's language."""

import pytest
from django.conf import settings
from django.utils import translation
from django.core.exceptions import PermissionDenied
from django.test import Client, override_settings
from django.urls import include, path


@pytest.fixture(autouse=True)
def back_to_english():
    """A request in French leaves French active in the thread: later tests get English back."""
    yield
    translation.activate(settings.LANGUAGE_CODE)


def _fails(request):
    raise RuntimeError("a bug")


def _refuses(request):
    raise PermissionDenied


urlpatterns = [path("boom/", _fails), path("refused/", _refuses), path("", include("armstrace.urls"))]

EXPECTED = {
    "en": {404: "Page not found", 403: "You may not open this page", 500: "Server error"},
    "fr": {404: "Page introuvable", 403: "Vous ne pouvez pas ouvrir cette page", 500: "Erreur du serveur"},
    "es": {404: "Página no encontrada", 403: "No puede abrir esta página", 500: "Error del servidor"},
}


@pytest.mark.django_db
@pytest.mark.parametrize("lang", ["en", "fr", "es"])
@override_settings(DEBUG=False, ROOT_URLCONF=__name__)
def test_error_pages_are_ours_and_translated(client, user, lang):
    client.raise_request_exception = False
    client.force_login(user)
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = lang
    for status, url in ((404, "/registry/items/999999/"), (404, "/no/such/page/"), (403, "/refused/"),
                        (500, "/boom/")):
        response = client.get(url)
        assert response.status_code == status, url
        html = response.content.decode()
        assert 'id="error-page"' in html and f'lang="{lang}"' in html, url
        assert EXPECTED[lang][status] in html, (url, lang)


@pytest.mark.django_db
@override_settings(DEBUG=False)
def test_csrf_failure_page_is_translated(user):
    client = Client(enforce_csrf_checks=True)
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "fr"
    response = client.post("/login/", {"username": "x", "password": "y"})
    assert response.status_code == 403
    html = response.content.decode()
    assert 'id="error-page"' in html and "jeton de sécurité" in html
