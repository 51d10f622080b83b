"""Numbers in a folded text: digits with any thousands separator, scales ("1.5 million") and words (text2num)."""

import re
from dataclasses import dataclass
from functools import lru_cache

from text_to_num import text2num

_SEP = r"[ \u00a0\u202f.,'’]"
_DIGITS = re.compile(
    rf"(?<![\d,])(?:(?<!\.)|(?<=\.\.\.))(?<![a-z]-)(?<![a-z])(\d{{1,3}}(?:{_SEP}\d{{3}})+|\d+)(?:[.,](\d+))?(?![\d])(?:\s*(million|millions|millones|millon|mil|mille|thousand)\b)?")
_SCALE = {"million": 10**6, "millions": 10**6, "millones": 10**6, "millon": 10**6,
          "mil": 1000, "mille": 1000, "thousand": 1000}

_MIL = re.compile(r"(?<![\d.,])(?:(\d{1,3})\s+)?\b(?:mil|mille|thousand)\s+(\d{1,3})(?![\d.,]\d)\b")

NUMBER_WORDS = {
    "en": """zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen
        seventeen eighteen nineteen twenty thirty forty fifty sixty seventy eighty ninety hundred thousand million""",
    "fr": """zero un une deux trois quatre cinq six sept huit neuf dix onze douze treize quatorze quinze seize vingt
        vingts trente quarante cinquante soixante cent cents mille million millions""",
    "es": """cero uno una un dos tres cuatro cinco seis siete ocho nueve diez once doce trece catorce quince dieciseis
        diecisiete dieciocho diecinueve veinte veintiuno veintiuna veintidos veintitres veinticuatro veinticinco
        veintiseis veintisiete veintiocho veintinueve treinta cuarenta cincuenta sesenta setenta ochenta noventa
        cien ciento doscientos doscientas trescientos trescientas cuatrocientos cuatrocientas quinientos quinientas
        seiscientos seiscientas setecientos setecientas ochocientos ochocientas novecientos novecientas mil millon
        millones""",
}
_JOINERS = {"en": "and", "fr": "et", "es": "y"}
_ARTICLES = {"en": {"a", "an"}, "fr": {"un", "une"}, "es": {"un", "una", "uno"}}
_ANOTHER_OF_A_TYPE = re.compile(r"\b(?:otra|otro|une autre|un autre)(?=\s+(?:de )?(?:tipo|type)\s)")
_HALF_MILLION = re.compile(r"\b(?:medio|half a|un demi-?|a half-?)\s*(?:million|millon)\b")
_DOZEN = {"dozen": 12, "douzaine": 12, "docena": 12}
_DOZENS = re.compile(r"\b(two|three|four|five|six|deux|trois|quatre|dos|tres|cuatro|\d)\s+(dozen|douzaines?|docenas?)\b"
                     r"(?:\s+de\s+|\s+d')?")
# The folded forms text2num reads only with their accent.
_ACCENTED = {"veintidos": "veintidós", "veintitres": "veintitrés"}


@dataclass(frozen=True)
class Number:
    value: int
    start: int
    end: int
    kind: str  # "digits", "words" or "article" (a/un/una before a noun: one)


def _word_pattern(lang):
    words = sorted(NUMBER_WORDS[lang].split(), key=len, reverse=True)
    word = "(?:" + "|".join(words) + ")"
    joiner = _JOINERS[lang]
    return re.compile(rf"\b{word}(?:(?:-|\s+|\s+{joiner}\s+|-{joiner}-){word})*\b")


_WORD_PATTERNS = {lang: _word_pattern(lang) for lang in NUMBER_WORDS}


@lru_cache(maxsize=4096)
def words_value(phrase, lang):
    """The value of a number written in words, or None."""
    phrase = " ".join(_ACCENTED.get(word, word) for word in phrase.split(" "))
    try:
        return int(text2num(phrase, lang))
    except (ValueError, TypeError):
        return None


def digits_value(integer_part, decimals, scale):
    digits = re.sub(_SEP, "", integer_part)
    if scale:
        number = float(f"{digits}.{decimals}") if decimals else int(digits)
        return int(round(number * _SCALE[scale]))
    if decimals is not None and len(decimals) == 3 and len(digits) <= 3:
        return int(digits + decimals)  # "1.534" or "1,534": a thousands separator
    return int(digits) if decimals is None else None


_BULLET_WITHOUT_A_NUMBER = re.compile(r"(?m)^[ \t]*[•▪◦*\-–][ \t]*(?=[a-z][^\n:(\d]*(?:\d[^\n:(]*)?$)")

