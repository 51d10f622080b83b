"""Registry commands. Each one checks the rules, appends its event and updates the item's
projection in one transaction; nothing else writes events or projections.

What the services of other apps use to record an item event, inside `transaction.atomic()`:
`item = lock_item(item, expected_seq)`, then `check_status(item, allowed, action)` and `check_time(occurred_at, item)`,
then `record(item, kind, payload, occurred_at, actor)`; rules raise `core.errors.RuleViolation`."""

from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta

from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _

from armstrace.core import projections
from armstrace.core.actor import SYSTEM
from armstrace.core.errors import Conflict, RuleViolation
from armstrace.profile import get_profile
from armstrace.registry.eventlog import append_event
from armstrace.registry.methods import check_method, method_payload
from armstrace.registry.holders import (  # noqa: F401 - the holder and licence commands
    DuplicateIdentifier, change_licence, change_party, holder_with_identifier, issue_licence, register_party,
    revoke_licence, suspend_licence,
)
from armstrace.registry.models import Event, EventKind, Item, ItemStatus, Licence, ManufactureMethod, Marking, Party
from armstrace.registry.projection import apply_event, state_of, store_state
from armstrace.registry.serials import normalize_serial, serial_problem
from armstrace.registry.status_rules import ALLOWED_STATUSES, allows, check_status  # noqa: F401 - public

K = EventKind
S = ItemStatus


@dataclass
class MarkingInput:
    kind: str
    text: str = ""
    position: str = ""
    state: str = Marking.State.INTACT


@dataclass
class FirearmInput:
    serial_number: str
    make: object = None
    model: object = None
    calibre: object = None
    firearm_type: str = ""
    country_of_manufacture: str = ""
    year_of_manufacture: int | None = None
    country_of_import: str = ""
    category: str = Item.Category.FIREARM
    part_kind: str = ""
    parent: object = None
    lot_number: str = ""
    headstamp: str = ""
    quantity: int | None = None
    description: str = ""
    custom_fields: dict = field(default_factory=dict)
    markings: list = field(default_factory=list)
    method: object = None  # registry.methods.MethodInput: how it was made, where known


# ---------------------------------------------------------------- rules


def check_time(occurred_at, item=None):
    """Refuse an event dated in the future, or (given the item) before the item's last event."""
    if occurred_at > timezone.now() + timedelta(minutes=5):
        raise RuleViolation("future_date", _("The date of the event is in the future."), "occurred_at")
    if item is not None and item.last_event_seq:
        last = Event.objects.filter(item=item).order_by("-seq").values_list("occurred_at", flat=True).first()
        if last and occurred_at < last:
            raise RuleViolation(
                "out_of_order",
                _("The event predates the item's last recorded event (%(date)s); record a correction instead.")
                % {"date": timezone.localtime(last).strftime("%Y-%m-%d %H:%M")},
                "occurred_at",
            )


def check_recipient_licence(party, day):
    """Where the profile says so, a non-State recipient needs a licence that allows acquisition, valid on `day`."""
    profile = get_profile()
    if party is None or party.is_state or not profile.transfers_require_licence:
        return
    licences = Licence.objects.filter(party=party, licence_type__in=profile.acquisition_licence_types)
    if not any(lic.status_on(day) == Licence.Status.VALID for lic in licences):
        raise RuleViolation(
            "no_valid_licence",
            _("%(party)s holds no valid licence allowing acquisition on %(day)s.") % {"party": party, "day": day},
            "holder",
        )


SERIAL_MARKING_KINDS = {Marking.Kind.SERIAL, Marking.Kind.REMARK}
MARKING_LONGEST = Marking._meta.get_field("normalized").max_length


def check_serial(text, field="serial_number", longest=Item._meta.get_field("serial_normalized").max_length):
    """Refuse a serial number holding characters that are neither letters, digits nor separators once folded, or
    longer than its column once normalised (NFKC may expand a character into several)."""
    bad = serial_problem(text)
    if bad:
        raise RuleViolation(
            "serial_characters",
            _("The serial number “%(serial)s” holds “%(chars)s”, which is neither a letter nor a digit (spaces, "
              "dashes, dots and slashes are allowed as separators).") % {"serial": text, "chars": bad}, field)
    if len(normalize_serial(text)) > longest:
        raise RuleViolation("serial_too_long", _("The serial number is longer than %(n)d characters once normalised.")
                            % {"n": longest}, field)


