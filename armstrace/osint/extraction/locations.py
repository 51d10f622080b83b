"""The most specific place of the seizure, as written. Candidates are capitalised names after a locative word
("à", "in", "en el municipio de") or a facility ("port of", "poste frontalier de"); each is scored by how
specific it is (a facility or a small place beats a big city or a region), where it stands (in a sentence about
the seizure), and what it is not (an agency's seat: "la brigade de Saint-Avold", "el Juzgado de Pamplona")."""

import re
from dataclasses import dataclass, replace

from . import place_contexts as contexts
from .cities import KNOWN_ABROAD
from .cities import table as cities
from .gazetteer import PLACES
from .not_places import CONNECTOR, FACILITY_WORDS, NOT_PLACES, is_dateline, not_a_place
from .operation import operation_name
from .places import MULTI, Mention, as_origin, country_mentions, country_names
from .scope import recalls_an_earlier_seizure
from .sites import in_list_of_places, one_of_a_pair
from .text import UPPER, Doc, Value, fold

_NAME = re.compile(rf"[{UPPER}][\w'’-]*(?:[ ](?:de |del |de la |de los |de las |du |des |la |el |sur |upon |do |da |"
                   rf"dos |das |di |of )?(?![{UPPER}]\.[{UPPER}])[{UPPER}0-9][\w'’-]*){{0,4}}")  # not "U.S." after it
# Place names too common to tell a country.
_GENERIC = set("centro|center|centre|norte|sur|nord|sud|est|ouest|oeste|este|victoria|san jose|santa cruz|la paz|"
               "san antonio|santa maria|san juan|san pedro".split("|"))
# A facility's word that opens its capitalised name ("Aeropuerto El Dorado", "Complejo Fronterizo Los Libertadores").
_FACILITY_HEAD = re.compile(r"^(?:Aeropuerto|Aéroport|Aeroport|Airport|Complejo Fronterizo|Paso Fronterizo|"
                            r"Puesto Fronterizo|Puente Internacional|Garita)(?: Internacional| International)?"
                            r"(?: de las| de los| de la| de| del| of| d')? ?(?=[A-ZÀ-Ý])")
_LEADING_PREPOSITION = re.compile(r"^(?:A|À|En|In|At|Au|Aux|Dans|Near|Cerca)\s+(?:el\s+|la\s+|le\s+|les\s+|los\s+|las\s+|the\s+)?")


_LOCATIVE_END = re.compile(r"\b(?:a|à|de|d'|near|at|in|of|du)\s+$")
_SEAT_PENALTY = 3


@dataclass(frozen=True)
class Candidate:
    name: str
    start: int
    score: float
    code: str | None  # the country of the place, where the gazetteer knows it
    seat: bool = False  # after an agency's name ("la brigade des douanes de Boulogne-sur-mer")
    bare: bool = False  # a known city or region named outside any place context ("Delhi police")
    dateline: bool = False  # where the story was filed ("JOHOR BARU, Jan 14 —")


# Countries whose places a text in this language most likely names, for names shared by several countries.
_LIKELY = {
    "en": "USA GBR IRL CAN AUS NZL ZAF NGA GHA KEN PHL JAM TTO IND PAK UGA ZMB ZWE",
    "fr": "FRA BEL CHE CAN LUX MCO HTI CIV SEN MLI BFA NER TCD CMR BEN TGO GIN COD COG GAB MAR DZA TUN MDG",
    "es": "ESP MEX COL ARG CHL PER ECU VEN BOL PRY URY GTM HND SLV NIC CRI PAN CUB DOM",
}


