"""The operation's codename as written ("Operation Trident", "opération « Bouclier »", "Operación Alfa"); where
the text names only a programme or strategy ("stratégie CENTAURE", "plan Canal"), that name."""

import re

from .dates import MONTH_NUMBER
from .text import Value, fold

_QUOTED = r"[\"“«‘'„]\s*([^\"”»’']{2,40}?)\s*(?:[\"”»]|['’](?![a-zà-ÿ]))"  # not the elision of «ne s'arrêtera»
_WORD = r"[A-ZÀ-Ý0-9][\w'-]*(?:\.\d+)?"  # "Escudo Bolívar 2.0"
# Capitalised words, joined by "de", "del", "of"... only where a capitalised word follows ("Tormenta del Desierto").
_CAPITALISED = rf"({_WORD}(?:[ \t]+(?:(?:de|del|of|la|el|the|y en|y|et)[ \t]+)?{_WORD})*)"  # one line
_AFTER = (rf"(?:,?\s+(?:called|named|known as|nommée|dite|baptisée|connue sous le nom de|denominada|llamada|bautizada|"
          rf"conocida como|como|comme|as)\s+|\s+)"
          rf"(?:{_QUOTED}|{_CAPITALISED})")
_OPERATION = re.compile(
    rf"\b(?:[Oo]p[eé]ra(?:tion|ción|cion)|OP[EÉ]RA(?:TION|CIÓN|CION)|[Oo]perativo|[Oo]p\.|Ops?\b|OPS?\b|[Cc]ode-?named|"
    rf"[Jj]oint [Aa]ction [Dd]ays?|[Oo]perational [Aa]ction|[Bb]aptisée?|[Dd]énommée?|[Dd]ubbed|[Nn]om de code|"
    rf"[Ss]ous le nom de|[Bb]ajo el nombre de|[Nn]ombre en clave|[Cc]ode name|"
    rf"[Dd]enominad[ao]|[Ll]lamad[ao]|[Bb]autizad[ao]|(?:[Oo]perational\s+)?[Tt]ask\s+[Ff]orce(?:\s*\([A-Z]+\))?|[Ss]trike\s+[Ff]orce|"
    rf"(?:[Ii]nitiative|[Cc]ampa(?:gne|ign|ña)|[Mm]ission|[Mm]isión|[Dd]ispositi(?:f|vo))\b,?\s+"
    rf"(?:nommée?|intitulée?|named|called|code-?named|denominad[ao]|llamad[ao])){_AFTER}")
# "la operación policial 'Nenúfar'", "l'opération conjointe « Bouclier »": plain words, then the quoted name.
_OPERATION_QUALIFIED = re.compile(rf"\b(?:[Oo]p[eé]ra(?:tion|ción|cion)|[Oo]perativo)(?:\s+[a-zà-ÿ]+){{1,2}},?\s+{_QUOTED}")
# "la campagne « Villes sans armes »", "the campaign 'Safe Streets'": a quoted campaign's name after the word.
_CAMPAIGN = re.compile(rf"\b(?:[Cc]ampa(?:gne|ign|ña))\s+{_QUOTED}")
# "Project Chrome", "projet Sabot": police investigations named as projects are codenames too.
_PROJECT = re.compile(rf"\b(?:[Pp]rojet|[Pp]roject|[Pp]royecto|PROJECT|PROJET|PROYECTO){_AFTER}")
_PROGRAMME = re.compile(rf"\b(?:[Ss]trat[ée]gie|[Ss]trategy|[Ee]strategia|[Pp]lan|[Pp]rogramme|[Pp]rograma)"
                        rf"(?:\s+(?:nacional|national|nationale|integral|especial|special|spécial|regional|régional))?{_AFTER}")
# "el Plan de Intervención y Control de Armas de Fuego", "la Estrategia Nacional Antiextorsión": a titled programme.
_TITLED_PROGRAMME = re.compile(r"\b((?:Estrategia|Strategy|Stratégie|Plan|Programa|Programme)(?: Nacional| National| Nationale)?"
                               r" (?:(?:de|del|de la|of|for|d'|des|du) )?[A-ZÁÉÍÓÚ][\w-]+"
                               r"(?: (?:(?:de|del|de la|y|of|and|for|et|des|du) )?[A-ZÁÉÍÓÚ][\w-]+)*)")
# "the nationwide Shanela II operations": a capitalised name right before the word.
_NAME_BEFORE = re.compile(r"\b((?:[A-Z][\w-]+)(?:\s+(?:[A-Z][\w-]*|[IVX]+|\d+))*)\s+(?:(?:special|joint|crackdown)\s+)?"
                          r"(?:operations?|opérations?)\b")
# "was part of the Joint Action Days in the Western Balkans programme": a programme that holds the operation.
_PROGRAMME_BEFORE = re.compile(
    r"\b(?:part of|under|within|in the framework of|dans le cadre d[eu]|en el marco de(?:l)?)\s+(?:the |la |le |el )?"
    r"((?:[A-Z][\w-]+)(?:\s+(?:(?:in|of|the|on|for|de|la|del|des|du)\s+)*[A-Z][\w-]+)+)\s+"
    r"(?:programme|program|initiative|strategy|framework|plan|programa|estrategia|strat[ée]gie)\b")
