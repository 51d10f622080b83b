"""Firearms: the text's own total, and the counts by type (air guns, replicas, magazines... are not firearms)."""

import re

from .lexicon import COMPILED, COVERS, classify
from .numbers import find_numbers
from .scope import SEIZED, about_seizure, statistic
from .text import Value

TYPE_KEYS = ("pistol", "rifle", "shotgun", "revolver", "submachine_gun", "machine_gun", "light_weapon", "other",
             "handgun_unspecified", "long_gun_unspecified")


def combine(doc, counts, across="first", further=frozenset()):
    """One Value from several counts of the same thing. A stated total ("in total", "au total") wins; else counts
    in one block (a sentence with its list) add up, and blocks are taken as the first one (`across="first"`: later
    ones retell or give a breakdown, but for the blocks told as `further` finds) or as the sum of blocks of
    different values (`across="distinct"`)."""
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
        blocks = [b for b in blocks if any(c.number_kind != "article" for c in b) or _tells_of_more(doc, b) or
                  doc.block_of(b[0].start) in further]
    if across == "first":
        seized = [b for b in blocks if any(about_seizure(doc, c) for c in b)]
        if seized:  # the first seizure, and the later ones told as further finds ("more", "also", "además")
            blocks = seized[:1] + [b for b in seized[1:] if b in _further_finds(doc, seized) or
                                   doc.block_of(b[0].start) in further]
        else:
            told = [b for b in blocks if not all(statistic(doc, c) for c in b)]
            blocks = told[:1] + [b for b in told[1:] if doc.block_of(b[0].start) in further]
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


def _tells_of_more(doc, block):
    """The block tells of a find beyond the first ("A semiautomatic handgun ... were also discovered")."""
    return bool(_ADDITIONAL.search(doc.folded, *doc.block_bounds(doc.block_of(block[0].start))))


def _without_restated_packs(block):
    """"1,000 municiones distribuidas en 20 cajas de 50 cartuchos": the packs restate a count of the block."""
    values = {c.value for c in block if not c.packs}
    return [c for c in block if not (c.packs and c.value in values)]


_AT_LEAST_BEFORE = re.compile(r"(?:over|more than|at least|up to|plus de|au moins|mas de|al menos)\s*$")


def _exact_for(doc, rounded, counts):
    """The exact counts a rounded one ("more than 600") sums up: one count ("60 192"), or all the later ones
    together ("243 bullets, 100 ..."), where they come to the rounded value or up to 15 % more ("más de 300" → 339;
    30 % after "more than": "plus de 3000" → 3750), or 15 % less for a value told as about ("cerca de 3 millones" →
    2 829 950)."""
    at_least = _AT_LEAST_BEFORE.search(doc.folded, max(0, rounded.start - 20), rounded.start)
    low = rounded.value if at_least else rounded.value * 0.85
    high = rounded.value * (1.3 if at_least else 1.15)
    fits = lambda value: low <= value <= high  # noqa: E731
    exact = [c for c in counts if not c.approximate and fits(c.value)]
    if exact:
        return exact[:1]
    later = [c for c in counts if c.start > rounded.end and not c.approximate]
    return later if len(later) > 1 and fits(sum(c.value for c in later)) else None




FOLLOW_UP = (r"\bfollow-?up (?:search|raid|operation)s?|\b(?:subsequent|further) (?:search|raid|operation|investigation)s?"
             r" (?:\w+ )?(?:led|resulted|yielded|uncovered)|\bsubsequent (?:search|raid|operation)s?|\ba l'issue de la "
             r"fouille|\b(?:seconde|deuxieme|autre) perquisition|\ben (?:otro|un segundo) (?:registro|cateo|domicilio|"
             r"allanamiento)|\bin (?:another|a separate|a second) (?:incident|case)|\ben (?:otro|un segundo) (?:hecho|caso)|"
             r"\bdans une autre affaire|\b(?:in|during) (?:a separate|another) (?:operation|raid|search)|"
             r"\b(?:en|durante) otro operativo|\blors d'une autre operation|"
             # "Mientras que, en el paso fronterizo Catarina, ... ubicó 64 cartuchos": a find at another place
             r"\b(?:mientras que|por otra parte|por otro lado|meanwhile|elsewhere|par ailleurs),? (?:en|in|at|a|au|dans)\b")
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
    + _ANOTHER_ITEM + "|" + FOLLOW_UP)


def _further_finds(doc, seized):
    """The blocks after the first that tell of further finds; none where the first block is the lead sentence
    (its count sums up what the text then details)."""
    lead = doc.block_of(seized[0][0].start) == 0
    pattern = _MORE if lead else _ADDITIONAL  # after a lead, only "5 more guns", "a further two"
    first = sum(c.value for c in seized[0])  # "440 armes ... saisi 440 armes à feu, dont ... d'autres armes": retold
    return [b for b in seized[1:] if pattern.search(doc.folded, *doc.block_bounds(doc.block_of(b[0].start)))
            and (first == 1 or sum(c.value for c in b) != first)]