def _check_custom_fields(values):
    errors = get_profile().validate_custom_fields(values)
    if errors:
        raise RuleViolation("custom_fields", "; ".join(errors), "custom_fields")


def check_marking_count(count):
    """An item carries at most the profile's `limits.markings_per_item` markings."""
    most = get_profile().limits.markings_per_item
    if count > most:
        raise RuleViolation("too_many_markings", _("An item carries at most %(n)d markings.") % {"n": most}, "markings")


def lock_item(item, expected_seq=None):
    """Re-read the item under a row lock; refuse if it moved on since the caller saw `expected_seq`."""
    item = Item.objects.select_for_update().get(pk=item.pk)
    if expected_seq is not None and int(expected_seq) != item.last_event_seq:
        raise Conflict(
            "conflict",
            _("This item was changed by someone else while you were working on it. Reload it and try again."),
        )
    return item


def record(item, kind, payload, occurred_at, actor):
    """Append an event for `item` and fold it into the item's projection, and the registered projections of other
    apps (core.projections), in the caller's transaction."""
    event = append_event(kind, item=item, payload=payload, occurred_at=occurred_at, user=actor.user, agency=actor.agency)
    store_state(item, apply_event(state_of(item), kind, event.payload, event.seq))
    projections.event_recorded(item, event)
    return event


def _add_markings(item, markings, event):
    for m in markings:
        Marking.objects.create(item=item, kind=m.kind, text=m.text, position=m.position, state=m.state, event=event)


def _marking_payload(markings):
    return [{"kind": m.kind, "text": m.text, "position": m.position, "state": m.state} for m in markings]


# ---------------------------------------------------------------- commands


ENTRY_KINDS = {K.REGISTERED, K.MANUFACTURED, K.IMPORTED, K.FOUND, K.SURRENDERED, K.SEIZED}
ENTRY_KINDS_WITH_HOLDER = {K.REGISTERED, K.MANUFACTURED, K.IMPORTED}


def check_entry(data: FirearmInput, how, holder, occurred_at, custom_fields=True):
    """The rules of create_item that need no lock. The bulk import runs them per row, with `custom_fields=False`
    when it has checked the custom fields once for all rows."""
    if how not in ENTRY_KINDS:
        raise RuleViolation("bad_kind", _("An item cannot enter the registry by “%(kind)s”.") % {"kind": how})
    check_time(occurred_at)
    if custom_fields:
        _check_custom_fields(data.custom_fields)
    check_marking_count(len(data.markings))
    check_serial(data.serial_number)
    for m in data.markings:
        if m.kind in SERIAL_MARKING_KINDS:
            check_serial(m.text, "markings", MARKING_LONGEST)
    holds = how in ENTRY_KINDS_WITH_HOLDER
    if holds and holder is None:
        raise RuleViolation("holder_required", _("A holder is required."), "holder")
    if data.method is not None:
        check_method(data.method)
    if controlled(data) and not normalize_serial(data.serial_number) and holds:
        raise RuleViolation("serial_required", _("A serial number is required to register this item."), "serial_number")
    if data.model is not None and data.make is not None and data.model.make_id != data.make.pk:
        raise RuleViolation("model_make", _("The model %(model)s is not made by %(make)s.")
                            % {"model": data.model, "make": data.make}, "model")


def entry_fields(data: FirearmInput) -> dict:
    """The columns of a new item: what `data` gives, completed from its model and make."""
    return dict(
        category=data.category,
        firearm_type=data.firearm_type or (data.model.firearm_type if data.model else ""),
        part_kind=data.part_kind,
        make=data.make,
        model=data.model,
        calibre=data.calibre or (data.model.calibre if data.model else None),
        serial_number=data.serial_number.strip(),
        country_of_manufacture=data.country_of_manufacture or (data.make.country if data.make else ""),
        year_of_manufacture=data.year_of_manufacture,
        country_of_import=data.country_of_import,
        parent=data.parent,
        lot_number=data.lot_number,
        headstamp=data.headstamp,
        quantity=data.quantity,
        description=data.description,
        custom_fields=data.custom_fields or {},
    )


def entry_markings(fields: dict, markings) -> list:
    """The markings recorded with a new item: the serial number is one, given or not."""
    markings = list(markings)
    if fields["serial_number"] and not any(m.kind == Marking.Kind.SERIAL for m in markings):
        markings.insert(0, MarkingInput(Marking.Kind.SERIAL, fields["serial_number"]))
    return markings


