"""The reviewers' decisions measure the extractor: per field, what it proposed against what the reviewer kept
(scored as the dev set is), on a page and by `armstrace osint accuracy`; and the reviewed documents export as
labelled JSONL in the dev set's layout."""

import io
import json

import pytest
from django.core.management import call_command

from armstrace.core.actor import Actor
from armstrace.osint import feedback, services
from armstrace.osint.tests.conftest import EN, FR, OTHER_SEIZURE


@pytest.fixture
def reviewed(ingest, reviewer, accept):
    """EN accepted with firearms_total edited 12 → 13 and location rejected; OTHER_SEIZURE rejected; FR pending."""
    as_reviewer = Actor.of(reviewer)
    kept = ingest(EN, source_url="https://police.example/en", publisher="Kenya Police").document.record
    services.review_field(kept, "firearms_total", "edited", "13", as_reviewer)
    services.review_field(kept, "location", "rejected", actor=as_reviewer)
    accept(kept)
    dropped = ingest(OTHER_SEIZURE).document.record
    services.review_record(dropped, "rejected", as_reviewer)
    ingest(FR)
    return kept, dropped


def test_accuracy_scores_the_proposals_against_the_reviewed_values(reviewed):
    accuracy = feedback.accuracy()
    assert (accuracy.records, accuracy.rejected_records) == (2, 1)
    rows = {f.key: f for f in accuracy.fields}
    # 12 proposed, 13 kept; 40 proposed for a rejected record: two wrong values, one missed.
    total = rows["firearms_total"]
    assert (total.kept, total.edited, total.rejected, total.precision, total.recall) == (0, 1, 0, 0.0, 0.0)
    # 300 kept; 5,000 proposed for the rejected record.
    rounds = rows["ammunition_rounds"]
    assert (rounds.kept, rounds.edited, rounds.precision, rounds.recall) == (1, 0, 0.5, 1.0)
    assert (rows["location"].rejected, rows["location"].precision, rows["location"].recall) == (1, 0.0, None)
    assert (rows["parts_components"].precision, rows["parts_components"].f1) == (None, None)  # nothing to score
    # tp: date, country, by type, rounds, arrests of EN; fp: location and total of EN, six values of OTHER.
    assert accuracy.micro_f1 == pytest.approx(2 * 5 / (2 * 5 + 8 + 1))


def test_the_page_and_the_command_show_the_same_figures(reviewed, client, reviewer):
    client.force_login(reviewer)
    page = client.get("/osint/accuracy/").content.decode()
    row = page[page.index('id="accuracy-firearms_total"'):]
    assert "<td>0</td><td>1</td><td>0</td>" in row[:row.index("</tr>")]
    assert 'id="accuracy-micro">0.526<' in page
    out = io.StringIO()
    call_command("osint", "accuracy", stdout=out)
    text = out.getvalue()
    assert "2 reviewed records (1 rejected)" in text and text.rstrip().endswith("0.526")
    assert [line.split()[1:4] for line in text.splitlines() if line.startswith("firearms_total")] == [["0", "1", "0"]]


def test_the_reviewed_documents_export_as_labelled_jsonl(reviewed, client, reviewer, tmp_path):
    kept, dropped = reviewed
    client.force_login(reviewer)
    response = client.get("/osint/labels.jsonl")
    assert response["Content-Disposition"].endswith('.jsonl"')
    lines = [json.loads(line) for line in b"".join(response.streaming_content).decode().splitlines()]
    by_id = {line["id"]: line for line in lines}
    assert set(by_id) == {f"doc-{kept.document.pk}", f"doc-{dropped.document.pk}"}
    mine = by_id[f"doc-{kept.document.pk}"]
    assert mine["relevant"] is True and mine["text"] == EN and mine["publisher"] == "Kenya Police"
    assert mine["gold"]["firearms_total"] == 13 and mine["gold"]["location"] is None
    assert mine["gold"]["ammunition_rounds"] == 300 and mine["reviewed_by"] == reviewer.username
    assert mine["split"] in ("dev", "holdout")
    other = by_id[f"doc-{dropped.document.pk}"]
    assert other["relevant"] is False and set(other["gold"].values()) == {None}
    target = tmp_path / "labels.jsonl"
    call_command("osint", "labels", "--out", str(target), stderr=io.StringIO())
    assert [json.loads(line) for line in target.read_text(encoding="utf-8").splitlines()] == lines
