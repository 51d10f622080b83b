"""Marking search: what an investigator does with the serial number read off a recovered firearm.

Three modes over the serial forms of items and parts (the item's serial number and its serial / re-mark markings;
exact mode also reads every other marking):

* exact: the normalised form (upper case, separators stripped), then, failing that, the confusable-folded form.
* partial: ``?`` stands for one unreadable character, ``*`` for any run (obliterated marks). The pattern is
  anchored on the whole serial: ``AB?12*`` means "starts with AB, one unknown character, 12, then anything".
  It is answered from the trigram index (SQLite FTS5 ``trigram``, PostgreSQL ``pg_trgm``), which needs a run of
  3 known characters; a weaker pattern is refused unless make, model or calibre narrow the search, in which case
  the serial forms of those items are scanned. In this mode the filters restrict the results.
* fuzzy: candidates from the symmetric-delete table (see tracing/index.py for why deletion keys rather than
  trigrams), re-ranked by a confusion-aware edit distance computed with RapidFuzz, plus the agreement of the make,
  model, calibre, type and country of manufacture given in the query. In this mode the filters rank, they do not
  exclude: a make misidentified by the finder must not hide the right firearm.

Serial similarity. With OSA distances (RapidFuzz; insertions, deletions, substitutions and adjacent transpositions
count 1) between the query and a candidate taken three ways: normalised, folded with the profile's confusables,
and folded further with looser visual confusions (3/8, 7/1, U/V...), the edits are split into
  plain      = d(loose)                      cost 1
  visual     = d(folded) - d(loose)          cost 0.5  (3 read for 8...)
  look-alike = d(normalised) - d(folded)     cost 0.2  (O read for 0, I for 1...)
and similarity = 1 - cost / longest length. The score adds (tracing/search_scoring.py), for each attribute given in the query, +weight when the
item agrees, -weight when it disagrees, 0 when the registry does not know it. Every result carries these parts.
"""

import fnmatch
from dataclasses import dataclass, field

from django.db import connection
from django.dispatch import Signal
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from armstrace.registry.lookup import exact_serial_ids
from armstrace.registry.models import Item, Marking
from armstrace.registry.serials import fold_serial, latin_text
from armstrace.tracing.index import deletion_variants
from armstrace.tracing.search_scoring import (  # noqa: F401 (ScorePart and the weights are part of this API)
    COST_LOOKALIKE, COST_PLAIN, COST_VISUAL, DEFAULT_VISUAL_CONFUSIONS, WEIGHTS, ScorePart, _agreement_parts,
    _agreement_values, _confusables, _hydrate, _placeholders, _Query, _rows, _visual_map, serial_similarity,
)

MODES = ("auto", "exact", "partial", "fuzzy")
MATCH_LABELS = {"exact_normalized": gettext_lazy("exact"),
                "exact_folded": gettext_lazy("exact once look-alikes are folded"),
                "partial": gettext_lazy("pattern"), "fuzzy": gettext_lazy("near match")}
USED_LABELS = {"exact": gettext_lazy("exact"), "partial": gettext_lazy("partial, trigram index"),
               "partial_scan": gettext_lazy("partial, items of the given make, model or calibre"),
               "fuzzy": gettext_lazy("near matches")}
MAX_EDITS = 2
# Sent by the page and the API after a search that a user ran, with `user` and `response` (e.g. for a hit alert).
searched = Signal()
CANDIDATE_CAP = 3000
PARTIAL_CAP = 500

SELECT_FORMS = ("SELECT f.id, f.item_id, f.normalized, f.folded, i.make_id, i.model_id, i.calibre_id, "
                "i.firearm_type, i.country_of_manufacture FROM tracing_serialform f "
                "JOIN registry_item i ON i.id = f.item_id")


class SearchRefused(Exception):
    """The query cannot be served by an index; `message` says what to add."""

    def __init__(self, message):
        super().__init__(message)
        self.message = message


@dataclass
class Filters:
    """What else the investigator knows about the firearm. Objects (Make, FirearmModel, Calibre) or None."""

    make: object = None
    model: object = None
    calibre: object = None
    firearm_type: str = ""
    country: str = ""

    def __post_init__(self):
        if self.model is not None and self.make is None:
            self.make = self.model.make

    @property
    def narrowing(self):
        """Make, model or calibre: enough to scan the serials of those items when the pattern is weak."""
        return any(x is not None for x in (self.make, self.model, self.calibre))

    def given(self):
        return {name: value for name, value in (
            ("make", self.make), ("model", self.model), ("calibre", self.calibre),
            ("firearm_type", self.firearm_type or None), ("country", (self.country or "").upper() or None),
        ) if value is not None}

    def as_dict(self):
        return {name: (getattr(value, "pk", value)) for name, value in self.given().items()}