# Columns of a new item that its first event records as they are (registry.integrity compares them).
IDENTITY_FIELDS = ("part_kind", "year_of_manufacture", "country_of_import", "lot_number", "headstamp", "quantity",
                   "description", "custom_fields")


def entry_payload(fields: dict, holder, location, markings, extra_payload=None) -> dict:
    """The payload of an item's first event."""
    return {
        "holder": holder.pk if holder else None,
        "location": location,
        "item": {
            "category": fields["category"],
            "type": fields["firearm_type"],
            "make": fields["make"].name if fields["make"] else "",
            "model": fields["model"].name if fields["model"] else "",
            "calibre": fields["calibre"].name if fields["calibre"] else "",
            "serial_number": fields["serial_number"],
            "country_of_manufacture": fields["country_of_manufacture"],
            **{name: fields[name] for name in IDENTITY_FIELDS},
            "parent": str(fields["parent"].uid) if fields["parent"] else None,
        },
        "markings": _marking_payload(markings),
        **(extra_payload or {}),
    }


def controlled(data: FirearmInput):
    """Does `data` need its own serial number and identity? Not ammunition, nor a blueprint file; where the profile's
    `control_unit` is frame_or_receiver, not a part other than a frame or receiver (a component)."""
    if data.category in (Item.Category.AMMUNITION, Item.Category.BLUEPRINT):
        return False
    if data.category == Item.Category.PART and get_profile().frame_is_firearm:
        return data.part_kind == Item.PartKind.FRAME_RECEIVER
    return True


def registered_with_serial(data: FirearmInput):
    """The item of the same category and make whose normalised serial number is that of `data`, if any. Where the
    frame or receiver is the firearm (profile `control_unit`), firearms and frames or receivers share one identity."""
    serial = normalize_serial(data.serial_number)
    if not serial or not controlled(data):
        return None
    same = Item.objects.filter(make=data.make, serial_normalized=serial)
    if get_profile().frame_is_firearm and data.category in (Item.Category.FIREARM, Item.Category.PART):
        same = same.filter(Q(category=Item.Category.FIREARM)
                           | Q(category=Item.Category.PART, part_kind=Item.PartKind.FRAME_RECEIVER))
    else:
        same = same.filter(category=data.category)
    return same.order_by("pk").first()


class RegisteredAsNew(RuleViolation):
    """An item entered as new (seized, found, surrendered) has the make and serial number of a registered one."""

    def __init__(self, item):
        super().__init__(
            "registered_serial",
            _("A %(make)s with serial number %(serial)s is registered (item #%(id)s): record it as the registered "
              "item #%(id)s, not as a new one.") % {"make": item.make, "serial": item.serial_number, "id": item.pk},
            "serial_number")
        self.item_id = item.pk


def refuse_registered_as_new(data: FirearmInput):
    """Refuse `data` as a new item when a registered item has its make and serial number (the caller then records
    that registered item instead)."""
    twin = registered_with_serial(data) if data.make is not None else None
    if twin is not None:
        raise RegisteredAsNew(twin)


def create_item(data: FirearmInput, *, how=K.REGISTERED, holder=None, location="", occurred_at=None,
                actor=SYSTEM, extra_payload=None):
    """Enter an item in the registry. `how` is its first event: registered, manufactured, imported
    (it then has a holder), or found, surrendered, seized (a never-registered item, in State custody)."""
    occurred_at = occurred_at or timezone.now()
    check_entry(data, how, holder, occurred_at)
    holds = how in ENTRY_KINDS_WITH_HOLDER
    with transaction.atomic():
        if holds:
            check_recipient_licence(holder, occurred_at.date())
            if registered_with_serial(data) is not None:
                raise RuleViolation(
                    "duplicate_serial",
                    _("An item of this make with serial number %(serial)s is already registered.")
                    % {"serial": normalize_serial(data.serial_number)}, "serial_number",
                )
        else:  # seized, found or surrendered: a registered item must be recorded as such
            refuse_registered_as_new(data)
        fields = entry_fields(data)
        item = Item(**fields, status=S.ACTIVE)
        item.save()
        markings = entry_markings(fields, data.markings)
        if data.method is not None:
            extra_payload = {**(extra_payload or {}), "method": method_payload(data.method)}
        payload = entry_payload(fields, holder, location, markings, extra_payload)
        event = record(item, how, payload, occurred_at, actor)
        _add_markings(item, markings, event)
    return item


