"""The rule-hit table: scoring a consignment (the API's submit, the file import) writes one row per rule that
fired, and the feedback's statistics read from it, by aggregate queries, equal those of every stored consignment's
reasons (each consignment's latest outcome counting)."""

import json

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from armstrace.screening import services
from armstrace.screening.feedback import Sample, rule_statistics
from armstrace.screening.models import Consignment, RuleHit
from armstrace.screening.profiles import rules_in_force
from armstrace.screening.rule_hits import inspected_samples, stored_statistics
from armstrace.screening.seizure import FoundGoods
from armstrace.screening.tests.test_queue_views import stored
from armstrace.screening.tests.test_reader import jsonl_object

pytestmark = pytest.mark.django_db


def hits_of(consignment):
    return set(RuleHit.objects.filter(consignment=consignment).values_list("rule", flat=True))


def test_submit_writes_a_hit_per_rule_that_fired():
    slide = stored("H1", "Pistol slide", "930591")
    assert {"arms_heading", "gun_part_words"} <= hits_of(slide) == {r["rule"] for r in slide.reasons}
    book = stored("H2", "Paperback novel", "490199", addressee_address="Box 9, Mombasa", addressee_phone="",
                  declared_weight_kg=0.42)
    assert hits_of(book) == {r["rule"] for r in book.reasons}
    assert RuleHit.objects.count() == len(slide.reasons) + len(book.reasons)


def test_import_writes_the_hits_of_every_consignment(tmp_path):
    path = tmp_path / "in.jsonl"
    path.write_text("\n".join(json.dumps(jsonl_object(consignment_id=f"I{i}", sender_name=f"Shop {i}")) for i in
                              range(3)) + "\n")
    assert services.import_file(path).created == 3
    for consignment in Consignment.objects.all():
        assert hits_of(consignment) == {r["rule"] for r in consignment.reasons}
    assert RuleHit.objects.filter(rule="velocity_addressee").count() == 1  # the third parcel to one addressee


def reference_statistics(rule_ids):
    """feedback.rule_statistics over a Sample per stored consignment, read from its reasons (the old way)."""
    outcomes = {}
    for consignment in Consignment.objects.all():
        latest = consignment.inspections.order_by("recorded_at", "pk").last()
        outcomes[consignment.pk] = Sample(frozenset(r["rule"] for r in consignment.reasons),
                                          latest.outcome if latest else None)
    return rule_statistics(outcomes.values(), rule_ids)


def test_statistics_from_the_hits_equal_those_of_every_stored_consignment():
    slide, rifle, _cartridges = (stored("S1", "Pistol slide", "930591"),
                                 stored("S2", "Rifle barrel", "930599", addressee_address="Box 2, Mombasa"),
                                 stored("S3", "Cartridges", "930630", addressee_address="Box 3, Mombasa"))
    books = [stored(f"B{i}", "Paperback novel", "490199", addressee_address=f"Box 1{i}, Mombasa",
                    addressee_phone="", declared_weight_kg=0.42) for i in range(4)]
    services.record_inspection(slide, "parts", found=FoundGoods(part_kind="slide"))
    services.record_inspection(rifle, "parts", found=FoundGoods(part_kind="barrel"))
    services.record_inspection(rifle, "nothing")  # its latest outcome is what counts
    services.record_inspection(books[0], "nothing")
    rule_ids = list(rules_in_force().rules)
    stats, base, total, samples = stored_statistics(rule_ids)
    expected, expected_base = reference_statistics(rule_ids)
    assert (stats, base, total) == (expected, expected_base, 7)
    assert base == pytest.approx(1 / 7)
    assert {s.rule: s.findings for s in stats if s.findings} == {r["rule"]: 1 for r in slide.reasons}
    assert sorted(s.outcome for s in samples) == ["nothing", "nothing", "parts"]


def test_statistics_cost_the_same_few_queries_however_many_are_stored():
    rule_ids = list(rules_in_force().rules)
    stored("N1", "Pistol slide", "930591")
    with CaptureQueriesContext(connection) as few:
        stored_statistics(rule_ids)
    for i in range(6):
        stored(f"N{i + 2}", "Paperback novel", "490199", addressee_address=f"Box 2{i}, Mombasa", addressee_phone="")
    services.record_inspection(Consignment.objects.get(consignment_id="N3"), "nothing")
    with CaptureQueriesContext(connection) as more:
        stored_statistics(rule_ids)
    assert len(more.captured_queries) == len(few.captured_queries) <= 4
    assert not any("reasons" in q["sql"] for q in more.captured_queries)
    assert [s.outcome for s in inspected_samples()] == ["nothing"]
