"""Firearms: the text's own total, and the counts by type (air guns, replicas, magazines... are not firearms)."""

from .text import Value

TYPE_KEYS = ("pistol", "rifle", "shotgun", "revolver", "submachine_gun", "machine_gun", "light_weapon", "other",
             "handgun_unspecified", "long_gun_unspecified")


def combine(counts, mode):
    """One Value from several counts of the same thing: a stated total wins; else the first, or the sum of the
    distinct counts (the same number said twice is one count)."""
    if not counts:
        return None
    totals = [c for c in counts if c.total]
    if totals:
        best = max(totals, key=lambda c: c.value)
        return Value(best.value, best.start, best.end, 0.85)
    numeric = [c for c in counts if c.number_kind != "article"] or counts
    if mode == "first" or len(numeric) == 1:
        first = numeric[0]
        return Value(first.value, first.start, first.end, 0.75 if first.number_kind != "article" else 0.55)
    distinct = {}
    for count in counts:
        distinct.setdefault(count.value, count)
    chosen = list(distinct.values())
    return Value(sum(c.value for c in chosen), chosen[0].start, chosen[-1].end, 0.6)


def firearms_by_type(counts):
    """{type: Value} for every type with a stated count."""
    by_type = {}
    for key in TYPE_KEYS:
        typed = [c for c in counts if c.category == "firearm" and c.kind == key]
        value = combine(typed, "sum")
        if value is not None:
            by_type[key] = value
    return by_type


def firearms_total(counts, by_type):
    """The text's total of firearms: its own total, else the sum of the counts by type."""
    generic = [c for c in counts if c.category == "firearm" and c.kind is None]
    numeric = [c for c in generic if c.number_kind != "article"]
    if numeric:
        return combine(numeric, "first")
    if by_type:
        values = list(by_type.values())
        return Value(sum(v.value for v in values), min(v.start for v in values), max(v.end for v in values), 0.6)
    return combine(generic, "first")
