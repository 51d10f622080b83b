"""Counted things: a number followed (within a few words) by a noun of the lexicon."""

import re
from dataclasses import dataclass, replace

from .lexicon import COVERS, STOPS, classify, model_kind
from .dates import MONTH_NUMBER
from .numbers import NUMBER_WORDS, find_numbers

MAX_FILLERS = 3
_TOKEN = re.compile(r"\d+%|[\w.'/]+(?:-[\w.'/]+)*")
_GAP = re.compile(r"(?:[ \t\u00a0\-\u2013\u2014(\"«»“”‘’]|\(\d+\)|\n(?!\s*\n)|(?:heckler|smith) (?:and|&) (?:koch|wesson)\s|"
                  r"(?:black|blue|silver|grey|gray|brown|green|red|white|pink|tan|chrome) (?:and|&) (?=[a-z]+ )|"
                  r"[a-z]{3,}ed (?:and|&) (?=[a-z]{3,}ed )|(?:pieces|units|items|unidades|piezas|exemplaires|ejemplares) "
                  r"(?:of\b|de\b|d')\s*|(?:items|objects|objets|objetos) (?:(?:suspected|believed|thought) to be|"
                  r"(?:suspectes?|presumes?) d'etre|(?:que parecen|presuntamente)) )*")
_PIECES_OF = re.compile(r"\b(?:pieces|piezas) (?:de|d')")  # "300 piezas de armas": parts ("661 pieces of rifles": rifles)
_GLUED_UNIT = re.compile(r"-?[a-z]|[.,]\d|x\d|/")  # 9mm, 12-gauge, 7.62, 7x39, 24/7: not a count
_NOT_A_COUNT_BEFORE = re.compile(
    r"(?:calibre|caliber|calibro|cal\.|model|modele|modelo|no\.|n°|nº|number|numero|type|tipo|article|articulo|"
    r"[$€£]|/|(?:rounds?|cartridges?|bullets?|shells|cartouches?|cartuchos?|balas?|munitions?|municiones?) (?:of|de)|"
    r"\b(?:one|two|three|un|une|una|uno|dos|tres|deux|trois))\s*$")  # "six rounds of 308", "one 303 rifle"
_ARTICLE_BEFORE = re.compile(r"\b(?:a|an)\s*$")  # "a 303 rifle"; but French "s'élevant à 1.023 balles"
_MODEL_BEFORE = re.compile(r"(?<![\w-])(?:ak|akm|ar|sks|cz|fn|hk|mp|glock|beretta|colt|taurus|walther|makarov|tokarev|"
                           r"browning|galil|mossberg|remington|ruger|mini)(?:[- ]|\s*\()?\Z")  # "AK 47 rifles"
_VAGUE_SCALE = re.compile(r"hundreds?|thousands?|cents?|milles?|milliers|cien|cientos|mil|miles")
_SEVERAL_BEFORE = re.compile(r"\b(?:several|many|a few|plusieurs|quelques|varios|varias|unos cuantos|unas cuantas|"
                             r"muchos|muchas)\s*$")
# "30 boxes of 20 rounds", "9 cartons de 25 munitions chacun": the rounds are the product.
_PACKS_BEFORE = re.compile(r"\b(\d+|[a-z]+) (?:boxes|box|cartons?|boites?|cajas?|paquetes?|packs?|packets?|cases|"
                           r"bolsas?|bags?|sachets?) (?:of|de|d'|con|containing|each containing|contenant)\s*$")


def _pack_count(word, lang):
    if word.isdigit():
        return int(word)
    found = [n for n in find_numbers(word, lang) if n.end == len(word)]
    return found[0].value if found else 1


# "one 308 rifle", "one 9 millimetre round": a calibre between a number in words and its noun.
_CALIBRE_NEXT = re.compile(r"\s+(?:\d{2,3}|\d(?=\s*(?:mm|millimet))|[a-z]+(?=\s+millimet)|(?:[a-z]+ )?point(?= ))\s")
_CAPACITY_BEFORE = re.compile(r"(?:\bhold|\bholds|\bholding|capacity (?:of|for)|can fire|capable of (?:firing|holding)|"
                              r"capacidad (?:de|para)|pueden? (?:contener|disparar)|\bcontenir|peut tirer|"
                              r"\b(?:magazines?|chargeurs?|cargador(?:es)?|proveedor(?:es)?) (?:of|de|a))\s*$")
