from armstrace.osint.extraction import extract


def record(text, **kwargs):
    """The plain record extracted from `text`."""
    return extract(text, **kwargs).record()
