"""Headers and secrets (issue 18, part 6): a Content-Security-Policy that allows only the package's own scripts and
styles (so no template holds an inline script, style or event handler), HSTS behind HTTPS, API token keys shown once
in the admin site."""

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from django.contrib.admin.models import LogEntry
from rest_framework.authtoken.models import Token

import armstrace

PACKAGE = Path(armstrace.__file__).parent
INLINE = [
    (re.compile(r"<script(?![^>]*\bsrc=)[^>]*>", re.I), "inline script"),
    (re.compile(r"<style\b", re.I), "inline style element"),
    (re.compile(r"\sstyle\s*=", re.I), "style attribute"),
    (re.compile(r"\son[a-z]+\s*=", re.I), "event handler attribute"),
    (re.compile(r"javascript:", re.I), "javascript: URL"),
]


def _csp(response):
    return dict(part.strip().split(" ", 1) for part in response["Content-Security-Policy"].split(";"))


def test_pages_send_a_policy_of_the_sites_own_scripts_and_styles(client, db):
    policy = _csp(client.get("/login/"))
    assert policy["script-src"] == policy["style-src"] == "'self'"
    assert policy["object-src"] == "'none'" and policy["frame-ancestors"] == "'none'"
    assert not any("unsafe" in v or "*" in v for v in policy.values())


def test_no_template_holds_inline_script_style_or_handler():
    templates = [p for p in PACKAGE.rglob("templates/**/*.html")]
    assert len(templates) > 30
    found = [f"{p.relative_to(PACKAGE)}: {what}" for p in templates for pattern, what in INLINE
             if pattern.search(p.read_text(encoding="utf-8"))]
    assert found == []


@pytest.mark.parametrize("path", ["/", "/registry/items/", "/registry/items/{item}/", "/tracing/items/{item}/report/",
                                  "/tracing/search/?q=ABC123", "/monitoring/", "/accounts/", "/api/docs/"])
def test_rendered_pages_hold_no_inline_script_or_style(client, user, glock, path):
    client.force_login(user)
    response = client.get(path.format(item=glock.pk))
    assert response.status_code == 200
    body = response.content.decode()
    assert [what for pattern, what in INLINE if pattern.search(body)] == []


def test_api_docs_load_their_init_script_from_the_site(client, db):
    page = client.get("/api/docs/").content.decode()
    script = re.search(r'<script src="([^"]*script=[^"]*)"', page).group(1).replace("&amp;", "&")
    response = client.get(script)
    assert response.status_code == 200 and "SwaggerUIBundle" in response.content.decode()
    assert response["Content-Type"].startswith("application/javascript")


def test_hsts_only_behind_https(client, db, settings):
    assert "Strict-Transport-Security" not in client.get("/login/")
    settings.ARMSTRACE_HSTS_SECONDS = 31536000
    assert client.get("/login/")["Strict-Transport-Security"] == "max-age=31536000; includeSubDomains"


@pytest.mark.parametrize("secure, seconds", [("1", "31536000"), ("0", "0")])
def test_secure_cookies_setting_turns_hsts_on(secure, seconds):
    env = {**os.environ, "ARMSTRACE_SECURE_COOKIES": secure, "DJANGO_SETTINGS_MODULE": "armstrace.settings"}
    out = subprocess.run([sys.executable, "-c", "from django.conf import settings; "
                          "print(settings.ARMSTRACE_HSTS_SECONDS, settings.SESSION_COOKIE_SECURE)"],
                         env=env, capture_output=True, text=True, check=True).stdout.split()
    assert out == [seconds, str(secure == "1")]


def test_token_key_is_shown_once_when_created(client, user, make_user):
    integration = make_user("integration", "investigator")
    client.force_login(user)
    response = client.post("/admin/authtoken/tokenproxy/add/", {"user": integration.pk}, follow=True)
    key = Token.objects.get(user=integration).key
    assert response.status_code == 200 and key in response.content.decode()  # once, right after creation
    for path in ("/admin/authtoken/tokenproxy/", f"/admin/authtoken/tokenproxy/{integration.pk}/change/",
                 f"/admin/authtoken/tokenproxy/{integration.pk}/delete/", "/admin/"):
        page = client.get(path)
        assert page.status_code == 200 and key not in page.content.decode(), path
    assert key[:4] + "…" in client.get("/admin/authtoken/tokenproxy/").content.decode()
    assert not LogEntry.objects.filter(object_repr__contains=key).exists()


def test_serve_drops_gunicorns_server_header_once():
    from armstrace.core.management.commands.serve import _without_server_header

    def default_headers(response):
        return ["HTTP/1.1 200 OK\r\n", "Server: gunicorn\r\n", "Date: today\r\n", "Connection: close\r\n"]

    patched = _without_server_header(default_headers)
    assert patched(None) == ["HTTP/1.1 200 OK\r\n", "Date: today\r\n", "Connection: close\r\n"]
    assert _without_server_header(patched) is patched  # patching twice wraps once
