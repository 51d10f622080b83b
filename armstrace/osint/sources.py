"""Reading documents: HTML pages (boilerplate removed by trafilatura, the publication date read from the page),
plain text, JSONL (`text` and optional `title`, `source_url`, `published`, `language`, `publisher`), folders, and
RSS/Atom feeds. Each reader yields `DocumentInput`s, or `Problem`s naming the file (and line) and why it was
skipped; the caller goes on with the rest."""

from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from urllib.error import URLError
from urllib.request import Request, urlopen

from django.utils.translation import gettext as _

from armstrace.osint.services import MAX_BYTES, DocumentInput

TEXT_SUFFIXES = {".txt", ".text", ".md"}
HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
JSONL_SUFFIXES = {".jsonl", ".ndjson"}
FEED_TIMEOUT = 15  # seconds for each feed or page


@dataclass
class Problem:
    where: str
    message: str

    def __str__(self):
        return f"{self.where}: {self.message}"


def parse_date(value):
    """A date from an ISO string (or the start of one), a date or a datetime; None otherwise."""
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, str) and len(value.strip()) >= 10:
        try:
            return date.fromisoformat(value.strip()[:10])
        except ValueError:
            return None
    return None


def html_document(html, where, source_url="", publisher=""):
    """The DocumentInput of an HTML page: its main text, title, publication date and site name."""
    import trafilatura

    # The date from the page's metadata and markup only: a date in the article's text is the seizure's, not the
    # publication's (htmldate's "extensive search" would take it).
    found = trafilatura.bare_extraction(html, url=source_url or None, with_metadata=True, include_comments=False,
                                        favor_precision=True,
                                        date_extraction_params={"extensive_search": False, "original_date": True})
    if found is None or not (found.text or "").strip():
        return Problem(where, _("no article text found in the page"))
    return DocumentInput(text=found.text, title=found.title or "", source_url=source_url or found.url or "",
                         publisher=publisher or found.sitename or "", published=parse_date(found.date),
                         language="", origin=where)


def _decode(raw, where):
    if not raw.strip():
        return Problem(where, _("empty file"))
    if b"\x00" in raw[:8192]:
        return Problem(where, _("binary file, not text"))
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        return Problem(where, _("not UTF-8 text (byte %(byte)s)") % {"byte": exc.start})


def read_file(path: Path):
    """The documents of one file (HTML, text or JSONL by its suffix)."""
    where = str(path)
    try:
        if path.stat().st_size > MAX_BYTES and path.suffix.lower() not in JSONL_SUFFIXES:
            yield Problem(where, _("file over 5 MB, skipped"))
            return
        if path.suffix.lower() in JSONL_SUFFIXES:
            yield from read_jsonl(path)
            return
        text = _decode(path.read_bytes(), where)
    except OSError as exc:
        yield Problem(where, exc.strerror or str(exc))
        return
    if isinstance(text, Problem):
        yield text
    elif path.suffix.lower() in HTML_SUFFIXES or text.lstrip()[:200].lower().startswith(("<!doctype html", "<html")):
        yield html_document(text, where)
    else:
        yield DocumentInput(text=text, title="", origin=where)


def read_jsonl(path: Path):
    from armstrace.osint.cli import BadLine, _lines, parse_line

    with open(path, "rb") as stream:
        for number, raw in _lines(stream):
            where = f"{path}:{number}"
            try:
                if raw is None:
                    raise BadLine(_("line over 5 MB, skipped"))
                doc = parse_line(raw)
            except BadLine as exc:
                yield Problem(where, exc.args[0])
                continue
            yield _jsonl_document(doc, where)


def _jsonl_document(doc, where):
    fields = {}
    for key in ("title", "source_url", "publisher", "language"):
        value = doc.get(key)
        if value is not None and not isinstance(value, str):
            return Problem(where, _("`%(key)s` must be a string") % {"key": key})
        fields[key] = value or ""
    published = doc.get("published")
    if published not in (None, "") and parse_date(published) is None:
        return Problem(where, _("`published` is not an ISO date: %(value)r") % {"value": published})
    return DocumentInput(text=doc["text"], published=parse_date(published), origin=where, **fields)


def read_paths(paths):
    """Every document of the given files and folders (a folder's files in name order, sub-folders included)."""
    for name in paths:
        path = Path(name)
        if path.is_dir():
            files = sorted(p for p in path.rglob("*") if p.is_file() and not p.name.startswith("."))
            for file in files:
                yield from read_file(file)
        elif path.exists():
            yield from read_file(path)
        else:
            yield Problem(str(path), _("no such file or folder"))


# ---------------------------------------------------------------- feeds and pages


def _download(url, timeout):
    request = Request(url, headers={"User-Agent": "ArmsTrace-osint/1.0"})
    with urlopen(request, timeout=timeout) as response:  # noqa: S310 (the profile's own feed addresses)
        raw = response.read(MAX_BYTES + 1)
    if len(raw) > MAX_BYTES:
        raise ValueError("over 5 MB")
    return raw


def _timed_out(timeout):
    return _("timed out after %(seconds)s s") % {"seconds": f"{timeout:g}"}


def _cannot_read(reason):
    return _("cannot read: %(reason)s") % {"reason": reason}


def _fetch(url, timeout):
    """(bytes, None) or (None, the reason it failed)."""
    try:
        return _download(url, timeout), None
    except TimeoutError:
        return None, _timed_out(timeout)
    except URLError as exc:
        reason = exc.reason
        return None, _timed_out(timeout) if isinstance(reason, TimeoutError) else _cannot_read(reason)
    except (OSError, ValueError) as exc:
        return None, _cannot_read(exc)


def read_feed(entry, timeout=FEED_TIMEOUT):
    """The documents of one `osint.feeds` entry: {url, kind: feed (default) or page, publisher}."""
    url, publisher = entry["url"], entry.get("publisher", "")
    raw, error = _fetch(url, timeout)
    if error:
        yield Problem(url, error)
        return
    if entry.get("kind") == "page":
        yield _page(raw, url, publisher)
        return
    import feedparser

    feed = feedparser.parse(raw)
    if feed.bozo and not feed.entries:
        yield Problem(url, _("not an RSS or Atom feed (%(reason)s)") % {"reason": feed.get("bozo_exception", "?")})
        return
    for item in feed.entries:
        yield from _feed_item(item, url, publisher or feed.feed.get("title", ""), timeout)


def _page(raw, url, publisher, published=None, title=""):
    text = _decode(raw, url)
    if isinstance(text, Problem):
        return text
    found = html_document(text, url, source_url=url, publisher=publisher)
    if isinstance(found, DocumentInput):
        found.published = found.published or published
        found.title = found.title or title
    return found


def _feed_item(item, feed_url, publisher, timeout):
    link = item.get("link", "")
    parsed = item.get("published_parsed") or item.get("updated_parsed")
    published = date(*parsed[:3]) if parsed else None
    if link:
        raw, error = _fetch(link, timeout)
        if raw is not None:
            yield _page(raw, link, publisher, published, item.get("title", ""))
            return
        yield Problem(link, error)
        return
    summary = item.get("summary", "")
    if summary:
        yield DocumentInput(text=summary, title=item.get("title", ""), publisher=publisher, published=published,
                            origin=feed_url)


def feeds_of_profile(profile):
    """The `osint.feeds` of the country profile, each as {url, kind, publisher}."""
    feeds = (getattr(profile, "osint", None) or {}).get("feeds") or []
    return [{"url": f} if isinstance(f, str) else dict(f) for f in feeds]

