"""Attachments: stored under the attachments folder (not in the database), size limit, the content type sniffed
from the bytes (a renamed executable is refused; a PNG named .txt is a PNG); a refused file writes nothing."""

import dataclasses

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from armstrace.core.errors import RuleViolation
from armstrace.exchange import attachments, services
from armstrace.exchange.models import Attachment
from armstrace.exchange.tests.conftest import login

PNG = b"\x89PNG\r\n\x1a\n" + bytes(100)
JPEG = b"\xff\xd8\xff\xe0" + bytes(100)
ELF = b"\x7fELF\x02\x01\x01" + bytes(100)


def _file(name, data, claimed="image/png"):
    return SimpleUploadedFile(name, data, content_type=claimed)


def test_photo_is_stored_outside_the_database_and_served_to_members(people, thread, attachments_dir):
    message = services.post_message(thread, people.customs, "photo", files=[_file("IMG_1.jpg", JPEG)])
    a = message.attachments.get()
    assert (a.content_type, a.size) == ("image/jpeg", len(JPEG))
    stored = attachments_dir / a.sha256[:2] / a.sha256
    assert stored.read_bytes() == JPEG and oct(stored.stat().st_mode)[-3:] == "600"
    response = login(None, people.investigator).get(reverse("exchange:attachment", args=[a.pk]))
    assert response["Content-Type"] == "image/jpeg" and b"".join(response.streaming_content) == JPEG


def test_content_type_is_sniffed_not_taken_from_the_name(people, thread):
    message = services.post_message(thread, people.customs, "x", files=[_file("notes.txt", PNG, "text/plain")])
    assert message.attachments.get().content_type == "image/png"
    with pytest.raises(RuleViolation) as exc:
        services.post_message(thread, people.customs, "x", files=[_file("photo.jpg", ELF, "image/jpeg")])
    assert exc.value.code == "attachment_type"
    assert attachments.sniff("Résumé en français\n".encode()) == "text/plain"
    assert attachments.sniff(b"RIFF\x00\x00\x00\x00WEBPVP8 ") == "image/webp"


def test_size_limit_refuses_the_whole_message(people, thread, settings, attachments_dir):
    from armstrace import profile

    limited = dataclasses.replace(profile.get_profile(), exchange={"attachment_max_bytes": 50})
    settings.ARMSTRACE_ATTACHMENTS_DIR = str(attachments_dir)
    original = profile.get_profile
    try:
        attachments.get_profile = lambda: limited
        with pytest.raises(RuleViolation) as exc:
            services.post_message(thread, people.customs, "two files",
                                  files=[_file("small.png", PNG[:20]), _file("big.png", PNG)])
        assert exc.value.code == "attachment_too_large" and exc.value.field == "attachments"
    finally:
        attachments.get_profile = original
    assert thread.messages.count() == 1 and not Attachment.objects.exists()
    assert not attachments_dir.exists() or not any(attachments_dir.rglob("*"))


def test_refused_upload_on_the_page_is_a_400_naming_the_field(people, thread):
    response = login(None, people.customs).post(reverse("exchange:thread-reply", args=[thread.pk]), {
        "text": "exe", "text_format": "plain", "attachments": [_file("run.png", ELF)]})
    assert response.status_code == 400 and b"not an accepted kind of file" in response.content