def _country_for(entries, lang, evidence=(), written=(), rank_regions=True):
    """The entry a text in `lang` most likely means: of the larger place written with it ("London, Ontario"), of a
    country the text names otherwise (`evidence`), else of a country of the language; None for a small town abroad
    (more likely a namesake)."""
    # "Ontario" the province, not the Californian town
    ranked = sorted(entries, key=lambda e: -(e[1] or _REGION_RANK)) if rank_regions else entries
    named = [e for e in ranked if e[0] in written]
    if named:
        return named[0]
    named = [e for e in ranked if e[0] in evidence]
    if named and (named[0][1] or _REGION_RANK) * 20 >= entries[0][1]:  # not a village namesake of a big city
        return named[0]  # ("Bogota", New Jersey)
    likely = _LIKELY.get(lang, "").split()
    preferred = [e for e in ranked if e[0] in likely]
    if preferred:
        return preferred[0]
    return ranked[0] if ranked[0][1] >= KNOWN_ABROAD or ranked[0][1] == 0 else None


_REGION_RANK = 50000  # the population a region (population 0) ranks with among towns of its name


def _facility_town(key, table):
    """A port, airport or crossing of the gazetteer that is a small place ("Felixstowe", "Coquelles", "Haina" of
    "Haina Oriental"); a big city with a port ("Guayaquil", "Abidjan") is a facility only where the text says so
    ("port of", "airport")."""
    words = key.split(" ")
    prefixes = (" ".join(words[:n]) for n in range(len(words), 0, -1))
    return any(p in PLACES and (p not in table or table[p][0][1] < 100000) for p in prefixes)


def _is_region(entries, lang):
    """A region, or a region that is also the name of a small town of its country ("Chiapas")."""
    code, population = _country_for(entries, lang, rank_regions=False) or entries[0]
    return population == 0 or population < 100000 and any(e == (code, 0) for e in entries)


def city_mentions(doc):
    """Known places of the text (in any place context), as country mentions; not a small place or region of a
    country the text does not name where it names others ("el barrio Pocitos de la capital uruguaya")."""
    named = {m.code for m in country_mentions(doc) if not as_origin(doc, m.start) and (
        m.source in ("name", "agency") or m.source == "demonym" and contexts.of_the_state(doc.folded, m.start, m.end))}
    return [Mention(c.code, c.start, c.start + len(c.name), "bare" if c.bare else "city")
            for c in candidates(doc) if c.code and not (named and c.code not in named and _small_place(c))]


def _small_place(candidate):
    populations = [population for code, population in cities().get(fold(candidate.name), ()) if code == candidate.code]
    return bool(populations) and max(populations) < 50000


def _trim(name):
    stem = re.sub(r"['’]s$", "", name)
    if stem != name and cities().get(fold(stem), [(None, 0)])[0][1] >= 50000:
        name = stem  # "in Durban's industrial area"; not "at Smith's home"
    name = re.sub(r"[.’'-]+$", "", name)
    name = re.sub(r" (?:(?:Local Government Area|Local Government|LGA|L\.G\.A)\b.*|Area)$", "", name)  # Nigeria's LGAs
    name = re.sub(r" \d{1,2}$", "", name)  # "quartier Wanindara 3": the place without its sector number
    return re.sub(r"\s+(?:de|del|de la|du|des|la|el|sur|upon|do|da|dos|das)$", "", name)


def _known_prefix(name, table):
    """The longest run of the name's first words that the gazetteer knows ("Louisville" of "Louisville U"); never
    a word that opens longer names ("San" of "San Migual de Yguazú")."""
    words = name.split(" ")
    for n in range(len(words), 0, -1):
        prefix = _trim(" ".join(words[:n]))
        key = fold(prefix)
        if key in table and key not in FACILITY_WORDS and (n == len(words) or key not in _NAME_OPENERS and (
                table[key][0][1] >= 20000 or table[key][0][1] == 0 and len(key) >= 5)):
            taken = len(prefix.split(" "))
            if taken >= 2 and n < len(words) and _unknown_de_tail(words[taken:], table):
                return name  # "San Juan de Lurigancho": one name; "Las Flores de Tegucigalpa": a place in a town
            if n < len(words) and fold(words[taken]) in _PART_OF_TOWN_WORDS:
                return name  # "Tivoli Gardens", "Crown Heights": a part of a town, not Tivoli
            return prefix  # not a small namesake of the name's first word ("Pérez" of "Pérez Zeledón")
    head = words[0].split("-")[0]
    if head != words[0] and table.get(fold(head), [(None, 0)])[0][1] >= 100000:
        return head  # "Tunis-Carthage" (the airport): Tunis
    return name


