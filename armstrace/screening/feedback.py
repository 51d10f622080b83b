"""What the officers' outcomes say about the rules: per rule, how often it fired, its hit rate, its lift over the
base rate and its precision among inspected parcels; and new weights suggested by a logistic regression."""

from dataclasses import dataclass

from armstrace.screening.seizure import FINDINGS

MIN_INSPECTED = 20  # outcomes needed before weights are suggested


@dataclass(frozen=True)
class Sample:
    """One stored consignment: the rules that fired on it and its latest outcome (None when not inspected)."""

    rules: frozenset
    outcome: str | None = None

    @property
    def inspected(self):
        return self.outcome is not None

    @property
    def found(self):
        return self.outcome in FINDINGS


@dataclass(frozen=True)
class RuleStats:
    rule: str
    fired: int            # consignments it fired on
    fire_rate: float      # share of all consignments
    findings: int         # of those, with firearms, parts or ammunition found
    hit_rate: float       # findings / fired
    lift: float | None    # hit rate / base rate (None while nothing was found anywhere)
    inspected: int        # of those it fired on, inspected
    precision: float | None  # findings / inspected (None while none was inspected)


def _ratio(a, b):
    return a / b if b else None


def rule_statistics(samples, rule_ids):
    """[RuleStats] in the order of `rule_ids`, and the base rate (findings among all consignments)."""
    samples = list(samples)
    total = len(samples)
    base = _ratio(sum(s.found for s in samples), total)
    stats = []
    for rule in rule_ids:
        fired = [s for s in samples if rule in s.rules]
        stats.append(rule_stats(rule, len(fired), sum(s.found for s in fired), sum(s.inspected for s in fired),
                                total, base))
    return stats, base


def rule_stats(rule, fired, findings, inspected, total, base) -> RuleStats:
    """A rule's figures from its counts: consignments it fired on, findings and inspections among them."""
    hit_rate = _ratio(findings, fired) or 0.0
    return RuleStats(rule, fired, _ratio(fired, total) or 0.0, findings, hit_rate,
                     hit_rate / base if base else None, inspected, _ratio(findings, inspected))


@dataclass(frozen=True)
class Suggestion:
    weights: dict         # rule -> suggested weight (rules without evidence keep theirs)
    coefficients: dict    # rule -> log-odds coefficient of the regression
    inspected: int
    findings: int


def suggest_weights(samples, current_weights):
    """New weights from the inspected consignments: an L2 logistic regression of 'found' on the rules that fired,
    its positive coefficients rescaled so the rules it saw keep their current total weight. None when there are
    fewer than MIN_INSPECTED outcomes or only one kind of outcome."""
    import numpy as np
    from sklearn.linear_model import LogisticRegression

    inspected = [s for s in samples if s.inspected]
    findings = sum(s.found for s in inspected)
    seen = [r for r in current_weights if any(r in s.rules for s in inspected)]
    if len(inspected) < MIN_INSPECTED or findings in (0, len(inspected)) or not seen:
        return None
    x = np.array([[r in s.rules for r in seen] for s in inspected], dtype=float)
    y = np.array([s.found for s in inspected], dtype=int)
    model = LogisticRegression(C=1.0, max_iter=1000).fit(x, y)
    coefficients = dict(zip(seen, (float(c) for c in model.coef_[0])))
    positive = {r: max(c, 0.0) for r, c in coefficients.items()}
    budget = sum(current_weights[r] for r in seen)
    scale = budget / sum(positive.values()) if sum(positive.values()) > 0 else 0.0
    weights = dict(current_weights)
    weights.update({r: round(min(positive[r] * scale, 1000.0), 1) for r in seen})
    return Suggestion(weights, coefficients, len(inspected), findings)
