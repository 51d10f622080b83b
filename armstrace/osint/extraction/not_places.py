"""What a capitalised name in a seizure story is not: a body, a title, a common or abstract noun, a nationality,
a direction on its own, an agency's initials; and where a story's dateline stands."""

import re
from functools import lru_cache

from .dates import _WEEKDAY_NAMES, MONTHS
from .gazetteer import DEMONYMS
from .numbers import NUMBER_WORDS, words_value
from .text import UPPER, fold

_DAYS_AND_MONTHS = {name for names in MONTHS.values() for name in names} | set(_WEEKDAY_NAMES.split("|"))
NOT_PLACES = set(
    "police customs border force national guard operation plan estrategia strategie strategy programa programme "
    "aspectos aspects europol interpol the la le les el los las un une una "
    "this that these those government ministry court tribunal section station central north south east west "
    "northern southern eastern western charge registro republica republic region province state department "
    "ministere ministerio prefecture justice federal national nationale nacional general attorney office "
    "division unit unite unidad brigade brigada direction direccion service servicio agence agencia "
    "bureau office headquarters agency command force forces army navy authority authorities council commission "
    "royal metropolitan met provincial municipal regional orden ordre order "
    "justicia seguridad securite security defensa defense defence interior hacienda gobernacion policia ejercito "
    "armee marina fiscalia gendarmerie douane douanes aduanas ministro ministre minister ministerio "
    "africa afrique europe europa asia asie america amerique caribbean caraibes caribe balkans oceania latinoamerica "
    "sudamerica centroamerica norteamerica "
    "transporte transport transports obras publicas finanzas finances economia salud sante health "
    "noticias news nouvelles diario prensa times herald tribune gazette radio television journal "
    "cuerpo corps investigaciones investigations instagram facebook twitter tiktok whatsapp telegram youtube "
    # vehicle makes: "un Toyota Corolla", "una camioneta Acura"
    "toyota nissan honda hyundai mercedes mercedes-benz chevrolet ford kia mazda suzuki acura peugeot renault "
    "volkswagen audi bmw lexus jeep mitsubishi isuzu citroen fiat dacia opel skoda subaru volvo "
    # a kind of place alone: "the south inner City area"
    "city ciudad ville town area zone zona internet web".split()) | \
    _DAYS_AND_MONTHS
_COMMON_WORDS = set("meanwhile however furthermore moreover additionally also subsequently consequently therefore "
                    "there here thereafter later earlier afterwards finally recently cependant toutefois ensuite puis enfin "
                    "egalement selon ademas asimismo luego posteriormente finalmente segun code codigo ley loi act law "
                    "article articulo decreto decret palais area zona zone sector secteur internacional international "
                    "european europeen europeenne europeo europea african africain africaine africano africana "
                    "asian asiatique asiatico asiatica".split())
# Number words one to ten, less the articles ("un", "una"): "Quatre (04) individus" opens no place name.
_NUMBER_WORDS = {word for lang, words in NUMBER_WORDS.items() for word in words.split()
                 if 1 <= (words_value(word, lang) or 0) <= 10} - {"un", "une", "uno", "una"}
_TITLES = set("director directeur directora inspector commissioner superintendent sergeant colonel comandante "
              "commandant detective constable officer agent president presidente jefe juez judge procureur".split())
_TITLE_BEFORE = re.compile(r"\b(?:comisari[oa]|commissaire|sargento|sergeant|sgt|capitan|captain|coronel|colonel|"
                           r"teniente|lieutenant|inspector|inspecteur|insp|agente|fiscal|juez|judge|mr|mrs|ms|dr|mme|"
                           r"sr|sra|senor|senora|monsieur|madame|ministro|ministre|minister|director|directeur|"
                           r"directora|jefe|commander|comandante|commandant|cpl|supt|detective|constable)\.? $")
_ARTICLES = {"la", "le", "les", "el", "los", "las", "l'"}
FACILITY_WORDS = {"aeropuerto", "aeroport", "airport", "puerto", "port", "terminal", "garita", "aduana", "complejo",
                  "complejo fronterizo", "paso fronterizo", "puente internacional"}
