"""Ammunition rounds and counted parts and components."""

import re

from .firearms import INCLUDES, combine

# "a pistol with a silencer", "un fusil avec un canon scié": a part of a counted firearm, not counted apart.
_ATTACHED = re.compile(r"\b(?:with|fitted with|equipped with|avec|equipee? d'|con|provist[oa] de)\s+$")
# A count of parts of no named kind ("14 firearm parts", "150 pièces détachées", "300 piezas").
_GENERIC_PART = re.compile(r"\b(?:parts|components|composants?|parties|pieces|elements|piezas?|partes|componentes)\b")


def ammunition_rounds(doc, counts):
    return combine(doc, [c for c in counts if c.category == "ammo"])


def parts_components(doc, counts):
    parts = [c for c in counts if c.category == "part" and not (
        c.number_kind == "article" and _ATTACHED.search(doc.folded[max(0, c.start - 25):c.start]))]
    return combine(doc, _without_breakdowns(doc, parts))


def _without_breakdowns(doc, parts):
    """"14 firearm parts, including 6 barrels": the named parts after "including" are inside the count before."""
    kept = []
    for count in parts:
        inside = any(_GENERIC_PART.search(doc.folded, other.start, other.end) and other.end <= count.start
                     and doc.block_of(other.start) == doc.block_of(count.start)
                     and INCLUDES.search(doc.folded, other.end, count.start) for other in parts)
        if not inside:
            kept.append(count)
    return kept
