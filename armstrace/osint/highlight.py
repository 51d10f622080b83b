"""The text of a document cut into segments, each extracted value's span marked with its field (for the review
page), and the values shown as text."""

import json
from dataclasses import dataclass


@dataclass
class Segment:
    text: str
    key: str = ""  # the field whose value this span is ("" for plain text)
    label: str = ""  # the firearm type, for firearms_by_type
    confidence: float | None = None


def segments(text, fields):
    """Segments of `text`; overlapping spans keep the first (earliest, then longest)."""
    spans = sorted(((s["start"], s["end"], f.key, s.get("label", ""), s.get("confidence"))
                    for f in fields for s in f.spans or []
                    if 0 <= s["start"] < s["end"] <= len(text)), key=lambda s: (s[0], -s[1]))
    out, cursor = [], 0
    for start, end, key, label, confidence in spans:
        if start < cursor:
            continue
        if start > cursor:
            out.append(Segment(text[cursor:start]))
        out.append(Segment(text[start:end], key, label, confidence))
        cursor = end
    if cursor < len(text):
        out.append(Segment(text[cursor:]))
    return out


def as_text(value):
    """A record value as a reviewer edits it: lists comma-separated, objects as JSON, flags true/false."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, list):
        return ", ".join(str(v) for v in value)
    if isinstance(value, dict):
        return json.dumps(value, ensure_ascii=False)
    return str(value)