ONE_OF_BEFORE = re.compile(r"\b(?:one|un|une|una|uno) (?:of|de|des|d'entre|de los|de las) (?:the |les |los |las )?$")
# "an upper receiver of a Garand rifle", "magazines for an M16 rifle": the gun the part belongs to, not a count.
_BELONGING_TO_BEFORE = re.compile(r"\b(?:receivers?|uppers?|lowers?|barrels?|slides?|frames?|bolts?|parts|components|"
                                  r"magazines?|scopes?|stocks?|chargeurs?|cargadores?|pieces|piezas|canons?|"
                                  r"ca[nñ]ones?|culasses?|half|part|moitie|mitad|parte) (?:of|for|from|pour|de|para|del|d')\s*$")
_PARTS_FOR_BEFORE = re.compile(r"\b(?:parts|components|partes|piezas|pieces|kits?) (?:for|para|pour)\s*$")  # "partes para 14 fusiles"
_TOTAL_BEFORE = re.compile(r"(?:total of|in total|in all|overall|au total|en tout|un total de|en total|total de|"
                           r"totalidad de|soit|en conjunto)\s*(?:de |of |d')?(?:some |about |over |more than |"
                           r"plus de |mas de |environ |unos |unas )?$")
_APPROX_BEFORE = re.compile(r"(?:over|more than|nearly|almost|about|around|some|approximately|up to|at least|"
                            r"plus de|pres de|environ|quelque|au moins|mas de|cerca de|alrededor de|unos|unas|"
                            r"aproximadamente|al menos|casi)\s*$")
_PARTITIVE_AFTER = re.compile(r"\s+(?:of (?:the|them|which|these|those)|d'entre|de (?:los|las|ellos|ellas|ces)|"
                              r"des (?:armes|suspects|personnes)|del total)\b")


_STRONG = re.compile(r"fire ?arms?|guns?\b|armes? a feu|armas? de fuego")


# "Glock 19", "Tier 2", "Remington 870": a capitalised word (not opening a sentence) right before the digits.
_MODEL_NAME = re.compile(r"(?<![.!?:;\n]\s)(?<![.!?:;\n])(?<=[a-zà-ÿ0-9,] )[A-Z][\w-]* $")


_PLURAL_NEXT = re.compile(r"\s+[a-z-]*[sx]\b")  # "Barajas 3 pistolas" is a count, "Glock 19 pistol" a model


@dataclass(frozen=True)
class Count:
    value: int
    start: int
    end: int
    category: str
    kind: str | None
    number_kind: str
    total: bool = False
    approximate: bool = False
    strong: bool = False  # the noun says firearm ("firearms", "armes à feu"), not just "weapons"
    packs: bool = False  # the product of packs and their contents ("30 boxes of 20 rounds")


def find_counts(folded, lang, text=None):
    """Every counted noun phrase of the text, in order (`text`, the original, tells model numbers apart)."""
    lang = lang if lang in STOPS else "en"
    counts, bare = [], []
    for number in find_numbers(folded, lang):
        if text is not None and number.kind == "digits" and _MODEL_NAME.search(
                text[max(0, number.start - 40):number.start]) and not _PLURAL_NEXT.match(folded, number.end):
            continue
        count = _count_of(folded, number, lang)
        if count is not None:
            counts.append(count)
        elif number.kind != "article":
            bare.append(number)
    counts += _sharing_the_next_noun(folded, bare, counts, lang)
    return _with_another_of_them(folded, sorted(counts, key=lambda c: c.start) + _counts_after_nouns(folded, lang))


# "20 fully-built and 16 semi-built pistols": the first number counts the noun of the second.
_QUALIFIER_THEN_AND = re.compile(r"\s+(?!cal|mm\b|mil|magnum)"
                                 r"([a-z]+-[a-z]+|[a-z]+(?:ed|ees?|es|ad[oa]s|id[oa]s))\s+(?:and|et|y)\s+$")


