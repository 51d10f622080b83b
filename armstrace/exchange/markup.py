"""Message and case texts: plain text or restricted Markdown, rendered to HTML that nh3 (a maintained sanitiser)
cleans; text that carries active content (script, event handlers, javascript: links) is refused on input."""

import re

import nh3
from django.utils.html import escape, linebreaks
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from markdown_it import MarkdownIt

from armstrace.core.errors import RuleViolation

# Raw HTML is not passed through (html=False: it is shown as text); images are not rendered (no outside requests).
_MARKDOWN = MarkdownIt("commonmark", {"html": False}).disable(["image"])
ALLOWED_TAGS = {"p", "br", "strong", "em", "code", "pre", "ul", "ol", "li", "blockquote", "a", "h3", "h4", "hr"}
ALLOWED_ATTRIBUTES = {"a": {"href", "title"}}
URL_SCHEMES = {"http", "https", "mailto"}
ACTIVE_CONTENT = re.compile(
    r"<\s*/?\s*(script|iframe|object|embed|style|svg|math|img|form|input|link|meta|base)\b"
    r"|javascript\s*:|vbscript\s*:|data\s*:\s*text/html|<[^>]*\bon[a-z]+\s*=", re.IGNORECASE)


def check_safe(text, field="text"):
    """Refuse `text` that carries active content (stored cross-site scripting)."""
    if text and ACTIVE_CONTENT.search(text):
        raise RuleViolation("unsafe_text", _("The text holds HTML or a script link, which is not accepted; "
                                            "write plain text or Markdown."), field)


def render(text, text_format="plain"):
    """Safe HTML of `text` ("plain" or "markdown")."""
    html = _MARKDOWN.render(text or "") if text_format == "markdown" else linebreaks(escape(text or ""))
    return mark_safe(nh3.clean(html, tags=ALLOWED_TAGS, attributes=ALLOWED_ATTRIBUTES, url_schemes=URL_SCHEMES,
                               link_rel="noopener noreferrer nofollow"))
