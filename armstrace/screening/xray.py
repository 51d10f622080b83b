"""X-ray images of consignments (files outside the database, type and size checked), the boxes officers label on
them, the detection plug-in's suggestions, and the labels exported as COCO JSON."""

import math
import struct

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from armstrace.core.errors import RuleViolation
from armstrace.screening import models as m

CONTENT_TYPES = ("image/png", "image/jpeg")
DEFAULT_MAX_BYTES = 20 * 1024 * 1024


def max_bytes():
    return getattr(settings, "SCREENING_XRAY_MAX_BYTES", DEFAULT_MAX_BYTES)


def _jpeg_size(data):
    i = 2
    while i + 9 < len(data):
        if data[i] != 0xFF:
            return None
        marker = data[i + 1]
        length = struct.unpack(">H", data[i + 2:i + 4])[0]
        if 0xC0 <= marker <= 0xCF and marker not in (0xC4, 0xC8, 0xCC):
            height, width = struct.unpack(">HH", data[i + 5:i + 9])
            return width, height
        i += 2 + length
    return None


def sniff(data):
    """(content type, width, height) read from the file's own bytes (PNG or JPEG), or None."""
    if data[:8] == b"\x89PNG\r\n\x1a\n" and data[12:16] == b"IHDR":
        width, height = struct.unpack(">II", data[16:24])
        return "image/png", width, height
    if data[:3] == b"\xff\xd8\xff":
        size = _jpeg_size(data)
        return ("image/jpeg", *size) if size else None
    return None


def add_image(consignment, upload, user=None):
    """Store an uploaded X-ray image of `consignment`: a PNG or JPEG (declared and actual) of at most max_bytes()."""
    if upload.size > max_bytes():
        raise RuleViolation("too_large", f"the image is {upload.size:,} bytes; at most {max_bytes():,} are accepted",
                            field="image")
    declared = (upload.content_type or "").split(";")[0].strip().lower()
    if declared not in CONTENT_TYPES:
        raise RuleViolation("bad_content_type", f"{declared or 'no content type'}: only PNG and JPEG images",
                            field="image")
    head = upload.read(64 * 1024)
    upload.seek(0)
    found = sniff(head)
    if found is None or found[0] != declared:
        raise RuleViolation("bad_image", f"the file is not a {declared} image", field="image")
    _, width, height = found
    if not width or not height:
        raise RuleViolation("bad_image", "the image has no size", field="image")
    with transaction.atomic():
        image = m.XrayImage(consignment=consignment, name=upload.name[:200], content_type=declared,
                            size=upload.size, width=width, height=height,
                            uploaded_by=user if user is not None and user.is_authenticated else None)
        image.file.save(f"{consignment.pk}-{timezone.now():%Y%m%d%H%M%S%f}.{declared.split('/')[1]}", upload,
                        save=False)
        image.save()
    return image


def _check_box(image, x, y, width, height):
    if not all(math.isfinite(v) for v in (x, y, width, height)):
        raise RuleViolation("bad_box", "a box is given by finite numbers", field="x")
    if width <= 0 or height <= 0:
        raise RuleViolation("bad_box", "a box needs a width and a height above 0", field="width")
    if x < 0 or y < 0 or x + width > image.width + 0.5 or y + height > image.height + 0.5:
        raise RuleViolation("bad_box", f"the box leaves the image ({image.width}×{image.height} pixels)", field="x")


def add_label(image, label, x, y, width, height, user=None, *, source="officer", score=None):
    if label not in m.XRAY_LABELS:
        raise RuleViolation("bad_label", f"{label!r}: one of {', '.join(m.XRAY_LABELS)}", field="label")
    _check_box(image, x, y, width, height)
    return m.XrayLabel.objects.create(image=image, label=label, x=x, y=y, width=width, height=height, source=source,
                                      score=score, confirmed=source == "officer",
                                      created_by=user if user is not None and user.is_authenticated else None)


def confirm_label(label, user=None):
    """An officer confirms a suggested box: it joins the training labels."""
    label.confirmed = True
    label.save(update_fields=["confirmed"])
    return label


def suggest(image, rules, user=None):
    """Boxes of the profile's detection model on `image`, stored as unconfirmed suggestions."""
    from armstrace.screening.detection import detector_for

    detector = detector_for(rules)
    with image.file.open("rb") as stream:
        boxes = detector.detect(stream.read(), image.width, image.height)
    return [add_label(image, b.label, b.x, b.y, b.width, b.height, user, source="model", score=b.score)
            for b in boxes]


def coco(images):
    """The confirmed labels of `images` as a COCO object-detection data set (bbox in pixels: x, y, width, height)."""
    categories = [{"id": i, "name": name, "supercategory": "firearm"} for i, name in enumerate(m.XRAY_LABELS, 1)]
    ids = {c["name"]: c["id"] for c in categories}
    out_images, annotations = [], []
    for image in images:
        out_images.append({"id": image.pk, "file_name": image.file.name, "width": image.width, "height": image.height,
                           "date_captured": image.uploaded_at.isoformat()})
        for label in image.labels.all():
            if label.confirmed:
                annotations.append({"id": label.pk, "image_id": image.pk, "category_id": ids[label.label],
                                    "bbox": [label.x, label.y, label.width, label.height],
                                    "area": label.width * label.height, "iscrowd": 0})
    return {"info": {"description": "ArmsTrace X-ray labels", "date_created": timezone.now().isoformat()},
            "licenses": [], "images": out_images, "annotations": annotations, "categories": categories}
