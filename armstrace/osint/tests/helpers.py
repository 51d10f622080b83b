from armstrace.osint.extraction import extract


def record(text, **kwargs):
    """The plain record extracted from `text`."""
    return extract(text, **kwargs).record()


def field_value(text, key, **kwargs):
    """One extracted field's value whatever the relevance score (None where nothing was found)."""
    found = extract(text, **kwargs).fields[key]
    return found.value if found is not None else None
