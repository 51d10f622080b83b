"""The printable digest: a PDF of the cases checked, with a table of contents naming each case and its page;
the pages render (pdftoppm) with ink on them."""

import shutil
import subprocess

from django.core.management import call_command
from django.urls import reverse

from armstrace.exchange.models import DigestCase
from armstrace.exchange.tests.conftest import login

TEST_OUTPUT = __import__("armstrace.conftest", fromlist=["TEST_OUTPUT"]).TEST_OUTPUT


def test_pdf_of_selected_cases_with_contents(db, people, tmp_path):
    call_command("digest", "import", "--demo")
    chosen = [DigestCase.objects.get(case_number=n) for n in ("DEMO-SN-2022-007", "DEMO-MX-2024-031")]
    response = login(None, people.customs).get(reverse("exchange:digest-print"), {"case": [c.pk for c in chosen]})
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    pdf = tmp_path / "digest.pdf"
    pdf.write_bytes(response.content)
    assert response.content.startswith(b"%PDF-")
    if shutil.which("pdftotext") is None:
        pytest.fail("pdftotext is missing: `make test` installs Debian's poppler-utils")
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    pages = text.split("\f")
    contents = pages[0]
    assert "Contents" in contents and "SEN · DEMO-SN-2022-007 · 2022" in contents
    assert "MEX · DEMO-MX-2024-031 · 2024" in contents
    assert "DEMO-SN-2022-007" in pages[1] and "effacés" in pages[1]  # accents kept
    assert "DEMO-MX-2024-031" in pages[2] and "Incautación" not in pages[1]
    assert "DEMO-KE" not in text  # only the cases checked
    TEST_OUTPUT.mkdir(parents=True, exist_ok=True)
    subprocess.run(["pdftoppm", "-png", "-r", "50", str(pdf), str(TEST_OUTPUT / "exchange-digest-page")], check=True)
    assert len(list(TEST_OUTPUT.glob("exchange-digest-page-*.png"))) >= 3