def _unknown_de_tail(rest, table):
    """The words after a known prefix are "de"/"del" and a name the gazetteer does not know."""
    if rest[0] not in ("de", "del") or len(rest) < 2:
        return False
    tail = rest[2:] if rest[1] == "la" else rest[1:]
    return bool(tail) and fold(" ".join(tail)) not in table


_PART_OF_TOWN_WORDS = set("gardens heights park hills estate estates village plains valley terrace".split())
_NAME_OPENERS = set("san santa santo sao saint sainte st port puerto porto el la le les los las new fort mount cap cabo don dona "
                    "villa ciudad nueva nuevo bahia ville".split())


def candidates(doc):
    """Every capitalised name in a place context, scored; cached on the document."""
    cached = doc.cache.get("places")
    if cached is not None:
        return cached
    table, countries = cities(), country_names()
    taken = {i for m in country_mentions(doc) if m.source == "name" for i in range(m.start, m.end)}
    named = operation_name(doc)  # "Plan Navidad Segura y en Paz": no place "Paz"
    taken |= set(range(named.start, named.end)) if named and named.start is not None else set()
    names = []
    for match in _NAME.finditer(doc.text):
        for start, name, lead in _variants(match, doc.language):
            name = _trim(name)
            if re.search(r"['’]s ", name) or not contexts.AREA_AFTER.match(doc.text, start + len(name)):
                name = _known_prefix(name, table)  # not "Uncha" of "Uncha Takala village"
            key = fold(name)
            if key not in table and key.replace("'", "") in table:
                key = key.replace("'", "")  # "N'Zérékoré", "N'Djamena": the gazetteer writes "Nzerekore"
            if start not in taken and not not_a_place(doc, start, name, key, table, countries):
                names.append((start, name, key, lead))
    evidence = _evidence(doc, names, table)
    found = [c for start, name, key, lead in names for c in _candidate(doc, start, name, key, table, lead, evidence)]
    found = sorted(_without_unknown_parts(found) + _border_candidates(doc), key=lambda c: c.start)
    doc.cache["places"] = _with_title(doc, found)
    return found


def _without_unknown_parts(found):
    """"Cape" of "Western Cape": an unknown part of a known place's name is no place of its own."""
    known = [(c.start, c.start + len(c.name)) for c in found if c.code]
    return [c for c in found if c.code or not any(start <= c.start and c.start + len(c.name) <= end and
                                                  (start, end) != (c.start, c.start + len(c.name))
                                                  for start, end in known)]


# "à la frontière guinéo-ivoirienne", "en la frontera colombo-venezolana": a border named by its two countries.
_BORDER = re.compile(r"\b(?:frontiere|frontera|fronteira) (?:[a-z]+o-[a-z]+|(?:entre|between) [a-z]+ (?:et|y|and) [a-z]+)\b")


def _border_candidates(doc):
    out = []
    for match in _BORDER.finditer(doc.folded):
        sentence_start, sentence_end = doc.sentence_bounds(match.start())
        seized = bool(_SEIZURE.search(doc.folded, sentence_start, sentence_end))
        out.append(Candidate(doc.text[match.start():match.end()], match.start(), 1.0 + seized, None))
    return out


def title_places(doc):
    """The candidates of the document's title (a headline names the seizure's place: "... seized in Gatineau")."""
    if "title_places" not in doc.cache:
        doc.cache["title_places"] = candidates(Doc(doc.title, doc.language)) if doc.title.strip() else []
    return doc.cache["title_places"]


_TITLE_BONUS = 0.5


def _with_title(doc, found):
    """The text's candidates, those the title names too scored up (a bare one becomes a place of the text), but
    for regions (the headline's "dans l'Adamaoua" is less specific than the text's town)."""
    named = {fold(c.name) for c in title_places(doc) if c.score > -2.0}
    if not named:
        return found
    table = cities()
    return [replace(c, score=max(c.score, 0.0) + _TITLE_BONUS, bare=False)
            if fold(c.name) in named and not (fold(c.name) in table and _is_region(table[fold(c.name)], doc.language))
            else c for c in found]


