"""The screener: applies a rule set (and watch lists) to consignments one at a time, in a stream."""

from dataclasses import dataclass

from armstrace.screening.checks import CHECKS, Context, compile_patterns
from armstrace.screening.velocity import VelocityTracker

_CLASS_CACHE_SIZE = 50_000


@dataclass(frozen=True, slots=True)
class Hit:
    rule: str
    weight: float
    explanation: str
    detail: str

    def __str__(self):
        return f"{self.rule} (+{self.weight:g}): {self.explanation}: {self.detail}"


@dataclass(frozen=True, slots=True)
class Assessment:
    score: float
    band: str
    hits: tuple

    @property
    def reasons(self):
        return " | ".join(map(str, self.hits))


class Screener:
    """Scores consignments in acceptance order; velocity rules see the consignments screened before (in a window)."""

    def __init__(self, rules, watch_list=None):
        self.rules = rules
        self.watch_list = watch_list
        self.patterns = compile_patterns(rules)
        self.active = [(rule_id, CHECKS[rule_id], settings) for rule_id, settings in rules.rules.items()
                       if settings["enabled"] and settings["weight"] > 0]
        velocity = rules.rules
        self.tracker = VelocityTracker(
            days=max(velocity["velocity_addressee"].get("days", 7), velocity["velocity_sender"].get("days", 7)),
            history_days=velocity["first_time_high_risk_flow"].get("history_days", 30))
        self._classes = {}

    def goods_class(self, line, category):
        """The first goods class whose heading, chapter or word matches the line (documents by category)."""
        key = (line.hs_code[:4], line.description.lower(), category == "documents")
        if key in self._classes:
            return self._classes[key]
        if len(self._classes) >= _CLASS_CACHE_SIZE:
            self._classes.clear()
        found = self._classify(*key)
        self._classes[key] = found
        return found

    def _classify(self, heading, description, documents):
        classes = self.rules.goods_classes
        if documents:
            return next((g for g in classes if g.name == "documents"), None)
        for goods in classes:
            if heading and (heading in goods.headings or heading[:2] in goods.chapters):
                return goods
        for goods in classes:
            if goods.words is not None and goods.words.search(description):
                return goods
        return None

    def screen(self, consignment, flow=None) -> Assessment:
        """Score one consignment; `flow` (velocity.Flow) comes from the stream's own tracker unless given."""
        ctx = Context(self, consignment, flow if flow is not None else self.tracker.observe(consignment))
        hits = []
        for rule_id, check, settings in self.active:
            detail = check(consignment, ctx)
            if detail:
                hits.append(Hit(rule_id, settings["weight"], settings["explanation"], detail))
        score = sum(hit.weight for hit in hits)
        return Assessment(score, self.rules.band(score), tuple(hits))
