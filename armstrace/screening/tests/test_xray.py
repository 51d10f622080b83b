"""X-ray images: uploaded as files outside the database (type and size checked), boxes labelled through the API,
images joined to the next inspection, confirmed labels exported as COCO JSON."""

import json

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from armstrace.core.errors import RuleViolation
from armstrace.screening import services, xray
from armstrace.screening.models import XrayImage
from armstrace.screening.tests.images import png
from armstrace.screening.tests.test_queue_views import stored

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def data_dir(settings, tmp_path):
    settings.DATA_DIR = tmp_path
    return tmp_path


def upload(content, name="scan.png", content_type="image/png"):
    return SimpleUploadedFile(name, content, content_type=content_type)


def test_an_officer_uploads_an_image_and_labels_a_box(client, make_user, data_dir):
    client.force_login(make_user("officer", "customs", agency_kind="customs"))
    parcel = stored("X1", "Bicycle parts", "871499")
    response = client.post(f"/screening/consignments/{parcel.pk}/xray/", {"image": upload(png(64, 48))})
    image = XrayImage.objects.get()
    assert response["Location"] == f"/screening/xray/{image.pk}/"
    assert (image.width, image.height, image.content_type) == (64, 48, "image/png")
    assert (data_dir / "screening-xray" / image.file.name).read_bytes() == png(64, 48)  # a file, not a column
    page = client.get(f"/screening/xray/{image.pk}/").content.decode()
    assert "screening/xray.js" in page and "<script>" not in page and 'data-image="%d"' % image.pk in page
    assert client.get(f"/screening/xray/{image.pk}/file/")["Content-Type"] == "image/png"
    saved = client.post("/api/screening/xray-labels/", {"image": image.pk, "label": "slide", "x": 4, "y": 5,
                                                        "width": 30, "height": 20}, content_type="application/json")
    assert saved.status_code == 201 and saved.json()["confirmed"] is True
    outside = client.post("/api/screening/xray-labels/", {"image": image.pk, "label": "slide", "x": 50, "y": 5,
                                                          "width": 30, "height": 20}, content_type="application/json")
    assert outside.status_code == 400 and "leaves the image" in outside.content.decode()
    unknown = client.post("/api/screening/xray-labels/", {"image": image.pk, "label": "pizza", "x": 1, "y": 1,
                                                          "width": 2, "height": 2}, content_type="application/json")
    assert unknown.status_code == 400 and image.labels.count() == 1
    inspection = services.record_inspection(parcel, "nothing")
    image.refresh_from_db()
    assert image.inspection == inspection


@pytest.mark.parametrize("content, content_type, message", [
    (b"GIF89a" + b"\x00" * 40, "image/gif", "only PNG and JPEG"),
    (b"not an image at all", "image/png", "is not a image/png image"),
    (png(4, 4), "image/jpeg", "is not a image/jpeg image"),
])
def test_bad_images_are_refused(content, content_type, message):
    parcel = stored("X2", "Toys", "950300")
    with pytest.raises(RuleViolation) as refused:
        xray.add_image(parcel, upload(content, content_type=content_type))
    assert message in refused.value.message and refused.value.field == "image"
    assert not XrayImage.objects.exists()


def test_an_image_over_the_size_limit_is_refused(settings, client, make_user):
    settings.SCREENING_XRAY_MAX_BYTES = 100
    client.force_login(make_user("officer2", "customs", agency_kind="customs"))
    parcel = stored("X3", "Toys", "950300")
    response = client.post(f"/screening/consignments/{parcel.pk}/xray/", {"image": upload(png(64, 64))}, follow=True)
    assert "at most 100 are accepted" in response.content.decode() and not XrayImage.objects.exists()


def test_coco_export_of_the_confirmed_labels(client, make_user):
    client.force_login(make_user("officer3", "customs", agency_kind="customs"))
    parcel = stored("X4", "Bicycle parts", "871499")
    image = xray.add_image(parcel, upload(png(100, 80)))
    xray.add_label(image, "barrel", 10, 20, 50, 8)
    xray.add_label(image, "magazine", 60, 30, 10, 25)
    suggestion = xray.add_label(image, "firearm", 0, 0, 5, 5, source="model", score=0.7)
    data = json.loads(client.get("/screening/xray/coco.json").content)
    names = {c["id"]: c["name"] for c in data["categories"]}
    assert set(names.values()) == {"firearm", "frame_receiver", "barrel", "slide", "magazine", "ammunition", "other"}
    assert data["images"] == [{"id": image.pk, "file_name": image.file.name, "width": 100, "height": 80,
                               "date_captured": image.uploaded_at.isoformat()}]
    assert [(names[a["category_id"]], a["bbox"], a["area"]) for a in data["annotations"]] == [
        ("barrel", [10, 20, 50, 8], 400), ("magazine", [60, 30, 10, 25], 250)]  # the suggestion is not confirmed
    confirm = client.post(f"/api/screening/xray-labels/{suggestion.pk}/confirm/")
    assert confirm.status_code == 200 and confirm.json()["confirmed"] is True
    data = json.loads(client.get("/screening/xray/coco.json").content)
    assert len(data["annotations"]) == 3 and all(a["image_id"] == image.pk for a in data["annotations"])