# Words that start sentences and clauses, not codenames ("Cette opération", "L'opération Les gendarmes ont...").
_NOT_NAMES = set((
    "the of and to in on at for with by from as after during before this that these those its their his her our "
    "a an all some several other another each every one two three new same such similar further recent joint "
    "police policial conjunta internacional international national nacional nationale special customs military "
    "security border federal it they we he she there here officers agents authorities group groupe grupo team "
    "squad unit unite unidad cell cellule celula "
    "le la les l' de du des et un une ce cet cette ces dans en sur pour par avec lors apres avant au aux son sa ses "
    "leur leurs il elle ils elles on qui que se plusieurs autre autres nouvelle nouvel meme gendarmes policiers "
    "douaniers enqueteurs "
    "el los las lo del al y una unos unas este esta estos estas ese esa esos esas su sus con por para tras durante "
    "antes despues se que otro otra otros otras nueva nuevo mismo misma agentes policias efectivos elementos "
    "monday tuesday wednesday thursday friday saturday sunday lundi mardi mercredi jeudi vendredi samedi dimanche "
    "lunes martes miercoles jueves viernes sabado domingo today yesterday hier aujourd'hui ayer hoy "
    "europol interpol frontex gendarmerie guardia policia customs douane douanes aduana aduanas").split())
_NOT_NAMES |= set(MONTH_NUMBER)
_AGENCY_WORDS = {"police", "customs", "force", "agency", "service", "guard", "army", "navy", "office", "department",
                 "bureau", "unit", "command", "authority", "authorities", "cbp", "atf", "fbi", "dea", "hsi", "nca"}
_SENTENCE_START = re.compile(r"(?:^|[.!?:;\n]\s*|[\"«“(]\s*)$")


def _not_a_codename(name, words):
    """"CBP operations", "Border Force operations": an agency or a plain word before "operations"."""
    parts = [p for w in words for p in w.split("-")]
    return (any(p in _AGENCY_WORDS for p in parts) or (name.isupper() and len(name) <= 5)
            or re.search(r"-(?:led|run|based|wide)$", words[-1]) is not None)


def _plain_word(name, words):
    """A number ("Opération 12 pistolets"), a function word or an agency: no codename."""
    return not re.search(r"[^\W\d_]", name) or words[0] in _NOT_NAMES or all(w in _NOT_NAMES for w in words)


_PLACE_NAMED_BEFORE = re.compile(r"\b(?:sector|barrio|zona|lugar|sitio|area|localidad|paraje|caserio|recinto|"
                                 r"quartier|secteur|lieu-dit|localite|village|place|site|locality)\b,?\s*$")


_PERSON_NAMED = re.compile(r"(?:denomme|denommee|denominad[ao]|llamad[ao]|named|called|dubbed)\b")
_OPERATION_WORD = re.compile(r"\b(?:operation|operacion|operativo|oplan|op|campagne|campaign|campana|mission|mision|plan|"
                             r"dispositi(?:f|vo)|initiative|projet|project|proyecto|programme|programa)\w*\b")


def operation_name(doc):
    """A Value with the name, or None; cached on the document (places and statistics ask for it too)."""
    if "operation" not in doc.cache:
        doc.cache["operation"] = _operation_name(doc)
    return doc.cache["operation"]


def _operation_name(doc):
    for pattern, confidence in ((_OPERATION, 0.75), (_OPERATION_QUALIFIED, 0.7), (_PROJECT, 0.6),
                                (_CAMPAIGN, 0.5), (_NAME_BEFORE, 0.5), (_PROGRAMME, 0.45), (_TITLED_PROGRAMME, 0.4),
                                (_PROGRAMME_BEFORE, 0.4)):
        for match in pattern.finditer(doc.text):
            group = next(g for g in range(1, (match.lastindex or 1) + 1) if match.group(g))
            name = match.group(group).strip().strip("'\"’”»").rstrip(",;:")  # "dubbed as “Oplan Aluminum,”"
            words = fold(name).split()
            quoted = doc.text[match.start(group) - 1:match.start(group)] in "\"“«‘'„" or "«" in doc.text[
                max(0, match.start(group) - 2):match.start(group)]
            lenient = quoted or pattern is _PROGRAMME_BEFORE  # "« LOS »", "Joint Action Days": names as written
            if not name or (_plain_word(name, words) and not (lenient and re.search(r"[^\W\d_]", name))):
                continue
            if _PLACE_NAMED_BEFORE.search(doc.folded, max(0, match.start() - 30), match.start()):
                continue  # "el sector, denominado como Batallón del Suburbio": a place's name
            if not quoted and _PERSON_NAMED.match(doc.folded, match.start()) and not _OPERATION_WORD.search(
                    doc.folded, max(0, match.start() - 40), match.end()):
                continue  # "le passager, dénommé Jacques Yves Duroseau": a person
            if pattern is _NAME_BEFORE and (_not_a_codename(name, words) or (
                    len(words) == 1 and _SENTENCE_START.search(doc.text, 0, match.start(group)))):
                continue  # "Several operations", "Similar operations": a plain word opening a sentence
            return Value(name, match.start(group), match.start(group) + len(name), confidence)
    return None
