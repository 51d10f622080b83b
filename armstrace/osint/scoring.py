"""The spec's "How to score": per field and micro-averaged over every field but `context`.

Equal → a true positive; stated but different → a false positive and a false negative; missing → a false
negative; stated where the label is null → a false positive. `country` and `firearms_by_type` score per element,
the two flags with `true` as the positive class, place and operation names case- and accent-blind, one containing
the other.
"""

import unicodedata
from collections import Counter
from dataclasses import dataclass, field

SCORED_FIELDS = ("date", "country", "location", "firearms_total", "firearms_by_type", "ammunition_rounds",
                 "parts_components", "3d_printed", "postal_or_parcel", "arrests", "operation_name")
_FLAGS = {"3d_printed", "postal_or_parcel"}
_NAMES = {"location", "operation_name"}


def _fold(text):
    decomposed = unicodedata.normalize("NFKD", str(text).casefold())
    return " ".join("".join(c for c in decomposed if not unicodedata.combining(c)).split())


def names_match(predicted, gold):
    a, b = _fold(predicted), _fold(gold)
    return bool(a and b) and (a in b or b in a)


@dataclass
class Tally:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    def add(self, tp=0, fp=0, fn=0):
        self.tp += tp
        self.fp += fp
        self.fn += fn

    @property
    def precision(self):
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self):
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self):
        """F1; a field with nothing in gold nor prediction scores 1 (nothing to get wrong)."""
        if not (self.tp + self.fp + self.fn):
            return 1.0
        return 2 * self.tp / (2 * self.tp + self.fp + self.fn)


def score_field(key, predicted, gold):
    """(tp, fp, fn) of one field of one record."""
    if key == "country":
        return _score_elements(Counter(predicted or []), Counter(gold or []))
    if key == "firearms_by_type":
        return _score_by_type(predicted or {}, gold or {})
    if key in _FLAGS:
        return int(predicted is True and gold is True), int(predicted is True and gold is not True), \
            int(gold is True and predicted is not True)
    if predicted is None and gold is None:
        return 0, 0, 0
    if predicted is None:
        return 0, 0, 1
    if gold is None:
        return 0, 1, 0
    same = names_match(predicted, gold) if key in _NAMES else _same(predicted, gold)
    return (1, 0, 0) if same else (0, 1, 1)


def _same(predicted, gold):
    if isinstance(gold, (int, float)) and not isinstance(gold, bool):
        try:
            return float(predicted) == float(gold)
        except (TypeError, ValueError):
            return False
    return str(predicted).strip() == str(gold).strip()


def _score_elements(predicted, gold):
    tp = sum((predicted & gold).values())
    return tp, sum(predicted.values()) - tp, sum(gold.values()) - tp


def _score_by_type(predicted, gold):
    tp = fp = fn = 0
    for key in set(predicted) | set(gold):
        p, g = predicted.get(key), gold.get(key)
        t, f_p, f_n = score_field("firearms_total", p, g)
        tp, fp, fn = tp + t, fp + f_p, fn + f_n
    return tp, fp, fn


@dataclass
class Report:
    fields: dict = field(default_factory=lambda: {key: Tally() for key in SCORED_FIELDS})

    @property
    def micro(self):
        total = Tally()
        for tally in self.fields.values():
            total.add(tally.tp, tally.fp, tally.fn)
        return total


def score(pairs):
    """A Report over (predicted record, gold record) pairs."""
    report = Report()
    for predicted, gold in pairs:
        for key in SCORED_FIELDS:
            report.fields[key].add(*score_field(key, predicted.get(key), gold.get(key)))
    return report