@dataclass
class Result:
    item: Item
    score: float
    match: str          # exact_normalized | exact_folded | partial | fuzzy
    matched_form: str
    parts: list = field(default_factory=list)
    edits: int = 0

    @property
    def match_label(self):
        return MATCH_LABELS.get(self.match, self.match)

    @property
    def explanation(self):
        return "; ".join(f"{p.name} {p.value:+.2f} ({p.detail})" for p in self.parts)

    @property
    def firearm(self):
        """The firearm that a part found is fitted to (the way back from a frame's or slide's serial)."""
        item = self.item
        return item.parent if item.category == Item.Category.PART and item.parent_id else None

    def as_dict(self):
        item = self.item
        return {
            "item": item.pk, "uid": str(item.uid), "serial_number": item.serial_number,
            "make": item.make.name if item.make else "", "model": item.model.name if item.model else "",
            "calibre": item.calibre.name if item.calibre else "", "firearm_type": item.firearm_type,
            "country_of_manufacture": item.country_of_manufacture, "status": item.status,
            "score": round(self.score, 4), "match": self.match, "matched_form": self.matched_form, "edits": self.edits,
            "explanation": [p.as_dict() for p in self.parts],
            "fitted_to": ({"item": self.firearm.pk, "serial_number": self.firearm.serial_number,
                           "label": str(self.firearm)} if self.firearm else None),
        }


@dataclass
class SearchResponse:
    query: str
    mode: str               # the mode asked for
    used: list              # the modes that ran
    results: list
    message: str = ""
    truncated: bool = False

    @property
    def used_labels(self):
        return [str(USED_LABELS.get(u, u)) for u in self.used]

    def as_dict(self):
        return {"query": self.query, "mode": self.mode, "used": self.used, "message": self.message,
                "truncated": self.truncated, "count": len(self.results), "results": [r.as_dict() for r in self.results]}


# ---------------------------------------------------------------- exact


def exact(query: str, filters: Filters | None = None, limit: int = 50) -> SearchResponse:
    filters = filters or Filters()
    q = _Query.of(query, _visual_map())
    if not q.normalized:
        return SearchResponse(query, "exact", ["exact"], [], _("Type a serial number or marking."))
    results = []
    ids, form = exact_serial_ids(query)
    value = q.normalized if form == "normalized" else q.folded
    visual = _visual_map()
    for item in _hydrate(sorted(ids)).values():
        forms = [item.serial_normalized] if getattr(item, f"serial_{form}") == value else []
        if not forms:
            forms = [m.normalized for m in Marking.objects.filter(item=item, **{form: value})[:1]]
        similarity, edits, detail = serial_similarity(q, forms[0], fold_serial(forms[0], _confusables()), visual)
        if form == "folded":
            detail = _("identical once look-alike characters are folded") + (f" ({detail})" if detail else "")
        values = _agreement_values(filters, (item.make_id, item.model_id, item.calibre_id, item.firearm_type,
                                             item.country_of_manufacture))
        parts = [ScorePart(_("serial"), similarity, detail)] + _agreement_parts(filters, item, values)
        results.append(Result(item, similarity + sum(values.values()), f"exact_{form}", forms[0], parts, edits))
    results.sort(key=lambda r: (-r.score, r.item.pk))
    message = "" if results else _("No item has this serial number or marking, even with look-alike characters folded.")
    return SearchResponse(query, "exact", ["exact"], results[:limit], message, len(results) > limit)


# ---------------------------------------------------------------- partial


@dataclass
class Pattern:
    glob: str            # folded, with ? and * (SQLite GLOB, fnmatch)
    glob_normalized: str # same, unfolded
    longest_run: int

    @property
    def like(self):
        return self.glob.replace("?", "_").replace("*", "%")

    @property
    def has_wildcards(self):
        return "?" in self.glob or "*" in self.glob


