"""One document in, one proposed seizure record out (the keys of the labelling spec)."""

import re
from dataclasses import dataclass, field

from . import arrests, context, dates, firearms, flags, locations, munitions, operation, places, relevance, scope
from .counts import find_counts
from .language import closest, detect
from .text import Doc, Value

RECORD_KEYS = ("date", "country", "location", "firearms_total", "firearms_by_type", "ammunition_rounds",
               "parts_components", "3d_printed", "postal_or_parcel", "arrests", "operation_name", "context")


@dataclass
class Extraction:
    language: str
    relevance: float
    fields: dict = field(default_factory=dict)  # key → Value, list of Values (country), dict of Values (by type)

    @property
    def relevant(self):
        return self.relevance >= relevance.THRESHOLD

    def record(self):
        """The plain record: values only, None where nothing was found (everything None when not relevant)."""
        if not self.relevant:
            return dict.fromkeys(RECORD_KEYS)
        return {key: _plain(self.fields.get(key)) for key in RECORD_KEYS}

    def spans(self):
        """key → list of {value, start, end, confidence}; for `firearms_by_type`, type → that dict."""
        out = {}
        for key, found in self.fields.items():
            if isinstance(found, dict):
                out[key] = {kind: v.as_dict() for kind, v in found.items()}
            else:
                values = found if isinstance(found, list) else [found]
                out[key] = [v.as_dict() for v in values if v is not None]
        return out


def _plain(found):
    if found is None:
        return None
    if isinstance(found, dict):
        return {key: v.value for key, v in found.items()} or None
    if isinstance(found, list):
        return [v.value for v in found] or None
    return found.value


def extract(text, title="", language=None, published=None, source_url=None):
    """The Extraction of one document; `published` is a date, an ISO string or None."""
    given = str(language or "").lower()[:2]
    lang = given if given in ("en", "fr", "es") else detect(f"{title}\n{text}")
    working = lang if lang in ("en", "fr", "es") else closest(f"{title}\n{text}")
    month_only = isinstance(published, str) and len(published.strip()) == 7
    published = published if hasattr(published, "year") else dates.parse_published(published, working)
    doc = Doc(text, working, published, title or "", month_only)
    counts = find_counts(doc.folded, working, doc.text)
    kept = scope.of_this_seizure(doc, counts)
    score = relevance.relevance(doc.folded, working, counts, kept)
    counts = kept
    by_type = firearms.firearms_by_type(doc, counts)
    cities = locations.city_mentions(doc)
    mentions = [m for m in places.country_mentions(doc) if not (m.source == "demonym" and any(
        c.start <= m.start and m.end <= c.end for c in cities))] + cities  # "Spanish Town": no Spaniard
    countries = places.choose_countries(doc, sorted(mentions, key=lambda m: m.start))
    from_url = places.country_of_url(source_url) if not countries and not _MANY_COUNTRIES.search(doc.folded) else None
    fields = {
        "date": dates.seizure_date(doc),
        "country": [_country_value(code, mentions) for code in countries] or
                   ([Value(from_url, None, None, 0.3)] if from_url else []),
        "location": locations.location(doc, countries) if len(countries) < 2 else None,
        "firearms_total": firearms.firearms_total(doc, counts, by_type),
        "firearms_by_type": by_type,
        "ammunition_rounds": munitions.ammunition_rounds(doc, counts),
        "parts_components": munitions.parts_components(doc, counts),
        "3d_printed": flags.printed_3d(doc),
        "postal_or_parcel": flags.postal_or_parcel(doc),
        "arrests": arrests.arrests(doc, counts),
        "operation_name": operation.operation_name(doc),
        "context": context.context(doc),
    }
    return Extraction(lang, score, fields)


# An international operation that names no country: the publisher's domain says nothing of where it happened.
_MANY_COUNTRIES = re.compile(r"\b(?:europol|interpol|frontex|afripol|ameripol|(?:\d+|\w+) (?:countries|pays|paises))\b")


def _country_value(code, mentions):
    first = next(m for m in mentions if m.code == code)
    return Value(code, first.start, first.end, 0.7)
