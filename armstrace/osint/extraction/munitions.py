"""Ammunition rounds and counted parts and components."""

import re
from dataclasses import replace

from .firearms import INCLUDES, combine
from .numbers import find_numbers
from .text import Value

# "un fusil avec un canon scié": a part of a counted firearm, not counted apart; a silencer on it is one more part
# ("a pistol with a silencer", "una pistola con silenciador").
_ATTACHED = re.compile(r"\b(?:with|fitted with|equipped with|avec|equipee? d'|con|provist[oa] de)\s+$")
_SILENCER = re.compile(r"\b(?:silencers?|suppressors?|silencieux|moderateurs? de son|silenciador(?:es)?|supresor(?:es)?)\b")
# A count of parts of no named kind ("14 firearm parts", "150 pièces détachées", "300 piezas").
_GENERIC_PART = re.compile(r"\b(?:parts|components|composants?|parties|pieces|elements|piezas?|partes|componentes)\b")


# A count in digits, with any thousands separator (captured in _N).
_DIGITS = r"\d{1,3}(?:[ .,\u202f]\d{3})*|\d+"
_N = rf"({_DIGITS})"
# "120 rounds of 7.62mm and 80 of 5.56mm", "300 cartouches de 9 mm et 200 de calibre 12": more rounds, noun unsaid.
_MORE_OF_A_CALIBRE = re.compile(rf"(?:,\s*|\s+(?:and|et|y|e)\s+){_N}\s+(?:of|de|du|d')\s*"
                                r"(?:(?:calibre|caliber|calibro)\s+)?\.?\d")
# The calibre after a count's noun, before the next count ("of 7.62mm", "calibre 12").
_CALIBRE = re.compile(r"(?:\s*(?:of|de|du|d')?\s*(?:(?:calibre|caliber|calibro)\s+)?\.?\d[\d.,x]*\s*"
                      r"(?:mm|ga|gauge|millimetres?|milimetros?)?)?")
# "1,500 rounds, including 500 rounds of 9mm": a part of the count before.
_AMONG = re.compile(r"\b(?:includ\w*|dont|among|parmi|notamment|of which|de (?:los|las) cuales|incluid\w*|incluyendo|"
                    r"y compris|entre (?:ellas|ellos|los|las))\b")
# "two pistols loaded with 15 rounds each": so many for each firearm.
_EACH = re.compile(r"\s+(?:each|apiece|chacune?|cada (?:una|uno))\b")
# "12 rounds in the magazine and 40 more in a bag", "y otros 200 calibre 38": more rounds, noun unsaid.
_MORE = re.compile(rf"(?:\s(?:and|et|y)|,? ademas de|,? as well as|,? ainsi que)\s+(?:(?:another|otros|otras|encore)\s+"
                   rf"({_DIGITS}|\w+)|({_DIGITS}|\w+)\s+(?:more|others?|autres|de plus|mas|otros|otras)\b)")


# "3750 cartouches, soit 250 cartouches par carton": so many in each box, not a count of its own.
_PER_CONTAINER = re.compile(r"(?:\s+(?:de|of|du)?\s*(?:calibre\s+)?[\d.,]+\s*mm)?\s+(?:par|per|por|in each|dans chaque|en cada|"
                            r"each|chaque) (?:cartons?|caisses?|boites?|box(?:es)?|cases?|packs?|cajas?|paquetes?|sachets?|"
                            r"bags?|bolsas?|cajones?)\b")


def ammunition_rounds(doc, counts):
    rounds = [c for c in counts if c.category == "ammo" and not _PER_CONTAINER.match(doc.folded, c.end)]
    rounds = _more_rounds(doc, counts, rounds)
    rounds = [c for c in rounds if not any(o.value > c.value and o.end <= c.start and
                                           doc.block_of(o.start) == doc.block_of(c.start) and
                                           _AMONG.search(doc.folded, o.end, c.start) for o in rounds)]
    rounds = [_times_each(doc, counts, c) for c in rounds]
    return combine(doc, sorted(rounds, key=lambda c: c.start))