def _evidence(doc, names, table):
    """The countries the text names, by name or agency, or by a place of one country only ("Izabal", "Antioquia"):
    what tells which "San Luis" or "Trujillo" the text means."""
    mentions = country_mentions(doc)
    codes = {m.code for m in mentions if m.source in ("name", "agency", "place") and not as_origin(doc, m.start)}
    codes |= {m.code for m in mentions if m.source == "demonym" and contexts.of_the_state(doc.folded, m.start, m.end)}
    for start, _name, key, _lead in names:
        entries = table.get(key) if key not in _GENERIC else None
        if not entries or as_origin(doc, start):
            continue
        others = [population for code, population in entries if code != entries[0][0]]
        if len(others) == 0 and (entries[0][1] >= 15000 or entries[0][1] == 0) or \
                entries[0][1] >= 100000 and entries[0][1] >= 20 * max(others):
            codes.add(entries[0][0])  # "Izabal"; "Bogotá" (not Bogota, New Jersey)
    return codes


def _qualifier_country(text, end):
    """{the country} of the larger place written with a place ("Lansdowne (Ontario)", "San Pablo, Brasil")."""
    match = _QUALIFIER.match(text, end)
    if not match:
        return set()
    key = fold(re.sub(r" (?:City|County|Province|State)$", "", match.group(1)))
    if key in country_names():
        return {country_names()[key]}
    return {code for code, population in cities().get(key, ()) if population == 0}


def _candidate(doc, start, name, key, table, lead, evidence=()):
    """[the Candidate] for a name in a place context, or a bare known place; [] for anything else."""
    end = start + len(name)
    written = _qualifier_country(doc.text, end)
    entry = _country_for(table[key], doc.language, evidence, written) \
        if key in table and key not in _GENERIC else None
    code = entry[0] if entry else None
    if len(written) == 1 and fold(_QUALIFIER.match(doc.text, end).group(1)) in country_names():
        code, = written  # "San Pablo, Brasil": the text says which country
        entry = entry or (code, 0)
    score = _score(doc, start, end, key, table, leading=lead)
    seat_before = contexts.SEAT_BEFORE.search(doc.folded[max(0, start - 45):start])
    seat_after = _SEAT_AFTER.match(doc.text, end)
    if seat_after and not seat_before:  # "detained at Muizenberg SAPS", "Tin-Can Island Command"
        score = (score if score is not None else 1.0) - _SEAT_PENALTY
    if is_dateline(doc.text, start, end):
        return [Candidate(name, start, 0.5, code, dateline=True)] if key in table or lead is False else []
    if score is not None:
        return [Candidate(name, start, score, code, bool(seat_before or seat_after))]
    if entry and (entry[1] >= 100000 or entry[1] == 0 and len(key) >= 5) and \
            not contexts.DESTINATION_BEFORE.search(doc.folded[max(0, start - 80):start]) and not as_origin(doc, start) and \
            not contexts.HOME_BEFORE.search(doc.folded[max(0, start - 45):start]):
        return [Candidate(name, start, -1.0, code, bool(seat_before), bare=True)]
    return []


# An agency, station or court named after its town: "Muizenberg SAPS", "Ballymun Garda Station", "Delhi Police".
_SEAT_AFTER = re.compile(r" (?:SAPS|Garda|Police(?! (?:barrier|checkpoint|check-point|roadblock|road block)s?\b)|"
                         r"Crime Branch|Regional Police|Municipal Police|Magistrates?|"
                         r"Crown Court|"
                         r"District Court|High Court|Court|Prison|Sheriff|Station|Headquarters|Field Office|"
                         r"Field Division|Customs|Gendarmerie|Commissariat|Division|Command)\b", re.IGNORECASE)
