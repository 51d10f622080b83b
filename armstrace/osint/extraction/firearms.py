"""Firearms: the text's own total, and the counts by type (air guns, replicas, magazines... are not firearms)."""

import re

from .dates import _WEEKDAY_NAMES, MONTHS
from .lexicon import COMPILED, COVERS, classify
from .operation import operation_name
from .relevance import SEIZED_WITHOUT_A_VERB, STATISTIC
from .text import Value, sentences

TYPE_KEYS = ("pistol", "rifle", "shotgun", "revolver", "submachine_gun", "machine_gun", "light_weapon", "other",
             "handgun_unspecified", "long_gun_unspecified")


def combine(doc, counts, across="first"):
    """One Value from several counts of the same thing. A stated total ("in total", "au total") wins; else counts
    in one block (a sentence with its list) add up, and blocks are taken as the first one (`across="first"`: later
    ones retell or give a breakdown) or as the sum of blocks of different values (`across="distinct"`)."""
    if not counts:
        return None
    totals = [c for c in counts if c.total]
    if totals:
        best = max(totals, key=lambda c: c.value)
        return Value(best.value, best.start, best.end, 0.85)
    groups = {}
    for count in counts:
        groups.setdefault(doc.block_of(count.start), []).append(count)
    blocks = [_without_restated_packs(block) for block in groups.values()]
    if any(c.number_kind != "article" for c in counts):  # "un silencieux" yields to "six silencieux"
        blocks = [b for b in blocks if any(c.number_kind != "article" for c in b)]
    if across == "first":
        seized = [b for b in blocks if any(_about_seizure(doc, c) for c in b)]
        if seized:  # the first seizure, and the later ones told as further finds ("more", "also", "además")
            blocks = seized[:1] + _further_finds(doc, seized)
        else:
            blocks = [b for b in blocks if not all(_statistic(doc, c) for c in b)][:1]
        if not blocks:
            return None  # every count is a statistic over a period ("in the last five years, ... 31,000")
    else:
        seen, kept = set(), []
        for block in blocks:
            value = sum(c.value for c in block)
            if value not in seen:
                seen.add(value)
                kept.append(block)
        blocks = kept
    chosen = [c for block in blocks for c in block]
    if len(chosen) == 1 and chosen[0].approximate:
        chosen = _exact_for(doc, chosen[0], counts) or chosen
    confidence = 0.75 if len(chosen) == 1 and chosen[0].number_kind != "article" else 0.6
    return Value(sum(c.value for c in chosen), chosen[0].start, chosen[-1].end, confidence)


def _without_restated_packs(block):
    """"1,000 municiones distribuidas en 20 cajas de 50 cartuchos": the packs restate a count of the block."""
    values = {c.value for c in block if not c.packs}
    return [c for c in block if not (c.packs and c.value in values)]


_AT_LEAST_BEFORE = re.compile(r"(?:over|more than|at least|up to|plus de|au moins|mas de|al menos)\s*$")


def _exact_for(doc, rounded, counts):
    """The exact counts a rounded one ("more than 600") sums up: one count ("60 192"), or all the later ones
    together ("243 bullets, 100 ..."), where they come to the rounded value or up to 15 % more ("más de 300" → 339),
    or 15 % less for a value told as about ("cerca de 3 millones" → 2 829 950)."""
    at_least = _AT_LEAST_BEFORE.search(doc.folded, max(0, rounded.start - 20), rounded.start)
    low = rounded.value if at_least else rounded.value * 0.85
    fits = lambda value: low <= value <= rounded.value * 1.15  # noqa: E731
    exact = [c for c in counts if not c.approximate and fits(c.value)]
    if exact:
        return exact[:1]
    later = [c for c in counts if c.start > rounded.end and not c.approximate]
    return later if len(later) > 1 and fits(sum(c.value for c in later)) else None




_SEIZED = re.compile(
    r"\b(?:seiz\w*|confiscat\w*|recover\w*|intercept\w*|found|discover\w*|uncover\w*|detect\w*|located|descubr\w*|descubiert\w*|ocuparon|ocupo|"
    r"saisi\w*|decouv\w*|intercept\w*|trouv\w*|recupere\w*|"
    r"incaut\w*|decomis\w*|asegur\w*|hall\w*|intervenid\w*|intervino|secuestr\w*|encontr\w*|localiz\w*|"
    r"netted|yielded|haul|took possession|" + SEIZED_WITHOUT_A_VERB + r"|confisqu\w*|retrouv\w*|requis(?:a|as|ar|aron|o|ad[oa]s?|ition\w*)|recuper\w*)\b")


