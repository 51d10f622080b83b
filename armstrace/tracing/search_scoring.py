"""How marking search scores a candidate (see tracing/search.py): the confusion-aware serial similarity, the
agreement of the attributes given in the query, and the loading of the items found (reference data cached)."""

import time
from dataclasses import dataclass

from django.db import connection
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from rapidfuzz.distance import OSA

from armstrace.profile import get_profile
from armstrace.registry.models import Calibre, FirearmModel, FirearmType, Item, Make
from armstrace.registry.serials import fold_serial, normalize_serial

COST_PLAIN, COST_VISUAL, COST_LOOKALIKE = 1.0, 0.5, 0.2
WEIGHTS = {"make": 0.30, "model": 0.15, "calibre": 0.10, "firearm_type": 0.05, "country": 0.05}
# Visual confusions that the profile does not fold (applied after its folding): a cheaper substitution, not a match.
DEFAULT_VISUAL_CONFUSIONS = {"3": "8", "7": "1", "V": "U", "N": "M", "F": "E", "R": "P", "X": "K", "C": "6"}


@dataclass
class ScorePart:
    name: str
    value: float
    detail: str

    def as_dict(self):
        return {"name": self.name, "value": round(self.value, 4), "detail": self.detail}


def _confusables():
    return get_profile().confusables


def _visual_map():
    custom = (get_profile().tracing or {}).get("visual_confusions")
    return {k.upper(): v.upper() for k, v in (custom if custom is not None else DEFAULT_VISUAL_CONFUSIONS).items()}


def _loose(folded, visual):
    return "".join(visual.get(ch, ch) for ch in folded)


@dataclass
class _Query:
    raw: str
    normalized: str
    folded: str
    loose: str

    @classmethod
    def of(cls, raw, visual):
        folded = fold_serial(raw, _confusables())
        return cls(raw, normalize_serial(raw), folded, _loose(folded, visual))


def serial_similarity(q: _Query, normalized: str, folded: str, visual) -> tuple[float, int, str]:
    """(similarity in [0, 1], edits on the folded forms, human explanation)."""
    d_norm = OSA.distance(q.normalized, normalized)
    if d_norm == 0:
        return 1.0, 0, _("identical once separators are ignored")
    d_fold = OSA.distance(q.folded, folded)
    d_loose = OSA.distance(q.loose, _loose(folded, visual))
    lookalike, visual_edits, plain = d_norm - d_fold, d_fold - d_loose, d_loose
    cost = plain * COST_PLAIN + visual_edits * COST_VISUAL + lookalike * COST_LOOKALIKE
    similarity = max(0.0, 1.0 - cost / max(len(q.normalized), len(normalized), 1))
    bits = []
    if lookalike:
        bits.append(_("%(n)d look-alike character(s) such as O/0 or I/1 (cost %(c)s each)") % {"n": lookalike, "c": COST_LOOKALIKE})
    if visual_edits:
        bits.append(_("%(n)d visually close character(s) such as 3/8 (cost %(c)s each)") % {"n": visual_edits, "c": COST_VISUAL})
    if plain:
        bits.append(_("%(n)d other edit(s): character missing, added, changed or swapped (cost 1 each)") % {"n": plain})
    return similarity, d_fold, "; ".join(bits)


def _agreement_values(filters, row) -> dict:
    """{attribute: +w / -w / 0} for the attributes given in the query. `row` is (make_id, model_id, calibre_id, type, country)."""
    make_id, model_id, calibre_id, ftype, country = row
    out = {}
    for name, wanted in filters.given().items():
        have = {"make": make_id, "model": model_id, "calibre": calibre_id, "firearm_type": ftype or None,
                "country": country or None}[name]
        want = getattr(wanted, "pk", wanted)
        out[name] = 0.0 if have is None else (WEIGHTS[name] if have == want else -WEIGHTS[name])
    return out


_ATTRIBUTE_NAMES = {"make": gettext_lazy("make"), "model": gettext_lazy("model"), "calibre": gettext_lazy("calibre"),
                    "firearm_type": gettext_lazy("type"), "country": gettext_lazy("country of manufacture")}


def _attribute_value(item, name):
    if name == "firearm_type":
        return FirearmType(item.firearm_type).label if item.firearm_type in FirearmType.values else item.firearm_type or None
    if name == "country":
        return item.country_of_manufacture or None
    return getattr(item, name)


def _agreement_parts(filters, item: Item, values: dict):
    if not values:
        return []
    names = {name: str(_ATTRIBUTE_NAMES[name]) for name in values}
    current = {name: _attribute_value(item, name) for name in values}
    given = filters.given()
    parts = []
    for name, value in values.items():
        wanted = given[name]
        wanted_label = FirearmType(wanted).label if name == "firearm_type" and wanted in FirearmType.values else wanted
        if value > 0:
            detail = _("%(what)s agrees: %(value)s") % {"what": names[name], "value": current[name]}
        elif value < 0:
            detail = _("%(what)s differs: %(have)s, not %(wanted)s") % {"what": names[name], "have": current[name], "wanted": wanted_label}
        else:
            detail = _("%(what)s not recorded for this item") % {"what": names[name]}
        parts.append(ScorePart(str(names[name]), value, detail))
    return parts


class _ReferenceCache:
    """Makes, models and calibres by id, kept for REFERENCE_TTL seconds: they are read for every result but
    change only when reference data is edited, and compiling a select_related query would cost more than the search."""

    def __init__(self, model):
        self.model, self.rows, self.loaded_at = model, {}, 0.0

    def get_many(self, ids):
        now = time.monotonic()
        if now - self.loaded_at > REFERENCE_TTL:
            self.rows, self.loaded_at = {}, now
        missing = [i for i in ids if i is not None and i not in self.rows]
        if missing:
            self.rows.update(self.model.objects.in_bulk(missing))
        return self.rows


REFERENCE_TTL = 60.0
_MAKES, _MODELS, _CALIBRES = _ReferenceCache(Make), _ReferenceCache(FirearmModel), _ReferenceCache(Calibre)


def _hydrate(item_ids):
    """{id: Item} with make, model and calibre attached, in one raw query."""
    if not item_ids:
        return {}
    items = {i.pk: i for i in Item.objects.raw(
        f"SELECT * FROM registry_item WHERE id IN ({_placeholders(item_ids)})", list(item_ids))}
    for cache, attr in ((_MAKES, "make"), (_MODELS, "model"), (_CALIBRES, "calibre")):
        rows = cache.get_many({getattr(i, f"{attr}_id") for i in items.values()})
        for item in items.values():
            ref = getattr(item, f"{attr}_id")
            if ref is not None and ref in rows:
                setattr(item, attr, rows[ref])
    return items


def _rows(sql, params):
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return cursor.fetchall()


def _placeholders(values):
    return ", ".join(["%s"] * len(values))
