"""Records of different documents, in any language, that report the same seizure form one incident; other seizures
do not join it."""

import pytest

from armstrace.osint.models import Incident
from armstrace.osint.tests.conftest import EN, ES, FR, OTHER_SEIZURE


@pytest.mark.django_db
def test_the_same_seizure_in_three_languages_is_one_incident(ingest, client, user):
    english = ingest(EN, source_url="https://police.example/en").document.record
    french = ingest(FR, language="fr", source_url="https://police.example/fr").document.record
    spanish = ingest(ES, source_url="https://police.example/es").document.record
    assert english.incident_id == french.incident_id == spanish.incident_id
    incident = Incident.objects.get()
    assert incident.country == "KEN" and str(incident.occurred_on) == "2025-03-03" and incident.firearms_total == 12
    client.force_login(user)
    page = client.get(f"/osint/incidents/{incident.pk}/").content.decode()
    for url in ("https://police.example/en", "https://police.example/fr", "https://police.example/es"):
        assert url in page


@pytest.mark.django_db
def test_other_seizures_are_other_incidents(ingest):
    first = ingest(EN).document.record
    other = ingest(OTHER_SEIZURE).document.record
    assert first.incident_id != other.incident_id
    # same place and count but two months later: another seizure
    later = ingest("Officers recovered 12 pistols and 300 rounds hidden in a warehouse at the port of Mombasa, Kenya, "
                   "on 3 May 2025.", published=None).document.record
    assert later.incident_id not in (first.incident_id, other.incident_id)
    # same day and place but 80 pistols: not compatible counts
    bigger = ingest("In a second operation at the port of Mombasa, Kenya, detectives seized 80 pistols and 9,000 "
                    "rounds on 3 March 2025.").document.record
    assert bigger.incident_id != first.incident_id
    assert Incident.objects.count() == 4
