"""Which counts of a text are of the seizure it tells: not a statistic over a period, nor arms destroyed or
surrendered, nor replicas, nor an earlier seizure the text recalls."""

import re

from .dates import _WEEKDAY_NAMES, MONTHS
from .lexicon import COMPILED, STOLEN, classify
from .operation import operation_name
from .relevance import SEIZED_WITHOUT_A_VERB, THEFT_TOLD, tells_a_period
from .text import sentences

SEIZED = re.compile(
    r"\b(?:seiz\w*|confiscat\w*|sequester\w*|recover\w*|intercept\w*|found|discover\w*|uncover\w*|detect\w*|located|descubr\w*|descubiert\w*|ocuparon|ocupo|"
    r"saisi\w*|decouv\w*|intercept\w*|trouv\w*|recupere\w*|"
    r"incaut\w*|decomis\w*|asegur\w*|hall\w*|intervenid\w*|intervino|secuestr\w*|encontr\w*|localiz\w*|"
    r"netted|yielded|resulted in|haul|took possession|" + SEIZED_WITHOUT_A_VERB + r"|confisqu\w*|retrouv\w*|requis(?:a|as|ar|aron|o|ad[oa]s?|ition\w*)|recuper\w*)\b")


_DISPOSED = re.compile(r"\b(?:destr[ou]y\w*|destruction|destru\w*|detrui\w*|surrender\w*|handed in|amnest\w*|"
                       r"(?:se ha|se han|se habia) deshecho|deshizo|deshacerse|"
                       r"deposee?s? volontairement|remises? volontaire\w*|volontairement (?:remis|rendu|depose)\w*|"
                       r"reddition|entregad[oa]s? voluntaria\w*|voluntariamente entregad\w*|canje\w*|"
                       # "48 armas de fuego ... fueron robadas": a theft, not a seizure
                       rf"(?:were|was|have been|fueron|fue|han sido|ont ete|a ete) (?:\w+ ){{0,2}}?{STOLEN}|"
                       r"stole|sustrajo|sustrajeron|robo|robaron|hurto|hurtaron|"
                       r"(?:a|ont) vole)\b")


# A surrender campaign: arms "collected" or "recovered" there are handed in, not seized.
_CAMPAIGN = re.compile(r"\b(?:amnest\w*|amnistia|buy-?backs?|gun surrenders?|points? de collecte|campagne|campaign|campana|"
                       r"campagne (?:de |d')(?:collecte|abandon|remise)|abandon simplifie|campanas? de (?:desarme|canje|"
                       r"entrega))\b")
_TAKEN = re.compile(r"\b(?:seiz\w*|saisi\w*|incaut\w*|decomis\w*|asegur\w*|intercept\w*|confisca\w*|confisqu\w*)")
# The arms found turned out to be replicas ("que resultan ser réplicas", "se sont avérées être des répliques").
_ALL_REPLICAS = re.compile(
    r"\b(?:result\w* ser|turn\w* out to be|prov\w* to be|s'averent|(?:se sont|s'est|s'etaient) averee?s?|"
    r"(?:se )?descubrio que (?:eran|era)|(?:found|discovered) (?:that )?(?:they|the (?:weapons|guns|firearms)) were|"
    r"(?:il|on) s'est avere qu'il s'agissait d(?:e|')|il s'agissait en fait d(?:e|')|al tratarse de|tratandose de|"
    r"car il s'agissait d(?:e|'))"
    r"(?: \S+){0,5}? (?:replicas?|repliques?|imitations?|factices?|jouets?|juguetes?|toys?|fakes?|falsas?|"
    r"d'usage ornemental|ornamental|decorati\w*|(?:armas?|armes?) (?:de aire comprimido|a air comprime))\b|"
    r"\b(?:no (?:eran|era|son|es) (?:armas? )?de fuego(?: real(?:es)?)?|(?:were|was) not real (?:fire ?arms?|guns?|weapons?)|"
    r"n'(?:etaient|etait|sont|est) pas de (?:vraies|veritables) armes)\b")
