"""The review pages: a file uploaded is ingested, its text shown with each extracted value highlighted at its span,
fields edited and the record accepted through the forms; bad uploads named in messages."""

import re

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from armstrace.osint.models import FieldEdit, ProposedRecord
from armstrace.osint.tests.conftest import EN


@pytest.fixture
def analyst_client(client, reviewer):
    client.force_login(reviewer)
    return client


@pytest.mark.django_db
def test_upload_review_and_accept_through_the_pages(analyst_client):
    upload = SimpleUploadedFile("mombasa.txt", EN.encode(), content_type="text/plain")
    response = analyst_client.post("/osint/upload/", {"file": upload, "publisher": "Kenya Police",
                                                      "source_url": "https://police.example/mombasa"})
    record = ProposedRecord.objects.get()
    assert response.status_code == 302 and response["Location"] == f"/osint/records/{record.pk}/"
    page = analyst_client.get(response["Location"]).content.decode()
    assert '<mark class="osint-span osint-firearms_total" data-field="firearms_total"' in page
    assert re.search(r'data-field="date" title="date · [01]\.\d\d">3 March 2025</mark>', page)
    edited = analyst_client.post(f"/osint/records/{record.pk}/fields/arrests/",
                                 {"decision": "edited", "value": "3", "version": "0"})
    assert edited.status_code == 302
    assert FieldEdit.objects.get().edited == 3
    stale = analyst_client.post(f"/osint/records/{record.pk}/review/", {"decision": "accepted", "version": "0"},
                                follow=True)
    assert "reviewed by someone else" in stale.content.decode()
    analyst_client.post(f"/osint/records/{record.pk}/review/", {"decision": "accepted", "version": "1"})
    record.refresh_from_db()
    assert record.status == "accepted" and record.seizure.publisher == "Kenya Police"
    page = analyst_client.get(f"/osint/records/{record.pk}/").content.decode()
    assert 'id="provenance"' in page and "https://police.example/mombasa" in page
    assert 'id="accept-record"' not in page
    queue = analyst_client.get("/osint/?status=accepted").content.decode()
    assert f"/osint/records/{record.pk}/" in queue


@pytest.mark.django_db
def test_bad_uploads_are_named(analyst_client):
    blob = SimpleUploadedFile("scan.txt", b"\x00\x01binary", content_type="text/plain")
    page = analyst_client.post("/osint/upload/", {"file": blob}, follow=True).content.decode()
    assert "scan.txt: binary file, not text" in page and "1 refused" in page
    lines = SimpleUploadedFile("batch.jsonl", b'{"text": "' + EN.encode() + b'"}\n{oops\n')
    page = analyst_client.post("/osint/upload/", {"file": lines}, follow=True).content.decode()
    assert "batch.jsonl:2: malformed JSON" in page and "1 stored" in page
    assert ProposedRecord.objects.count() == 1
