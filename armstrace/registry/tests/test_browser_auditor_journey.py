"""The auditor's day: log in with a recovery code, filter the event log, verify the chain, download a trace report
PDF; a screenshot of each step (test-output/auditor-*.png)."""

import io
import subprocess
import sys

import pytest
from pypdf import PdfReader

from armstrace.conftest import TEST_OUTPUT, screenshot

pytestmark = pytest.mark.browser

ISSUE_CODES = ("from django.contrib.auth import get_user_model; from armstrace.accounts.recovery import issue_codes; "
               "print(' '.join(issue_codes(get_user_model().objects.get(username='demo-auditor'))))")


def _recovery_codes(live_app):
    """Recovery codes for the demo auditor, issued in the live app's database (as enrolment would)."""
    done = subprocess.run([sys.executable, "-m", "armstrace", "shell", "-c", ISSUE_CODES], env=live_app.env,
                          check=True, capture_output=True, text=True)
    return done.stdout.strip().splitlines()[-1].split()  # after the shell's own notice of its imports


def test_auditor_journey(page, live_app):
    code = _recovery_codes(live_app)[0]
    page.goto(f"{live_app.url}/login/")
    page.fill("input[name=username]", "demo-auditor")
    page.fill("input[name=password]", "armstrace-demo")
    page.click("button[type=submit].primary")
    page.wait_for_url("**/accounts/two-factor/**")
    page.fill("input[name=token]", f"{code[:4]}-{code[4:]}")
    screenshot(page, "auditor-1-recovery-code")
    page.click("button[type=submit].primary")
    page.wait_for_url(f"{live_app.url}/")

    page.click("nav.mainnav >> text=Event log")
    page.select_option("select[name=kind]", "transferred")
    page.click("#event-log-filter button[type=submit]")
    rows = page.locator("#event-log tbody tr.event")
    rows.first.wait_for()
    kinds = {rows.nth(i).locator("td").nth(2).inner_text() for i in range(rows.count())}
    assert kinds == {"Transferred"}
    assert len(rows.first.locator("code.hash").inner_text()) == 64
    screenshot(page, "auditor-2-event-log-filtered")

    page.click("text=Verify the chain")
    page.click("#verify-start")
    finished = "#verifications tbody tr.verification:first-child:not(.running):not(.queued)"
    page.wait_for_selector(finished, timeout=60000)  # the page polls the job and reloads once it has finished
    page.wait_for_selector("#verify-start")
    result = page.locator("#verifications tbody tr.verification").first.inner_text()
    assert "Passed" in result, result
    screenshot(page, "auditor-3-chain-verified")

    page.goto(f"{live_app.url}/registry/events/?kind=seized")
    page.locator("#event-log tbody tr.event td a").first.click()
    page.click("text=Trace report")
    page.wait_for_selector("#event-history")
    with page.expect_download() as download_info:
        page.click("#trace-report-pdf")
    download = download_info.value
    TEST_OUTPUT.mkdir(parents=True, exist_ok=True)
    path = TEST_OUTPUT / "auditor-4-trace-report.pdf"
    download.save_as(path)
    reader = PdfReader(io.BytesIO(path.read_bytes()))
    text = "\n".join(p.extract_text() for p in reader.pages)
    assert "Trace report" in text and "RESTRICTED" in text and f"Page 1 of {len(reader.pages)}" in text
    screenshot(page, "auditor-4-trace-report")
