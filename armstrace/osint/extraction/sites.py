"""Several sites named together, none holding the others ("en Malvín Norte, Cerro, Barra de Carrasco y Solymar",
"in Casula and Concord"): the seizure has no single place."""

import re

from .text import UPPER

_LIST_OF_NAMES = re.compile(rf"(?:[{UPPER}][\w'’-]*(?: (?:de |del |de la )?[{UPPER}][\w'’-]*)*, ){{1,}}"
                            rf"(?:[{UPPER}][\w'’-]*(?: (?:de |del |de la )?[{UPPER}][\w'’-]*)*,? (?:y|et|and|e) )"
                            rf"[{UPPER}]")


def in_list_of_places(text, best):
    """The place is one of a list of at least three names ("A, B y C"); a chain of places ("Tanay, Rizal") is no
    list."""
    window_start = max(0, best.start - 80)
    for match in _LIST_OF_NAMES.finditer(text, window_start, best.start + 160):
        if match.start() <= best.start < match.end():
            return True
    return False


_PAIR_AND = re.compile(r"\s+(?:and|y|e|et)\s+")


def one_of_a_pair(doc, best, found):
    """The place and another candidate are named together as two places ("in Casula and Concord")."""
    end = best.start + len(best.name)
    return any(other.start > end and _PAIR_AND.fullmatch(doc.text, end, other.start) or
               other.start + len(other.name) < best.start and
               _PAIR_AND.fullmatch(doc.text, other.start + len(other.name), best.start) for other in found)
