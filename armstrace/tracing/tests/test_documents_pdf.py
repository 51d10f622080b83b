"""The documents a State sends abroad: the trace report and the tracing request as print pages without raw internal
data, and as PDFs with letterhead, classification marking, page numbers, signature block and chain hash."""

import io
import os
import re

from pypdf import PdfReader

from armstrace.conftest import at
from armstrace.registry import services as registry_services
from armstrace.registry.models import Event, EventKind
from armstrace.tracing import services
from armstrace.tracing.tests.test_request_workflow import DATA

RAW = [re.compile(p) for p in (r"\{'", r"'\w+': ", r"\bholder: \d", r"\b[a-z]+_[a-z_]+\b")]  # dicts, keys, codes


def _stolen(firearm, registry, transfers=1):
    item = firearm("GLK700800", country_of_manufacture="AUT")
    for n in range(transfers):
        registry_services.transfer(item, registry.alice if n % 2 == 0 else registry.bob,
                                   occurred_at=at(2016, 1 + n // 28, 1 + n % 28), reference=f"TR-REF-{n}")
    registry_services.report_missing(item, EventKind.THEFT_REPORTED, occurred_at=at(2020, 2, 2),
                                     location="Lake Region", circumstances="car break-in", police_reference="OB-12/2020")
    return item


def _text(pdf_bytes):
    reader = PdfReader(io.BytesIO(pdf_bytes))
    return reader, "\n".join(page.extract_text() for page in reader.pages)


def _keep(name, content):
    """Write the PDF under $ARMSTRACE_PDF_OUT (to look at its pages with pdftoppm)."""
    if os.environ.get("ARMSTRACE_PDF_OUT"):
        with open(os.path.join(os.environ["ARMSTRACE_PDF_OUT"], name), "wb") as out:
            out.write(content)


def _visible(html):
    body = html.split('<main', 1)[-1]
    body = re.sub(r"<(script|style)[^>]*>.*?</\1>", "", body, flags=re.S)
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", body))


def test_trace_report_page_shows_labelled_values_not_raw_data(firearm, registry, client, user):
    item = _stolen(firearm, registry)
    client.force_login(user)
    text = _visible(client.get(f"/tracing/items/{item.pk}/report/").content.decode())
    assert "Police reference: OB-12/2020" in text and "Transfer reference: TR-REF-0" in text
    assert "Circumstances: car break-in" in text and "Theft reported" in text
    assert str(item.uid) not in text and "legitimate_owner_national" not in text
    for pattern in RAW:
        assert not pattern.search(text), (pattern.pattern, pattern.search(text))


def test_trace_report_pdf(firearm, registry, client, user):
    item = _stolen(firearm, registry, transfers=40)  # a long history: several pages
    client.force_login(user)
    response = client.get(f"/tracing/items/{item.pk}/report.pdf")
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"] == 'attachment; filename="trace-report-GLK700800.pdf"'
    _keep("trace-report.pdf", response.content)
    reader, text = _text(response.content)
    pages = len(reader.pages)
    assert pages >= 2
    last = Event.objects.filter(item=item).order_by("-seq").first()
    flat = re.sub(r"\s+", "", text)
    assert last.hash in flat and f"event no. {last.seq}" in text
    for expected in ("KENYA", "National Firearms Registry", "Harambee Avenue", "Trace report", "GLK700800",
                     "Alice Otieno", "Theft reported by the holder", "Police reference: OB-12/2020", "Austria",
                     "Signature and official stamp", "Head of the National Firearms Registry", f"Page {pages} of {pages}"):
        assert expected in text, expected
    assert text.count("RESTRICTED") == 2 * pages  # top and bottom of every page
    assert "Page 1 of" in reader.pages[0].extract_text()
    assert str(item.uid) not in text and "'holder'" not in text and "legitimate_owner_national" not in text


def test_tracing_request_print_and_pdf(firearm, client, user, registry):
    seized = firearm("NOR77700011", make="Norinco", how=EventKind.SEIZED, occurred_at=at(2022, 1, 9),
                     country_of_manufacture="CHN")
    request = services.create_request({**DATA, "country_of_manufacture": "CHN"}, item=seized)
    client.force_login(user)
    page = _visible(client.get(f"/tracing/requests/{request.pk}/print/").content.decode())
    assert "China" in page and "Kenya" in page and "Outgoing" in page
    assert " CHN " not in page and " KEN " not in page and "outgoing" not in page
    response = client.get(f"/tracing/requests/{request.pk}/request.pdf")
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    _keep("tracing-request.pdf", response.content)
    reader, text = _text(response.content)
    pages = len(reader.pages)
    assert pages in (1, 2) and "Signature and official stamp" in reader.pages[-1].extract_text()  # never split
    for expected in ("Firearm tracing request", request.reference, "China", "Kenya", "Seized from a trafficker",
                     "Insp. Wanjiru", "NOR77700011", f"Page {pages} of {pages}"):
        assert expected in text, expected
    assert text.count("RESTRICTED") == 2 * pages
    last = Event.objects.filter(item=seized).order_by("-seq").first()
    assert last.hash in re.sub(r"\s+", "", text)


def test_classification_and_letterhead_come_from_the_profile(firearm, registry, client, user, monkeypatch):
    from armstrace.tracing import documents

    item = _stolen(firearm, registry)
    real = documents.letterhead

    def custom():
        return {**real(), "classification": "CONFIDENTIAL — LAW ENFORCEMENT", "authority": "Ministry X"}

    monkeypatch.setattr(documents, "letterhead", custom)
    client.force_login(user)
    _reader, text = _text(client.get(f"/tracing/items/{item.pk}/report.pdf").content)
    assert "CONFIDENTIAL — LAW ENFORCEMENT" in text and "Ministry X" in text and "RESTRICTED" not in text