# A direction alone ("au Sud de Madagascar") is no place; "Baja California Sur" is.
_LONE_DIRECTIONS = {"nord", "sud", "est", "ouest", "norte", "sur", "oeste", "este", "centre", "centro"}
# Unknown capitalised words that are common nouns ("Detención", "Sécurité", "Intelligence"), not place names.
_ABSTRACT = re.compile(r"(?:cion|sion|tion|dad|ment|miento|ness|ship|ance|ence|ency|ismo|isme|ism|eria|erie)"
                       r"(?: |$)")
_TITLE_CASE_BEFORE = re.compile(rf"[{UPPER}][\w'’-]+ (?:en|in|de|of|du|des|del|y|and|et|a|al|for|para|pour) $")  # "l'Armée à Pékesse": a place
CONNECTOR = re.compile(r" (?:de la|de los|de las|de|del|du|des|of) (?![a-z])")
# "NAIROBI, Kenya, Feb 3 —", "MONTRÉAL —", "Tegucigalpa –": where the story was filed, not the seizure's place.
_DATELINE_AFTER = re.compile(r"(?:,? [^.\n()]{1,30}?)?\s*(?:[—–]|- |\([A-Z][\w .-]{1,25}\))")


@lru_cache(maxsize=1)
def _demonyms():
    """"Mexican", "sénégalais", "colombiana": adjectives of nationality, never places."""
    return {word for words in DEMONYMS.values() for word in words.split("|")}


def not_a_place(doc, start, name, key, table, countries):
    """Whether the name at `start` (folded `key`) is no place; `table` is the gazetteer, `countries` the country
    names."""
    words = key.split(" ")
    if words[0] in _ARTICLES and len(words) > 1:
        words = words[1:]  # "La Matanza", "Le Havre", "El Paso"
    if key in _COMMON_WORDS or key in _demonyms() or key in _NUMBER_WORDS:
        return True  # "Meanwhile, the ...", "une infraction au Code de la route", "Quatre (04) criminels"
    if words[0] in _TITLES or _TITLE_BEFORE.search(doc.folded, max(0, start - 20), start):
        return True  # "Port Director Ray Provencio", "el comisario César Diarte"
    if len(key) < 3 or key in countries or key in FACILITY_WORDS | _LONE_DIRECTIONS or any(w in NOT_PLACES for w in words) and not (key in table and len(words) > 1) or \
            re.fullmatch(r"[A-Z0-9]+s", name) or re.search(r"\d", name) or re.search(r"['’]s$", name):
        return True
    if words[0] in _LONE_DIRECTIONS and len(words) > 1 and words[1] in ("de", "del", "du", "of", "des"):
        return True  # "Sud de Madagascar", "Norte de Guayaquil": the part of the place that follows
    abstract = _ABSTRACT.search(key) and not CONNECTOR.search(f" {key} ") or _ABSTRACT.search(words[0] + " ") or \
        re.search(r"ités?(?: |$)", name.split(" ")[0].lower())  # "Sécurité", "Unité", not "Kokrobite"
    # "BOC", "SEMIL": an agency's initials; "A QUANTITY of ammunition": a styled lead; but "PRESIDIO, Texas —"
    dateline = is_dateline(doc.text, start, start + len(name))
    if name.isupper() and len(name) <= 4 and (key not in table or not dateline):
        return True  # "la BLTS", "GAO": initials, whatever town shares them; but "LIMA, Peru —"
    acronym = name.isupper() and not dateline
    return key not in table and (abstract or acronym or _inside_title_case(doc.text, start))


def _inside_title_case(text, start):
    """"Personas en Detención", "Ministry of Defence": an unknown name inside the capitalised name of a body."""
    before = text[max(0, start - 30):start]
    sentence_start = re.search(r"(?:^|[.!?:\n]\s*)[{0}][\w'’-]+ [a-zà]+ $".format(UPPER), before)
    title = _TITLE_CASE_BEFORE.search(before)
    dated = title and fold(title.group(0).split(" ")[0]) in _DAYS_AND_MONTHS  # "on Monday in Chachapaith"
    return bool(title) and not sentence_start and not dated


def is_dateline(text, start, end):
    """Whether the name at text[start:end] opens a dateline, where the story was filed."""
    line_start = text.rfind("\n", 0, start) + 1
    if text[line_start:start].strip(" [(") or start - line_start > 3:
        return False
    return text[start:end].isupper() and len(text[start:end]) > 3 or bool(_DATELINE_AFTER.match(text, end))
