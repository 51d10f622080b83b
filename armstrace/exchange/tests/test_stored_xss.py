"""Stored XSS: active content is refused in messages (page and service), and whatever text is stored is rendered
through the sanitiser: no script, no event handler, no javascript: link reaches the page."""

import pytest
from django.urls import reverse

from armstrace.core.errors import RuleViolation
from armstrace.exchange import markup, services
from armstrace.exchange.models import Message
from armstrace.exchange.tests.conftest import login

ATTACKS = ["<script>alert(1)</script>", '<img src=x onerror="alert(1)">', "[click](javascript:alert(1))",
           '<a href="#" onclick="steal()">x</a>', "<svg/onload=alert(1)>", "<iframe src=//evil></iframe>"]


@pytest.mark.parametrize("text", ATTACKS)
def test_active_content_is_refused(people, thread, text):
    with pytest.raises(RuleViolation) as exc:
        services.post_message(thread, people.customs, text, "markdown")
    assert exc.value.code == "unsafe_text"
    response = login(None, people.customs).post(reverse("exchange:thread-reply", args=[thread.pk]),
                                                {"text": text, "text_format": "markdown"})
    assert response.status_code == 400
    assert thread.messages.count() == 1


def test_stored_markup_is_rendered_inert(people, thread):
    # a message stored before the check (or by another writer) is still rendered safely
    Message.objects.create(thread=thread, sender=people.customs, text_format="markdown",
                           text="**bold** <script>alert(1)</script> [x](javascript:alert(2)) <b onmouseover=y>z</b>")
    html = login(None, people.customs).get(reverse("exchange:thread", args=[thread.pk])).content.decode()
    assert "<strong>bold</strong>" in html
    text = html[html.index('class="message-text"'):]
    assert "<script>alert(1)" not in text and 'href="javascript' not in text and "<b onmouseover" not in text
    assert "&lt;script&gt;alert(1)" in text  # shown as text


def test_markdown_is_restricted():
    html = markup.render("# Title\n\n- a\n- [site](https://example.org)\n\n![img](https://evil/x.png)", "markdown")
    assert "<li>a</li>" in html and 'href="https://example.org"' in html and 'rel="noopener noreferrer nofollow"' in html
    assert "<h1>" not in html and "<img" not in html
    assert markup.render("a < b\nline", "plain") == "<p>a &lt; b<br>line</p>"


def test_active_content_is_refused_in_case_texts(db):
    from rest_framework.test import APIClient

    from armstrace.conftest import create_user
    from armstrace.exchange import digest
    from armstrace.exchange.models import DigestCase

    good = {"country": "KEN", "court": "Court", "year": 2024, "case_number": "X-1", "stage": "judgment",
            "summary": "ok", "access_level": "public"}
    for name in ("summary", "outcome", "lessons", "court"):
        errors = digest.case_errors({**good, name: '<img src=x onerror="alert(1)">'})
        assert errors and errors[0].startswith(f"{name}:")
    assert digest.case_errors({**good, "legal_sources": ["[x](javascript:alert(1))"]})[0].startswith("legal_sources/0")
    api = APIClient()
    api.force_authenticate(create_user("x-writer", "investigator"))
    response = api.post("/api/exchange/digest/", {**good, "lessons": "<script>alert(1)</script>"}, format="json")
    assert response.status_code == 400 and response.json()["code"] == "bad_case"
    assert not DigestCase.objects.exists()
    case = digest.save_case({**good, "summary": "a < b & <b>not bold</b>"})  # stored without the check
    html = login(None, create_user("x-reader", "customs")).get(reverse("exchange:digest-case", args=[case.pk]))
    assert "a &lt; b &amp; &lt;b&gt;not bold&lt;/b&gt;" in html.content.decode()
