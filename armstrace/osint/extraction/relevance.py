"""Is the document a report of a seizure of firearms, parts or ammunition? A score in [0, 1] from rules."""

import re

from .dates import MONTHS
from .lexicon import COMPILED, STOLEN

THRESHOLD = 0.5
# Seizures told without a seizure verb ("arrested with", "portaba", "mis la main sur"); firearms.py uses them too.
SEIZED_WITHOUT_A_VERB = (r"arrested,? (?:with|in possession)|(?:arretee?s?|interpellee?s?),? (?:avec|en possession)|"
                         r"found in possession|trouvee? en possession|"
                         r"(?:avai(?:t|ent)|had|tenia|tenian) (?:a|en|in) (?:leur|sa|son|their|his|her|su) "
                         r"(?:possession|poder)|"
                         r"sorprendid[oa]s? con|detenid[oa]s?,? con|portaba\w*|llevaba\w* consigo|ubicaron|ubico|ubicar|retriev\w*|(?:mettre|met|mettent|mis) la main")
_SEIZURE = re.compile(
    r"\b(?:seiz\w*|confiscat\w*|sequester\w*|recover\w*|intercept\w*|found|discover\w*|descubr\w*|descubiert\w*|ocuparon|ocupo|uncover\w*|dismantl\w*|"
    r"detect\w*|stopped|saisi\w*|decouv\w*|confisqu\w*|demantel\w*|retrouv\w*|trouv\w*|mis la main|"
    r"intercept\w*|incaut\w*|decomis\w*|asegur\w*|hall\w*|localiz\w*|desmantel\w*|intervenid\w*|intervino|"
    r"intervinieron|requis(?:a|as|ar|aron|o|ad[oa]s?|ition\w*)|encontr\w*|secuestr\w*|detectar\w*|contained|concealed|hidden|contenai\w*|"
    r"dissimul\w*|cache(?:e|es|s)?|conten[ií]a\w*|ocult\w*|escondid\w*|recuper\w*|took possession|"
    r"taken possession|off the streets|removed from circulation|retir\w* de la circulation|"
    r"retirad\w* de circulacion|" + SEIZED_WITHOUT_A_VERB + r"|aprehensi\w*|hizo con|yielded|netted|haul|smuggl\w*|"
    r"used to hide|unearth\w*|dug up|exhum\w*|deterree?s?|desenterr\w*|handed over to (?:the )?(?:police|investigators|"
    r"officers|detectives)|retuv\w*|retenid[oa]s?|puest[oa]s? a disposicion|mis\w* hors (?:de )?circulation|"
    r"apprehende\w*|interpell\w*)\b")
_ITEMS = ("firearm", "ammo", "part")
_MONTHS = "(?:" + "|".join(name for names in MONTHS.values() for name in names) + ")"
# A count over a period is a statistic, not one seizure.
STATISTIC = re.compile(
    r"\b(?:in the (?:last|past) \w+ (?:years?|months|weeks)|en (?:los|las) ultim[oa]s \w+ (?:anos|meses|semanas)|"
    r"since (?:19|20)\d\d|so far this year|last year|each year|"
    r"every year|per year|annually|a year|depuis (?:le debut de l'annee|(?:19|20)\d\d)|chaque annee|par an|"
    r"l'an dernier|l'annee derniere|en lo que va del ano|desde (?:19|20)\d\d|cada ano|al ano|el ano pasado|"
    r"durante (?:el|los) (?:ultimos? )?\w* ?anos|over the (?:last|past) \w+ years?|ces dernieres annees|"
    r"over a period of \w+ (?:years|months)|(?:the|los|les|des) (?:first|primeros|premiers) \w+ (?:months|meses|mois)|sur une periode de \w+ (?:ans|mois)|"
    r"durante un periodo de \w+ (?:anos|meses)|(?:in|en|durante) (?:19|20)\d\d(?=[,.;]|$)|"
    r"(?:since|depuis|desde) (?:(?:the )?(?:start|beginning) of (?:the year|20\d\d)|le debut (?:de|du) \w+|"
    r"(?:el )?(?:inicio|principio|comienzo) (?:de|del) \w+|its launch|son lancement|su (?:inicio|lanzamiento)|"
    r"(?:(?:le|el) \w+ )?(?:de |d')?" + _MONTHS + r")|this year alone|en lo que va (?:de|del) \w+|"
    r"(?:este|cette) (?:ano|annee),? (?:se han|han sido|ont ete)|(?:logrado|lograron|logro) (?:\w+ ){0,2}este ano|"
    r"\b(?:brings?|bringing|brought) (?:the|its|their) (?:total|number|tally|count)|"
    r"portant (?:a|le (?:total|nombre|bilan))|porte (?:a|le (?:total|nombre|bilan))|"
    r"(?:au cours|lors) des \w+ (?:dernieres annees|derniers mois|dernieres semaines)|so far this fiscal year|(?:last|this) fiscal year|"
    r"(?:between|entre|from|de|desde) (?:(?:le |el )?\w+ (?:de )?\w+ (?:de )?)?(?:19|20)\d\d (?:and|et|y|to|a|al|hasta) "
    r"(?:(?:le |el )?\w+ (?:de )?\w+ (?:de )?)?(?:19|20)\d\d|"
    r"(?:since|depuis|desde) (?:the |la |el |l')?(?:introduction|start|launch|implementation|instauracion|"
    r"implementacion|entrada en vigor|puesta en marcha|creacion|mise en place|entree en vigueur|lancement)|"
    r"suman(?: ya)?|con (?:este|esta) (?:caso|accion|decomiso|aseguramiento|incautacion|hallazgo)|"
    r"with this (?:seizure|latest seizure|case)|avec cette (?:saisie|prise)|to date|a ce jour|a la fecha|"
    r"hasta la fecha|so far (?:for|in|this) (?:the )?year|"
    r"(?:in|en|durante) (?:el |le |la |the )?(?:primer|segundo|premier|second|first|1er|2e) (?:semestre|trimestre|half|"
    r"quarter)|en todo (?:el )?(?:ano )?(?:19|20)\d\d|(?:in|en|durante|during) (?:19|20)\d\d\b|"
    r"bilan (?:de l'annee|annuel|de l'an)|over a period of|sur une periode de|this year so far|year[- ]to[- ]date|"
    r"(?:del|desde el|du|from) (?:\d+|uno|primero|1er|premier) (?:de )?\w+ (?:al|hasta el|au|to) \d+ (?:de )?\w+|"
    r"(?:between|from) " + _MONTHS + r" \d{1,2} (?:and|to|through) " + _MONTHS + r" \d{1,2}|"
    r"(?:de acuerdo con|segun) (?:las )?estadisticas|according to (?:the )?statistics|selon les statistiques|"
    r"(?:are|were|sont|son|estan) (?:\w+ )?(?:in|en) (?:circulation|circulacion)|"
    r"a escala nacional|"
    r"(?:the|la|les|le) (?:first|primera|premiere) (?:week|semana|semaine)|(?:the|los|les) (?:first|primeros|premiers) "
    r"(?:days|dias|jours) (?:of|del|de|du))\b")
