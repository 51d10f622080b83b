"""People stated to be arrested or detained, summed over the places the text gives; 0 only when it says none."""

import re

from .firearms import combine
from .text import Value

TRIGGER = re.compile(
    r"\b(?:arrest\w*|detain\w*|apprehend\w*|taken into custody|in custody|charged|"
    r"interpell\w*|arrete\w*|arrestation\w*|garde a vue|retenue douaniere|ecroue\w*|"
    r"detenid\w*|detuv\w*|detencion\w*|captur\w*|arrestad\w*|aprehendid\w*|aprehension\w*)\b")
_SINGLE = re.compile(
    r"\b(?:(?:a|one|the|an?) (?:\w+ )?(?:man|woman|suspect|person|driver|teenager|youth|individual|passenger|"
    r"male|female|national|citizen) (?:\w+ ){0,8}?(?:was|has been|had been|is being) (?:arrested|detained|"
    r"apprehended|taken into custody)|one arrest|"
    r"(?:un|une) (?:homme|femme|individu|suspect|personne|jeune|conducteur|passager|ressortissant)\w* "
    r"(?:\w+ ){0,8}?a ete (?:interpelle|arrete|place en garde a vue|place en retenue)|"
    r"une interpellation|une arrestation|"
    r"(?:fue|quedo|resulto|ha sido) (?:detenid[oa]|capturad[oa]|arrestad[oa]|aprehendid[oa])|"
    r"(?:un|una) (?:detenido|detenida|persona detenida|hombre detenido))\b")
_NONE = re.compile(
    r"\b(?:no arrests?|no one (?:has been|was|were) (?:arrested|detained)|nobody (?:was|has been) arrested|"
    r"aucune (?:interpellation|arrestation)|personne n'a ete (?:interpelle|arrete)|"
    r"sin detenidos|no hubo detenidos|ningun detenido|no se (?:produjeron|registraron|reportaron) detenciones|"
    r"no se (?:reporto|registro) (?:ningun|ninguna) (?:detenido|detencion))\b")
_WINDOW = 70


def arrests(doc, counts):
    """A Value with the number of people arrested, or None."""
    folded = doc.folded
    triggers = [m.span() for m in TRIGGER.finditer(folded)]
    stated = [c for c in counts if c.category == "arrest"]
    for count in counts:
        if count.category == "person" and _near_trigger(doc, count, triggers):
            stated.append(count)
    stated.sort(key=lambda c: c.start)
    single = _SINGLE.search(folded)
    value = combine(doc, stated, across="distinct")
    if value is not None:
        if single and all(doc.block_of(single.start()) != doc.block_of(c.start) for c in stated):
            return Value(value.value + 1, min(value.start, single.start()), max(value.end, single.end()), 0.5)
        return value
    if single:
        return Value(1, single.start(), single.end(), 0.6)
    none = _NONE.search(folded)
    if none:
        return Value(0, none.start(), none.end(), 0.7)
    return None


def _near_trigger(doc, count, triggers):
    start, end = doc.sentence_bounds(count.start)
    return any(start <= t_start < end and (abs(t_start - count.end) < _WINDOW or abs(count.start - t_end) < _WINDOW)
               for t_start, t_end in triggers)
