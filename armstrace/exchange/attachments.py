"""Attachments: stored outside the database (ARMSTRACE_ATTACHMENTS_DIR, by default under the data directory), named
by their SHA-256; the size is limited (profile `exchange.attachment_max_bytes`) and the content type is read from
the bytes themselves, never from the file's name or the browser's claim."""

import os
from pathlib import Path

from django.conf import settings
from django.utils.translation import gettext as _

from armstrace.core.errors import RuleViolation
from armstrace.core.filestore import path_in, store_in
from armstrace.profile import get_profile

DEFAULT_MAX_BYTES = 10 * 1024 * 1024
# (leading bytes, content type); WebP is RIFF....WEBP
SIGNATURES = [
    (b"\xff\xd8\xff", "image/jpeg"),
    (b"\x89PNG\r\n\x1a\n", "image/png"),
    (b"GIF87a", "image/gif"),
    (b"GIF89a", "image/gif"),
    (b"%PDF-", "application/pdf"),
]


def max_bytes():
    return int((get_profile().exchange or {}).get("attachment_max_bytes", DEFAULT_MAX_BYTES))


def sniff(data):
    """The content type of `data` from its bytes, or None if it is not an accepted kind."""
    for signature, content_type in SIGNATURES:
        if data.startswith(signature):
            return content_type
    if data[:4] == b"RIFF" and data[8:12] == b"WEBP":
        return "image/webp"
    if b"\x00" not in data:
        try:
            data.decode("utf-8")
            return "text/plain"
        except UnicodeDecodeError:
            return None
    return None


def storage_dir():
    return Path(settings.ARMSTRACE_ATTACHMENTS_DIR)


def path_of(sha256):
    return path_in(storage_dir(), sha256)


def read_upload(upload):
    """(name, bytes, content type) of an uploaded file, refused when too large or of a kind not accepted."""
    limit = max_bytes()
    data = upload.read(limit + 1)
    name = os.path.basename(getattr(upload, "name", "") or "file")[:200]
    if len(data) > limit:
        raise RuleViolation("attachment_too_large", _("%(name)s is larger than %(limit)d bytes.")
                            % {"name": name, "limit": limit}, "attachments")
    content_type = sniff(data)
    if content_type is None:
        raise RuleViolation("attachment_type", _("%(name)s is not an accepted kind of file (JPEG, PNG, GIF, WebP, "
                                                "PDF or UTF-8 text).") % {"name": name}, "attachments")
    return name, data, content_type


def store(data):
    """Write `data` (once per content) and return its SHA-256."""
    return store_in(storage_dir(), data)
