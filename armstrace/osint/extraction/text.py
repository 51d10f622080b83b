"""The document under extraction: its text, an offset-preserving folded copy, and extracted values."""

import bisect
import re
import unicodedata
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache

# Capital letters of the Latin alphabets, for a regex character class.
UPPER = "A-ZÀ-ÖØ-Ý" + "".join(chr(code) for code in range(0x100, 0x17F) if chr(code).isupper())  # not "œ" of "œuvre"


@lru_cache(maxsize=4096)
def _fold_char(char):
    base = unicodedata.normalize("NFD", char.lower())[:1] or char
    return base if len(base) == 1 else char


def fold(text):
    """Lowercase and strip accents one character for one, so offsets in the result are offsets in `text`."""
    text = text.replace("\u2019", "'").replace("\u2018", "'")
    return "".join(_fold_char(c) if not c.isascii() else c.lower() for c in text)


@dataclass(frozen=True)
class Value:
    """An extracted value with the character span of text it came from and a confidence in [0, 1]."""

    value: object
    start: int | None = None
    end: int | None = None
    confidence: float = 0.5

    def as_dict(self):
        return {"value": self.value, "start": self.start, "end": self.end, "confidence": round(self.confidence, 2)}


@dataclass
class Doc:
    text: str
    language: str = "en"
    published: date | None = None
    title: str = ""
    published_month_only: bool = False
    folded: str = field(init=False)
    _blocks: list | None = field(init=False, default=None, repr=False)
    _sentence_ends: list | None = field(init=False, default=None, repr=False)
    cache: dict = field(init=False, default_factory=dict, repr=False)

    def __post_init__(self):
        self.folded = fold(self.text)

    def block_of(self, position):
        """The index of the block (sentence, or sentence with its list) holding `position`."""
        if self._blocks is None:
            self._blocks = block_starts(self.text)
        return bisect.bisect_right(self._blocks, position) - 1

    def block_bounds(self, index):
        """(start, end) of block `index` (see block_of)."""
        self.block_of(0)
        end = self._blocks[index + 1] if index + 1 < len(self._blocks) else len(self.text)
        return self._blocks[index], end

    def clause_bounds(self, position):
        """(start, end) of the clause holding `position`: its sentence, cut at semicolons and at a contrasting
        clause (", alors qu'une cargaison a été brûlée", ", while ...")."""
        start, end = self.sentence_bounds(position)
        cuts = list(_CLAUSE_CUT.finditer(self.folded, start, end))
        before = max([m.end() for m in cuts if m.end() <= position], default=start)
        after = min([m.start() for m in cuts if m.start() >= position], default=end)
        return before, after

    def sentence_bounds(self, position):
        """(start, end) of the sentence holding `position`."""
        if self._sentence_ends is None:
            self._sentence_ends = [m.end() for m in _SENTENCE_END.finditer(self.text)]
        ends = self._sentence_ends
        index = bisect.bisect_right(ends, position)
        start = ends[index - 1] if index else 0
        return start, ends[index] if index < len(ends) else len(self.text)


_CLAUSE_CUT = re.compile(r";|, (?:alors qu(?:e |')|tandis qu(?:e |')|while |whereas |mientras (?:que )?)")
# No break after a month's abbreviation before its day ("on Jan. 5 police seized").
_MONTH_ABBREVIATION = "".join(rf"(?<!\b{m})" for m in "Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec".split())
_SENTENCE_END = re.compile(rf"{_MONTH_ABBREVIATION}\.(?=\s+[\"«“(]?[A-ZÀ-Ý¿¡0-9])|[!?;](?=\s+[\"«“(]?[A-ZÀ-Ý¿¡0-9])|\n")


def sentences(text):
    """(start, end) spans of the sentences of `text`."""
    start = 0
    for match in _SENTENCE_END.finditer(text):
        yield start, match.end()
        start = match.end()
    if start < len(text):
        yield start, len(text)


_BLOCK_BREAK = re.compile(r"[.!?](?=\s+[\"«“(]?[A-ZÀ-Ý¿¡])|\n+(?![ \t]*[-·•*–])")


def block_starts(text):
    """Start offsets of the blocks of `text`: sentences, where a list (lines after a colon, or bulleted) stays
    in the block of the sentence that introduces it."""
    starts = [0]
    for match in _BLOCK_BREAK.finditer(text):
        before = text[:match.start()].rstrip(" \t")
        if match.group(0).startswith("\n") and before[-1:] in (":", ";", ","):
            continue
        line_start = before.rfind("\n") + 1
        if _COUNTED_LINE.match(text, match.end()) and _COUNTED_LINE.match(text, line_start):
            continue  # "2 fusiles M-16\n2 escopetas": lines of a list without bullets
        starts.append(match.end())
    return starts


_COUNTED_LINE = re.compile(r"[ \t]*\d+[ \t]+[^\W\d]")
