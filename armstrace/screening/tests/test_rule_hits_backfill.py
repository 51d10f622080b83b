"""Migration 0006 backfills the rule-hit table from the consignments stored before it: one row per rule in each
one's reasons, and none for a consignment on which no rule fired."""

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from armstrace.registry.tests.test_concurrency import flushable_event_log  # noqa: F401 - fixture

pytestmark = pytest.mark.django_db(transaction=True)

BEFORE, AFTER = [("screening", "0005_xray")], [("screening", "0006_rule_hits")]


def _migrate(targets):
    MigrationExecutor(connection).migrate(targets)
    return MigrationExecutor(connection).loader.project_state(targets).apps


def _consignment(apps, cid, rules):
    return apps.get_model("screening", "Consignment").objects.create(
        consignment_id=cid, operator="Royal Mail", mail_class="parcel", tracking_id=f"RR{cid}", accepted_at="2026-11-02T09:00Z",
        sender_name="S", sender_country="GBR", addressee_name="A", addressee_address="Plot 1", addressee_country="KEN",
        route="GBR", category="gift", declared_weight_kg=1.0, sender_key="s", addressee_key="a", risk_score=10 * len(rules),
        band="release", reasons=[{"rule": r, "weight": 10, "explanation": "", "detail": ""} for r in rules])


def test_the_migration_backfills_a_hit_per_rule_of_the_stored_reasons(flushable_event_log):  # noqa: F811
    leaves = MigrationExecutor(connection).loader.graph.leaf_nodes()  # every app, as the other tests expect
    old = _migrate(BEFORE)
    try:
        spec = {f"OLD{i}": ["arms_heading", "vague_description"][: i % 3] for i in range(2500)}
        for cid, rules in spec.items():
            _consignment(old, cid, rules)
        new = _migrate(AFTER)
        RuleHit = new.get_model("screening", "RuleHit")
        found = {}
        for cid, rule in RuleHit.objects.values_list("consignment__consignment_id", "rule"):
            found.setdefault(cid, set()).add(rule)
        assert found == {cid: set(rules) for cid, rules in spec.items() if rules}
        assert RuleHit.objects.count() == sum(map(len, spec.values()))
    finally:
        _migrate(leaves)
