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
    r"male|female|national|citizen|traveller|traveler|resident)\b[^.;]{0,100}?(?:was|has been|had been|is being) "
    r"(?:arrested|detained|apprehended|taken into custody)|one arrest|"
    r"(?:arrested|detained|apprehended) (?:a|an|the|one) (?:[a-z-]+ ){0,2}?[a-z-]*[a-rt-z]\b(?! and)|"
    r"(?:un|une|le|la|l') ?(?:homme|femme|individu|suspect|personne|jeune|conducteur|passager|ressortissant|"
    r"voyageur|chauffeur|resident|mis en cause)\w*\b[^.;]{0,100}?(?:a ete|est|fut|a egalement ete) "
    r"(?:\w+ puis )?(?:interpellee?|arretee?|apprehendee?|placee? en garde a vue|placee? en retenue)|"
    r"(?:interpelle|arrete|apprehende) (?:un|une) (?:homme|femme|individu|suspect|personne|jeune|resident|"
    r"conducteur|passager|ressortissant|voyageur)|une interpellation|une arrestation|l'arrestation d'un|"
    r"(?:detuvieron|detuvo|capturaron|capturo|arrestaron|arresto|aprehendieron|aprehendio) a (?:un|una) "
    r"(?:hombre|mujer|persona|sujeto|individuo|joven|conductor|chofer|ciudadano|sospechoso)|"
    r"(?:fue|quedo|resulto|ha sido) (?:detenid[oa]|capturad[oa]|arrestad[oa]|aprehendid[oa])|"
    r"(?:un|una) (?:detenido|detenida|persona detenida|hombre detenido)|"
    r"(?:el|la|del|al) (?:detenid[oa]|arrestad[oa]|capturad[oa]|aprehendid[oa])\b|"
    r"the (?:arrested|detained) (?:man|woman|suspect|person|driver|teenager))\b")
_NONE = re.compile(
    r"\b(?:no arrests?|no one (?:has been|was|were) (?:arrested|detained)|nobody (?:was|has been) arrested|"
    r"aucune (?:interpellation|arrestation)|personne n'a ete (?:interpelle|arrete)|"
    r"sin detenidos|no hubo detenidos|ningun detenido|no se (?:produjeron|registraron|reportaron) detenciones|"
    r"no se (?:reporto|registro) (?:ningun|ninguna) (?:detenido|detencion)|no se informo de detenciones|"
    r"no (?:hubo|se reportaron|se registraron) (?:personas )?(?:detenidas|capturadas|arrestadas)|"
    r"no one was arrested|no arrests were made|aucune personne n'a ete interpellee)\b")
_WINDOW = 100


# "Cuatro personas, entre ellas dos menores": a part of a count already made.
_SUBSET_BEFORE = re.compile(r"\b(?:entre (?:ellas|ellos|los cuales|las cuales)|among (?:them|whom)|including|"
                            r"dont|parmi (?:eux|elles|lesquels|lesquelles)|de (?:ellos|ellas)|of (?:them|whom))\s+$")
_PERSON = r"(?:[A-ZÀ-Ý][\w'-]+\s?){1,4}(?:\s*\(\d+\))?"
# "arrested John Smith", "has since charged Adam Brown (39) and Bethany Brown (42)": the people named.
_NAMED = re.compile(rf"\b(?:arrested|detained|apprehended|charged|interpell[ée]|arr[êe]t[ée]|detuvieron a|detuvo a|"
                    rf"capturaron a|aprehendieron a)\s+({_PERSON}(?:(?:,\s*|\s+and\s+|\s+et\s+|\s+y\s+){_PERSON})*)")
_NAME_SEPARATOR = re.compile(r",\s*|\s+(?:and|et|y)\s+")


def arrests(doc, counts):
    """A Value with the number of people arrested, or None."""
    folded = doc.folded
    triggers = [m.span() for m in TRIGGER.finditer(folded)]
    stated = [c for c in counts if c.category == "arrest"]
    for count in counts:
        if count.category == "person" and _near_trigger(doc, count, triggers) and not _SUBSET_BEFORE.search(
                folded, max(0, count.start - 30), count.start):
            stated.append(count)
    stated.sort(key=lambda c: c.start)
    single = _SINGLE.search(folded)
    value = combine(doc, stated)
    if value is not None:
        return value
    if single:
        return Value(1, single.start(), single.end(), 0.6)
    named = _NAMED.search(doc.text)
    if named:
        people = len(_NAME_SEPARATOR.split(named.group(1).strip()))
        return Value(people, named.start(), named.end(), 0.55)
    none = _NONE.search(folded)
    if none:
        return Value(0, none.start(), none.end(), 0.7)
    return None


_BETWEEN_BEFORE = re.compile(r"^\s*(?:(?:a|de|of|the|some|about|over|at least|au moins|pas moins de|al menos|un total de|"
                             r"a total of|unos|unas|las|los|les|des|en total|au total)\s+)*$")


_AGES = re.compile(r"\baged? (?:between )?\d+(?: (?:and|et|y) \d+)?|\d+-year-olds?|\(\d+\)|\d+ ans|\d+ anos")
_CONJUNCTION_END = re.compile(r"\b(?:and|et|y|e|but|mais|pero|while|tandis que|mientras)\s+$")


def _near_trigger(doc, count, triggers):
    """A person count right after an arrest word ("detuvo a 3 personas"), or followed by one in its clause
    ("four people were arrested")."""
    for t_start, t_end in triggers:
        if t_end <= count.start and count.start - t_end < 60:
            between = doc.folded[t_end:count.start]
            if _BETWEEN_BEFORE.match(between) or (not re.search(r"[.;:]|\d", between)
                                                  and not _CONJUNCTION_END.search(between)):
                return True
        elif count.end <= t_start and t_start - count.end < 2 * _WINDOW:
            between = _AGES.sub("", doc.folded[count.end:t_start])
            if len(between) < _WINDOW and not re.search(r"[.;:]|\d", between):
                return True
    return False
