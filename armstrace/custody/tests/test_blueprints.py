"""Blueprint files as digital evidence: SHA-256 and type from the bytes, the file stored outside the database, a
chain of custody like any item, and a second case holding the same file linked to the first with an alert."""

import base64
import hashlib
import struct
from datetime import date

import pytest
from django.contrib.auth import get_user_model

from armstrace.alerts.models import AlertKind
from armstrace.alerts.services import visible_alerts
from armstrace.custody import blueprints
from armstrace.custody import services as custody
from armstrace.custody.models import Alert, BlueprintFile, CustodyMovement

ASCII_STL = b"solid frame\n facet normal 0 0 1\n  outer loop\n   vertex 0 0 0\n   vertex 1 0 0\n   vertex 0 1 0\n" \
            b"  endloop\n endfacet\nendsolid frame\n"
GCODE = b"; sliced\nG21\nG90\nG28\nG1 X10 Y10 E0.5 F1200\n"


def binary_stl(triangles=2):
    return b"\0" * 80 + struct.pack("<I", triangles) + b"\1" * (50 * triangles)


@pytest.fixture(autouse=True)
def evidence_dir(settings, tmp_path):
    settings.ARMSTRACE_EVIDENCE_DIR = str(tmp_path / "evidence")
    return tmp_path / "evidence"


def _case(number, content, day=date(2024, 5, 1), **source):
    return custody.record_case(custody.CaseInput(
        occurred_on=day, number=number, place="Nairobi",
        blueprints=[custody.BlueprintInput(content, file_name="fgc9.stl", **source)]))


@pytest.mark.parametrize("content, kind", [(ASCII_STL, "stl"), (binary_stl(), "stl"), (GCODE, "gcode")])
def test_type_from_the_bytes(content, kind):
    assert blueprints.file_type_of(content) == kind


def test_3mf_is_a_zip_with_a_3d_model():
    import io
    import zipfile
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("3D/3dmodel.model", "<model/>")
    assert blueprints.file_type_of(buffer.getvalue()) == "3mf"


def test_a_blueprint_is_evidence_with_its_hash_and_a_chain_of_custody(registry, evidence_dir):
    depot = custody.create_depot(code="D1", name="Evidence store", shelves=["S1"])
    case = _case("SZ-BP-1", ASCII_STL, source_url="https://files.example/fgc9", source_platform="forum",
                 source_device="USB stick")
    blueprint = BlueprintFile.objects.get(case=case)
    sha = hashlib.sha256(ASCII_STL).hexdigest()
    assert (blueprint.sha256, blueprint.file_type, blueprint.source_device) == (sha, "stl", "USB stick")
    assert (evidence_dir / sha[:2] / sha).read_bytes() == ASCII_STL  # stored outside the database
    assert blueprints.file_content(blueprint) == ASCII_STL
    entry = blueprint.item.events.order_by("seq").first()
    assert entry.kind == "seized" and entry.payload["blueprint"]["sha256"] == sha  # hash-chained
    custody.move(blueprint.item, custody.Place(depot=depot), handed_over_by="Officer A", received_by="Clerk B")
    assert CustodyMovement.objects.filter(item=blueprint.item).count() == 1
    assert not Alert.objects.filter(kind=Alert.Kind.BLUEPRINT_MATCH).exists()


def test_a_second_case_with_the_same_file_is_linked_with_an_alert(registry, make_user):
    make_user("investigator", "investigator")
    first = _case("SZ-BP-1", binary_stl(), day=date(2024, 1, 1))
    second = _case("SZ-BP-2", binary_stl(), day=date(2024, 6, 1))
    _case("SZ-BP-3", binary_stl(3))  # another file: not linked
    assert [(c.number, hashes) for c, hashes in blueprints.linked_cases(second)] == [
        ("SZ-BP-1", [hashlib.sha256(binary_stl()).hexdigest()])]
    assert [c.number for c, _ in blueprints.linked_cases(first)] == ["SZ-BP-2"]
    alert = Alert.objects.get(kind=Alert.Kind.BLUEPRINT_MATCH)
    assert alert.case == second and "SZ-BP-1" in alert.message
    inbox = visible_alerts(get_user_model().objects.get(username="investigator")).get(kind=AlertKind.BLUEPRINT_MATCH)
    assert "SZ-BP-1" in str(inbox) and str(second.pk) in inbox.url


def test_a_file_that_is_no_blueprint_is_refused_and_nothing_is_written(registry, evidence_dir):
    with pytest.raises(custody.RuleViolation) as refused:
        _case("SZ-BP-9", b"%PDF-1.4 not a model")
    assert refused.value.code == "bad_blueprint" and refused.value.field == "blueprints"
    assert not BlueprintFile.objects.exists() and not evidence_dir.exists()


def test_case_api_and_page(registry, api_client, client, user):
    response = api_client.post("/api/custody/cases/", {
        "occurred_on": "2024-05-01", "place": "Mombasa",
        "blueprints": [{"content": base64.b64encode(GCODE).decode(), "file_name": "frame.gcode"}]}, format="json")
    assert response.status_code == 201, response.json()
    (b,) = response.json()["blueprints"]
    assert b["file_type"] == "gcode" and b["sha256"] == hashlib.sha256(GCODE).hexdigest()
    bad = api_client.post("/api/custody/cases/", {"occurred_on": "2024-05-01", "place": "X",
                                                  "blueprints": [{"content": "not base64!"}]}, format="json")
    assert bad.status_code == 400
    client.force_login(user)
    page = client.get(f"/custody/cases/{response.json()['id']}/").content.decode()
    assert b["sha256"] in page and "frame.gcode" in page
