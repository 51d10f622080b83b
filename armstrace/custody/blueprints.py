"""Blueprint files (STL, 3MF, G-code) seized as digital evidence in a custody case.

A blueprint is a registry item of category blueprint: its entry event records the file's SHA-256, type and source,
and it has a chain of custody like any other item. The bytes are stored outside the database, named by their hash
(ARMSTRACE_EVIDENCE_DIR). A case that holds a file whose hash another case holds is linked to it (`linked_cases`)
with a custody Alert, and `blueprint_matched` is sent (the alerts app raises its inbox alert from it).
"""

import hashlib
import io
import zipfile
from dataclasses import dataclass
from pathlib import Path

from django.conf import settings
from django.dispatch import Signal
from django.utils.translation import gettext as _

from armstrace.core.errors import RuleViolation
from armstrace.core.filestore import path_in, store_in
from armstrace.custody.models import Alert, BlueprintFile, CaseItem, CustodyPosition, SeizureCase
from armstrace.registry import services as registry_services
from armstrace.registry.models import Item

MAX_BYTES = 200 * 1024 * 1024
# Sent once the second (third, ...) case holding the same file is recorded: sender=BlueprintFile,
# blueprint=the new BlueprintFile, cases=[the earlier SeizureCase rows holding it].
blueprint_matched = Signal()


@dataclass
class BlueprintInput:
    content: bytes
    file_name: str = ""
    source_url: str = ""
    source_platform: str = ""
    source_device: str = ""
    description: str = ""


def file_type_of(data: bytes):
    """The type of a blueprint file from its bytes (never from its name): STL, 3MF or G-code, or None."""
    if data[:2] == b"PK":
        try:
            with zipfile.ZipFile(io.BytesIO(data)) as archive:
                if any(name.lower().endswith(".model") and name.lower().startswith("3d/") for name in archive.namelist()):
                    return BlueprintFile.FileType.THREE_MF
        except zipfile.BadZipFile:
            return None
        return None
    if len(data) >= 84 and 84 + 50 * int.from_bytes(data[80:84], "little") == len(data):
        return BlueprintFile.FileType.STL  # binary STL: header, triangle count, 50 bytes per triangle
    try:
        text = data[:65536].decode("utf-8")
    except UnicodeDecodeError:
        return None
    if text.lstrip().lower().startswith("solid") and "facet" in text.lower():
        return BlueprintFile.FileType.STL
    commands = [line.split(";")[0].strip().upper() for line in text.splitlines()]
    if any(c.startswith(("G0 ", "G1 ", "G28", "G90", "G21")) for c in commands):
        return BlueprintFile.FileType.GCODE
    return None


def evidence_dir():
    return Path(getattr(settings, "ARMSTRACE_EVIDENCE_DIR", Path(settings.DATA_DIR) / "evidence"))


def path_of(sha256):
    return path_in(evidence_dir(), sha256)


def store(data: bytes) -> str:
    """Write `data` to the evidence store once (by its SHA-256); returns the hash."""
    return store_in(evidence_dir(), data)


def check_blueprint(data: BlueprintInput):
    if not data.content:
        raise RuleViolation("empty_file", _("The blueprint file is empty."), "blueprints")
    if len(data.content) > MAX_BYTES:
        raise RuleViolation("file_too_large", _("The blueprint file is larger than %(n)d MB.")
                            % {"n": MAX_BYTES // 2**20}, "blueprints")
    file_type = file_type_of(data.content)
    if file_type is None:
        raise RuleViolation("bad_blueprint", _("“%(name)s” is not an STL, 3MF or G-code file.")
                            % {"name": data.file_name or _("The file")}, "blueprints")
    return file_type


def add_blueprint(case, data: BlueprintInput, entry, occurred_at, seizure_place, actor):
    """Enter one blueprint file of `case` (in record_case's transaction): its item, its record, its place."""
    file_type = check_blueprint(data)
    sha256 = store(data.content)
    source = {"url": data.source_url, "platform": data.source_platform, "device": data.source_device}
    extra = {"case": case.number, "case_id": case.pk,
             "blueprint": {"sha256": sha256, "file_type": file_type, "file_name": data.file_name,
                           "size": len(data.content), "source": source}}
    description = data.description or f"{data.file_name or file_type} (SHA-256 {sha256[:12]})"
    item = registry_services.create_item(
        registry_services.FirearmInput(serial_number="", category=Item.Category.BLUEPRINT, description=description),
        how=entry, location=seizure_place.text, occurred_at=occurred_at, actor=actor, extra_payload=extra)
    blueprint = BlueprintFile.objects.create(
        item=item, case=case, sha256=sha256, file_type=file_type, file_name=data.file_name[:200],
        size=len(data.content), source_url=data.source_url[:500], source_platform=data.source_platform[:120],
        source_device=data.source_device[:200])
    CaseItem.objects.create(case=case, item=item, condition=CaseItem.Condition.UNKNOWN,
                            marking_status=CaseItem.MarkingStatus.NO_MARKING, notes=_("Blueprint file"))
    CustodyPosition.objects.create(item=item, label=seizure_place.label, since=occurred_at, case=case)
    _link(blueprint)
    return blueprint


def _link(blueprint):
    earlier = list(SeizureCase.objects.filter(blueprints__sha256=blueprint.sha256)
                   .exclude(pk=blueprint.case_id).distinct().order_by("occurred_on", "pk"))
    if not earlier:
        return
    Alert.objects.create(
        kind=Alert.Kind.BLUEPRINT_MATCH, case=blueprint.case,
        message=_("Case %(case)s holds blueprint file %(sha)s, also held in case(s) %(others)s.")
        % {"case": blueprint.case.number, "sha": blueprint.sha256,
           "others": ", ".join(c.number for c in earlier)})
    blueprint_matched.send(sender=BlueprintFile, blueprint=blueprint, cases=earlier)


def linked_cases(case):
    """The other cases holding a blueprint file with the same SHA-256 as one of `case`'s, with the shared hashes."""
    hashes = list(case.blueprints.values_list("sha256", flat=True))
    others = (BlueprintFile.objects.filter(sha256__in=hashes).exclude(case=case).select_related("case")
              .order_by("case__occurred_on", "case_id"))
    links = {}
    for b in others:
        links.setdefault(b.case, set()).add(b.sha256)
    return [(other, sorted(shared)) for other, shared in links.items()]


def file_content(blueprint) -> bytes:
    """The stored bytes of `blueprint`, checked against its hash."""
    data = path_of(blueprint.sha256).read_bytes()
    if hashlib.sha256(data).hexdigest() != blueprint.sha256:
        raise RuleViolation("tampered_file", _("The stored file no longer matches its SHA-256."))
    return data
