"""A customs officer works the X-ray queue: opens the top parcel, sees its reasons, draws a box on its X-ray image,
records "parts found" and lands on the new seizure case."""

import json
import subprocess
import sys
import uuid

import pytest

from armstrace.conftest import login, screenshot
from armstrace.screening.engine import Screener
from armstrace.screening.reader import record_from_object
from armstrace.screening.ruleset import load_rules
from armstrace.screening.tests.images import png

pytestmark = pytest.mark.browser


def parcel(cid, tag, description, hs_code, measured, **changes):
    return {"consignment_id": f"{cid}-{tag}", "operator": "Posta Kenya", "mail_class": "parcel",
            "tracking_id": f"RR{cid}{tag}KE", "accepted_at": "2026-11-02T09:30:00Z", "sender_name": f"Sender {cid}",
            "sender_address": f"{cid} Main Street", "sender_country": "CHN", "addressee_name": f"Addressee {cid}",
            "addressee_address": f"Box {cid} {tag}, Nairobi", "addressee_country": "KEN", "route": "CHN>KEN",
            "category": "gift", "declared_weight_kg": 0.8, "measured_weight_kg": measured,
            "lines": [{"description": description, "hs_code": hs_code, "quantity": 1, "value": 15,
                       "currency": "USD"}], **changes}


def test_customs_officer_works_the_xray_queue_to_a_seizure_case(page, live_app, tmp_path):
    tag = uuid.uuid4().hex[:6].upper()
    parcels = [parcel("A", tag, "Bicycle parts", "871499", 1.2, sender_name="Velo Shop Ltd"),
               parcel("B", tag, "Tools", "846799", 0.8), parcel("C", tag, "Toy", "950300", 0.8)]
    screener = Screener(load_rules())
    scores = {p["consignment_id"]: screener.screen(record_from_object(p).consignment) for p in parcels}
    bands = {k: (a.score, a.band) for k, a in scores.items()}
    assert [a.band for a in scores.values()] == ["xray", "xray", "document_check"], bands
    top = parcels[0]
    assert scores[top["consignment_id"]].score > scores[parcels[1]["consignment_id"]].score
    source = tmp_path / "parcels.jsonl"
    source.write_text("".join(json.dumps(p) + "\n" for p in parcels), encoding="utf-8")
    subprocess.run([sys.executable, "-m", "armstrace", "screening", "import", str(source)], env=live_app.env,
                   check=True, capture_output=True)

    login(page, live_app, "demo-customs")
    page.goto(f"{live_app.url}/screening/")
    page.click("nav.actions >> text=X-ray")
    first_row = page.locator("section.card table tbody tr").first
    assert top["tracking_id"] in first_row.inner_text()
    first_row.locator("a").first.click()
    page.wait_for_selector(f"h1:has-text('{top['tracking_id']}')")
    reasons = page.locator("section.card").first.inner_text()
    assert "weight_mismatch" in reasons and "cover_heading" in reasons

    page.set_input_files("#xray-file", files=[{"name": "scan.png", "mimeType": "image/png",
                                               "buffer": png(320, 200, (30, 30, 40))}])
    page.click("#xray-images button[type=submit]")
    page.wait_for_selector("#xray-canvas")
    page.select_option("#xray-label", "slide")
    canvas = page.locator("#xray-canvas").bounding_box()
    page.mouse.move(canvas["x"] + 60, canvas["y"] + 50)
    page.mouse.down()
    page.mouse.move(canvas["x"] + 150, canvas["y"] + 90, steps=5)
    page.mouse.move(canvas["x"] + 200, canvas["y"] + 120, steps=5)
    page.mouse.up()
    page.wait_for_selector("#xray-status:has-text('Box saved.')")
    assert "Slide" in page.locator("#xray-boxes tbody tr").first.inner_text()
    screenshot(page, "screening-xray-box")

    page.click("text=Record the inspection outcome")
    page.select_option("select[name=outcome]", "parts")
    page.select_option("select[name=part_kind]", "slide")
    page.fill("textarea[name=notes]", "Pistol slide inside the bicycle hub")
    page.click("button[type=submit].primary")
    page.wait_for_selector("h1:has-text('Seizure SZ-')")
    text = page.content()
    assert top["tracking_id"] in text and "Slide" in text and "inside the bicycle hub" in text  # parcel, part, notes
    # (the case persons, sender and addressee, are personal data that customs officers do not see)
    screenshot(page, "screening-seizure-case")
