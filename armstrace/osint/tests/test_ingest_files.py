"""`armstrace osint ingest`: HTML (boilerplate removed, publication date from the page), plain text, folders and
JSONL; each bad input named with its file and line while the rest of the batch goes on; a document is stored with
its record or not at all; irrelevant documents are kept, marked and hidden by default."""

import json
from datetime import date
from io import StringIO

import pytest
from django.core.management import call_command

from armstrace.osint.models import Document, ProposedRecord
from armstrace.osint.tests.conftest import EN, ES, FR, GERMAN, IRRELEVANT, OTHER_SEIZURE

PAGE = """<!doctype html><html><head><title>Police seize 40 rifles at the airport</title>
<meta property="article:published_time" content="2025-08-21"><meta property="og:site_name" content="Kenya Police"></head>
<body><nav><a href="/">Home</a> | <a href="/news">News</a> | Subscribe to our newsletter</nav>
<article><h1>Police seize 40 rifles at the airport</h1><p>{text}</p>
<p>The suspects will be arraigned in court on Monday, the spokesman added in a statement to the press.</p></article>
<footer>Copyright 2025 Kenya Police. All rights reserved. Cookie policy.</footer></body></html>"""


def run_ingest(*paths):
    out, err = StringIO(), StringIO()
    call_command("osint", "ingest", *map(str, paths), stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


@pytest.mark.django_db
def test_html_page_loses_its_boilerplate_and_gives_its_date(tmp_path):
    page = tmp_path / "release.html"
    page.write_text(PAGE.format(text=OTHER_SEIZURE), encoding="utf-8")
    out, err = run_ingest(page)
    assert err == "" and "1 stored" in out
    doc = Document.objects.get()
    assert "Subscribe" not in doc.text and "Cookie policy" not in doc.text and "40 rifles" in doc.text
    assert doc.published == date(2025, 8, 21) and doc.title == "Police seize 40 rifles at the airport"
    assert doc.publisher == "Kenya Police" and doc.language == "en" and doc.relevant
    values = doc.record.values()
    assert values["firearms_total"] == 40 and values["country"] == ["KEN"]


@pytest.mark.django_db
def test_folder_of_text_and_jsonl_with_bad_lines(tmp_path):
    folder = tmp_path / "batch"
    folder.mkdir()
    (folder / "a.txt").write_text(EN, encoding="utf-8")
    (folder / "b.txt").write_text(IRRELEVANT, encoding="utf-8")
    (folder / "empty.txt").write_text("   \n", encoding="utf-8")
    (folder / "blob.txt").write_bytes(b"\x00\x01\x02binary")
    (folder / "huge.txt").write_bytes(b"a " * (3 * 1024 * 1024))
    (folder / "de.txt").write_text(GERMAN, encoding="utf-8")
    lines = [json.dumps({"text": FR, "title": "Saisie à Mombasa", "source_url": "https://example.org/fr",
                         "published": "2025-03-04", "language": "fr"}),
             "{not json",
             json.dumps({"text": ""}),
             json.dumps({"text": ES, "published": "someday"}),
             json.dumps({"text": ES, "source_url": "https://example.org/es", "publisher": "Policía"})]
    (folder / "c.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    out, err = run_ingest(folder)
    problems = err.strip().splitlines()
    assert f"{folder / 'blob.txt'}: binary file, not text" in problems
    assert f"{folder / 'empty.txt'}: empty file" in problems
    assert f"{folder / 'huge.txt'}: file over 5 MB, skipped" in problems
    assert f"{folder / 'de.txt'}: The document is not in English, French or Spanish." in problems
    assert any(p.startswith(f"{folder / 'c.jsonl'}:2: malformed JSON") for p in problems)
    assert f"{folder / 'c.jsonl'}:3: empty text" in problems
    assert any(p.startswith(f"{folder / 'c.jsonl'}:4: `published` is not an ISO date") for p in problems)
    assert len(problems) == 7
    assert "3 stored" in out and "1 irrelevant" in out and "7 refused" in out
    french = Document.objects.get(source_url="https://example.org/fr")
    assert french.language == "fr" and french.published == date(2025, 3, 4) and french.origin.endswith("c.jsonl:1")
    assert Document.objects.get(source_url="https://example.org/es").publisher == "Policía"
    irrelevant = Document.objects.get(origin__endswith="b.txt")
    assert not irrelevant.relevant and not ProposedRecord.objects.filter(document=irrelevant).exists()
    assert ProposedRecord.objects.count() == 3


@pytest.mark.django_db
def test_a_document_is_stored_with_its_record_or_not_at_all(ingest, monkeypatch):
    from armstrace.osint import incidents

    def broken(record):
        raise RuntimeError("grouping failed")

    monkeypatch.setattr(incidents, "assign", broken)
    with pytest.raises(RuntimeError):
        ingest(EN)
    assert not Document.objects.exists() and not ProposedRecord.objects.exists()


@pytest.mark.django_db
def test_irrelevant_documents_are_hidden_by_default(client, user, ingest):
    client.force_login(user)
    ingest(EN, title="Seizure in Mombasa")
    ingest(IRRELEVANT, title="Debate on hunting licences")
    listed = client.get("/osint/documents/").content.decode()
    assert "Seizure in Mombasa" in listed and "Debate on hunting licences" not in listed
    everything = client.get("/osint/documents/?all=1").content.decode()
    assert "Debate on hunting licences" in everything and "not a seizure report" in everything