# "possession of 9mm Norinco Star pistol, 9mm Star pistol": a calibre with no article before it opens one item
_CALIBRE_WITHOUT_A_NUMBER = re.compile(r"(?:\bpossession of|\bseized|\brecovered|\bfound|,|\band)\s+"
                                       r"(?=(?:\d{1,2}(?:[.,]\d{1,2})?\s?mm|\.\d{2,3})\b)")


# "a", "an", and "another" before a noun, not before a number ("another two rifles": the number counts).
_ONE_MORE = re.compile(r"\ban?\b(?!-)|\banother\b(?!\s+(?:\d[\d,.]*\s|(?:%s)\b))" % "|".join(NUMBER_WORDS["en"].split()))


def find_numbers(folded, lang):
    """Every number of the folded text, in order of position."""
    found = []
    for match in _DIGITS.finditer(folded):
        value = digits_value(match.group(1), match.group(2), match.group(3))
        if value is not None:
            found.append(Number(value, match.start(), match.end(), "digits"))
    for match in _MIL.finditer(folded):  # "17 mil 700", "mil 196", "14 mille 600", "dos mil 50"
        start, times = (match.start(), int(match.group(1))) if match.group(1) else \
            _thousands_in_words(folded, match.start(), lang)
        found = [n for n in found if not (n.start < match.end() and start < n.end)]
        found.append(Number(times * 1000 + int(match.group(2)), start, match.end(), "digits"))
    for match in _HALF_MILLION.finditer(folded):  # "medio millón", "half a million", "un demi-million"
        found.append(Number(500_000, match.start(), match.end(), "words"))
    taken = [(n.start, n.end) for n in found]
    for match in _WORD_PATTERNS.get(lang, _WORD_PATTERNS["en"]).finditer(folded):
        if not any(s < match.end() and match.start() < e for s, e in taken):
            found.extend(_word_numbers(match, lang))
    if lang == "en":
        found.extend(Number(1, m.start(), m.end(), "article") for m in _ONE_MORE.finditer(folded))
    for match in _BULLET_WITHOUT_A_NUMBER.finditer(folded):  # "• Pistola Glock 27": one of the list's items
        found.append(Number(1, match.end(), match.end(), "article"))
    if lang == "en":
        found.extend(Number(1, m.end(), m.end(), "article") for m in _CALIBRE_WITHOUT_A_NUMBER.finditer(folded))
    for match in _ANOTHER_OF_A_TYPE.finditer(folded):  # "y otra tipo revólver": one more, its noun elided
        found.append(Number(1, match.start(), match.end(), "article"))
    for match in re.finditer(r"\b(?:a|une|una)\s+(dozen|douzaine|docena)\b(?:\s+de\s+|\s+d')?", folded):
        found.append(Number(_DOZEN[match.group(1)], match.start(), match.end(), "words"))
    for match in _DOZENS.finditer(folded):  # "two dozen rifles": 24
        times = [n for n in found if n.start == match.start()]
        if times:
            found = [n for n in found if not (match.start() <= n.start < match.end())]
            found.append(Number(times[0].value * 12, match.start(), match.end(), "words"))
    return _with_millions_joined(folded, sorted(found, key=lambda n: n.start))


def _thousands_in_words(folded, position, lang):
    """(start, multiplier) of the thousands told in words just before "mil 50" ("dos mil 50"), else (position, 1)."""
    before = folded[max(0, position - 40):position]
    for match in _WORD_PATTERNS.get(lang, _WORD_PATTERNS["en"]).finditer(before):
        value = words_value(match.group(0), lang) if re.fullmatch(r"\s+", before[match.end():]) else None
        if value and 1 < value < 1000:
            return position - len(before) + match.start(), value
    return position, 1


def _with_millions_joined(folded, found):
    """"2 millones 829 mil 950": the millions and the thousands that follow them, one number."""
    out = []
    for number in found:
        last = out[-1] if out else None
        if last and last.kind == number.kind == "digits" and number.value < 10**6 and \
                re.search(r"\d\s*(?:million|millions|millones|millon)$", folded[last.start:last.end]) and \
                re.fullmatch(r"\s+", folded[last.end:number.start]):
            out[-1] = Number(last.value + number.value, last.start, number.end, "digits")
        else:
            out.append(number)
    return out


def _word_numbers(match, lang):
    phrase = match.group(0)
    if phrase in _ARTICLES.get(lang, ()):
        return [Number(1, match.start(), match.end(), "article")]
    value = words_value(phrase, lang)
    if value is not None:
        return [Number(value, match.start(), match.end(), "words")]
    # Two numbers side by side ("two 9mm", "dos mil"): fall back to each word alone.
    parts = []
    for word in re.finditer(r"[a-z]+", phrase):
        single = words_value(word.group(0), lang)
        if single is not None:
            start = match.start() + word.start()
            parts.append(Number(single, start, start + len(word.group(0)), "words"))
    return parts
