"""Ammunition rounds and counted parts and components."""

from .firearms import combine


def ammunition_rounds(counts):
    return combine([c for c in counts if c.category == "ammo"], "sum")


def parts_components(counts):
    return combine([c for c in counts if c.category == "part" and c.number_kind != "article"], "sum")