_TO_DATE = {"to date", "a ce jour", "a la fecha", "hasta la fecha"}
# "una de las mayores incautaciones realizadas hasta la fecha": a record, not a tally.
_RECORD_BEFORE = re.compile(r"\b(?:mayor(?:es)?|largest|biggest|plus importante?s?|plus grosses?|record|historic\w*|"
                            r"historique)\b[^.;]{0,80}$")


def tells_a_period(folded, start=0, end=None):
    """A statistic over a period in folded[start:end] ("since 2019", "en lo que va del año")."""
    end = len(folded) if end is None else end
    return any(m.group(0) not in _TO_DATE or not _RECORD_BEFORE.search(folded, max(start, m.start() - 90), m.start())
               for m in STATISTIC.finditer(folded, start, end))


def relevance(folded, lang, counts, kept=None):
    """The score: words of firearms, words of seizure, and counted firearms in a sentence about a seizure.
    `kept`, the counts left once statistics and surrendered arms are set aside: where every counted item was
    one of those, the text reports no seizure of its own."""
    pattern, _ = COMPILED.get(lang, COMPILED["en"])
    nouns = [m for m in pattern.finditer(folded) if _is_item(m.group(0), lang)]
    seizures = [m.start() for m in _SEIZURE.finditer(folded)]
    counted = [c for c in counts if c.category in _ITEMS and
               not tells_a_period(_before_a_theft(_sentence(folded, c.start)))]
    near = any(abs(c.start - s) < 200 for c in counted for s in seizures)
    set_aside = kept is not None and any(c.category in _ITEMS for c in counts) and not any(
        c.category in _ITEMS for c in kept)
    if set_aside:
        near = False
    score = 0.15 * bool(nouns) + 0.25 * bool(seizures) + 0.45 * near + 0.15 * (len(nouns) >= 3) - 0.15 * set_aside
    return round(max(score, 0), 2)


def _is_item(noun, lang):
    from .lexicon import classify

    found = classify(noun, lang)
    return bool(found) and found[1] in _ITEMS


# "an AK-47 rifle that was stolen last year": when the gun was stolen, not a period of seizures.
THEFT_TOLD = re.compile(rf"\b(?:(?:that|which|qui|que)\s+(?:\w+\s+){{0,3}}?)?{STOLEN}\b")


def _before_a_theft(sentence):
    theft = THEFT_TOLD.search(sentence)
    return sentence[:theft.start()] if theft else sentence


def _sentence(folded, position):
    start = max(folded.rfind(". ", 0, position), folded.rfind("\n", 0, position), 0)
    end = folded.find(". ", position)
    return folded[start:end if end >= 0 else len(folded)]
