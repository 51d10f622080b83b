"""Countries (pycountry in English with its French and Spanish catalogues, aliases, agencies, cities) and the most
specific place of the seizure (ports, airports and border crossings first, then cities, then named places)."""

import gettext
import re
from collections import defaultdict
from dataclasses import dataclass
from functools import lru_cache

import pycountry

from .gazetteer import AGENCIES, ALIASES, DEMONYMS, PLACES
from .place_contexts import of_the_state
from .text import fold


@dataclass(frozen=True)
class Mention:
    code: str
    start: int
    end: int
    source: str  # "name", "agency", "demonym", "place", "city"


@lru_cache(maxsize=1)
def country_names():
    """Folded country name → alpha-3, from pycountry (English, French, Spanish) and the aliases."""
    names = {}
    catalogues = [gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=[lang], fallback=True)
                  for lang in ("fr", "es")]
    for country in pycountry.countries:
        english = [country.name, getattr(country, "common_name", None), getattr(country, "official_name", None)]
        for name in filter(None, english):
            for variant in {name, *[cat.gettext(name) for cat in catalogues]}:
                names.setdefault(fold(variant), country.alpha_3)
                names.setdefault(fold(variant.split(",")[0].split(" (")[0]), country.alpha_3)
    for code, aliases in ALIASES.items():
        for alias in aliases.split("|"):
            names[alias] = code
    return names


def _alternation(names):
    return "|".join(re.escape(n) for n in sorted(names, key=len, reverse=True))


@lru_cache(maxsize=1)
def _patterns():
    names = country_names()
    demonyms = {d: code for code, words in DEMONYMS.items() for d in words.split("|")}
    for demonym, code in list(demonyms.items()):  # "bolivianas", "maliens", "Ghanaians"
        if not demonym.endswith(("s", "x")):
            demonyms.setdefault(demonym + "s", code)
    agencies = {a: code for code, words in AGENCIES.items() for a in words.split("|")}
    return [
        (re.compile(rf"(?<![\w.])(?:{_alternation(agencies)})(?![\w])"), agencies, "agency"),
        # not inside a compound name: "Colombie-Britannique", "Nouvelle-Écosse", "the Accra-Benin Highway"
        (re.compile(rf"(?<![\w.-])(?:{_alternation(names)})(?![\w-])"), names, "name"),
        (re.compile(rf"(?<![\w.-])(?:{_alternation(demonyms)})(?![\w-])"), demonyms, "demonym"),
        (re.compile(rf"(?<![\w.])(?:{_alternation(PLACES)})(?![\w])"), {k: v[0] for k, v in PLACES.items()},
         "place"),
    ]


def country_mentions(doc):
    """Every mention of a country in the text, by name, agency, demonym or known place; cached on the document."""
    if "countries" in doc.cache:
        return doc.cache["countries"]
    mentions, taken = [], bytearray(len(doc.folded) + 1)  # taken[i]: character i is in a mention already
    for pattern, table, source in _patterns():
        for match in pattern.finditer(doc.folded):
            if any(taken[match.start():match.end()]):
                continue
            if not _case_fits(doc.text, match, source) or _continent(doc, match):
                continue
            if source == "demonym" and doc.folded.endswith(("poing ", "poings "), 0, match.start()):
                continue  # "un poing américain": brass knuckles
            if source == "demonym" and (_MADE_BEFORE.search(doc.folded, max(0, match.start() - 25), match.start())
                                        or _MADE_AFTER.match(doc.folded, match.end())):
                continue  # "de fabrication russe", "Turkish-made pistols": where the arms were made
            if source == "name" and doc.folded.endswith(("port of ", "puerto de ", "port d'"), 0, match.start()):
                continue  # "Port of Spain": a city
            if source == "name" and match.group(0) in _TOWN_NAMESAKES.get(doc.language, ()):
                continue  # "Granada" in a Spanish text: the Andalusian city, not Grenada
            if source == "name" and (_PERSON_BEFORE.search(doc.folded, max(0, match.start() - 20), match.start())
                                     or _within_a_persons_name(doc.text, match)):
                continue  # "un certain Maurice", "alias Jordan", "coronel Óscar Mauricio Rico": a person
            taken[match.start():match.end()] = b"\x01" * (match.end() - match.start())
            mentions.append(Mention(table[match.group(0)], match.start(), match.end(), source))
    doc.cache["countries"] = sorted(mentions, key=lambda m: m.start)
    return doc.cache["countries"]


