"""Review: each field accepted, edited or rejected, every decision kept (original and edited value, who, when); an
accepted record becomes an open-source seizure with its provenance; edits after acceptance change the monitoring
counts."""

from datetime import date

import pytest

from armstrace.core.actor import Actor
from armstrace.core.errors import Conflict, RuleViolation
from armstrace.osint import merge, services
from armstrace.osint.models import FieldEdit, OpenSourceSeizure
from armstrace.osint.tests.conftest import OTHER_SEIZURE


def _row(year, country="KEN"):
    return next((r for r in merge.counts(year, year) if r.country == country), None)


@pytest.mark.django_db
def test_field_decisions_are_kept_and_the_accepted_record_has_its_provenance(ingest, reviewer, accept):
    doc = ingest(OTHER_SEIZURE, published=date(2025, 8, 21), source_url="https://police.example/airport",
                 publisher="Kenya Police").document
    record, actor = doc.record, Actor.of(reviewer)
    services.review_field(record, "arrests", "edited", "4", actor)
    services.review_field(record, "location", "rejected", None, actor)
    services.review_field(record, "firearms_total", "accepted", None, actor)
    edits = {e.field.key: e for e in FieldEdit.objects.select_related("field")}
    assert (edits["arrests"].original, edits["arrests"].edited, edits["arrests"].by) == (3, 4, reviewer)
    assert edits["location"].decision == "rejected" and edits["location"].edited is None
    assert edits["arrests"].at is not None
    accept(record)
    seizure = OpenSourceSeizure.objects.get()
    assert (seizure.arrests, seizure.location, seizure.firearms_total) == (4, "", 40)
    assert (seizure.source_url, seizure.publisher, seizure.reviewer) == ("https://police.example/airport",
                                                                         "Kenya Police", reviewer)
    assert seizure.retrieved_at == doc.retrieved_at and seizure.values["arrests"] == 4
    record.refresh_from_db()
    assert record.status == "accepted" and record.reviewed_by == reviewer


@pytest.mark.django_db
def test_bad_edits_and_stale_versions_are_refused(ingest, reviewer):
    record, actor = ingest(OTHER_SEIZURE).document.record, Actor.of(reviewer)
    with pytest.raises(RuleViolation) as bad:
        services.review_field(record, "country", "edited", "KENYA", actor)
    assert bad.value.field == "value" and "KENYA" in bad.value.message
    with pytest.raises(RuleViolation):
        services.review_field(record, "date", "edited", "20 August", actor)
    services.review_field(record, "arrests", "accepted", None, actor, version=0)
    with pytest.raises(Conflict):
        services.review_field(record, "arrests", "edited", "5", actor, version=0)
    assert FieldEdit.objects.count() == 1


@pytest.mark.django_db
def test_edits_of_an_accepted_record_change_the_monitoring_counts(ingest, reviewer, accept, client, user):
    record = ingest(OTHER_SEIZURE, published=date(2025, 8, 21)).document.record
    assert _row(2025) is None  # not counted before it is accepted
    accept(record)
    assert (_row(2025).open_source, _row(2025).open_source_firearms) == (1, 40)
    actor = Actor.of(reviewer)
    services.review_field(record, "firearms_total", "edited", "41", actor)
    assert _row(2025).open_source_firearms == 41
    services.review_field(record, "date", "edited", "2024-12-30", actor)
    assert _row(2025) is None and _row(2024).open_source == 1
    services.review_field(record, "country", "edited", "UGA", actor)
    assert _row(2024) is None and _row(2024, "UGA").open_source_only == 1
    record.incident.refresh_from_db()
    assert (record.incident.country, record.incident.occurred_on) == ("UGA", date(2024, 12, 30))
    client.force_login(user)
    page = client.get("/monitoring/?year=2024").content.decode()
    assert 'id="osint-panel"' in page and '<tr data-country="UGA"><td>UGA</td><td class="official">0</td>' in page
    world = page[page.index('id="osint-map"'):]
    assert 'data-iso3="UGA" data-value="1"' in world and 'data-iso3="KEN" data-value' not in world