def transfer(item, to_party, *, occurred_at=None, actor=SYSTEM, location=None, reference="", expected_seq=None):
    occurred_at = occurred_at or timezone.now()
    with transaction.atomic():
        item = lock_item(item, expected_seq)
        check_status(item, ALLOWED_STATUSES["transfer"], _("transfer"))
        check_time(occurred_at, item)
        if to_party.pk == item.current_holder_id:
            raise RuleViolation("same_holder", _("The recipient already holds this item."), "to_party")
        check_recipient_licence(to_party, occurred_at.date())
        payload = {"holder": to_party.pk, "from_holder": item.current_holder_id, "reference": reference}
        if location is not None:
            payload["location"] = location
        event = record(item, K.TRANSFERRED, payload, occurred_at, actor)
    return event


def report_missing(item, kind, *, occurred_at=None, actor=SYSTEM, location="", circumstances="", police_reference="",
                   expected_seq=None):
    """Report a loss or a theft by the holder."""
    if kind not in (K.LOSS_REPORTED, K.THEFT_REPORTED):
        raise RuleViolation("bad_kind", _("Report either a loss or a theft."))
    occurred_at = occurred_at or timezone.now()
    with transaction.atomic():
        item = lock_item(item, expected_seq)
        check_status(item, ALLOWED_STATUSES["report_missing"], _("report missing"))
        check_time(occurred_at, item)
        payload = {"last_known_location": location, "circumstances": circumstances, "police_reference": police_reference}
        return record(item, kind, payload, occurred_at, actor)


def take_into_custody(item, kind, *, occurred_at=None, actor=SYSTEM, location="", case_reference="",
                      circumstances="", extra_payload=None, expected_seq=None):
    """A registered item is seized, found or surrendered; it leaves its holder for State custody."""
    if kind not in (K.SEIZED, K.FOUND, K.SURRENDERED):
        raise RuleViolation("bad_kind", _("Custody starts with a seizure, a find or a surrender."))
    return _into_custody(item, kind, kind, EventKind(kind).label.lower(), occurred_at=occurred_at, actor=actor,
                         location=location, case_reference=case_reference, circumstances=circumstances,
                         extra_payload=extra_payload, expected_seq=expected_seq)


def recover(item, *, occurred_at=None, actor=SYSTEM, location="", circumstances="", police_reference="",
            case_reference="", expected_seq=None):
    """An item reported lost or stolen is found again ("recovered"): a `found` event marked `recovered`, from a
    lost or stolen status only; the item is then in State custody (returned to its owner through custody)."""
    return _into_custody(item, K.FOUND, "recover", _("recover"), occurred_at=occurred_at, actor=actor,
                         location=location, case_reference=case_reference, circumstances=circumstances,
                         extra_payload={"recovered": True, "police_reference": police_reference},
                         expected_seq=expected_seq)


def _into_custody(item, kind, rule, action, *, occurred_at, actor, location, case_reference, circumstances,
                  extra_payload, expected_seq):
    occurred_at = occurred_at or timezone.now()
    with transaction.atomic():
        item = lock_item(item, expected_seq)
        check_status(item, ALLOWED_STATUSES[rule], action)
        check_time(occurred_at, item)
        payload = {
            "location": location,
            "previous_holder": item.current_holder_id,
            "previous_status": item.status,
            "case_reference": case_reference,
            "circumstances": circumstances,
            **(extra_payload or {}),
        }
        return record(item, kind, payload, occurred_at, actor)


def export_item(item, *, destination_country, occurred_at=None, actor=SYSTEM, authorization="", expected_seq=None):
    occurred_at = occurred_at or timezone.now()
    with transaction.atomic():
        item = lock_item(item, expected_seq)
        check_status(item, ALLOWED_STATUSES["export"], _("export"))
        check_time(occurred_at, item)
        payload = {"destination_country": destination_country, "from_holder": item.current_holder_id,
                   "authorization": authorization, "location": destination_country}
        return record(item, K.EXPORTED, payload, occurred_at, actor)


def reimport_item(item, *, holder, origin_country, occurred_at=None, actor=SYSTEM, authorization="", location="",
                  expected_seq=None):
    occurred_at = occurred_at or timezone.now()
    with transaction.atomic():
        item = lock_item(item, expected_seq)
        check_status(item, ALLOWED_STATUSES["reimport"], _("re-import"))
        check_time(occurred_at, item)
        check_recipient_licence(holder, occurred_at.date())
        country = get_profile().country
        Item.objects.filter(pk=item.pk).update(country_of_import=country)
        payload = {"holder": holder.pk, "origin_country": origin_country, "authorization": authorization,
                   "location": location, "country_of_import": country}
        return record(item, K.IMPORTED, payload, occurred_at, actor)