_FOLLOW_UP = (r"\bfollow-?up (?:search|raid|operation)s?|\bsubsequent (?:search|raid|operation)s?|\ba l'issue de la "
              r"fouille|\b(?:seconde|deuxieme|autre) perquisition|\ben (?:otro|un segundo) (?:registro|cateo|domicilio|"
              r"allanamiento)")
# "another pistol", "un autre pistolet automatique", "otra pistola": one more item.
_ANOTHER_ITEM = (r"\b(?:another|an additional) (?:\w+ )?(?:pistol|rifle|revolver|shotgun|handgun|firearm|gun|weapon)\b|"
                 r"\b(?:un|une) autre (?:\w+ )?(?:arme|fusil|pistolet|revolver|carabine|kalachnikov)|"
                 r"\botr[oa] (?:\w+ )?(?:arma|fusil|pistola|revolver|escopeta|carabina)\b")
_ADDITIONAL = re.compile(
    r"\balso (?:\w+ ){0,2}(?:seiz|found|recover|discover|locat)|\b(?:a further|another|an additional) \d|"
    r"\bmore (?:weapons|firearms|guns|arms|ammunition|rounds)\b|\bsecond (?:search|house|home|vehicle|car|address)|"
    r"\b(?:aussi|egalement) (?:ete )?(?:saisi|decouv|trouv)|\bd'autres armes|\b(?:second|deuxieme) (?:vehicule|domicile)|"
    r"\b(?:tambien|ademas|asimismo),? (?:se )?(?:\w+ ){0,2}(?:incaut|asegur|localiz|hall|decomis|encontr)|"
    r"\bmas (?:armas|armamento|municion)|\bsegund[oa] (?:vivienda|vehiculo|domicilio|inmueble|cateo|registro|hecho)|"
    + _ANOTHER_ITEM + "|" + _FOLLOW_UP)


def _further_finds(doc, seized):
    """The blocks after the first that tell of further finds; none where the first block is the lead sentence
    (its count sums up what the text then details)."""
    lead = doc.block_of(seized[0][0].start) == 0
    pattern = _MORE if lead else _ADDITIONAL  # after a lead, only "5 more guns", "a further two"
    first = sum(c.value for c in seized[0])  # "440 armes ... saisi 440 armes à feu, dont ... d'autres armes": retold
    return [b for b in seized[1:] if pattern.search(doc.folded, *doc.block_bounds(doc.block_of(b[0].start)))
            and (first == 1 or sum(c.value for c in b) != first)]


_MORE = re.compile(r"\b(?:a further|an additional|another) (?:\d|\w+ (?:fire)?arms|\w+ guns|\w+ weapons)|" + _ANOTHER_ITEM + "|"
                   r"\b\d[\d,.]* (?:more|further|additional) |\b(?:\w+ )?autres (?:armes|fusils|pistolets)|"
                   r"\b(?:otras|otros) \w+ (?:armas|fusiles|pistolas)|" + _FOLLOW_UP)