def _times_each(doc, counts, count):
    if not _EACH.match(doc.folded, count.end):
        return count
    start, _ = doc.sentence_bounds(count.start)
    arms = [c for c in counts if c.category == "firearm" and start <= c.start < count.start]
    return replace(count, value=count.value * arms[-1].value) if arms else count


def _more_rounds(doc, counts, rounds):
    """The rounds with those told after them with their noun unsaid: "and 80 of 5.56mm", "and 40 more"."""
    taken = {c.start for c in counts}
    for count in list(rounds):
        end = count.end
        while True:
            more = _MORE_OF_A_CALIBRE.search(doc.folded, end, end + 40)
            if not more or more.start(1) in taken or not _CALIBRE.fullmatch(doc.folded, end, more.start()):
                break
            rounds.append(replace(count, value=_digits(more.group(1)), start=more.start(1), end=more.end(1),
                                  total=False))
            end = more.end()
        _, sentence_end = doc.sentence_bounds(count.start)
        more = _MORE.search(doc.folded, count.end, min(sentence_end, count.end + 60))
        group = next((g for g in (1, 2) if more and more.group(g)), None)
        value = _number(more.group(group), doc.language) if group else None
        if value and more.start(group) not in taken:
            rounds.append(replace(count, value=value, start=more.start(group), end=more.end(), total=False))
    return rounds


def _digits(text):
    return int(re.sub(r"\D", "", text))


def _number(text, language):
    """The value of digits or of one number word ("cinco"), else None ("and others more")."""
    if text[0].isdigit():
        return _digits(text)
    found = find_numbers(text, language)
    return found[0].value if len(found) == 1 and found[0].kind == "words" and found[0].end == len(text) else None


def parts_components(doc, counts):
    parts = [c for c in counts if c.category == "part" and not (
        c.number_kind == "article" and _ATTACHED.search(doc.folded[max(0, c.start - 25):c.start]) and
        not _SILENCER.search(doc.folded, c.start, c.end))]
    parts = _without_breakdowns(doc, parts)
    value = combine(doc, parts, further=_blocks_naming_new_parts(doc, parts))
    bare = [m for m in _BARE_SILENCER.finditer(doc.folded) if not any(c.start <= m.start(1) < c.end for c in parts)]
    if not bare:
        return value
    start = min([bare[0].start(1)] + ([value.start] if value else []))
    end = max([bare[-1].end()] + ([value.end] if value else []))
    return Value((value.value if value else 0) + len(bare), start, end, 0.5)


# "una pistola con silenciador": one silencer, told without a number.
_BARE_SILENCER = re.compile(r"\b(?:with|con|avec) (silencer|suppressor|silenciador|supresor|silencieux)\b")


def _blocks_naming_new_parts(doc, parts):
    """The blocks whose named parts no block before names ("un cañón para escopeta, una corredera ... tres
    armazones para rifles"): further finds, not retold ones; none after a generic count ("14 firearm parts")."""
    head = lambda count: re.sub(r"(?:es|s)$", "", doc.folded[count.start:count.end].split()[-1])  # noqa: E731
    named, further = set(), set()
    for block in sorted({doc.block_of(c.start) for c in parts}):
        in_block = [c for c in parts if doc.block_of(c.start) == block]
        if any(_GENERIC_PART.search(doc.folded, c.start, c.end) for c in in_block):
            return frozenset()
        heads = {head(c) for c in in_block}
        if named and not heads & named:
            further.add(block)
        named |= heads
    return frozenset(further)


def _without_breakdowns(doc, parts):
    """"14 firearm parts, including 6 barrels": the named parts after "including" are inside the count before."""
    kept = []
    for count in parts:
        inside = any(_GENERIC_PART.search(doc.folded, other.start, other.end) and other.end <= count.start
                     and doc.block_of(other.start) == doc.block_of(count.start)
                     and INCLUDES.search(doc.folded, other.end, count.start) for other in parts)
        if not inside:
            kept.append(count)
    return kept