# "the realistic looking Glock semi-auto handgun was a BB Gun": the apparent firearm was none, unless some was real.
_WAS_AN_AIR_GUN = re.compile(r"\b(?:was|were) (?:in fact |actually |really |only |just )?(?:an? )?(?:bb|airsoft|pellet|"
                             r"air|gel|toy|replica|imitation|fake)(?:[ -][a-z]+)?[ -](?:guns?|pistols?|rifles?|"
                             r"revolvers?|firearms?|blasters?|weapons?)\b")
# "the rest were real" (not "looks like a real firearm", "a real and an imitation firearm")
_SOME_REAL = re.compile(r"\b(?:genuine|(?<!like a )real(?! and an? )|remainder|the rest|the others?|while)\b")
_REPLICAS_LISTED = re.compile(r"\b(?:replica|imitation|airsoft|fake|toy|replique|factice|imitacion)s?\b[^.;]{0,40}?"
                              r"\b(?:include|includes|including|such as|among them|dont|notamment|incluyen|entre ellas)\b")
# Replicas, air guns, toys: what a lead sentence seizes when it seizes nothing real ("An imitation firearm was seized").
_REPLICA = re.compile(r"\b(?:imitation|replica|repliques?|airsoft|air (?:guns?|rifles?|pistols?)|bb guns?|pellet|"
                      r"aire comprimido|air comprime|factices?|de fogueo|simulad[oa]s?|juguetes?|jouets?|toys?|fake|"
                      r"a plombs?|a billes)\b")


# "2.300 armes saisies ces derniers mois ont été détruites", "The 611 guns that were destroyed": the arms' end, told
# after their seizure.
_DESTROYED = re.compile(r"\b(?:were|was|have been|has been|had been|will be|ont ete|a ete|seront|sont|fueron|fue|han sido|"
                        r"seran|serán) (?:\w+ ){0,2}?(?:destroy\w*|detrui\w*|destruid\w*|incinera\w*|brule\w*|torched|"
                        r"burnt|burned|fondue?s|melted|cut up|crushed|compacta\w*|chatarriz\w*|"
                        # "au moins 2000 armes ont été revendues": arms the network sold, not seized
                        r"sold|resold|vendue?s|revendue?s|vendid[oa]s|revendid[oa]s)\b")
# "30 armes ... ont été découvertes et détruites": found, then destroyed on the spot; a seizure all the same.
_FOUND_AND_DESTROYED = re.compile(r"\b(?:decouvert|trouve|saisi|recupere|found|seized|recovered|discovered|"
                                  r"encontrad|hallad|incautad|decomisad)\w* (?:et|and|y|e) (?:\w+ )?"
                                  r"(?:detrui|destroy|destruid)\w*")


_DEFINITE_BEFORE = re.compile(r"\b(?:the|these|those|ces|les|las|los|estas|estos|esas|esos)\s+"
                              r"(?:(?:over|more than|nearly|about|some|plus de|pres de|environ|mas de|casi|unos|unas)\s+)?$")


def _handed_in(doc, count):
    """The count's sentence (or one of the two before) tells of a surrender campaign, and not of arms seized."""
    start, end = doc.sentence_bounds(count.start)
    before = start
    for _ in range(2):
        previous = len(doc.folded[:before].rstrip())  # past the blank lines between paragraphs
        before = doc.sentence_bounds(previous - 1)[0] if previous else before
    return bool(_CAMPAIGN.search(doc.folded, before, end)) and not _TAKEN.search(doc.folded, start, end)


