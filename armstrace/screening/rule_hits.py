"""The feedback's figures from the stored rule hits (models.RuleHit) by aggregate queries, never a read of every
consignment: how often each rule fired (a GROUP BY on the rule's index), and the inspected consignments, with
their latest outcome and the rules that fired on them (officers inspect a few of them)."""

from django.db.models import Count, OuterRef, Subquery

from armstrace.screening.feedback import Sample, rule_stats
from armstrace.screening.models import Consignment, Inspection, RuleHit


def latest_outcome():
    """The outcome of the consignment's latest inspection (as an expression on a consignment's pk)."""
    latest = Inspection.objects.filter(consignment=OuterRef("pk")).order_by("-recorded_at", "-pk")
    return Subquery(latest.values("outcome")[:1])


def inspected_samples() -> list:
    """A Sample per inspected consignment: the rules that fired on it and its latest outcome."""
    inspected = Inspection.objects.values("consignment")
    outcomes = dict(Consignment.objects.filter(pk__in=inspected).annotate(outcome=latest_outcome())
                    .order_by().values_list("pk", "outcome"))
    rules = {pk: set() for pk in outcomes}
    for pk, rule in RuleHit.objects.filter(consignment__in=inspected).values_list("consignment_id", "rule"):
        rules[pk].add(rule)
    return [Sample(frozenset(rules[pk]), outcome) for pk, outcome in outcomes.items()]


def fired_counts(rule_ids) -> dict:
    """{rule: consignments it fired on}, one GROUP BY over the hits of these rules."""
    rows = RuleHit.objects.filter(rule__in=list(rule_ids)).order_by().values("rule").annotate(n=Count("pk"))
    return {row["rule"]: row["n"] for row in rows}


def stored_statistics(rule_ids):
    """(stats, base rate, consignments stored, inspected samples): feedback.rule_statistics of every stored
    consignment, from the aggregates."""
    rule_ids = list(rule_ids)
    total, fired, samples = Consignment.objects.count(), fired_counts(rule_ids), inspected_samples()
    base = sum(s.found for s in samples) / total if total else None
    stats = []
    for rule in rule_ids:
        seen = [s for s in samples if rule in s.rules]
        stats.append(rule_stats(rule, fired.get(rule, 0), sum(s.found for s in seen), len(seen), total, base))
    return stats, base, total, samples