def _sharing_the_next_noun(folded, numbers, counts, lang):
    found = []
    for number in numbers:
        following = next((c for c in counts if c.start >= number.end), None)
        between = following and _QUALIFIER_THEN_AND.fullmatch(folded, number.end, following.start)
        if between and following.category in ("firearm", "ammo", "part") and following.number_kind != "article" \
                and not classify(between.group(1), lang):  # "un cargador de 10 municiones y 72 municiones"
            found.append(replace(following, value=number.value, start=number.start, end=number.end,
                                 number_kind=number.kind, total=False, packs=False))
    return found


_NOUN_COLON_NUMBER = re.compile(r"(?m)^[ \t•*·\-–]*([a-z][a-z .'-]{1,40}?)[ \t]*(?::|[ \t][-–=][ \t]|(?=[ \t]*\())[ \t]*"
                                r"\(?(\d{1,3}(?:[ .,]\d{3})*|\d+)\)?[ \t.;,]*$")


def _counts_after_nouns(folded, lang):
    """Lines of a table ("Pistols: 3", "- Armas largas: 12"): the count after its noun."""
    counts = []
    for match in _NOUN_COLON_NUMBER.finditer(folded):
        found = classify(match.group(1), lang)
        if found and found[0] == len(match.group(1)) and found[1] in ("firearm", "ammo", "part", "excluded"):
            value = int(re.sub(r"[ .,]", "", match.group(2)))
            counts.append(Count(value, match.start(1), match.end(2), found[1], found[2], "digits",
                                strong=bool(_STRONG.search(match.group(1)))))
    return counts


_ANOTHER = re.compile(r"\b(?:otr[oa]|une? autre)\s+(?:de\s+)?(?:calibre|cal\.)")


def _with_another_of_them(folded, counts):
    """"un revólver calibre 22, otro calibre 38", "2 mitrailleuses ..., une autre de calibre 0,9 mm": one more of the
    firearm counted just before."""
    for match in _ANOTHER.finditer(folded):
        previous = [c for c in counts if c.end <= match.start() and match.start() - c.end < 80]
        if previous and previous[-1].category == "firearm" and previous[-1].kind:
            counts.append(replace(previous[-1], value=1, start=match.start(), end=match.end(), number_kind="words",
                                  total=False, approximate=False))
    return sorted(counts, key=lambda c: c.start)


_LIST_AFTER = re.compile(r"\s*(?:,|\band\b|\bet\b|\by\b|\bor\b|\bou\b|\bo\b)\s*(?:(?:other|autres|otras|otros|de)\s+)?")
_COPULA = re.compile(r"\s+(?:are|were|sont|etaient|son|eran|fueron)\b(?:\s+(?:all|only|in fact|actually|toutes|todas))?")
_EMPTY_AFTER = re.compile(r"\s*(?:\([^)]*\)\s*)?(?:vides?|percutee?s?|usagee?s?|vacios|vacias|percutidos|percutidas|"
                          r"(?:of )?blank(?:-firing)?|a blanc|de fogueo|de salva|d'alarme|"
                          r"empty|spent|fired|inertes?)\b")
_HOLDER_AFTER = re.compile(r"\s+(?:pouch(?:es)?|box(?:es)?|cans?|crates?|belts?|vests?|bags?|carriers?)\b")
_RATE_AFTER = re.compile(r"\s+(?:per|por|par|a|an|each|cada)\s+(?:minute|minuto|second|segundo|seconde|hour|hora|heure)")
_RESTATED = re.compile(r"\s*\(\s*(?:\d[\d.,]*|[a-z]+(?:[ -][a-z]+)*)\s*\)")  # "twenty (20)", "12 (twelve)"
_CONTAINER_BEFORE = re.compile(r"\b(?:shipping|oil|plastic|steel|metal|wooden|fuel|water|sealed|empty|blue|drums?|"
                               r"cardboard)\s+barrels?$")
_CONTAINER_AFTER = re.compile(r"\s+(?:said to contain|containing|contained|filled|packed|full of|of (?:oil|fuel|water|"
                              r"food|wine|beer|chemicals|personal))\b")
_CALIBRE_AFTER = re.compile(r"\s*(?:caliber|calibre|cal\b|mm\b|milimetros?\b|millimet(?:er|re)s?\b|gauge|magnum|win\b|"
                            r"acp\b|special\b|spl\b)")