def of_this_seizure(doc, counts):
    """The counts that can be of the seizure told: not a statistic over a period ("en lo que va del año",
    "En 2014, la douane a saisi 828 armes"), nor arms destroyed or surrendered ("se destruyeron 1,207 armas"),
    nor "firearms" the text says are replicas."""
    replicas = bool(_ALL_REPLICAS.search(doc.folded)) or _replicas_only_in_lead(doc) or bool(
        _WAS_AN_AIR_GUN.search(doc.folded) and not _SOME_REAL.search(doc.folded))
    kept, set_aside, retelling = [], set(), set()
    for count in counts:
        start, end = doc.clause_bounds(count.start)
        disposed = (_DISPOSED.search(doc.folded, start, end) and not SEIZED.search(doc.folded, start, end) or
                    _DESTROYED.search(doc.folded, start, end)) and \
            not _FOUND_AND_DESTROYED.search(doc.folded, start, end)
        handed_in = _handed_in(doc, count)
        retold = (count.category, count.value) in set_aside and _DEFINITE_BEFORE.search(
            doc.folded, max(0, count.start - 24), count.start) or (  # "As for the 261 firearms" after the statistic
            set_aside and not any(c.category in _ITEM_CATEGORIES for c in kept) and
            _AMONG_THOSE.match(doc.folded, doc.sentence_bounds(count.start)[0]))
        if retold:  # "Out of the over 400 weapons seized, 279 were firearms": the sentence breaks the statistic down
            retelling.add(doc.sentence_bounds(count.start))
        retold = retold or doc.sentence_bounds(count.start) in retelling
        listed_replica = count.category == "firearm" and _REPLICAS_LISTED.search(
            doc.folded, doc.sentence_bounds(count.start)[0], count.start)  # "replica weapons seized include an UZI"
        if statistic(doc, count) or disposed or handed_in or retold or (replicas and count.category == "firearm") or \
                listed_replica or recalls_an_earlier_seizure(doc, count.start):
            set_aside.add((count.category, count.value))
        else:
            kept.append(count)
    return _without_a_statistics_story(doc, counts, kept)


# "Parmi l'arsenal récupéré figurent 45 fusils": a breakdown of the arms just told (and set aside).
_AMONG_THOSE = re.compile(r"\W*(?:among (?:the|those|these)|of (?:the|those|these)|parmi (?:l'|les |ces )|"
                          r"dentro (?:del|de este|de ese) (?:conjunto|lote)|"
                          r"entre (?:las|los|estas|estos)|de (?:las|los|estas|estos) )")


# "A week after a major operation ... led to the seizure of 19 firearms, ...": an earlier seizure the text recalls.
_EARLIER_EVENT = re.compile(r"\W*(?:(?:a|an|one|two|three|four|five|six|several|a few|\d+|un|une|deux|trois|quatre|"
                            r"quelques|una|dos|tres|cuatro|unos|unas) )?(?:days?|weeks?|months?|years?|jours?|semaines?|"
                            r"mois|ans|annees|dias|semanas|meses|anos) (?:after|apres|despues de|luego de|tras)\b")


def recalls_an_earlier_seizure(doc, position):
    """`position` lies in the opening clause of a sentence that starts "A week after ..." (see _EARLIER_EVENT)."""
    start, end = doc.sentence_bounds(position)
    if _FOLLOWS.match(doc.folded, start, end) or _HAD_SEIZED_BEFORE.match(doc.folded, start, end):
        return True
    if not _EARLIER_EVENT.match(doc.folded, start, end):
        return False
    return doc.folded.find(", ", start, end) > position


# "This follows the recovery of 10 guns at the port on Tuesday.": the whole sentence recalls an earlier seizure.
_FOLLOWS = re.compile(r"\W*(?:this|it|the (?:seizure|find|discovery|recovery)) (?:follows|comes (?:after|days after|a "
                      r"week after))|\W*(?:cette (?:saisie|prise|decouverte)|elle) (?:fait suite|intervient (?:apres|"
                      r"quelques jours apres))|\W*(?:esta|este|esto|la) (?:incautacion|decomiso|hallazgo|accion)? ?"
                      r"(?:se suma a|ocurre (?:dias )?despues de)")


# "A few days ago, the Crime Branch had recovered 35 guns.": a case before the one told.
_HAD_SEIZED_BEFORE = re.compile(r"\W*(?:(?:a few|some|several|two|three|\d+) (?:days|weeks|months) (?:ago|earlier)|"
                                r"earlier this (?:week|month|year)|il y a (?:quelques|deux|trois|\d+) (?:jours|semaines|mois)|"
                                r"hace (?:unos|algunos|dos|tres|\d+) (?:dias|semanas|meses)),? [^.;]{0,60}?"
                                r"\b(?:had|avai(?:t|ent)|habia|habian) (?:\w+ )?(?:recovered|seized|found|confiscated|"
                                r"intercepted|saisi|decouvert|trouve|incautado|decomisado|asegurado|hallado)\b")


