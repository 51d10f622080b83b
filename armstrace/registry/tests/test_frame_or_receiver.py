"""Where the country profile says `control_unit: frame_or_receiver`, the frame or receiver's serial is the
firearm's identity: a firearm and a frame with the same make and serial are one, and the other parts are
components (no serial required, no duplicate rule)."""

import dataclasses

import pytest

from armstrace.conftest import at
from armstrace.profile import get_profile, load_profile
from armstrace.registry import services
from armstrace.registry.models import Item, Make


@pytest.fixture
def frame_control(monkeypatch):
    profile = dataclasses.replace(get_profile(), control_unit="frame_or_receiver")
    monkeypatch.setattr(services, "get_profile", lambda: profile)
    return profile


def _frame(serial, registry, **kw):
    return services.FirearmInput(serial_number=serial, make=Make.objects.get(name="Glock"),
                                 category=Item.Category.PART, part_kind=Item.PartKind.FRAME_RECEIVER, **kw)


def test_a_frame_with_a_firearms_serial_is_a_duplicate(registry, glock, frame_control):
    with pytest.raises(services.RuleViolation) as refused:
        services.create_item(_frame("ABC-123", registry), holder=registry.dealer, occurred_at=at(2016, 1, 1))
    assert refused.value.code == "duplicate_serial" and refused.value.field == "serial_number"


def test_a_firearm_with_a_frames_serial_is_a_duplicate_and_a_seized_one_is_the_registered_frame(
        registry, frame_control):
    frame = services.create_item(_frame("FR-1", registry), holder=registry.dealer, occurred_at=at(2016, 1, 1))
    pistol = services.FirearmInput(serial_number="FR-1", make=Make.objects.get(name="Glock"), firearm_type="pistol")
    with pytest.raises(services.RuleViolation) as refused:
        services.create_item(pistol, holder=registry.alice, occurred_at=at(2017, 1, 1))
    assert refused.value.code == "duplicate_serial"
    with pytest.raises(services.RegisteredAsNew) as as_new:
        services.create_item(pistol, how="seized", occurred_at=at(2017, 1, 1))
    assert as_new.value.item_id == frame.pk


def test_other_parts_are_components(registry, glock, frame_control):
    barrel = services.FirearmInput(serial_number="", make=Make.objects.get(name="Glock"),
                                   category=Item.Category.PART, part_kind=Item.PartKind.BARREL, parent=glock)
    assert services.create_item(barrel, holder=registry.dealer, occurred_at=at(2016, 1, 1)).pk
    with pytest.raises(services.RuleViolation) as refused:  # a frame needs its serial: it is the firearm
        services.create_item(_frame("", registry), holder=registry.dealer, occurred_at=at(2016, 1, 1))
    assert refused.value.code == "serial_required"


def test_by_default_a_frame_and_a_firearm_are_distinct(registry, glock):
    assert get_profile().control_unit == "firearm"
    frame = services.create_item(_frame("ABC-123", registry), holder=registry.dealer, occurred_at=at(2016, 1, 1))
    assert frame.pk != glock.pk
    with pytest.raises(services.RuleViolation) as refused:
        services.create_item(services.FirearmInput(serial_number="", make=Make.objects.get(name="Glock"),
                                                   category=Item.Category.PART, part_kind=Item.PartKind.BARREL),
                             holder=registry.dealer, occurred_at=at(2016, 1, 1))
    assert refused.value.code == "serial_required"


def test_the_profile_key_is_validated(tmp_path):
    text = (get_profile().source and open(get_profile().source).read()).replace(
        "control_unit: firearm", "control_unit: slide")
    (tmp_path / "p.yaml").write_text(text)
    with pytest.raises(Exception, match="control_unit"):
        load_profile(tmp_path / "p.yaml")
