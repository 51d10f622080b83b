"""One more person arrested than a count says ("a second man was arrested", "Un de ses proches a également été
arrêté"), or fewer ("Dos de los seis sujetos lograron huir y los restantes cuatro fueron detenidos")."""

import re

from .numbers import find_numbers
from .text import Value


def numbers_of(doc):
    """Every number of the text, found once per document."""
    if "numbers" not in doc.cache:
        doc.cache["numbers"] = find_numbers(doc.folded, doc.language)
    return doc.cache["numbers"]


def in_arrest_sentence(doc, pattern, triggers):
    """The first match of `pattern` in a sentence that has an arrest word."""
    for match in pattern.finditer(doc.folded):
        start, end = doc.sentence_bounds(match.start())
        if any(start <= t_start < end for t_start, _ in triggers):
            return match
    return None


def with_one_more(doc, value, stated):
    """One more person told arrested in a later block, with no count of its own ("Un de ses proches a également
    été arrêté")."""
    also = _ALSO_ONE.search(doc.folded, value.end)
    if not also or doc.block_of(also.start()) == doc.block_of(value.start) or any(
            c.start >= value.end and doc.sentence_bounds(c.start) == doc.sentence_bounds(also.start()) for c in stated):
        return value
    return Value(value.value + 1, value.start, also.end(), 0.5)


_ALSO_ONE = re.compile(r"\bwas also (?:arrested|detained|apprehended)|\ba (?:egalement|aussi) ete (?:arrete|interpelle|"
                       r"apprehende)e?\b(?!s)|\b(?:tambien|asimismo) (?:fue|resulto) (?:detenid|aprehendid|capturad|"
                       r"arrestad)[oa]\b")
_ORDINALS = {"second": 2, "third": 3, "fourth": 4, "deuxieme": 2, "seconde": 2, "troisieme": 3,
             "quatrieme": 4, "segundo": 2, "segunda": 2, "tercer": 3, "tercera": 3, "cuarto": 4, "cuarta": 4}
# "Une deuxième personne a également été appréhendée", "a third man was arrested": that many people.
_ORDINAL = re.compile(r"\b(?:a|an|une|un|una|un) (" + "|".join(_ORDINALS) + r") "
                      r"(?:(?:[a-z]+ )?(?:man|woman|suspect|person|individual|personne|homme|femme|individu|suspect|"
                      r"persona|hombre|mujer|sujeto|individuo|sospechoso)\b|(?=(?:in|a|au|en|dans) [a-z]))")


def ordinal_count(doc, triggers):
    match = in_arrest_sentence(doc, _ORDINAL, triggers)
    return Value(_ORDINALS[match.group(1)], match.start(), match.end(), 0.5) if match else None


# "were arrested", "fueron detenidos", "ont été interpellés" (shared with arrests.py)
PASSIVE_ARREST = re.compile(r",?\s+(?:fueron|han sido|resultaron|quedaron|were|have been|ont ete|sont) "
                            r"(?:detenid|capturad|arrestad|aprehendid|arrested|detained|apprehended|interpell|arret)")
_REMAINING_BEFORE = re.compile(r"\b(?:the (?:remaining|other)|(?:los|las) (?:restantes|demas|otr[oa]s)|les (?:autres|restants))"
                               r"\s+$|\b(?:the|los|las|les)\s+$")
_REMAINING_AFTER = re.compile(r"(?:\s+(?:restantes|demas|autres|restants|others|remaining))?(?:\s+[a-z]+)?"
                              + PASSIVE_ARREST.pattern)
_REMAINING_WORD = re.compile(r"\b(?:remaining|other|restantes|demas|otr[oa]s|autres|restants|others)\b")


def remaining_count(doc):
    """"the remaining four were arrested", "los cuatro restantes fueron detenidos": the rest of a group, arrested."""
    if not _REMAINING_WORD.search(doc.folded) or not PASSIVE_ARREST.search(doc.folded):
        return None
    for number in numbers_of(doc):
        before = _REMAINING_BEFORE.search(doc.folded, max(0, number.start - 25), number.start)
        after = _REMAINING_AFTER.match(doc.folded, number.end)
        if number.kind != "article" and before and after and _REMAINING_WORD.search(
                doc.folded, before.start(), after.end()):
            return Value(number.value, before.start(), after.end(), 0.55)
    return None