_ITEM_CATEGORIES = ("firearm", "ammo", "part")
_MONTH_NAMES = "|".join(name for names in MONTHS.values() for name in names)
# A time that dates one seizure: a weekday, "yesterday", "hier", a day and month.
_ONE_DAY = re.compile(rf"\b(?:{_WEEKDAY_NAMES}|yesterday|today|tonight|last night|this morning|hier|aujourd'hui|"
                      rf"ce matin|cette nuit|la nuit du|ayer|hoy|anoche|esta manana|weekend|week-end|fin de semana|"
                      rf"(?:las )?ultimas (?:\d+ )?horas|(?:the )?(?:last|past) \d+ hours|(?:ces|les) dernieres (?:\d+ )?heures|\d{{1,2}}(?:er)? (?:de )?(?:{_MONTH_NAMES})|"
                      rf"(?:{_MONTH_NAMES}) \d{{1,2}}\b)")


def _without_a_statistics_story(doc, counts, kept):
    """A text that opens on a statistic ("A travers un bilan de l'année ... la saisie de 54 fusils") and dates no
    seizure of its own tells the figures of a period: none of its counts is of one seizure."""
    items = [c for c in counts if c.category in _ITEM_CATEGORIES]
    if not items or not statistic(doc, items[0]) or operation_name(doc) is not None:
        return kept  # an operation's results over its period are its seizure
    if _DISPOSED.search(doc.folded, *doc.sentence_bounds(items[0].start)):
        return kept  # "police destroyed 2,000 firearms seized over three years": a stock, told before the seizure
    if any(_ONE_DAY.search(doc.folded, *doc.sentence_bounds(c.start)) for c in kept if c.category in _ITEM_CATEGORIES):
        return kept
    return [c for c in kept if c.category not in _ITEM_CATEGORIES]


def _replicas_only_in_lead(doc):
    """The first sentence that tells of a seizure of items seizes replicas or air guns and nothing real."""
    pattern, _ = COMPILED.get(doc.language, COMPILED["en"])
    for start, end in sentences(doc.text):
        if not SEIZED.search(doc.folded, start, end):
            continue
        found = [classify(m.group(0), doc.language) for m in pattern.finditer(doc.folded, start, end)]
        found = [f[1] for f in found if f and f[1] in ("firearm", "ammo", "part", "excluded")]
        if found:
            return "excluded" in found and all(f == "excluded" for f in found) and \
                bool(_REPLICA.search(doc.folded, start, end))
    return False


# ", which had smuggled 300 guns since 2019": a relative clause, whose period is not the main clause's.
_RELATIVE = re.compile(r", (?:which|who|whom|whose|where|qui|que|dont|lequel|laquelle|lesquels|quien|quienes|"
                       r"(?:el|la|los|las) cual(?:es)?|cuyo|cuya|donde)\b")

def statistic(doc, count):
    """The count's clause dates a period ("since 2019", "en lo que va del año"): in the count's own part of it,
    or in its opening, not in a relative clause about something else."""
    start, end = doc.clause_bounds(count.start)
    cuts = sorted(m.start() for pattern in (_RELATIVE, THEFT_TOLD) for m in pattern.finditer(doc.folded, start, end))
    if not cuts:
        return tells_a_period(doc.folded, start, end)
    bounds = [start, *cuts, end]
    index = max(i for i in range(len(bounds) - 1) if bounds[i] <= count.start)
    return tells_a_period(doc.folded, bounds[index], bounds[index + 1]) or tells_a_period(doc.folded, start, cuts[0])


def about_seizure(doc, count):
    """The count's sentence (or the sentence introducing its list) tells of a seizure, and its clause not of a
    statistic over years."""
    start, end = doc.sentence_bounds(count.start)
    block_start, _ = doc.block_bounds(doc.block_of(count.start))
    return bool(SEIZED.search(doc.folded, min(start, block_start), end)) and not statistic(doc, count)
