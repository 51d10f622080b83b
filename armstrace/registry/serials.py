"""The three forms of a serial number: raw as marked, normalised, and confusable-folded.

* normalised (the key of duplicate checks and exact search): Unicode NFKC (fullwidth ＨＧ１２３４５ reads HG12345),
  digits of any script as ASCII digits, each other non-ASCII character that looks like a Latin letter or digit
  folded onto it with the UTS #39 confusables skeleton (Cyrillic Н -> H, Greek Ο -> O; Unicode's
  data/confusables.txt), upper case, separators (spaces, dashes, dots, slashes, ...) dropped. Anything else that is
  neither a letter nor a digit is refused at entry (`serial_problem`) and left out of the normalised form.
* folded (search only): the normalised form with the profile's `confusables` applied (O/Q/D->0, I/L->1, ...).
"""

import re
import unicodedata
from functools import lru_cache
from pathlib import Path

from armstrace import profile

CONFUSABLES_FILE = Path(__file__).with_name("data") / "confusables.txt"
_ASCII_SEPARATORS = re.compile(r"[^0-9A-Z]")
_LATIN = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789"
_SEPARATOR_MARKS = frozenset("./\\_,:;|")


@lru_cache(maxsize=1)
def _prototypes():
    """{character: its prototype}, from Unicode's confusables.txt."""
    table = {}
    with open(CONFUSABLES_FILE, encoding="utf-8-sig") as f:
        for line in f:
            fields = line.split("#", 1)[0].split(";")
            if len(fields) >= 2 and fields[0].strip():
                table[chr(int(fields[0], 16))] = "".join(chr(int(c, 16)) for c in fields[1].split())
    return table


def skeleton(text):
    """The UTS #39 skeleton of `text`: NFD, each character replaced by its prototype, NFD again."""
    table = _prototypes()
    return unicodedata.normalize("NFD", "".join(table.get(c, c) for c in unicodedata.normalize("NFD", text)))


@lru_cache(maxsize=1)
def _latin_by_skeleton():
    """{skeleton: the Latin letters and digits that have it}, e.g. "l": ["I", "l", "1"], "O": ["O", "0"]."""
    out = {}
    for c in _LATIN:
        out.setdefault(skeleton(c), []).append(c)
    return out


@lru_cache(maxsize=8192)
def to_latin(ch):
    """The Latin letter or digit that the character `ch` looks like (a letter for a letter, same case, where there
    is a choice), its ASCII digit for a digit of another script, else `ch` itself."""
    if ch.isascii():
        return ch
    if unicodedata.category(ch) == "Nd":
        return str(unicodedata.digit(ch))
    candidates = _latin_by_skeleton().get(skeleton(ch))
    if not candidates:
        return ch
    return max(candidates, key=lambda c: (c.isalpha() == ch.isalpha(), c.isupper() == ch.isupper()))


def latin_text(raw: str) -> str:
    """`raw` in NFKC, look-alikes folded to Latin (as written, else as upper case), upper case; every other
    character kept."""
    return "".join(to_latin(to_latin(ch).upper()) for ch in unicodedata.normalize("NFKC", raw or "")).upper()


def is_separator(ch):
    return ch.isspace() or unicodedata.category(ch) == "Pd" or ch in _SEPARATOR_MARKS


def normalize_serial(raw: str) -> str:
    """The normalised form (see the module docstring)."""
    raw = raw or ""
    if raw.isascii():
        return _ASCII_SEPARATORS.sub("", raw.upper())
    return "".join(ch for ch in latin_text(raw) if ch.isalnum())


def serial_problem(raw: str) -> str:
    """The characters of `raw` that are neither letters, digits nor separators once folded ("" when none)."""
    bad = dict.fromkeys(ch for ch in latin_text(raw) if not ch.isalnum() and not is_separator(ch))
    return "".join(bad)


def fold_serial(raw: str, confusables=None) -> str:
    """Normalised form with visually confusable characters folded onto one (O/Q/D->0, I/L->1, ...)."""
    if confusables is None:
        confusables = profile.get_profile().confusables
    return "".join(confusables.get(ch, ch) for ch in normalize_serial(raw))
