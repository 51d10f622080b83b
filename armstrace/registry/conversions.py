"""Conversion and reactivation, events that change how an item was made (registry.methods) and its type and
status rules, and the correction of its method. Other apps call them as
`from armstrace.registry import conversions`.

- `converted`: an alarm, signal or gas weapon becomes a firearm of the given type; any item may be converted
  (semi- to full-automatic), except a destroyed one.
- `reactivated`: only an item that was deactivated (or whose source item was).
Either may link a source item: the registered alarm pistol, or the deactivated firearm; tracing then follows it. An
item outside State custody becomes "active, illicit"; one in custody stays there.
"""

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from armstrace.core.actor import SYSTEM
from armstrace.core.errors import RuleViolation
from armstrace.registry.methods import M, MethodInput, check_method, method_payload
from armstrace.registry.models import Event, EventKind, FirearmType, Item, ItemStatus
from armstrace.registry.services import check_status, check_time, correct, lock_item, record

K = EventKind
S = ItemStatus
IN_CUSTODY = {S.SEIZED, S.FOUND, S.SURRENDERED}
NOT_DESTROYED = set(S.values) - {S.DESTROYED}


def _check_source(item, source):
    if source is None:
        return
    seen, current = {item.pk}, source
    while current is not None:
        if current.pk in seen:
            raise RuleViolation("bad_source", _("An item cannot be its own source."), "source")
        seen.add(current.pk)
        current = Item.objects.filter(pk=current.source_item_id).first() if current.source_item_id else None


def _status_after(item):
    return item.status if item.status in IN_CUSTODY else S.ILLICIT


def convert(item, method: MethodInput, *, firearm_type="", occurred_at=None, note="", actor=SYSTEM,
            expected_seq=None):
    """Record that `item` was converted (method.converted_from says from what); an alarm, signal or gas weapon
    becomes a firearm of `firearm_type`."""
    occurred_at = occurred_at or timezone.now()
    method.method = M.CONVERTED
    check_method(method)
    if firearm_type and firearm_type not in FirearmType.values:
        raise RuleViolation("bad_type", _("Unknown firearm type."), "firearm_type")
    with transaction.atomic():
        item = lock_item(item, expected_seq)
        check_status(item, NOT_DESTROYED, _("convert"))
        check_time(occurred_at, item)
        _check_source(item, method.source)
        payload = {"method": method_payload(method), "status": _status_after(item), "note": note}
        if item.category in (Item.Category.ALARM_SIGNAL, Item.Category.FIREARM):
            new_type = firearm_type or item.firearm_type
            if not new_type:
                raise RuleViolation("type_required", _("Give the type of firearm it became."), "firearm_type")
            payload["item"] = {"category": Item.Category.FIREARM, "type": new_type}
            Item.objects.filter(pk=item.pk).update(category=Item.Category.FIREARM, firearm_type=new_type)
            item.category, item.firearm_type = Item.Category.FIREARM, new_type
        return record(item, K.CONVERTED, payload, occurred_at, actor)


def reactivate(item, method: MethodInput | None = None, *, occurred_at=None, note="", actor=SYSTEM,
               expected_seq=None):
    """Record that a deactivated item (or an item made from a deactivated source) was made to fire again."""
    occurred_at = occurred_at or timezone.now()
    method = method or MethodInput()
    method.method = M.REACTIVATED
    check_method(method)
    with transaction.atomic():
        item = lock_item(item, expected_seq)
        check_status(item, NOT_DESTROYED, _("reactivate"))
        check_time(occurred_at, item)
        _check_source(item, method.source)
        sources = [item.pk] + ([method.source.pk] if method.source is not None else [])
        if not Event.objects.filter(item_id__in=sources, kind=K.DEACTIVATED).exists():
            raise RuleViolation("never_deactivated",
                                _("This item was never deactivated, so it cannot have been reactivated; record a "
                                  "conversion or a correction of its method instead."))
        payload = {"method": method_payload(method), "status": _status_after(item), "note": note}
        return record(item, K.REACTIVATED, payload, occurred_at, actor)


def correct_method(item, method: MethodInput, *, reason, actor=SYSTEM, expected_seq=None):
    """Correct how an item was made by a `correction` event (e.g. a laboratory report, an accepted open-source
    record that says the item was 3D-printed)."""
    check_method(method)
    return correct(item, fields={"method": method_payload(method)}, reason=reason, actor=actor,
                   expected_seq=expected_seq)


def record_open_source_method(item, method, *, reference, actor=SYSTEM, expected_seq=None, **details):
    """The public entry point for an accepted open-source record (osint) saying how `item` was made, e.g.
    `record_open_source_method(item, "3d_printed", reference="OSINT-12")`: a correction of its method."""
    return correct_method(item, MethodInput(method, **details),
                          reason=_("Accepted open-source record %(ref)s") % {"ref": reference}, actor=actor,
                          expected_seq=expected_seq)