_CALIBRE_IN_WORDS = re.compile(r"[\s-]*(?:millimet(?:er|re)s?|milimetros?|millimetres?|mm\b|-?calibre\b|caliber\b|gauge|bore\b)")
_SCALE_END = re.compile(r"(?:million|millions|millones|millon)$")
_SCALE_OF = re.compile(r"\s+(?:of|de|d')\s*")
_PART_WORDS = (r"(?:barrels?|slides?|frames?|receivers?|bolts?|silencers?|suppressors?|trigger (?:groups?|assembl\w+)|"
               r"canons?|culasses?|carcasses?|silencieux|silenciadores?|correderas?|armazon\w*|canones?|cerrojos?)")
_PART_BEFORE = re.compile(rf"\b{_PART_WORDS}\s*(?:,|and|et|y|e)\s*$")
_PART_AFTER = re.compile(rf"\s*(?:,|and|et|y|e)\s+(?:an?|une?|una|\d+|two|three|deux|trois|dos|tres)\s+(?:[\w-]+ ){{0,2}}"
                         rf"{_PART_WORDS}\b|\s+(?:para|pour|for|de) (?:(?:un|una|une|an?) )?(?:armas?|fusil|pistola|rifle|arme|"
                         rf"pistolet|gun|pistol|escopeta|carabina|revolver|shotgun)\b")  # "un cañón para arma larga"
_AMBIGUOUS_PART = re.compile(r"(?:(?!(?:hand)?guns?\b|rifles?\b|pistols?\b|fire ?arms?\b|shotguns?\b)[\w-]+ ){0,2}"
                             r"(?<!tubo )(?:barrel|bolt|receptor|frame|slide|canon)$")  # "un tubo cañón": a barrel


def _number_just_before(folded, position, lang):
    window = folded[max(0, position - 40):position].rstrip()
    return any(n.end == len(window) for n in find_numbers(window, lang))


def _line_broken_after(folded, number, lang):
    """The text after the number; past a line break only where the break cuts a sentence ("por 6\nrevólveres"),
    not a table's row ("Pistols: 3\nRevolvers: 2") or a list's item ("- 14 firearms\n- 38 cylinders")."""
    after = folded[number.end:number.end + 120]
    if after.startswith(")") and folded[number.start - 1:number.start] == "(" and not _number_just_before(
            folded, number.start - 1, lang):
        after = after[1:]  # "(415) balles", "(03) fusils": a number written in brackets, not restating one
    line_start = folded.rfind("\n", 0, number.start) + 1
    if re.match(r"[ \t]*\n", after) and (":" in folded[line_start:number.start] or
                                         re.match(r"\s*[-•*–]", folded[line_start:number.start])):
        return after[:after.index("\n")]
    return after


_MONTH_DAY_BEFORE = re.compile(r"\b(?:" + "|".join(sorted(MONTH_NUMBER, key=len, reverse=True)) +
                               r")\.?\s+(?:\d{1,2}(?:st|nd|rd|th)?,?\s+)?(?:de\s+|del\s+)?$")


def _no_count_for_what_is_before(folded, number, before, lang):
    """"several thousand rounds", "model 17", "one of the", "an upper receiver of a Garand rifle", "partes para 14
    fusiles": the words before the number say it counts no seized item."""
    if number.kind == "words" and _VAGUE_SCALE.fullmatch(folded, number.start, number.end) and \
            _SEVERAL_BEFORE.search(before):
        return True
    if number.kind == "digits" and 1900 <= number.value <= 2100 and _MONTH_DAY_BEFORE.search(before):
        return True  # "February 18, 2023 – National Police ...": a year
    last_word = re.search(r"(\S+)\s* $", before)
    if number.kind == "digits" and last_word and last_word.group(1) in _NUMBER_WORDS[lang]:
        return True  # "eleven 204 Ruger brand rounds": the digits name the calibre
    return bool((_NOT_A_COUNT_BEFORE.search(before) or _MODEL_BEFORE.search(before) or
                 lang == "en" and _ARTICLE_BEFORE.search(before)) and number.kind == "digits" or
                number.kind == "article" and _BELONGING_TO_BEFORE.search(before) or
                _PARTS_FOR_BEFORE.search(before) or re.search(r"\bworld war\s*$", before) or  # "World War Two rifles"
                lang == "en" and re.search(r"\bpoint\s*$", before))  # "a point 38 revolver": a calibre said aloud