def parse_pattern(raw: str) -> Pattern:
    """Upper-case, drop separators, keep ``?`` (also ``_``) and ``*`` (also ``%``); fold the known characters."""
    confusables = _confusables()
    norm, run, longest = [], 0, 0
    for ch in latin_text(raw):
        if ch in "?_":
            norm.append("?")
            run = 0
        elif ch in "*%":
            if not norm or norm[-1] != "*":
                norm.append("*")
            run = 0
        elif ch.isalnum():
            norm.append(ch)
            run += 1
            longest = max(longest, run)
    glob_normalized = "".join(norm)
    return Pattern("".join(confusables.get(ch, ch) for ch in glob_normalized), glob_normalized, longest)


def _filter_sql(filters):
    """The WHERE clauses on the item (alias i), and their parameters, of the filters of a partial search."""
    where, params = [], []
    for name, column in (("make", "i.make_id"), ("model", "i.model_id"), ("calibre", "i.calibre_id")):
        value = getattr(filters, name)
        if value is not None:
            where.append(f"{column} = %s")
            params.append(value.pk)
    if filters.firearm_type:
        where.append("i.firearm_type = %s")
        params.append(filters.firearm_type)
    if filters.country:
        where.append("i.country_of_manufacture = %s")
        params.append(filters.country.upper())
    return where, params


def partial(query: str, filters: Filters | None = None, limit: int = 200) -> SearchResponse:
    filters = filters or Filters()
    pattern = parse_pattern(query)
    if not pattern.glob.strip("*?"):
        raise SearchRefused(_("The pattern has no known character. Give the characters you can read, with ? for "
                              "each unreadable one and * for an unreadable run."))
    where, params = _filter_sql(filters)
    pg = connection.vendor == "postgresql"
    if pattern.longest_run >= 3:
        if pg:
            where.insert(0, "f.folded LIKE %s")
            params.insert(0, pattern.like)
        else:
            where.insert(0, "f.id IN (SELECT rowid FROM tracing_serialform_fts WHERE folded GLOB %s)")
            params.insert(0, pattern.glob)
        used = "partial"
    elif filters.narrowing:
        if filters.make is not None:
            where.insert(0, "f.make_key = %s")
            params.insert(0, filters.make.pk)
        where.append("f.folded LIKE %s" if pg else "f.folded GLOB %s")
        params.append(pattern.like if pg else pattern.glob)
        used = "partial_scan"
    else:
        raise SearchRefused(_(
            "“%(pattern)s” has no run of 3 readable characters, so it would match a large part of the registry. "
            "Give the make, model or calibre of the firearm, or more characters of the marking.")
            % {"pattern": query.strip()})
    rows = _rows(f"{SELECT_FORMS} WHERE {' AND '.join(where)} LIMIT {PARTIAL_CAP + 1}", params)
    truncated = len(rows) > PARTIAL_CAP
    best = {}
    for form_id, item_id, normalized, folded, *attrs in rows[:PARTIAL_CAP]:
        direct = fnmatch.fnmatchcase(normalized, pattern.glob_normalized)
        similarity = 1.0 if direct else 1.0 - COST_LOOKALIKE / max(len(normalized), 1)
        values = _agreement_values(filters, attrs)
        score = similarity + sum(values.values())
        if item_id not in best or score > best[item_id][0]:
            best[item_id] = (score, similarity, direct, normalized, values)
    ranked = sorted(best.items(), key=lambda kv: (-kv[1][0], kv[0]))[:limit]
    items = _hydrate([item_id for item_id, _v in ranked])
    results = []
    for item_id, (score, similarity, direct, normalized, values) in ranked:
        item = items[item_id]
        detail = (_("matches the pattern %(p)s") if direct else
                  _("matches the pattern %(p)s once look-alike characters are folded")) % {"p": pattern.glob_normalized}
        parts = [ScorePart(_("serial"), similarity, detail)] + _agreement_parts(filters, item, values)
        results.append(Result(item, score, "partial", normalized, parts))
    message = ""
    if truncated or len(best) > limit:
        message = _("More than %(n)d items match: add characters or the make, model or calibre.") % {"n": min(limit, len(best))}
    elif not results:
        message = _("No serial number matches this pattern.")
    if used == "partial_scan":
        message = (message + " " if message else "") + _("Weak pattern: only items of the given make, model or calibre were read.")
    return SearchResponse(query, "partial", [used], results, message, truncated or len(best) > limit)


# ---------------------------------------------------------------- fuzzy


