"""Ammunition rounds and counted parts and components."""

from .firearms import combine


def ammunition_rounds(doc, counts):
    return combine(doc, [c for c in counts if c.category == "ammo"])


def parts_components(doc, counts):
    return combine(doc, [c for c in counts if c.category == "part"])
