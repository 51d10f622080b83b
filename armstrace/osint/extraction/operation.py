"""The operation's codename as written ("Operation Trident", "opération « Bouclier »", "Operación Alfa"); where
the text names only a programme or strategy ("stratégie CENTAURE", "plan Canal"), that name."""

import re

from .text import Value

_QUOTED = r"[\"“«‘'„]\s*([^\"”»’']{2,40}?)\s*[\"”»’']"
_CAPITALISED = r"((?:[A-ZÀ-Ý0-9][\w'-]*)(?:\s+(?:[A-ZÀ-Ý0-9][\w'-]*|de|del|of|la|el))*(?:\s+[A-ZÀ-Ý0-9][\w'-]*)?)"
_AFTER = (rf"(?:,?\s+(?:called|named|nommée|dite|baptisée|denominada|llamada|bautizada|como|comme|as)\s+|\s+)"
          rf"(?:{_QUOTED}|{_CAPITALISED})")
_OPERATION = re.compile(
    rf"\b(?:[Oo]p[eé]ra(?:tion|ción|cion)|[Oo]perativo|[Oo]p\.|code-?named|baptisée?|dénommée?|dubbed|"
    rf"denominad[ao]|llamad[ao]|bautizad[ao]){_AFTER}")
# "Project Chrome", "projet Sabot": police investigations named as projects are codenames too.
_PROJECT = re.compile(rf"\b(?:[Pp]rojet|[Pp]roject|[Pp]royecto){_AFTER}")
_PROGRAMME = re.compile(rf"\b(?:[Ss]trat[ée]gie|[Ss]trategy|[Ee]strategia|plan|[Pp]rogramme|[Pp]rograma){_AFTER}")
# "the nationwide Shanela II operations": a capitalised name right before the word.
_NAME_BEFORE = re.compile(r"\b((?:[A-Z][\w-]+)(?:\s+(?:[A-Z][\w-]*|[IVX]+|\d+))*)\s+(?:operations?|opérations?)\b")
_NOT_NAMES = {"the", "of", "de", "la", "el", "and", "et", "y", "police", "policial", "conjunta", "joint", "in",
              "en", "internacional", "international", "national", "nacional", "nationale", "special", "this",
              "the", "an", "a", "une", "un", "una", "customs", "military", "security", "border", "federal"}


_AGENCY_WORDS = {"police", "customs", "force", "agency", "service", "guard", "army", "navy", "office", "department",
                 "bureau", "unit", "command", "authority", "authorities", "cbp", "atf", "fbi", "dea", "hsi", "nca"}


def _not_a_codename(name, words):
    """"CBP operations", "Border Force operations": an agency or a plain word before "operations"."""
    parts = [p for w in words for p in w.split("-")]
    return (all(w in _NOT_NAMES for w in words) or any(p in _AGENCY_WORDS for p in parts)
            or (name.isupper() and len(name) <= 5) or re.search(r"-(?:led|run|based|wide)$", words[-1]) is not None)


def operation_name(doc):
    """A Value with the name, or None."""
    for pattern, confidence in ((_OPERATION, 0.75), (_PROJECT, 0.6), (_NAME_BEFORE, 0.5), (_PROGRAMME, 0.45)):
        for match in pattern.finditer(doc.text):
            group = next(g for g in range(1, (match.lastindex or 1) + 1) if match.group(g))
            name = match.group(group).strip()
            words = name.lower().split()
            if not name or words[0] in _NOT_NAMES or (pattern is _NAME_BEFORE and _not_a_codename(name, words)):
                continue
            return Value(name, match.start(group), match.start(group) + len(name), confidence)
    return None