def _variants(match, language):
    """(start, name, after a leading preposition) for a capitalised name and for what follows each connector in it
    ("Aduana de San Antonio" → also "San Antonio"; "La Poste de Faulquemont" → also "Faulquemont")."""
    start, name = match.start(), match.group(0)
    lead = _LEADING_PREPOSITION.match(name)
    if lead and name.startswith("A ") and language != "fr":
        lead = None  # "A Glock pistol was seized", "A BOC spokesman": an article; "A Coruña": a name
        if language == "en":
            start, name = start + 2, name[2:]
    if lead and name.startswith("In ") and _LOCATIVE_END.search(match.string, max(0, start - 12), start):
        lead = None  # "à In Guezzam", "near In Amenas": "In" opens the name
    if lead:
        start, name = start + lead.end(), name[lead.end():]
    yield start, name, bool(lead)
    if name.startswith("The "):  # "The Greater Accra Regional Police Command"
        start, name = start + 4, name[4:]
        yield start, name, bool(lead)
    direction = contexts.DIRECTION_WORD.match(name) or _FACILITY_HEAD.match(name)
    if direction:  # "West Kingston" → also "Kingston"; "Aeropuerto El Dorado" → also "El Dorado"
        yield start + direction.end(), name[direction.end():], bool(lead)
    tail = _SEAT_AFTER.search(name)
    if tail and tail.start() > 0:  # "Tin-Can Island Command", "Greater Accra Regional Police" → the town
        yield start, name[:tail.start()], bool(lead)
    possessive = re.search(r"['’]s (?=[A-Z])", name)
    if possessive:  # "Kingston's Tivoli Gardens community": also "Tivoli Gardens"
        yield start + possessive.end(), name[possessive.end():], False
    for connector in CONNECTOR.finditer(name):
        yield start + connector.end(), name[connector.end():], False


_STREET_NAME = re.compile(r"\w \w+ (?:road|street|drive|avenue|lane|boulevard|crescent|close|terrace)$|"
                          r"^\w+ (?:road|street|drive|avenue|lane|boulevard|crescent|close|terrace)$")


def _score(doc, start, end, key, table, leading=False):
    before = doc.folded[max(0, start - 45):start]
    after = doc.text[end:end + 40]
    score = None
    facility_after = contexts.FACILITY_AFTER.match(after)
    if facility_after and re.match(rf"\s+(?:of|de|du|del|d')\s*[{UPPER}]", after[facility_after.end():]):
        facility_after = None  # "the north Lincolnshire port of Killingholme": the facility is the next name's
    if contexts.FACILITY_BEFORE.search(before) or facility_after or _facility_town(key, table):
        score = 5.0
    elif contexts.STREET_BEFORE.search(before) or contexts.AREA_AFTER.match(after) or (
            _STREET_NAME.search(key) and re.search(r"\b(?:on|in|at|along|off|near)\s+(?:the\s+)?$", before)):
        score = 4.0  # a street or area, and a named street: "a warehouse on Marcus Garvey Drive"
    elif contexts.SMALL_PLACE_BEFORE.search(before):
        score = 3.5
    elif contexts.REGION_BEFORE.search(before):
        score = 1.0
    elif leading or contexts.LOCATIVE[doc.language].search(before):
        score = 2.0 if key in table else 1.0
    elif start == 0 and re.match(r"\s*[,(]", after) or re.match(r"\s*\(", after) and key in table:
        score = 1.0  # a dateline, or "Dieppe (Seine-Maritime)"
    elif contexts.OF.search(before) and key in table and table[key][0][1] > 0:
        score = 0.5  # "... de Ciénaga": a known town after "de"
    elif key in table and table[key][0][1] == 0 and re.search(rf"[{UPPER}][\w'’-]+, $",
                                                              doc.text[max(0, start - 30):start]):
        score = 0.5  # "Culiacán, Sinaloa": the region after its town
    if score is None:
        return None
    if contexts.SEAT_BEFORE.search(before):
        score -= _SEAT_PENALTY
    if contexts.DESTINATION_BEFORE.search(doc.folded[max(0, start - 80):start]) or contexts.HOME_BEFORE.search(before):
        score -= 2.5
    population = table[key][0][1] if key in table else 0
    if key in table and _is_region(table[key], doc.language):
        score -= 1.5  # a region: less specific than any town
    score -= 1.0 if population > 400000 else 0.5 if population > 100000 else 0
    sentence_start, sentence_end = doc.sentence_bounds(start)
    if _SEIZURE.search(doc.folded[sentence_start:sentence_end]):
        score += 1
    if recalls_an_earlier_seizure(doc, start):
        score -= 2.5  # "A week after a major operation at the Montego Bay Freeport Wharf ..., "
    return score


