"""In the browser: an investigator opens a thread about a seized item with the customs agency and attaches a
photo; the customs officer sees the unread badge, reads the thread (photo shown) and replies; the investigator
then sees the reply."""

import sqlite3
import struct
import zlib

import pytest

from armstrace.conftest import login, screenshot

pytestmark = pytest.mark.browser

# An image's width once it has loaded (naturalWidth is 0 while it is still loading)
LOADED_WIDTH = ("img => img.complete && img.naturalWidth ? img.naturalWidth : new Promise(done => "
                "img.addEventListener('load', () => done(img.naturalWidth)))")


def _png(path, width=120, height=80):
    """A small real PNG (a red and grey photo stand-in)."""
    raw = b"".join(b"\x00" + b"".join(bytes([200, 40, 40]) if x < width // 2 else bytes([90, 90, 90])
                                      for x in range(width)) for _y in range(height))

    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)

    path.write_bytes(b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0))
                     + chunk(b"IDAT", zlib.compress(raw)) + chunk(b"IEND", b""))
    return path


def _badge(page):
    """(unread threads, total shown on the badge)."""
    count = page.locator("#exchange-badge .count")
    if not count.count():
        return 0, 0
    return int(count.get_attribute("data-threads")), int(count.inner_text())


def test_investigator_and_customs_officer_exchange_about_a_seized_item(page, chromium, live_app, tmp_path):
    with sqlite3.connect(live_app.data_dir / "armstrace.sqlite3") as db:
        item_id, = db.execute("SELECT id FROM registry_item WHERE status = 'seized' ORDER BY id LIMIT 1").fetchone()
    login(page, live_app, "demo-investigator")
    page.goto(f"{live_app.url}/registry/items/{item_id}/")
    page.click("section.exchange-threads >> text=Open a case thread")
    page.fill("input[name=subject]", "Seized pistol: container check")
    page.select_option("select[name=kind]", "seizure")
    page.select_option("select[name=agencies]", label="Customs Administration")
    page.fill("textarea[name=text]", "Seized at the port. Can customs confirm the **container number**?")
    page.select_option("select[name=text_format]", "markdown")
    page.set_input_files("input[name=attachments]", str(_png(tmp_path / "serial-photo.png")))
    page.click("button[type=submit].primary")
    page.wait_for_url("**/exchange/threads/*/")
    thread_url = page.url
    assert page.locator(".message-text strong").inner_text() == "container number"
    assert page.locator("img.attachment-image").evaluate(LOADED_WIDTH) == 120

    customs = chromium.new_context(viewport={"width": 1280, "height": 900}, locale="en-GB").new_page()
    try:
        login(customs, live_app, "demo-customs")
        threads, total = _badge(customs)
        assert threads == total == 1  # alerts have their own badge
        screenshot(customs, "exchange-customs-unread-badge")
        customs.click("#exchange-badge")
        customs.click("text=Seized pistol: container check")
        assert customs.url == thread_url
        assert customs.locator("img.attachment-image").evaluate(LOADED_WIDTH) == 120
        customs.fill("textarea[name=text]", "Container MSKU 1234565, bill of lading attached tomorrow.")
        customs.click("button[type=submit].primary")
        customs.wait_for_url(thread_url)
        assert _badge(customs)[0] == 0
        assert customs.locator("article.message").count() == 2
        screenshot(customs, "exchange-customs-replied")
    finally:
        customs.context.close()

    page.goto(f"{live_app.url}/")
    assert _badge(page)[0] == 1
    page.goto(thread_url)
    assert "MSKU 1234565" in page.locator("article.message").nth(1).inner_text()
    page.goto(f"{live_app.url}/registry/items/{item_id}/")
    assert page.locator("section.exchange-threads a", has_text="Seized pistol").count() == 1