def _named_after_copula(after, noun_end, lang):
    """"the other two weapons are semi-automatic pistols": the type told after the verb."""
    copula = _COPULA.match(after, noun_end)
    named = _noun_after(" " + after[copula.end():], lang) if copula else None
    if named and named[1] == "firearm" and named[2]:
        return "firearm", named[2]
    if named and named[1] == "excluded":  # "the remainder six firearms were replica Airsoft guns"
        return "excluded", None
    return "firearm", None


def _count_of(folded, number, lang):
    after = _line_broken_after(folded, number, lang)
    restated = _RESTATED.match(after)
    if restated and (number.kind == "digits") == bool(re.match(r"\s*\(\d", restated.group(0))):
        restated = None  # "twenty (20)" and "12 (twelve)" restate the number; "12 (2022)" does not
    if restated:
        after = after[restated.end():]
    if number.kind == "digits" and (_GLUED_UNIT.match(after) and not _glued_noun(after, lang) or
                                    _CALIBRE_AFTER.match(after)):
        return None
    if number.kind == "words" and _CALIBRE_IN_WORDS.match(after):
        return None  # "a nine millimetre Springfield pistol", "un calibre douze"
    scale = _SCALE_OF.match(after) if _SCALE_END.search(folded, number.start, number.end) else None
    if scale:  # "deux millions de cartouches", "1,5 millones de cartuchos"
        after = " " + after[scale.end():]
    before = folded[max(0, number.start - 40):number.start]
    if _no_count_for_what_is_before(folded, number, before, lang) or _PARTITIVE_AFTER.match(after):
        return None
    noun = _noun_after(after, lang, number.kind != "digits" and bool(_CALIBRE_NEXT.match(after)))
    if noun is None:
        return None
    noun_end, category, kind = noun
    if ONE_OF_BEFORE.search(before) and category != "person":
        return None  # "one of the two pistols"; but "one of nine people who were arrested": the group
    if number.start == number.end and category != "firearm":
        return None  # a list's item without a number counts one firearm ("• Pistola Glock 27"), nothing else
    noun_end += restated.end() if restated else 0
    noun_end += scale.end() - 1 if scale else 0
    if category == "part" and number.kind == "article" and _AMBIGUOUS_PART.match(after[:noun_end].strip()) and not (
            _PART_BEFORE.search(before) or _PART_AFTER.match(after, noun_end)):
        return None  # "a sealed barrel", "a metal frame": a container or a part of the gun told, not a count;
        # but "a slide, a barrel and a frame": parts listed together
    if category == "part" and (_CONTAINER_BEFORE.search(after, 0, noun_end) or _CONTAINER_AFTER.match(after, noun_end)):
        return None  # "two blue shipping barrels said to contain personal effects"
    if _RATE_AFTER.match(after, noun_end):
        return None
    if category == "ammo" and (_EMPTY_AFTER.match(after, noun_end) or _HOLDER_AFTER.match(after, noun_end)):
        category = "excluded"  # "10 cartouches vides", "3 ammunition pouches": cases or holders, not rounds
    if category == "ammo" and _CAPACITY_BEFORE.search(before):
        return None  # "magazines that can hold 30 rounds each": a capacity
    strong = bool(_STRONG.search(after[:noun_end]))
    modifier = _SINGULAR_MODIFIER if number.value > 1 else _COMPOUND_HEAD
    if lang == "en" and category == "firearm" and modifier.match(after[:noun_end + 30], noun_end) and (
            _SINGULAR_NOUN.search(after, 0, noun_end) or number.value == 1 and _PLURAL_NOUN.search(after, 0, noun_end)):
        return None  # "nine handgun back straps", "12 ghost gun kits", "a firearms licence": the noun qualifies another
    if lang == "en" and category == "firearm" and _TRADERS_AFTER.match(after, noun_end):
        return None  # "five suspected arms dealers": people
    category, kind = _mixed_list(after, noun_end, category, kind, lang)
    if category == "firearm" and kind is None:
        category, kind = _named_after_copula(after, noun_end, lang)
    packs = _PACKS_BEFORE.search(before) if category in ("ammo", "part") else None
    value = number.value * _pack_count(packs.group(1), lang) if packs else number.value
    return Count(value, packs.start() + len(folded[:max(0, number.start - 40)]) if packs else number.start,
                 number.end + noun_end, category, kind, number.kind,
                 total=bool(_TOTAL_BEFORE.search(before)), approximate=bool(_APPROX_BEFORE.search(before)),
                 strong=strong, packs=bool(packs))