_SEIZURE = re.compile(r"\b(?:seiz\w*|found|discover\w*|intercept\w*|recover\w*|saisi\w*|decouv\w*|trouv\w*|"
                      r"incaut\w*|decomis\w*|asegur\w*|hall\w*|intervenid\w*|interven\w*|secuestr\w*|encontr\w*|"
                      r"confisca\w*|confisqu\w*|uncover\w*|unearth\w*|retriev\w*|detect\w*|ubico|ubicaron|localizo|"
                      r"localizaron|ocupad[oa]s?|ocuparon)\b")


def location(doc, chosen_countries):
    """A Value with the place name as written in the text, or None."""
    found = [c for c in candidates(doc) if c.score >= 1.0]
    if not found:  # the only place given is an agency's ("la Gendarmerie de l'Aude"): the most specific one given
        found = [c for c in candidates(doc) if c.seat and c.score + _SEAT_PENALTY >= 1.0]
    if not found and not MULTI.search(doc.folded):  # "JOHOR BARU, Jan 14 — Police arrested 20 men here": the
        found = [c for c in candidates(doc) if c.dateline][:1]  # dateline, where no place is given (not INTERPOL's)
    if not found:  # "en una agencia de transporte de Montevideo": the one known town the text names, after "de"
        found = _only_town(candidates(doc))
    if not found and all(c.bare for c in candidates(doc)):
        found = _bare_place(candidates(doc), chosen_countries)
    if not found:
        found = _only_place_named(candidates(doc))
    if not found:
        return None
    found = [replace(c, score=c.score - 1.5) if _abroad(c, chosen_countries) else c
             for c in found]  # "Sussex" (a town of Canada) in a story set in England
    best = max(_inner_first(doc, found), key=lambda c: (c.score, -c.start))
    if in_list_of_places(doc.text, best):
        return None  # several sites ("en Malvín Norte, Cerro, Barra de Carrasco y Solymar"), none holding them all
    end = best.start + len(best.name)
    holder = _PAIR_HELD_BY.match(doc.text, end)
    if not holder and one_of_a_pair(doc, best, candidates(doc)):
        return None  # "searches in Liverpool and Bobs Creek": two sites, none holding both
    if holder:  # "las comunas de Santiago y La Pintana, en la región Metropolitana": the place holding both
        return Value(holder.group(1), holder.start(1), holder.end(1), 0.5)
    facility = contexts.FACILITY_AFTER.match(doc.text, end)
    if facility:
        end = facility.end()
    end = _with_qualifier(doc.text, end) if end == best.start + len(best.name) or facility else end
    head = _head_before_known_town(best.name)
    if head and not facility:
        end = best.start + len(head)
    return Value(doc.text[best.start:end], best.start, end, min(0.9, 0.3 + best.score / 10))


def _head_before_known_town(name):
    """"Sanounbougou" of "Sanounbougou de Sikasso", "Ignacio Allende" of "Ignacio Allende de Culiacán": an unknown
    place named with the known town that holds it."""
    match = re.fullmatch(r"(.+?) (?:de|del|de la|du) (.+)", name)
    table = cities()
    if not match or fold(name) in table or fold(match.group(1)) in FACILITY_WORDS | NOT_PLACES or \
            fold(name.split(" ")[0]) in _NAME_OPENERS:  # "San Miguel de Yguazú": one town's name
        return None
    head, town = table.get(fold(match.group(1))), table.get(fold(match.group(2)))
    return match.group(1) if town and (not head or head[0][1] < (town[0][1] or _REGION_RANK)) else None