_TOWN_NAMESAKES = {"es": {"granada"}}
_PERSON_BEFORE = re.compile(r"\b(?:un certain|une certaine|le nomme|la nommee|denommee?|alias|sieur|dame|mr\.?|mrs\.?|"
                            r"colonel|general|commandant|capitaine|lieutenant|sergent|commissaire|procureur|coronel|"
                            r"capitan|teniente|comisario|fiscal|sargento|captain|sergeant|inspector|officer|"
                            r"monsieur|madame|senor|senora|don|dona|el llamado|la llamada)\s+$")


# Country names that are also given names.
_GIVEN_NAMES = {"mauricio", "maurice", "israel", "jordan", "chad", "georgia", "trinidad", "francia", "india", "salvador"}


def _within_a_persons_name(text, match):
    """"Óscar Mauricio Rico", "Jordan Smith": a given name between or before capitalised names."""
    if match.group(0) not in _GIVEN_NAMES:
        return False
    before = re.search(r"(?:^|\s)([A-ZÀ-Ý][a-zà-ÿ]+) $", text[max(0, match.start() - 30):match.start()])
    after = re.match(r" [A-ZÀ-Ý][a-zà-ÿ]+\b(?! (?:Police|Customs|Army|Defence|Border))", text[match.end():match.end() + 30])
    return bool(after and (before or match.group(0) in ("jordan", "chad")))


def _continent(doc, match):
    """"América" in French and Spanish is the continent ("de América y Europa", "Amérique latine")."""
    return match.group(0) == "america" and doc.language != "en" or \
        bool(re.match(r" (?:latina|latine|del sur|du sud|central|centrale|du nord|del norte)\b", doc.folded[match.end():]))


def _case_fits(text, match, source):
    """Short or ambiguous names must be written as names: "US", "Mali", not "us", "mali"."""
    original = text[match.start():match.end()]
    if source == "demonym":
        return original[:1].isupper() or match.group(0) not in ("us", "english", "argentina", "serbia")
    if len(original) <= 4 or source in ("place", "agency", "name"):
        return original[:1].isupper()  # a country is a proper noun: "matrícula argentina" is an adjective
    return True


MULTI = re.compile(r"\b(?:europol|interpol|countries|pays|paises|international operation|operation internationale|"
                   r"took part|taking part|particip\w*|joint operation|"
                   r"operation conjointe|operacion conjunta|coordinated by|coordonnee par|coordinada por|"
                    r"operacion internacional|joint action|cross-border|transfrontali\w+|eu member states|"
                    r"etats membres|estados miembros|frontex|afripol|ameripol)\b")
_ORIGIN = re.compile(r"(?<![\w])(?:(?:provenance|provenant|importee?s?) (?:notamment|principalement|surtout) "
                     r"d(?:es|e|u|')?|from|origin|made in|bound for|destined for|to|en provenance d(?:es|e|u|')?|"
                     r"provenant d(?:es|e|u|')?|a destination d(?:es|e|u|')?|vers|sita en|sito en|situee? a|based in|"
                     r"basee? a|hacia|con destino a|procedentes? de|desde|originari\w+ de|originaires? d(?:e|u|es|')|"
                     r"arrives? des|arrives? d[eu']|arrivant d[eu']?|venant d[eu']?|importees? d[eu']?|"
                     r"provenientes? de|proveniente desde|desde la ciudad de|importad[oa]s? de|envoye d'|"
                     r"nationals? of|ressortissants?|produced in|manufactured in|produits? en|fabrique\w* en|"
                     r"fabricad\w+ en|producid\w+ en|border with|borders|bordering with|bordering|frontiere avec|frontera con|"
                     r"limitrofe con|frontalier\w* (?:de|du|des|avec)|via|en passant par|transitant par|"
                     r"en transit par|pasando por|en transito por|in transit through|"
                     r"embarcad[oa]s?(?: el \d+ de \w+)? en|shipped (?:\w+ ){0,3}?from|"
                     r"expediee?s? (?:depuis|de|d'|du|des)|"
                     r"expulsee? d(?:e|u|es|')|expulsad[oa] de|deported from|expelled from)(?:(?<=')|(?![\w]))\s*(?:the |la |le |les |des |l'|el |los |las )?"
                     # "hacia el vecino país de Ecuador", "from an address in the United States"
                     r"(?:(?:vecino |neighbou?ring )?(?:pais|country|pays)(?: vecino| voisin)? (?:de |of |d')?|"
                     r"an? (?:address|location|place) in (?:the )?)?"
                     r"(?:[\w'-]+(?: [\w'-]+){0,2}(?:, | \(| (?:et|ou) (?:de |du |des |d')?(?:la |le |l')?|"
                     r" y (?:de )?(?:la |el )?|"
                     r" and (?:the )?))?$")