_SINGULAR_NOUN = re.compile(r"(?:gun|rifle|pistol|firearm|weapon|revolver|carbine)$")
_PLURAL_NOUN = re.compile(r"(?:firearms|weapons|arms|guns)$")
_SINGULAR_MODIFIER = re.compile(r" (?!(?:and|or|with|in|at|from|of|on|to|for|which|that|were|was|are|is|has|have|"
                                r"had|by|as|near|inside|under)\b)[a-z]{3,}")


_COMPOUND_HEAD = re.compile(r" (?:manufactur\w*|dealers?|licen[cs]es?|holders?|offen[cs]es?|crimes?|charges?|kits?|safes?|"
                            r"owners?|laws?|violence|amnesty|unit|squad|team|investigations?|trafficking|smuggling|"
                            r"shops?|stores?|range|club|permits?|factory|workshop|lab|laboratory|set|blueprints?|"
                            r"cleaning|cases?|bags?|box|boxes|covers?|cabinets?)\b")


_TRADERS_AFTER = re.compile(r" (?:dealers?|traffickers?|smugglers?|brokers?|suppliers?|runners?)\b")


_GROUP = {kind: broad for broad, kinds in COVERS.items() for kind in (broad, *kinds)}  # "pistol" → handguns


def _mixed_list(after, noun_end, category, kind, lang):
    """"31 rifles, pistols and other weapons": a total of several kinds. "6 000 firearm parts, components,
    ammunition and explosives", "250 fusils, pièces et composants": a count lumping parts with other things."""
    listed, position = [], noun_end
    while len(listed) < 4 and (mixed := _LIST_AFTER.match(after, position)):
        following = classify(after[mixed.end():mixed.end() + 60], lang)
        bare = _GENERIC_PARTS.match(after, mixed.end())
        following = following or (bare and (bare.end() - bare.start(), "part", None))  # "fusils, pièces et"
        if not following:
            break
        listed.append((following[1], following[2], bool(_GENERIC_PARTS.match(after, mixed.end()))))
        position = mixed.end() + following[0]
    joined = re.match(r"\s*(?:and|et|y|or|ou|o)\b", after[noun_end:])  # "16 fusils et pistolets": both
    several = listed and listed[0][0] == "firearm" and listed[0][1] != kind and (
        joined or any(c == "firearm" and k is None for c, k, _ in listed) or _OTHER_ARMS.match(after, noun_end))
    if category == "firearm" and kind and several:  # "49 pistolas y revólveres", "5 fusils ou carabines"
        groups = {_GROUP.get(k) for k in {kind} | {k for c, k, _ in listed if c == "firearm"}}
        return category, groups.pop() if len(groups) == 1 else None
    if category == "firearm" and kind and listed and listed[0][0] == "part" and listed[0][2]:
        return category, None
    if category == "part" and _GENERIC_PARTS.search(after, 0, noun_end) and any(
            c in ("ammo", "excluded", "firearm") for c, _, _ in listed):
        return "excluded", None
    if category == "firearm" and kind is None and listed and listed[0][0] == "part" and listed[0][2]:
        return "excluded", None  # "200.000 armas, piezas, componentes, municiones y explosivos"
    return category, kind


_OTHER_ARMS = re.compile(r"[^.;]{0,60}\b(?:other|autres|otras|otros|assorted|various|diverses|varias|diversas)\b"
                         r"[^.;]{0,30}\b(?:weapons|arms|armes|armas|firearms|guns)\b")
_GENERIC_PARTS = re.compile(r"\b(?:parts|components|composants?|parties|pieces|elements|piezas?|partes|componentes)\b")


def _glued_noun(after, lang):
    """"6fusils de chasse": a typo gluing the count to its noun (not "9mm", "12g", "3D")."""
    found = after[:1].isalpha() and classify(after, lang)
    return bool(found) and found[0] >= 4 and found[1] in ("firearm", "ammo", "part")


