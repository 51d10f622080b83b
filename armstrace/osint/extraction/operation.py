"""The operation's codename as written ("Operation Trident", "opération « Bouclier »", "Operación Alfa")."""

import re

from .text import Value

_QUOTED = r"[\"“«‘'„]\s*([^\"”»’']{2,40}?)\s*[\"”»’']"
_CAPITALISED = r"((?:[A-ZÀ-Ý0-9][\w'-]*)(?:\s+(?:[A-ZÀ-Ý0-9][\w'-]*|de|del|of|la|el))*(?:\s+[A-ZÀ-Ý0-9][\w'-]*)?)"
_OPERATION = re.compile(
    rf"\b(?:[Oo]p[eé]ra(?:tion|ción|cion)|[Oo]perativo|[Oo]p\.|[Pp]rojet|[Pp]roject|[Pp]royecto|code-?named|baptisée?|dénommée?|dubbed|"
    rf"denominad[ao]|llamad[ao]|bautizad[ao])\s+(?:(?:called|named|nommée|dite|denominada|como|comme|as)\s+)?"
    rf"(?:{_QUOTED}|{_CAPITALISED})")
_NOT_NAMES = {"the", "of", "de", "la", "el", "and", "et", "y", "police", "policial", "conjunta", "joint", "in",
              "en", "internacional", "international"}


def operation_name(doc):
    for match in _OPERATION.finditer(doc.text):
        group = 1 if match.group(1) else 2
        name = match.group(group).strip()
        if name.lower() in _NOT_NAMES or not name:
            continue
        return Value(name, match.start(group), match.start(group) + len(name), 0.8 if group == 1 else 0.7)
    return None