def deactivate(item, *, standard, certificate_number, occurred_at=None, actor=SYSTEM, expected_seq=None):
    occurred_at = occurred_at or timezone.now()
    with transaction.atomic():
        item = lock_item(item, expected_seq)
        check_status(item, ALLOWED_STATUSES["deactivate"], _("deactivate"))
        check_time(occurred_at, item)
        if not certificate_number:
            raise RuleViolation("certificate_required", _("A deactivation certificate number is required."),
                                "certificate_number")
        payload = {"standard": standard, "certificate_number": certificate_number}
        return record(item, K.DEACTIVATED, payload, occurred_at, actor)


def destroy(item, *, method, witnesses=(), occurred_at=None, actor=SYSTEM, location="", expected_seq=None):
    occurred_at = occurred_at or timezone.now()
    with transaction.atomic():
        item = lock_item(item, expected_seq)
        check_status(item, ALLOWED_STATUSES["destroy"], _("destroy"))
        check_time(occurred_at, item)
        if not method:
            raise RuleViolation("method_required", _("The method of destruction is required."), "method")
        payload = {"method": method, "witnesses": list(witnesses), "location": location}
        return record(item, K.DESTROYED, payload, occurred_at, actor)


def add_marking(item, marking: MarkingInput, *, occurred_at=None, actor=SYSTEM, note="", expected_seq=None):
    occurred_at = occurred_at or timezone.now()
    with transaction.atomic():
        item = lock_item(item, expected_seq)
        check_status(item, ALLOWED_STATUSES["mark"], _("mark"))
        check_time(occurred_at, item)
        if marking.kind not in Marking.Kind.values or marking.state not in Marking.State.values:
            raise RuleViolation("bad_marking", _("Unknown marking kind or state."), "kind")
        check_marking_count(item.markings.count() + 1)
        if marking.kind in SERIAL_MARKING_KINDS:
            check_serial(marking.text, "text", MARKING_LONGEST)
        event = record(item, K.MARKING_ADDED, {"marking": _marking_payload([marking])[0], "note": note},
                       occurred_at, actor)
        _add_markings(item, [marking], event)
    return event


CORRECTABLE = {"status", "holder", "location", "method"}


def correct(item, *, fields, reason, corrects_seq=None, actor=SYSTEM, expected_seq=None):
    """Correct a mistake by a new event. `fields` may set status, holder (party id or None) and location."""
    unknown = set(fields) - CORRECTABLE
    if unknown:
        raise RuleViolation("bad_correction", _("These fields cannot be corrected: %(f)s") % {"f": ", ".join(unknown)})
    if not reason:
        raise RuleViolation("reason_required", _("A correction must give its reason."), "reason")
    if "status" in fields and fields["status"] not in S.values:
        raise RuleViolation("bad_correction", _("Unknown status."), "status")
    holder = fields.get("holder")
    if holder is not None and (type(holder) is not int or not Party.objects.filter(pk=holder).exists()):
        raise RuleViolation("bad_correction", _("Unknown holder."), "holder")
    if "method" in fields and (not isinstance(fields["method"], dict)
                               or fields["method"].get("method") not in ManufactureMethod.values):
        raise RuleViolation("bad_correction", _("Unknown manufacture method."), "method")
    with transaction.atomic():
        item = lock_item(item, expected_seq)
        if corrects_seq is not None and not Event.objects.filter(item=item, seq=corrects_seq).exists():
            raise RuleViolation("bad_correction", _("Event #%(seq)s is not an event of this item.") % {"seq": corrects_seq})
        payload = {"fields": fields, "reason": reason, "corrects_seq": corrects_seq}
        return record(item, K.CORRECTION, payload, timezone.now(), actor)


def as_datetime(day_or_datetime):
    """Forms give dates; events need instants: now for today, else noon UTC of that day."""
    if day_or_datetime is None or isinstance(day_or_datetime, datetime):
        return day_or_datetime
    if day_or_datetime == timezone.now().date():
        return timezone.now()
    return datetime(day_or_datetime.year, day_or_datetime.month, day_or_datetime.day, 12, tzinfo=UTC)
