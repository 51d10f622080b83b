"""Each document is stored once: an exact or near copy (the same release reposted) is linked to the first copy and
gets no record of its own."""

import pytest

from armstrace.osint import dedup
from armstrace.osint.models import Document, ProposedRecord
from armstrace.osint.tests.conftest import EN, OTHER_SEIZURE


@pytest.mark.django_db
def test_exact_copy_with_other_spacing_and_case_is_linked(ingest):
    first = ingest(EN, source_url="https://police.example/a").document
    copy = ingest("  " + EN.upper().replace(" ", "  "), source_url="https://news.example/b")
    assert copy.outcome == "duplicate" and copy.document.duplicate_of == first and not copy.document.near_duplicate
    assert copy.document.text == "" and ProposedRecord.objects.count() == 1


RELEASE = EN + (" The two men, aged 34 and 41, were detained at the Port Police station and will be arraigned "
                 "at the Mombasa Law Courts on Friday. Detectives are working with regional partners to trace the "
                 "origin of the firearms and to identify the network that arranged the shipment through the port.")


@pytest.mark.django_db
def test_reposted_release_with_a_new_sentence_is_a_near_copy(ingest):
    first = ingest(RELEASE).document
    reposted = ("BREAKING: " + RELEASE.replace("the police spokesman said", "a spokesman told reporters")
                + " Read more news on our site.")
    assert dedup.similarity(dedup.signature(RELEASE), dedup.signature(reposted)) >= dedup.NEAR_DUPLICATE
    result = ingest(reposted, publisher="Daily Example")
    assert result.outcome == "near_duplicate" and result.document.duplicate_of == first
    assert result.document.near_duplicate and result.document.publisher == "Daily Example"
    assert ProposedRecord.objects.count() == 1


@pytest.mark.django_db
def test_a_different_seizure_is_not_a_copy(ingest):
    ingest(EN)
    other = ingest(OTHER_SEIZURE)
    assert other.outcome == "stored" and other.document.duplicate_of is None
    assert Document.objects.filter(duplicate_of=None).count() == 2