# "en France et en Belgique", "in Spain and Portugal": a seizure in two named countries.
_JOINED = re.compile(r"\b(?:in|en|au|aux)\s+(?:la\s+|le\s+|l')?[a-z'-]+(?:\s[a-z'-]+)?\s+(?:et|and|y)\s+(?:in\s+|en\s+|au\s+)"
                     r"(?:la\s+|le\s+|l')?[a-z'-]+")


# "Law enforcement authorities from Spain, France and Italy took part": the people's countries, where they worked.
_PARTICIPANTS_FROM = re.compile(r"\b(?:authorities|police|officers|agencies|law enforcement|officials|investigators|"
                                r"agents|forces|services|units|teams|countries|nations|states|members|representatives|"
                                r"participants|delegations|experts) from\s")


def _origin_before(before):
    """`before` (the text just before a country's name) makes that country an origin or destination."""
    match = _ORIGIN.search(before[-40:])
    if not match:
        return False
    keyword_start = len(before) - len(before[-40:]) + match.start()
    return not _PARTICIPANTS_FROM.search(before, max(0, keyword_start - 40), keyword_start + 5)


_MADE_BEFORE = re.compile(r"\b(?:fabrication|fabricacion|manufacture|origine|origen|procedencia|facture|marque|"
                          r"production|produccion|type|tipo)\s+(?:de\s+)?$")
_MADE_AFTER = re.compile(r"(?:-|\s+)(?:made|manufactured|built|produced|origin|manufacture)\b")


def as_origin(doc, start):
    """The name at `start` is of an origin or destination ("from China", "con destino a Haití")."""
    return _origin_before(doc.folded[max(0, start - 60):start])


def _only_origin(doc, code, mentions):
    """Every mention of the country is as an origin or destination ("from China", "à destination des Pays-Bas")."""
    return all(_origin_before(doc.folded[max(0, m.start - 60):m.start]) for m in mentions if m.code == code)


_LIST_BETWEEN = re.compile(r"\s*(?:,|and|et|y|&)\s*(?:(?:and|et|y)\s+)?(?:(?:in|en|au|aux|a)\s+)?"
                           r"(?:the\s+|la\s+|le\s+|les\s+|l'|el\s+)?")
_LIST_BEFORE = re.compile(r"\b(?:in|across|throughout|en|au|aux|dans|entre)\s+(?:the\s+|la\s+|le\s+|les\s+|l'|el\s+)?$")


def _listed(doc, mentions):
    """"en España, Portugal y Francia", "in Brazil, Chile and Peru": a seizure in a list of named countries."""
    names = [m for m in mentions if m.source == "name"]
    for first, second in zip(names, names[1:]):
        if first.code != second.code and _LIST_BETWEEN.fullmatch(doc.folded, first.end, second.start) and \
                _LIST_BEFORE.search(doc.folded, max(0, first.start - 20), first.start):
            return True
    return False


_WEIGHTS = {"name": 3, "place": 4, "city": 3, "agency": 3, "demonym": 1, "bare": 1}


# Countries named as supporters, donors or comparisons ("grâce au soutien de l'Allemagne, de la France",
# "países vecinos como Chile, Argentina y Brasil"), with the list that follows: not where the seizure happened.
_ASIDE = re.compile(r"\b(?:(?:with|thanks to) the (?:support|funding|assistance) of|funded by|financed by|supported by|"
                    r"(?:grace au|avec le) (?:soutien|concours|financement|appui) d[eu']?|finance\w* par|"
                    r"con el (?:apoyo|financiamiento|respaldo) de|financiad[oa] por|"
                    r"(?:neighbou?ring countries|pays voisins|paises vecinos)(?: such as| like| comme| como)?|"
                    r"(?:such as|like|comme|como) (?:in|en|au|aux)|donors?|donateurs?|donantes?)\s*(?:the |la |le |les |l'|el )?")
