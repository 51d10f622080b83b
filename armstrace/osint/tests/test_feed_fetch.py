"""`armstrace osint fetch` reads the RSS/Atom feeds and pages of the profile's `osint.feeds` from a server on
127.0.0.1: each article is fetched and stored; a page that is missing, a feed that is not one and a feed that times
out are each named, and the rest goes on."""

import threading
import time
from datetime import date
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from io import StringIO

import pytest
from django.core.management import call_command

from armstrace.conftest import REPO
from armstrace.osint.models import Document
from armstrace.osint.tests.conftest import EN, OTHER_SEIZURE
from armstrace.profile import ProfileError, get_profile, load_profile

ARTICLE = ("<html><head><title>{title}</title></head><body><nav>Home | Contact | Login</nav><article><h1>{title}</h1>"
           "<p>{text}</p><p>Anyone with information is asked to call the police hotline.</p></article>"
           "<footer>All rights reserved</footer></body></html>")
RSS = """<?xml version="1.0"?><rss version="2.0"><channel><title>Kenya Police news</title><link>{base}/</link>
<item><title>Pistols seized in Mombasa</title><link>{base}/a.html</link><pubDate>Wed, 05 Mar 2025 09:00:00 GMT</pubDate></item>
<item><title>Gone</title><link>{base}/missing.html</link></item>
</channel></rss>"""


class Handler(BaseHTTPRequestHandler):
    def do_GET(self):  # noqa: N802 (http.server's name)
        base = f"http://127.0.0.1:{self.server.server_port}"
        if self.path == "/slow.xml":
            time.sleep(3)
        body = {"/feed.xml": RSS.format(base=base),
                "/a.html": ARTICLE.format(title="Pistols seized in Mombasa", text=EN),
                "/b.html": ARTICLE.format(title="Rifles seized at the airport", text=OTHER_SEIZURE),
                "/not-a-feed.xml": "just some words", "/slow.xml": RSS.format(base=base)}.get(self.path)
        if body is None:
            self.send_error(404)
            return
        data = body.encode()
        self.send_response(200)
        self.send_header("Content-Type", "text/html; charset=utf-8" if self.path.endswith(".html") else "application/xml")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        try:
            self.wfile.write(data)
        except BrokenPipeError:
            pass

    def log_message(self, *args):
        pass


@pytest.fixture
def server():
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_port}"
    httpd.shutdown()
    httpd.server_close()


@pytest.fixture
def profile_feeds(settings, tmp_path):
    def use(feeds_yaml):
        path = tmp_path / "profile.yaml"
        default = (REPO / "armstrace" / "profiles" / "default.yaml").read_text(encoding="utf-8")
        path.write_text(default + "osint:\n  timeout_seconds: 1\n  feeds:\n" + feeds_yaml, encoding="utf-8")
        settings.ARMSTRACE_PROFILE = str(path)
        get_profile.cache_clear()
        return path

    yield use
    get_profile.cache_clear()


@pytest.mark.django_db
def test_fetch_reads_feeds_and_pages_and_names_each_failure(server, profile_feeds):
    profile_feeds(f"    - {server}/feed.xml\n"
                  f"    - {{url: '{server}/b.html', kind: page, publisher: Kenya Police}}\n"
                  f"    - {server}/not-a-feed.xml\n"
                  f"    - {server}/slow.xml\n")
    out, err = StringIO(), StringIO()
    call_command("osint", "fetch", stdout=out, stderr=err)
    problems = err.getvalue().strip().splitlines()
    assert f"{server}/missing.html: cannot read: Not Found" in problems
    assert any(p.startswith(f"{server}/not-a-feed.xml: not an RSS or Atom feed") for p in problems)
    assert f"{server}/slow.xml: timed out after 1 s" in problems
    assert len(problems) == 3 and "2 stored" in out.getvalue()
    from_feed = Document.objects.get(source_url=f"{server}/a.html")
    assert from_feed.published == date(2025, 3, 5) and from_feed.publisher == "Kenya Police news"
    assert "Login" not in from_feed.text and from_feed.record.values()["firearms_total"] == 12
    page = Document.objects.get(source_url=f"{server}/b.html")
    assert page.publisher == "Kenya Police" and page.title == "Rifles seized at the airport"


def test_profile_feeds_are_checked(tmp_path):
    path = tmp_path / "bad.yaml"
    default = (REPO / "armstrace" / "profiles" / "default.yaml").read_text(encoding="utf-8")
    path.write_text(default + "osint:\n  feeds:\n    - ftp://example.org/feed\n", encoding="utf-8")
    with pytest.raises(ProfileError, match="osint/feeds/0"):
        load_profile(path)