# "à Prèkètè, près de Bassila", "Saint-Laurent à Montréal", "Akoundéré dans la commune de Bélel", "Wiang Phang
# Kham sub-district of Mae Sai": the second place holds the first.
_HOLDS = re.compile(r"(?:,\s*)?(?:\s*(?:pres de|pres d'|near|cerca de|a|au|en|in|dans|of|de|del|du)\s*"
                    r"(?:(?:la|le|el|l'|the)\s*)?(?:(?:commune|ville|localite|village|region|departement|municipio|"
                    r"ciudad|provincia|district|sub-district|county|town|city|prefecture|province|canton|"
                    r"arrondissement)\w*\s+(?:de\s+|d'|du\s+|del\s+|of\s+)?(?:la\s+|l')?)?)?$")


_PAIR_HELD_BY = re.compile(
    rf"\s+(?:y|and|et|e)\s+[{UPPER}][\w'’-]*(?: [{UPPER}][\w'’-]*)*,?\s+(?:en|in|dans)\s+(?:la |le |el |the )?"
    rf"((?:(?:r[ée]gi[oó]n|province|provincia|d[ée]partement|departamento|district|county|estado|state) (?:de |of |du |del )?)?"
    rf"[{UPPER}][\w'’-]*(?: [{UPPER}][\w'’-]*)*)")


def _inner_first(doc, found):
    """The candidates, each place that holds the one just before it scored below that one."""
    by_start = sorted(found, key=lambda c: c.start)
    out = list(by_start)
    for index in range(1, len(by_start)):
        inner, outer = by_start[index - 1], by_start[index]
        gap = doc.folded[inner.start + len(inner.name):outer.start]
        if 0 < len(gap) <= 40 and _HOLDS.fullmatch(gap) and outer.score >= inner.score:
            out[index] = replace(outer, score=inner.score - 0.5)
    return out


def _abroad(candidate, chosen_countries):
    """A known place of which no namesake lies in the chosen countries (a street, area or facility context says
    the name is local whatever the gazetteer holds: "el sector Sinaí")."""
    entries = cities().get(fold(candidate.name))
    return bool(chosen_countries and candidate.code and entries and candidate.score < 4.0 and
                not any(code in chosen_countries for code, _population in entries))


def _only_town(found):
    towns = [c for c in found if (c.code or fold(c.name) in _GENERIC) and c.score >= 0.5 and
             not (c.seat or c.bare or c.dateline)]  # a known town, or one of a name many countries share
    return towns[:1] if len({fold(c.name) for c in towns}) == 1 else []


def _only_place_named(found):
    """The one place the text names in a place context, however large ("en el estado Lara", "en Murcia"), where
    no agency's seat or other place competes."""
    named = [c for c in found if c.score > -1.5 and not (c.seat or c.bare or c.dateline)]
    if len({fold(c.name) for c in named}) != 1 or len({fold(c.name) for c in found if not c.seat}) != 1:
        return []
    return named[:1]


def _bare_place(found, chosen_countries):
    """Only known places outside any place context ("Indore Crime Branch busted ..."): the first, where they are
    not several places (several sites, no place holding them all)."""
    found = [c for c in found if not chosen_countries or c.code in chosen_countries]
    return found[:1] if len({fold(c.name) for c in found}) <= 2 else []


_QUALIFIER = re.compile(rf"(?:, | \()([{UPPER}][\w'’-]*(?: (?:de |del |de la )?[{UPPER}][\w'’-]*){{0,2}})(\))?")


def _with_qualifier(text, end):
    """The end of the place with the larger place that qualifies it, as written ("Culiacán, Sinaloa",
    "Dieppe (Seine-Maritime)", "San Isidro, Makati City"), where the gazetteer knows that one."""
    match = _QUALIFIER.match(text, end)
    if not match or (match.group(0).startswith(" (") and not match.group(2)):
        return end
    name = re.sub(r" (?:City|County|Province|State)$", "", match.group(1))
    key = fold(name)
    if key in cities() and key not in country_names() and key not in NOT_PLACES:
        return match.end()
    return end
