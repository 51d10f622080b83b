"""An alert's title is written in the reader's language when it is shown, not in the language it was raised in."""

from datetime import timedelta

from django.utils import timezone, translation

from armstrace.alerts.models import Alert
from armstrace.alerts.tests.conftest import actor
from armstrace.registry import services as reg
from armstrace.registry.models import EventKind


def test_the_same_alert_in_english_french_and_spanish(people, glock, django_capture_on_commit_callbacks):
    reg.report_missing(glock, EventKind.THEFT_REPORTED, occurred_at=timezone.now() - timedelta(days=3),
                       actor=actor(people.registrar))
    with django_capture_on_commit_callbacks(execute=True):
        reg.take_into_custody(glock, EventKind.SEIZED, location="Port", actor=actor(people.investigator))
    alert = Alert.objects.get()
    titles = {}
    for language in ("en", "fr", "es"):
        with translation.override(language):
            titles[language] = str(alert)
    assert "had been reported stolen" in titles["en"] and "Test registry" in titles["en"]
    assert "avait été déclarée volée" in titles["fr"] and "Saisi" in titles["fr"]
    assert "robada" in titles["es"] and "ABC123" in titles["es"]