def _fetch_candidates(variants, make_id=None, shallow=False):
    if not variants:
        return []
    where = [f"k.variant IN ({_placeholders(variants)})"]
    params = list(variants)
    if make_id is not None:
        where.append("k.make_id = %s")
        params.append(make_id)
    if shallow:
        where.append("k.d <= 1")
    sql = (f"SELECT f.id, f.item_id, f.normalized, f.folded, i.make_id, i.model_id, i.calibre_id, i.firearm_type, "
           f"i.country_of_manufacture FROM tracing_fuzzykey k JOIN tracing_serialform f ON f.id = k.form_id "
           f"JOIN registry_item i ON i.id = f.item_id WHERE {' AND '.join(where)} LIMIT {CANDIDATE_CAP}")
    return _rows(sql, params)


def fuzzy(query: str, filters: Filters | None = None, limit: int = 20, max_edits: int = MAX_EDITS) -> SearchResponse:
    """Near matches of a misread serial. Candidate generation:

    1. 1-deletion keys of the query against 1-deletion keys of every make (all 1-edit neighbours, and 2-edit
       ones that differ by an insertion), so that a misidentified make does not hide a close match;
    2. with a make given, every key of the query (up to 2 deletions) against that make's keys (all 2-edit
       neighbours within the make); without a make, against all makes (capped at CANDIDATE_CAP rows).
    """
    filters = filters or Filters()
    visual = _visual_map()
    q = _Query.of(query, visual)
    if not q.folded:
        return SearchResponse(query, "fuzzy", ["fuzzy"], [], _("Type a serial number or marking."))
    keys = deletion_variants(q.folded)
    shallow = [k for k, d in keys.items() if d <= 1]
    make_id = filters.make.pk if filters.make is not None else None
    rows = _fetch_candidates(shallow, shallow=True)
    rows += _fetch_candidates(list(keys), make_id=make_id)
    best = {}
    seen = set()
    for form_id, item_id, normalized, folded, *attrs in rows:
        if form_id in seen:
            continue
        seen.add(form_id)
        if abs(len(folded) - len(q.folded)) > max_edits:
            continue
        similarity, edits, detail = serial_similarity(q, normalized, folded, visual)
        if edits > max_edits:
            continue
        values = _agreement_values(filters, attrs)
        score = similarity + sum(values.values())
        if item_id not in best or score > best[item_id][0]:
            best[item_id] = (score, similarity, edits, detail, normalized, values)
    ranked = sorted(best.items(), key=lambda kv: (-kv[1][0], kv[1][2], kv[0]))[:limit]
    items = _hydrate([item_id for item_id, _v in ranked])
    results = []
    for item_id, (score, similarity, edits, detail, normalized, values) in ranked:
        item = items[item_id]
        match = "exact_normalized" if similarity == 1.0 else ("exact_folded" if edits == 0 else "fuzzy")
        parts = [ScorePart(_("serial"), similarity, detail)] + _agreement_parts(filters, item, values)
        results.append(Result(item, score, match, normalized, parts, edits))
    message = "" if results else _("No serial number within %(n)d edits of this one.") % {"n": max_edits}
    return SearchResponse(query, "fuzzy", ["fuzzy"], results, message, len(best) > limit)


# ---------------------------------------------------------------- entry point


def search(query: str, mode: str = "auto", filters: Filters | None = None, limit: int = 20) -> SearchResponse:
    """One search box: `auto` runs partial when the query holds ? or *, else exact merged with near matches."""
    if mode not in MODES:
        raise ValueError(f"unknown search mode {mode!r}")
    query = (query or "").strip()
    if mode == "exact":
        return exact(query, filters, limit)
    if mode == "partial":
        return partial(query, filters, limit)
    if mode == "fuzzy":
        return fuzzy(query, filters, limit)
    if any(ch in query for ch in "?*"):
        response = partial(query, filters, limit)
        response.mode = "auto"
        return response
    found = exact(query, filters, limit)
    near = fuzzy(query, filters, limit)
    by_item = {r.item.pk: r for r in found.results}
    merged = found.results + [r for r in near.results if r.item.pk not in by_item]
    merged.sort(key=lambda r: (-r.score, r.edits, r.item.pk))
    message = "" if merged else _("No item has this serial number or a close one.")
    if merged and not found.results:
        message = _("No exact match: these are near matches, best first.")
    return SearchResponse(query, "auto", ["exact", "fuzzy"], merged[:limit], message,
                          found.truncated or near.truncated or len(merged) > limit)
