"""A default rule's explanation is shown in the officer's language (French, Spanish); a profile's own explanation
is shown as written; every default rule's explanation has its translations."""

from pathlib import Path

import pytest
import yaml
from django.conf import settings
from django.utils import translation

from armstrace.screening import explanations
from armstrace.screening.tests.test_queue_views import stored

DEFAULT_RULES = Path(explanations.__file__).parent / "default_rules.yaml"


@pytest.fixture(autouse=True)
def back_to_english():
    yield
    translation.activate(settings.LANGUAGE_CODE)


def _explanations(node):
    if isinstance(node, dict):
        return [v for k, v in node.items() if k == "explanation"] + [e for v in node.values() for e in _explanations(v)]
    return [e for v in node for e in _explanations(v)] if isinstance(node, list) else []


def test_every_default_explanation_is_listed_and_translated():
    shipped = _explanations(yaml.safe_load(DEFAULT_RULES.read_text(encoding="utf-8")))
    assert len(shipped) >= 15 and set(shipped) == explanations.DEFAULT_EXPLANATIONS
    for language in ("fr", "es"):
        with translation.override(language):
            untranslated = [e for e in shipped if explanations.shown(e) == e]
        assert not untranslated, f"{language}: {untranslated}"


def test_a_profiles_own_explanation_is_shown_as_written():
    with translation.override("fr"):
        assert explanations.shown("Our own rule for the northern border") == "Our own rule for the northern border"


@pytest.mark.django_db
def test_the_consignment_page_explains_in_french(client, make_user):
    client.force_login(make_user("officier", "customs", agency_kind="customs"))
    slide = stored("FR1", "Pistol slide", "930591")
    page = client.get(f"/screening/consignments/{slide.pk}/", HTTP_ACCEPT_LANGUAGE="fr").content.decode()
    assert "Déclaré sous une position d&#x27;armes ou de munitions (SH 9301-9306): line 1: HS 930591" in page
    assert "Declared under an arms or ammunition heading" not in page
