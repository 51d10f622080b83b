"""Browse the case digest: full text (any of EN/FR/ES, accents ignored: exchange/fulltext.py) and facets (country,
year, offence, Protocol article, modus operandi, weapon type), sorted by relevance or year. The facet counts are
over the cases found (every filter applied)."""

from collections import Counter
from dataclasses import dataclass, field

from armstrace.exchange import fulltext
from armstrace.exchange.models import DigestCase

FACETS = ("country", "year", "offence", "article", "modus_operandi", "weapon_type")
SORTS = ("relevance", "year")


def facet_values(case, facet):
    return {
        "country": lambda: [case.country], "year": lambda: [str(case.year)], "offence": lambda: case.offences,
        "article": lambda: case.articles, "modus_operandi": lambda: case.modus_operandi,
        "weapon_type": lambda: sorted({f["type"] for f in case.firearms}),
    }[facet]()


@dataclass
class DigestResult:
    cases: list
    facets: dict = field(default_factory=dict)  # facet -> [(value, count)], most frequent first


def search(query="", filters=None, sort="relevance"):
    filters = {k: str(v) for k, v in (filters or {}).items() if k in FACETS and v not in (None, "")}
    if query and query.strip():
        ranked = fulltext.matches("exchange_digestcase", "search_text", query, limit=5000)
        by_pk = DigestCase.objects.in_bulk(ranked)
        cases = [by_pk[pk] for pk in ranked if pk in by_pk]
    else:
        cases = list(DigestCase.objects.all())  # ordered by year, newest first
    cases = [c for c in cases if all(value in facet_values(c, facet) for facet, value in filters.items())]
    if sort == "year":
        cases.sort(key=lambda c: (-c.year, c.country, c.case_number))
    facets = {facet: Counter(v for c in cases for v in facet_values(c, facet)).most_common() for facet in FACETS}
    return DigestResult(cases=cases, facets=facets)
