"""A short free-text description of the seizure's context, from keywords of the text."""

import re

from .text import Value

CONTEXTS = [
    ("drug trafficking", r"\b(?:drugs?|cocaine|heroin|cannabis|narcotics?|methamphetamine|fentanyl|stupefiants?|"
                         r"drogues?|droga\w*|narco\w*|cocaina|marihuana|resine)\b"),
    ("terrorism", r"\b(?:terror\w*|jihad\w*|extremis\w*)\b"),
    ("organised crime", r"\b(?:organi[sz]ed crime|criminal (?:network|group|gang|organi[sz]ation)|gangs?|cartel\w*|"
                        r"crime organise|bande organisee|reseau criminel|crimen organizado|organizacion criminal|"
                        r"banda criminal|grupo criminal|mafia\w*)\b"),
    ("border smuggling", r"\b(?:smuggl\w*|border|contrebande|frontiere|contrabando|frontera|trafic d'armes|"
                         r"trafico de armas|arms trafficking|firearms trafficking)\b"),
    ("illicit manufacture", r"\b(?:manufactur\w*|workshop|3d[- ]?print\w*|fabrication|atelier|fabricacion|"
                            r"taller|ensambla\w*|assembl\w*)\b"),
    ("postal trafficking", r"\b(?:parcels?|postal|courier|colis|encomiendas?|paqueteria)\b"),
    ("illegal possession", r"\b(?:illegal possession|unlicensed|detention illegale|detention d'armes|"
                           r"tenencia ilicita|portacion ilegal|posesion ilegal)\b"),
]
_COMPILED = [(label, re.compile(pattern)) for label, pattern in CONTEXTS]


def context(doc):
    found = [(match.start(), match.end(), label) for label, pattern in _COMPILED
             for match in [pattern.search(doc.folded)] if match]
    if not found:
        return None
    found.sort()
    labels = list(dict.fromkeys(label for _, _, label in found))[:3]
    return Value("; ".join(labels), found[0][0], found[0][1], 0.4)
