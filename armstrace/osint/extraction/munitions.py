"""Ammunition rounds and counted parts and components."""

import re

from .firearms import combine

# "a pistol with a silencer", "un fusil avec un canon scié": a part of a counted firearm, not counted apart.
_ATTACHED = re.compile(r"\b(?:with|fitted with|equipped with|avec|equipee? d'|con|provist[oa] de)\s+$")


def ammunition_rounds(doc, counts):
    return combine(doc, [c for c in counts if c.category == "ammo"])


def parts_components(doc, counts):
    parts = [c for c in counts if c.category == "part" and not (
        c.number_kind == "article" and _ATTACHED.search(doc.folded[max(0, c.start - 25):c.start]))]
    return combine(doc, parts)
