"""The three forms of a serial number: raw as marked, normalised, and confusable-folded."""

import re

from armstrace import profile

_SEPARATORS = re.compile(r"[^0-9A-Z]")


def normalize_serial(raw: str) -> str:
    """Upper-case with separators (spaces, dashes, dots, slashes...) stripped."""
    return _SEPARATORS.sub("", (raw or "").upper())


def fold_serial(raw: str, confusables=None) -> str:
    """Normalised form with visually confusable characters folded onto one (O/Q/D->0, I/L->1, ...)."""
    if confusables is None:
        confusables = profile.get_profile().confusables
    return "".join(confusables.get(ch, ch) for ch in normalize_serial(raw))