def _noun_after(after, lang, calibre_ok=False):
    """(end offset, category, kind) of the first lexicon noun within MAX_FILLERS words, or None."""
    position = 0
    for _ in range(MAX_FILLERS + 1):
        position = _GAP.match(after, position).end()
        found = classify(after[position:position + 60], lang)
        elided = None if found else _ELIDED.match(after, position)  # "una tipo pistola", "otra de type revolver"
        if elided and (named := classify(after[elided.end():elided.end() + 60], lang)) and named[1] == "firearm":
            found = (elided.end() - position + named[0], "firearm", named[2])
        if found:
            length, category, kind = found
            if category == "firearm" and _PIECES_OF.search(after, 0, position):
                return position + length, "part", None
            if category == "firearm":  # "handgun lowers", "rifle barrels", "Glock switches": parts of firearms
                part = _part_of_the_gun(after, position, position + length, lang)
                if part:
                    return part
            if category == "firearm":
                noun = _NOUN_AFTER_MODEL.match(after, position + length) if _IS_MODEL.match(after, position) else None
                named = noun and classify(after[noun.end():noun.end() + 60], lang)
                if named and named[1] == "firearm":  # "a Glock 19 handgun": the noun's type ("a G3 firearm": the model's)
                    return _part_of_the_gun(after, noun.end(), noun.end() + named[0], lang) or (
                        noun.end() + named[0], "firearm", named[2] or kind)  # but "14 Glock pistol receivers"
                if kind is None and after[position + length:position + length + 1] == " ":
                    named = classify(after[position + length + 1:position + length + 61], lang)
                    if named and named[1] == "firearm" and named[2]:  # "one Jimenez Arms pistol": the maker's name
                        return position + length + 1 + named[0], "firearm", named[2]
                kind = model_kind(after[position + length:position + length + 40], kind, lang)
            return position + length, category, kind
        token = _TOKEN.match(after, position)
        if token is None or _ends_search(token.group(0), lang, calibre_ok):
            return None
        position = token.end()
    return None


def _part_of_the_gun(after, start, end, lang):
    """(end, category, None) where the gun named from `start` to `end` qualifies a part, a magazine or rounds
    ("pistol magazines", "rifle rounds", "1 glock 17 magazine"), else None."""
    following = _GAP.match(after, end).end()
    numbered = _IS_MODEL.match(after, start) and _MODEL_NUMBER.match(after, following)
    following = numbered.end() if numbered else following
    part = classify(after[following:following + 60], lang)
    return (following + part[0], part[1], None) if part and part[1] in ("part", "excluded", "ammo") else None


_IS_MODEL = re.compile(r"(?:glock|beretta|browning|makarov|tokarev|uzi|skorpion|ak|akm|sks|ar|m4|m16|mp5|mac|tt|fal|g3)(?![a-z])")
_MODEL_NUMBER = re.compile(r"[\w.-]*\d[\w.-]*\s+")
_NOUN_AFTER_MODEL = re.compile(r"(?:[\s-]+(?:[\w.]*\d[\w.]*|style|type))?\s+")
_ELIDED = re.compile(r"(?:de )?(?:tipo|type)\s+")
_NUMBER_WORDS = {lang: set(words.split()) for lang, words in NUMBER_WORDS.items()}


def _ends_search(token, lang, calibre_ok=False):
    """A word that cannot stand between a number and its noun: a function word, a month, another number (but a
    calibre after a number in words: "one 308 rifle")."""
    if calibre_ok and (re.fullmatch(r"\d{1,3}|(?:mm|millimet(?:er|re)s?)|point", token) or token in _NUMBER_WORDS[lang]
                       or all(part in _NUMBER_WORDS[lang] for part in token.split("-"))):
        return False  # "one 308 rifle", "a nine millimetre pistol", "a black point twenty-two pistol"
    if token in STOPS[lang] or token.rstrip(".") in MONTH_NUMBER or token in _NUMBER_WORDS[lang]:
        return True
    if token.endswith(".") and len(token) > 4:  # "a digital file. 3D-printed gun parts": the sentence ended
        return True
    if re.fullmatch(r"\d{1,2}[.,]\d{2}|\d{2}%", token):  # "100 – 5.56 bullets", "7,62", "25 80% lowers"
        return False
    return token[:1].isdigit() and not re.search(r"[a-z]", token) and not token.startswith(".")