_DISPOSED = re.compile(r"\b(?:destr[ou]y\w*|destruction|destru\w*|detrui\w*|surrender\w*|handed in|amnest\w*|"
                       r"deposee?s? volontairement|remises? volontaire\w*|volontairement (?:remis|rendu|depose)\w*|"
                       r"reddition|entregad[oa]s? voluntaria\w*|voluntariamente entregad\w*|canje\w*|"
                       # "48 armas de fuego ... fueron robadas": a theft, not a seizure
                       r"(?:were|was|have been|fueron|fue|han sido|ont ete|a ete) (?:\w+ ){0,2}?(?:stolen|robad[oa]s?|"
                       r"hurtad[oa]s?|sustraid[oa]s?|volee?s)|stole|sustrajo|sustrajeron|robo|robaron|hurto|hurtaron|"
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
_SOME_REAL = re.compile(r"\b(?:genuine|real|remainder|the rest|the others?|while)\b")
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
        disposed = (_DISPOSED.search(doc.folded, start, end) and not _SEIZED.search(doc.folded, start, end) or
                    _DESTROYED.search(doc.folded, start, end)) and \
            not _FOUND_AND_DESTROYED.search(doc.folded, start, end)
        handed_in = _handed_in(doc, count)
        retold = (count.category, count.value) in set_aside and _DEFINITE_BEFORE.search(
            doc.folded, max(0, count.start - 24), count.start) or (  # "As for the 261 firearms" after the statistic
            set_aside and not kept and _AMONG_THOSE.match(doc.folded, doc.sentence_bounds(count.start)[0]))
        if retold:  # "Out of the over 400 weapons seized, 279 were firearms": the sentence breaks the statistic down
            retelling.add(doc.sentence_bounds(count.start))
        retold = retold or doc.sentence_bounds(count.start) in retelling
        if _statistic(doc, count) or disposed or handed_in or retold or (replicas and count.category == "firearm") or \
                recalls_an_earlier_seizure(doc, count.start):
            set_aside.add((count.category, count.value))
        else:
            kept.append(count)
    return _without_a_statistics_story(doc, counts, kept)


# "Parmi l'arsenal récupéré figurent 45 fusils": a breakdown of the arms just told (and set aside).
_AMONG_THOSE = re.compile(r"\W*(?:among (?:the|those|these)|of (?:the|those|these)|parmi (?:l'|les |ces )|"
                          r"entre (?:las|los|estas|estos)|de (?:las|los|estas|estos) )")


# "A week after a major operation ... led to the seizure of 19 firearms, ...": an earlier seizure the text recalls.
_EARLIER_EVENT = re.compile(r"\W*(?:(?:a|an|one|two|three|four|five|six|several|a few|\d+|un|une|deux|trois|quatre|"
                            r"quelques|una|dos|tres|cuatro|unos|unas) )?(?:days?|weeks?|months?|years?|jours?|semaines?|"
                            r"mois|ans|annees|dias|semanas|meses|anos) (?:after|apres|despues de|luego de|tras)\b")


def recalls_an_earlier_seizure(doc, position):
    """`position` lies in the opening clause of a sentence that starts "A week after ..." (see _EARLIER_EVENT)."""
    start, end = doc.sentence_bounds(position)
    if _FOLLOWS.match(doc.folded, start, end):
        return True
    if not _EARLIER_EVENT.match(doc.folded, start, end):
        return False
    return doc.folded.find(", ", start, end) > position


# "This follows the recovery of 10 guns at the port on Tuesday.": the whole sentence recalls an earlier seizure.
_FOLLOWS = re.compile(r"\W*(?:this|it|the (?:seizure|find|discovery|recovery)) (?:follows|comes (?:after|days after|a "
                      r"week after))|\W*(?:cette (?:saisie|prise|decouverte)|elle) (?:fait suite|intervient (?:apres|"
                      r"quelques jours apres))|\W*(?:esta|este|esto|la) (?:incautacion|decomiso|hallazgo|accion)? ?"
                      r"(?:se suma a|ocurre (?:dias )?despues de)")


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
    if not items or not _statistic(doc, items[0]) or operation_name(doc) is not None:
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
        if not _SEIZED.search(doc.folded, start, end):
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


def _statistic(doc, count):
    """The count's clause dates a period ("since 2019", "en lo que va del año"): in the count's own part of it,
    or in its opening, not in a relative clause about something else."""
    start, end = doc.clause_bounds(count.start)
    cuts = [m.start() for m in _RELATIVE.finditer(doc.folded, start, end)]
    if not cuts:
        return bool(STATISTIC.search(doc.folded, start, end))
    bounds = [start, *cuts, end]
    index = max(i for i in range(len(bounds) - 1) if bounds[i] <= count.start)
    own = STATISTIC.search(doc.folded, bounds[index], bounds[index + 1])
    return bool(own or STATISTIC.search(doc.folded, start, cuts[0]))


def _about_seizure(doc, count):
    """The count's sentence (or the sentence introducing its list) tells of a seizure, and its clause not of a
    statistic over years."""
    start, end = doc.sentence_bounds(count.start)
    block_start, _ = doc.block_bounds(doc.block_of(count.start))
    return bool(_SEIZED.search(doc.folded, min(start, block_start), end)) and not _statistic(doc, count)


def firearms_by_type(doc, counts):
    """{type: Value} for every type with a stated count. Where a text counts handguns (long guns) and also gives
    the pistols and revolvers (rifles and shotguns) among them, the breakdown that adds up to that one count is
    kept, or else the larger unspecified count alone."""
    by_type, listed = {}, {}
    for key in TYPE_KEYS:
        listed[key] = _without_nested(doc, [c for c in counts if c.category == "firearm" and c.kind == key])
        value = combine(doc, listed[key])
        if value is not None:
            by_type[key] = value
    for unspecified, specific in COVERS.items():
        if unspecified not in by_type:
            continue
        breakdown = sum(by_type[k].value for k in specific if k in by_type)
        if breakdown and breakdown == by_type[unspecified].value > 1 and \
                by_type[unspecified].value == max(c.value for c in listed[unspecified]):  # one count, not a sum
            del by_type[unspecified]
        elif breakdown and breakdown < by_type[unspecified].value and any(
                _inside(doc, by_type[unspecified], by_type[k]) for k in specific if k in by_type):
            for key in specific:  # "cinq armes longues, dont deux carabines": not "trois fusils et deux carabines"
                by_type.pop(key, None)
    return by_type or _typed_later(doc, counts)


def _without_nested(doc, same_kind):
    """"5 rifles, including 3 AK-47s": a smaller count of the same kind given as part of the one just before it."""
    kept = []
    for count in same_kind:
        outer = kept[-1] if kept else None
        between = doc.folded[outer.end:count.start] if outer else ""
        opened = [m.end() for m in INCLUDES.finditer(between)]
        if outer and count.value < outer.value and len(between) <= 60 and opened and ")" not in between[opened[-1]:] \
                and doc.sentence_bounds(count.start) == doc.sentence_bounds(outer.start):
            continue  # not after a closed aside: "2 fusils de chasse (dont un utilisable), un fusil de chasse"
        kept.append(count)
    return kept


def _inside(doc, unspecified, specific):
    """The specific count breaks the unspecified one down: after "dont", "including", a colon, or in a later
    sentence ("dos armas cortas ... una de las armas era una pistola")."""
    if specific.start < unspecified.end:
        return False
    return bool(INCLUDES.search(doc.folded, unspecified.end, specific.start)) or \
        doc.sentence_bounds(specific.start)[0] >= doc.sentence_bounds(unspecified.start)[1]


_ALL_OF_A_TYPE = re.compile(
    r"\b(?:the|these|les|ces|las|los|dichas|estas) (?:fire ?arms|guns|weapons|armes(?: a feu)?|armas(?: de fuego)?) "
    r"(?:\S+ ){0,8}?(?:are|were|sont|etaient|son|eran|resultaron ser) (?:all |toutes |todas )?(?:(?:described|identified)"
    r" as |(?:believed|thought|understood) to be |des |de type )?(?:[a-z-]+ )?")


_APPOSITIVE_TYPE = re.compile(r",?\s+(?:all\s+)?(?:(?:believed|thought|suspected|understood) to be|identified as|described "
                              r"as|que parecen ser|presumiblemente|soupconnees? d'etre|identifiees? comme)\s+(?:des |de )?")


def _typed_later(doc, counts):
    """"20 firearms ... The firearms are believed to be viable pistols": the type a later sentence gives them all."""
    generic = [c for c in counts if c.category == "firearm" and c.kind is None]
    total = combine(doc, [c for c in generic if c.number_kind != "article"] or generic)
    if total is None:
        return {}
    appositive = _APPOSITIVE_TYPE.match(doc.folded, total.end)  # "two firearms, believed to be machine guns"
    for match in ([appositive] if appositive else []) + list(_ALL_OF_A_TYPE.finditer(doc.folded, total.end)):
        found = classify(doc.folded[match.end():match.end() + 40], doc.language)
        if found and found[1] == "firearm" and found[2]:
            return {found[2]: Value(total.value, total.start, total.end, 0.5)}
    if total.value == 1:  # "an undeclared automatic weapon ... CBP officers seized the 9mm handgun"
        for match in _THE_ONE.finditer(doc.folded, total.end):
            found = classify(doc.folded[match.end():match.end() + 40], doc.language)
            if found and found[1] == "firearm" and found[2] and not doc.folded[match.end() + found[0] - 1] in "sx":
                return {found[2]: Value(1, total.start, total.end, 0.4)}
    return {}


_THE_ONE = re.compile(r"\b(?:the|le|la|el|l')\s*(?:(?:[\w.-]*\d[\w.-]*|semi-automatic|automatic|loaded|stolen|"
                      r"seized|recovered) )?")


def firearms_total(doc, counts, by_type):
    """The text's total of firearms: its own total (a count of "firearms" before one of "weapons"), else the sum
    of the counts by type."""
    generic = [c for c in counts if c.category == "firearm" and c.kind is None]
    numeric = [c for c in generic if c.number_kind != "article"]
    strong = [c for c in numeric if c.strong]
    typed = None
    if by_type:
        values = list(by_type.values())
        typed = Value(sum(v.value for v in values), min(v.start for v in values), max(v.end for v in values), 0.6)
    if strong or numeric:
        total = combine(doc, strong or numeric)
        rounded = [c for c in strong if c.approximate and c.value == total.value]
        exact = _exact_for(doc, rounded[0], numeric) if rounded else None
        if exact and len(exact) == 1:  # "más de 300 armas de fuego ... las 339 armas"
            total = Value(exact[0].value, exact[0].start, exact[0].end, total.confidence)
        # "Trois fusils ... les deux armes": a smaller count of "weapons" after the typed counts retells part of them.
        if typed and not strong and total.value < typed.value and total.start > typed.start and total.confidence < 0.85:
            # "44 armas cortas; 18 armas de guerra; 2 armas largas", "1 400 pistolets, ainsi que trois armes": an item
            if _amid_typed(doc, total, counts) or _ADDED_BEFORE.search(doc.folded, max(0, total.start - 20),
                                                                       total.start):
                return Value(typed.value + total.value, typed.start, max(typed.end, total.end), 0.55)
            return typed
        return _with_listed_types(doc, total, counts)
    if typed and (_vague_total_before(doc, typed.start) or _uncounted_in_list(doc, counts)):
        return None  # "une vingtaine d'armes à feu ... neuf pistolets", "tres fusiles, pistolas, una escopeta"
    # "a weapon" alone counts only in a sentence about the seizure ("assault with a weapon" does not).
    return typed or combine(doc, [c for c in generic if _about_seizure(doc, c)])


_ADDED_BEFORE = re.compile(r"\b(?:ainsi que|as well as|along with|together with|en plus de|ademas de|asi como)\s+$")


def _amid_typed(doc, generic, counts):
    """The count of "weapons" stands between typed counts of its block, as one item of their list."""
    block = doc.block_of(generic.start)
    typed = [c for c in counts if c.category == "firearm" and c.kind and doc.block_of(c.start) == block]
    return any(c.end <= generic.start for c in typed) and any(c.start >= generic.end for c in typed)


_LISTED_NOUN = re.compile(r"(?:,|\band|\bet|\by)\s+(?:(?:des|d'|de|unos|unas|varios|varias|several|various|"
                          r"some|plusieurs|divers|diverses|otros|otras|other)\s*)?(?=[a-z])")


_UNCOUNTED_BEFORE = re.compile(r"\b(?:des|varias|several|various|plusieurs|diverses|diversas|algunas|some)\s+(?:fire ?arms|guns|weapons|"
                               r"armes|armas)\b[^.;]{0,60}?(?:dont|including|among them|entre (?:ellas|ellos|las que)|"
                               r"notamment|incluid[oa]s?)\s*$")


def _uncounted_in_list(doc, counts):
    """A plural firearm noun with no count, listed among the typed counts, or introducing them ("des armes de
    fabrication locale, dont 7 fusils"): their sum is no total."""
    typed = [c for c in counts if c.category == "firearm" and c.kind]
    if any(_UNCOUNTED_BEFORE.search(doc.folded, max(0, c.start - 100), c.start) for c in typed):
        return True
    pattern, _ = COMPILED.get(doc.language, COMPILED["en"])
    for block in {doc.block_of(c.start) for c in typed}:
        start, end = doc.block_bounds(block)
        for match in _LISTED_NOUN.finditer(doc.folded, start, end):
            noun = pattern.match(doc.folded, match.end())
            lumped = any(0 <= match.start() - c.end <= 1 and c.kind in COVERS for c in typed)  # "49 pistolas y revólveres"
            if noun and noun.group(0).endswith("s") and not lumped and \
                    not _explains_a_count(doc, match.start(), typed) and \
                    not _of_another_count(doc, match.start(), counts) and not any(
                    c.start <= match.end() < c.end for c in counts) \
                    and (found := classify(noun.group(0), doc.language)) and found[1] == "firearm" and found[2]:
                return True
    return False


def _explains_a_count(doc, position, typed):
    """"- 28 armes de poing : revolvers et pistolets", "19 armas cortas (pistolas y revólveres)": the nouns after a
    count's colon, or in brackets after it, say what it holds."""
    line_start = doc.folded.rfind("\n", 0, position) + 1
    colon = doc.folded.rfind(":", line_start, position)
    bracket = doc.folded.rfind("(", line_start, position)
    in_brackets = bracket >= 0 and ")" not in doc.folded[bracket:position] and any(
        re.fullmatch(r"\s*", doc.folded[c.end:bracket]) for c in typed)
    return in_brackets or colon >= 0 and any(line_start <= c.start and c.end <= colon for c in typed)


def _of_another_count(doc, position, counts):
    """"66 chargeurs de pistolets et pistolets mitrailleurs", "13 chargeurs : pour USM1 et pistolets mitrailleurs":
    the nouns belong to a count of something else."""
    before = [c for c in counts if c.end <= position]
    last = max(before, key=lambda c: c.end) if before else None
    return bool(last and last.category != "firearm" and re.fullmatch(r"\s*:?\s+(?:de|d'|of|for|pour|para)\s[^,;:\n]*",
                                                                      doc.folded[last.end:position]))


_VAGUE_ARMS = re.compile(
    r"\b(?:dozens|scores|hundreds|thousands|une (?:dizaine|vingtaine|trentaine|quarantaine|cinquantaine|centaine)|"
    r"des (?:dizaines|centaines)|decenas|cientos|centenares|(?:un|una) (?:centenar|veintena|decena))\s+(?:of|de|d')\s*"
    r"(?:[a-z-]+\s+)?(?:fire ?arms|guns|weapons|armes|armas)\b")


def _vague_total_before(doc, position):
    """A vague count of firearms ("dozens of weapons", "une vingtaine d'armes") told as seized before `position`."""
    for match in _VAGUE_ARMS.finditer(doc.folded, 0, position):
        start, end = doc.sentence_bounds(match.start())
        if _SEIZED.search(doc.folded, start, end):
            return True
    return False


INCLUDES = re.compile(r"includ\w*|dont|among|parmi|notamment|such as|comme|como|namely|a savoir|a saber|"
                      r"compris\w*|consist\w*|[\u2014\u2013]|entre (?:ellas|ellos|las|los|eux)|conformad\w* por|"
                      r"compuest[oa]s? (?:por|de)|composee?s? de|composed of|made up of|"
                      r"of which|de (?:los|las) cuales|incluid\w*|incluyendo|:|\(")


def _with_listed_types(doc, total, counts):
    """"one 3D firearm, ..., one prohibited handgun": typed items listed after a count of firearms, in its sentence
    and not introduced as its breakdown ("including", "dont", ":"), add to it; so do typed items told as seized
    just before it in a plain list ("deux armes de poing ..., trois armes à feu")."""
    if total.confidence >= 0.85:
        return total
    block = doc.block_of(total.start)
    typed = [c for c in counts if c.category == "firearm" and c.kind and doc.block_of(c.start) == block]
    after = [c for c in typed if c.start > total.end]
    if after and (INCLUDES.search(doc.folded, total.end, after[0].start) or sum(c.value for c in after) == total.value > 1):
        after = []  # its breakdown ("four firearms, two pistols and two rifles")
    before = [c for c in typed if c.end < total.start and not INCLUDES.search(doc.folded, c.end, total.start)
              and _SEIZED.search(doc.folded, doc.block_bounds(block)[0], c.start)]
    listed = before + after
    if not listed:
        return total
    return Value(total.value + sum(c.value for c in listed), min(listed[0].start, total.start),
                 max(total.end, listed[-1].end), 0.5)