_MORE = re.compile(r"\b(?:a further|an additional|another) (?:\d|\w+ (?:(?:fire)?arms|(?:hand|shot)?guns|weapons|pistols|"
                   r"rifles|revolvers|shotguns)\b)|" +
                   _ANOTHER_ITEM + "|"
                   r"\b\d[\d,.]* (?:more|further|additional) |\b(?:\w+ )?autres (?:armes|fusils|pistolets)|"
                   r"\b(?:otras|otros) \w+ (?:armas|fusiles|pistolas)|" + FOLLOW_UP)


def firearms_by_type(doc, counts):
    """{type: Value} for every type with a stated count. Where a text counts handguns (long guns) and also gives
    the pistols and revolvers (rifles and shotguns) among them, the breakdown that adds up to that one count is
    kept, or else the larger unspecified count alone."""
    by_type, listed = {}, {}
    further = _blocks_with_a_new_type(doc, counts)
    for key in TYPE_KEYS:
        listed[key] = _without_nested(doc, [c for c in counts if c.category == "firearm" and c.kind == key])
        value = combine(doc, listed[key], further=further)
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


def _blocks_with_a_new_type(doc, counts):
    """The blocks after the first seizure's that count a type of firearm no block before counts: a further find
    ("one 12 Bore rifle, one pistol ... the cache: one G3 Assault Rifle, two shotguns"), not a retelling; none
    where the first is the lead sentence (the later blocks detail it)."""
    typed = [c for c in counts if c.category == "firearm" and c.kind and about_seizure(doc, c)]
    blocks = sorted({doc.block_of(c.start) for c in typed})
    if not blocks or blocks[0] == 0:
        return frozenset()
    seen, further = set(), set()
    for block in blocks:
        kinds = {c.kind for c in typed if doc.block_of(c.start) == block}
        related = seen | {k for s in seen for k in COVERS.get(s, ())} | {u for u, ks in COVERS.items() if seen & set(ks)}
        if seen and kinds - related:
            further.add(block)
        seen |= kinds
    return frozenset(further)


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
    if specific.start < unspecified.end or _bulleted(doc, unspecified.start) and _bulleted(doc, specific.start):
        return False  # "- 2 armas de fuego largas\n- 1 rifle": items of one list
    return bool(INCLUDES.search(doc.folded, unspecified.end, specific.start)) or \
        doc.sentence_bounds(specific.start)[0] >= doc.sentence_bounds(unspecified.start)[1]


def _bulleted(doc, position):
    line_start = doc.folded.rfind("\n", 0, position) + 1
    return bool(re.fullmatch(r"[ \t]*[-•*–·][ \t]*", doc.folded[line_start:position]))


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
    """The text's total of firearms, less those of it it says are replicas ("Six out of the nine guns seized were
    replicas")."""
    total = _stated_total(doc, counts, by_type)
    for match in _SOME_REPLICAS.finditer(doc.folded):
        found = [n.value for n in find_numbers(match.group(0), doc.language) if n.kind != "article"]
        if total is None and len(found) == 2 and found[0] < found[1]:  # the text's only count of its guns
            return Value(found[1] - found[0], match.start(), match.end(), 0.5)
        if total and found and found[0] < total.value and (len(found) == 1 or found[1] == total.value):
            return Value(total.value - found[0], total.start, total.end, 0.5)
    return total


_SOME_REPLICAS = re.compile(
    r"\b[\w-]+ (?:out of|of|des|de las|de los) (?:the |these |those )?(?:[\w-]+ )?(?:guns|firearms|weapons|armes|armas)"
    r"(?: [a-z]+)? (?:were|are|turned out to be|sont|etaient|eran|son|resultaron ser) (?:des |in fact |actually )?"
    r"(?:replicas|imitations?|fakes?|toys?|air ?guns|airsoft|repliques|armes factices|jouets|de juguete|"
    r"de aire comprimido)\b")


def _stated_total(doc, counts, by_type):
    """The text's own total (a count of "firearms" before one of "weapons"), else the sum of the counts by type."""
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
    return typed or combine(doc, [c for c in generic if about_seizure(doc, c)])


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
        if SEIZED.search(doc.folded, start, end):
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
              and SEIZED.search(doc.folded, doc.block_bounds(block)[0], c.start)]
    listed = before + after
    if not listed:
        return total
    return Value(total.value + sum(c.value for c in listed), min(listed[0].start, total.start),
                 max(total.end, listed[-1].end), 0.5)