_CHAIN = re.compile(r"\s*(?:,|and|et|y|&)\s*(?:(?:and|et|y)\s+)?(?:de |du |des |d')?(?:the |la |le |les |l'|el )?")


def _set_aside(doc, mentions):
    """The mentions of countries named as supporters or comparisons (see _ASIDE), and the datelines of a text."""
    aside = set()
    for match in _ASIDE.finditer(doc.folded):
        end = match.end()
        for mention in mentions:
            if mention.start < match.start():
                continue
            gap = doc.folded[end:mention.start]
            if mention.start >= end and (not gap.strip() if end == match.end() else _CHAIN.fullmatch(gap)):
                aside.add(mention.start)
                end = mention.end
            elif mention.start >= end:
                break
    return aside


_DATELINE_CITY = re.compile(r"[ \t]*[A-ZÀ-Ý][A-ZÀ-Ý .'-]{2,},[ \t]*")


def _in_dateline(doc, mention):
    """"LYON, France – INTERPOL ...": the country of the dateline, where the story was filed."""
    line_start = doc.text.rfind("\n", 0, mention.start) + 1
    if not doc.text[line_start:mention.start].strip():  # the city: "LYON, France –"
        return bool(re.match(r"(?:,[^\n–—]{1,30})?\s*[–—]", doc.text[mention.end:]))
    return bool(_DATELINE_CITY.fullmatch(doc.text, line_start, mention.start)) and \
        bool(re.match(r"\s*[–—-]", doc.text[mention.end:]))


def choose_countries(doc, mentions):
    """The countries where the seizure happened: all named countries of a multi-country operation, else the one
    with most weight (places and names in the text, less those named only as origin or destination, supporters
    or comparisons)."""
    aside = _set_aside(doc, mentions)
    mentions = [m for m in mentions if m.start not in aside]
    if not mentions:
        return []
    named = list(dict.fromkeys(m.code for m in mentions if m.source in ("name", "place") and not _only_origin(
        doc, m.code, mentions) and not _in_dateline(doc, m)))
    if len(named) >= 2 and (MULTI.search(doc.folded) or _JOINED.search(doc.folded) or _listed(doc, mentions)):
        return named
    weight = defaultdict(float)
    multi = bool(MULTI.search(doc.folded))  # "LYON, France – INTERPOL ...": the seat of an international body
    # "four Zambian men": the people's nationality, weaker than their agency's
    people = {m.start for m in mentions if m.source == "demonym" and not of_the_state(doc.folded, m.start, m.end)}
    for index, mention in enumerate(mentions):
        before = doc.folded[max(0, mention.start - 40):mention.start]
        factor = 0.3 if _origin_before(before) else 0.25 if multi and _in_dateline(doc, mention) else 1.0
        if mention.start in people:
            factor *= 0.5
        source = "agency" if mention.source == "demonym" and mention.start not in people else mention.source
        weight[mention.code] += _WEIGHTS[source] * factor * (1.5 if index < 3 else 1.0)  # "autoridades paraguayas"
    best = max(weight, key=weight.get)
    if all(m.start in people for m in mentions if m.code == best):
        return []  # only people's nationality: not where the seizure happened
    if _only_origin(doc, best, mentions):
        return []  # "arriving from Port-au-Prince, Haiti": the only country named is where the goods came from
    return [best]


def country_of_url(url):
    """The country of a source's country-code domain (".fr", ".gob.mx", ".gov"), or None: a last resort."""
    host = re.sub(r"^[a-z]+://", "", (url or "").lower()).split("/")[0].split(":")[0]
    label = host.rsplit(".", 1)[-1] if "." in host else ""
    if label in ("gov", "mil"):
        return "USA"
    if label == "uk":
        return "GBR"
    country = pycountry.countries.get(alpha_2=label.upper()) if len(label) == 2 else None
    return country.alpha_3 if country else None
