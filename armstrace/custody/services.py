"""Custody commands: record a case, move evidence along the chain of custody, count a depot, dispose.

Every change of an item goes through registry.services (events, projection) inside one transaction.
Rules raise registry.services.RuleViolation with a stable code.

Continuity: an item in custody has exactly one CustodyPosition (one row per item, so it cannot be in
two places); a movement must start where that position says the item is.
"""

from dataclasses import dataclass, field
from datetime import date

import pycountry
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from armstrace.core.actor import SYSTEM
from armstrace.core.errors import RuleViolation
from armstrace.custody import blueprints
from armstrace.custody.blueprints import BlueprintInput  # noqa: F401 - part of this module's API
from armstrace.custody.models import (
    CaseAmmunition, CaseItem, CaseKind, CasePerson, CustodyMovement, CustodyPosition, Depot, DepotLocation,
    Disposal, Facility, LegalJustification, LocationType, SeizureCase, SuspectedOffence,
)
from armstrace.custody.stocktakes import Count, parse_counts, record_stocktake, resolve_reference, user_of  # noqa: F401
from armstrace.registry import conversions
from armstrace.registry import services as registry_services
from armstrace.registry.methods import M, MethodInput, iafq_condition
from armstrace.registry.models import EventKind, Item, ItemStatus

K = EventKind
S = ItemStatus

ENTRY_EVENT = {CaseKind.SEIZURE: K.SEIZED, CaseKind.FOUND: K.FOUND, CaseKind.SURRENDER: K.SURRENDERED}
IN_CUSTODY = {S.SEIZED, S.FOUND, S.SURRENDERED, S.DEACTIVATED}


# ---------------------------------------------------------------- places


@dataclass(frozen=True)
class Place:
    """A custody place: a depot (optionally a shelf in it), a facility (laboratory, court), or a named place."""

    depot: Depot | None = None
    shelf: DepotLocation | None = None
    facility: Facility | None = None
    label: str = ""

    @classmethod
    def of(cls, position):
        return cls(position.depot, position.shelf, position.facility, position.label)

    @classmethod
    def of_movement_to(cls, movement):
        return cls(movement.to_depot, movement.to_shelf, movement.to_facility, movement.to_label)

    @property
    def text(self):
        if self.depot is not None:
            base = f"{self.depot.code} {self.depot.name}"
            return f"{base} / {self.shelf.code}" if self.shelf is not None else base
        if self.facility is not None:
            return str(self.facility)
        return self.label

    def key(self, with_shelf=True):
        return (
            self.depot.pk if self.depot else None,
            self.shelf.pk if (self.shelf and with_shelf) else None,
            self.facility.pk if self.facility else None,
            "" if (self.depot or self.facility) else self.label.strip().casefold(),
        )

    def check(self, field="to"):
        set_ = [x for x in (self.depot, self.facility) if x is not None]
        if len(set_) > 1 or (not set_ and not self.label.strip()):
            raise RuleViolation("bad_place", _("A place is one depot, one facility, or a named place."), field)
        if self.shelf is not None and (self.depot is None or self.shelf.depot_id != self.depot.pk):
            raise RuleViolation("bad_shelf", _("The shelf %(shelf)s is not in that depot.") % {"shelf": self.shelf},
                                field)

    def fields(self, prefix):
        return {f"{prefix}_depot": self.depot, f"{prefix}_shelf": self.shelf, f"{prefix}_facility": self.facility,
                f"{prefix}_label": "" if (self.depot or self.facility) else self.label}

    def payload(self):
        return {"depot": self.depot.code if self.depot else None, "shelf": self.shelf.code if self.shelf else None,
                "facility": self.facility.name if self.facility else None, "label": self.label, "text": self.text}


def is_at(position, place):
    """Does `place` designate where the item is? A depot without a shelf matches any shelf of that depot."""
    here = Place.of(position)
    return here.key(with_shelf=place.shelf is not None) == place.key()


# ---------------------------------------------------------------- cases


@dataclass
class CaseItemInput:
    """One firearm or part of a case: either a registered `item`, or a `new` item never registered."""

    item: Item | None = None
    new: registry_services.FirearmInput | None = None
    # How the item was made (registry.methods.MethodInput); `condition`, an IAFQ condition, stands for a method
    # where no method is given (registry.methods.METHOD_OF_CONDITION). The line's condition is the item's.
    method: MethodInput | None = None
    condition: str = ""
    marking_status: str = CaseItem.MarkingStatus.UNIQUELY_MARKED
    notes: str = ""
    expected_seq: int | None = None  # the registered item's last_event_seq as the caller read it


@dataclass
class AmmunitionInput:
    quantity: int
    calibre: object = None
    description: str = ""


@dataclass
class PersonInput:
    name: str = ""
    party: object = None
    role: str = CasePerson.Role.SUSPECT
    nationality: str = ""
    sex: str = CasePerson.Sex.UNKNOWN
    age: int | None = None
    arrested: bool = False
    prosecuted: bool = False
    convicted: bool = False


@dataclass
class CaseInput:
    occurred_on: date
    kind: str = CaseKind.SEIZURE
    number: str = ""
    agency: object = None
    admin_area: str = ""
    place: str = ""
    location_type: str = LocationType.NATIONAL_TERRITORY
    legal_justification: str = LegalJustification.ILLICIT_POSSESSION
    suspected_offences: list = field(default_factory=list)
    route_departure: str = ""
    route_transit: list = field(default_factory=list)
    route_destination: str = ""
    notes: str = ""
    items: list = field(default_factory=list)
    ammunition: list = field(default_factory=list)
    persons: list = field(default_factory=list)
    # Where the items are taken to: a depot (and shelf), received by someone.
    depot: Depot | None = None
    shelf: DepotLocation | None = None
    handed_over_by: str = ""
    received_by: str = ""
    blueprints: list = field(default_factory=list)  # custody.blueprints.BlueprintInput: files seized as evidence


def _country(code, field_name):
    code = (code or "").strip().upper()
    if code and pycountry.countries.get(alpha_3=code) is None:
        raise RuleViolation("bad_country", _("“%(code)s” is not an ISO 3166-1 alpha-3 country code.") % {"code": code},
                            field_name)
    return code


def case_person_watch_entries():
    """(kind, value, source) of the persons in custody cases, for watch lists elsewhere (e.g. parcel screening):
    each person's name and, for a registered holder, the holder's address."""
    persons = CasePerson.objects.select_related("case", "party").order_by("pk")
    for person in persons.iterator(chunk_size=2000):
        source = _("custody case %(number)s") % {"number": person.case.number}
        name = person.name or (person.party.name if person.party else "")
        if name:
            yield "name", name, source
        if person.party is not None and person.party.address:
            yield "address", person.party.address, source


def next_case_number(kind, day):
    prefix = {CaseKind.SEIZURE: "SZ", CaseKind.FOUND: "FD", CaseKind.SURRENDER: "SR"}[kind]
    stem = f"{prefix}-{day.year}-"
    n = SeizureCase.objects.filter(number__startswith=stem).count() + 1
    while SeizureCase.objects.filter(number=f"{stem}{n:05d}").exists():
        n += 1
    return f"{stem}{n:05d}"


def _check_case(data: CaseInput):
    if data.kind not in CaseKind.values:
        raise RuleViolation("bad_kind", _("A case is a seizure, a find or a surrender."), "kind")
    if data.occurred_on > timezone.localdate():
        raise RuleViolation("future_date", _("The date of the case is in the future."), "occurred_on")
    if data.location_type not in LocationType.values:
        raise RuleViolation("bad_location_type", _("Unknown location type."), "location_type")
    if data.legal_justification not in LegalJustification.values:
        raise RuleViolation("bad_justification", _("Unknown legal justification."), "legal_justification")
    unknown = [c for c in data.suspected_offences if c not in SuspectedOffence.values]
    if unknown:
        raise RuleViolation("bad_offence", _("Unknown suspected offences: %(codes)s") % {"codes": ", ".join(unknown)},
                            "suspected_offences")
    if not data.items and not data.ammunition and not data.blueprints:
        raise RuleViolation("empty_case", _("A case must cover at least one item or some ammunition."), "items")
    for a in data.ammunition:
        if not a.quantity or a.quantity < 1:
            raise RuleViolation("bad_quantity", _("An ammunition quantity must be at least 1."), "ammunition")
    seen = set()
    for line in data.items:
        if (line.item is None) == (line.new is None):
            raise RuleViolation("bad_case_item", _("Each case item is either a registered item or a new one."), "items")
        if (line.condition and line.condition not in CaseItem.Condition.values) or line.marking_status not in CaseItem.MarkingStatus.values:
            raise RuleViolation("bad_case_item", _("Unknown condition or marking status."), "items")
        if line.item is not None:
            if line.item.pk in seen:
                raise RuleViolation("duplicate_item", _("%(item)s is listed twice in this case.") % {"item": line.item},
                                    "items")
            seen.add(line.item.pk)
        elif line.new.category == Item.Category.AMMUNITION:
            raise RuleViolation("bad_case_item", _("Record ammunition as quantities, not as items."), "items")
    if (data.handed_over_by or data.received_by or data.shelf) and data.depot is None:
        raise RuleViolation("depot_required", _("Name the depot the items are taken to."), "depot")
    if data.depot is not None and not data.received_by.strip():
        raise RuleViolation("receiver_required", _("Say who received the items at the depot."), "received_by")


def record_case(data: CaseInput, actor=SYSTEM):
    """Record a seizure, find or surrender of many items, parts and ammunition in one transaction.

    Registered items are taken into custody (registry take_into_custody); unregistered ones, marked or not,
    3D-printed or assembled, are entered by create_item with how=seized/found/surrendered. When a depot is
    given, every item then moves into it (a custody_moved event)."""
    _check_case(data)
    data.route_departure = _country(data.route_departure, "route_departure")
    data.route_destination = _country(data.route_destination, "route_destination")
    data.route_transit = [_country(c, "route_transit") for c in data.route_transit if c]
    for p in data.persons:
        p.nationality = _country(p.nationality, "persons")
    entry = ENTRY_EVENT[data.kind]
    occurred_at = registry_services.as_datetime(data.occurred_on)
    with transaction.atomic():
        number = data.number.strip() or next_case_number(data.kind, data.occurred_on)
        if SeizureCase.objects.filter(number=number).exists():
            raise RuleViolation("duplicate_case", _("A case numbered %(n)s already exists.") % {"n": number}, "number")
        case = SeizureCase.objects.create(
            number=number, kind=data.kind, agency=data.agency, occurred_on=data.occurred_on,
            admin_area=data.admin_area, place=data.place, location_type=data.location_type,
            legal_justification=data.legal_justification, suspected_offences=list(data.suspected_offences),
            route_departure=data.route_departure, route_transit=data.route_transit,
            route_destination=data.route_destination, notes=data.notes,
            recorded_by=user_of(actor))
        seizure_place = Place(label=data.place or data.admin_area or _("Place of the case"))
        items = [_enter_line(line, case, entry, occurred_at, seizure_place, actor) for line in data.items]
        items += [blueprints.add_blueprint(case, b, entry, occurred_at, seizure_place, actor).item
                  for b in data.blueprints]
        for a in data.ammunition:
            CaseAmmunition.objects.create(case=case, calibre=a.calibre, quantity=a.quantity, description=a.description)
        for p in data.persons:
            CasePerson.objects.create(case=case, **vars(p))
        if data.depot is not None:
            to = Place(depot=data.depot, shelf=data.shelf)
            for item in items:
                move(item, to, handed_over_by=data.handed_over_by or _("Seizing officer"),
                     received_by=data.received_by, moved_at=occurred_at, purpose=_("Intake"), case=case, actor=actor)
    return case


def _enter_line(line: CaseItemInput, case, entry, occurred_at, seizure_place, actor):
    """One item of a case: a registered one taken into custody, or a new one entered; it stays at the place of the
    case until moved."""
    extra = {"case": case.number, "case_id": case.pk}
    if line.item is not None:
        item = registry_services.lock_item(line.item, line.expected_seq)
        if CustodyPosition.objects.filter(item=item).exists():
            raise RuleViolation(
                "already_in_custody",
                _("%(item)s is already in custody at %(place)s.")
                % {"item": item, "place": Place.of(item.custody_position).text}, "items")
        registry_services.take_into_custody(item, entry, occurred_at=occurred_at, actor=actor,
                                            location=seizure_place.text, case_reference=case.number,
                                            extra_payload=extra)
        _record_line_method(item, _line_method(line), case, occurred_at, actor)
    else:
        line.new.method = line.new.method or _line_method(line)
        item = registry_services.create_item(line.new, how=entry, location=seizure_place.text,
                                             occurred_at=occurred_at, actor=actor, extra_payload=extra)
    condition = Item.objects.filter(pk=item.pk).values_list("iafq_condition", flat=True).get()
    CaseItem.objects.create(case=case, item=item, condition=condition or CaseItem.Condition.UNKNOWN,
                            marking_status=line.marking_status, was_registered=line.item is not None, notes=line.notes)
    CustodyPosition.objects.create(item=item, label=seizure_place.label, since=occurred_at, case=case)
    return item


def _line_method(line: CaseItemInput):
    if line.method is not None:
        return line.method
    return MethodInput.of_condition(line.condition) if line.condition else None


def _record_line_method(item, method, case, occurred_at, actor):
    """A registered item seized as converted, reactivated or made otherwise than recorded: the event that says so."""
    current = Item.objects.get(pk=item.pk)
    if method is None or iafq_condition(method.method, method.converted_from) == current.iafq_condition:
        return
    note = _("Found in case %(n)s") % {"n": case.number}
    if method.method == M.CONVERTED:
        conversions.convert(current, method, occurred_at=occurred_at, note=note, actor=actor)
    elif method.method == M.REACTIVATED:
        conversions.reactivate(current, method, occurred_at=occurred_at, note=note, actor=actor)
    else:
        conversions.correct_method(current, method, reason=note, actor=actor)


# ---------------------------------------------------------------- chain of custody


def move(item, to: Place, *, handed_over_by, received_by, moved_at=None, from_place: Place | None = None,
         purpose="", case=None, actor=SYSTEM, expected_seq=None):
    """Move an item in custody from where it is to `to`. Refused if `from_place` is not where the item is."""
    moved_at = moved_at or timezone.now()
    to.check("to")
    if not (handed_over_by or "").strip():
        raise RuleViolation("handover_required", _("Say who handed the item over."), "handed_over_by")
    if not (received_by or "").strip():
        raise RuleViolation("receiver_required", _("Say who received the item."), "received_by")
    with transaction.atomic():
        item = registry_services.lock_item(item, expected_seq)
        position = CustodyPosition.objects.select_related("depot", "shelf", "facility").filter(item=item).first()
        if position is None or item.status not in IN_CUSTODY:
            raise RuleViolation("not_in_custody",
                                _("%(item)s is not in custody (status: %(status)s).")
                                % {"item": item, "status": item.get_status_display()})
        here = Place.of(position)
        if from_place is not None:
            from_place.check("from")
            if not is_at(position, from_place):
                raise RuleViolation(
                    "not_there",
                    _("The movement starts at %(from)s but %(item)s is at %(here)s.")
                    % {"from": from_place.text, "item": item, "here": here.text}, "from")
        if here.key() == to.key():
            raise RuleViolation("same_place", _("%(item)s is already at %(place)s.") % {"item": item, "place": to.text},
                                "to")
        if moved_at < position.since:
            raise RuleViolation("out_of_order",
                                _("The movement predates the item's arrival at %(here)s.") % {"here": here.text},
                                "moved_at")
        payload = {
            "location": to.text, "from": here.payload(), "to": to.payload(),
            "handed_over_by": handed_over_by, "received_by": received_by, "purpose": purpose,
            "case": (case or position.case).number if (case or position.case) else "",
        }
        event = registry_services.record(item, K.CUSTODY_MOVED, payload, moved_at, actor)
        movement = CustodyMovement.objects.create(
            item=item, case=case or position.case, **here.fields("from"), **to.fields("to"),
            handed_over_by=handed_over_by, received_by=received_by, moved_at=moved_at, purpose=purpose, event=event,
            recorded_by=user_of(actor))
        position.depot, position.shelf, position.facility = to.depot, to.shelf, to.facility
        position.label = "" if (to.depot or to.facility) else to.label
        position.since = moved_at
        position.save()
    return movement


def position_of(item):
    position = CustodyPosition.objects.select_related("depot", "shelf", "facility").filter(item=item).first()
    return Place.of(position) if position else None


# ---------------------------------------------------------------- disposal


def _custody_item(item, expected_seq=None):
    item = registry_services.lock_item(item, expected_seq)
    position = CustodyPosition.objects.filter(item=item).select_related("case").first()
    if position is None:
        raise RuleViolation("not_in_custody", _("%(item)s is not in custody.") % {"item": item})
    return item, position


def destroy(item, *, method, on, witnesses=(), location="", actor=SYSTEM, expected_seq=None):
    witnesses = [w.strip() for w in witnesses if w and w.strip()]
    if not witnesses:
        raise RuleViolation("witnesses_required", _("A destruction needs at least one witness."), "witnesses")
    with transaction.atomic():
        item, position = _custody_item(item, expected_seq)
        event = registry_services.destroy(item, method=method, witnesses=witnesses,
                                          occurred_at=registry_services.as_datetime(on), actor=actor,
                                          location=location or Place.of(position).text)
        disposal = Disposal.objects.create(kind=Disposal.Kind.DESTRUCTION, item=item, case=position.case, date=on,
                                           method=method, witnesses=witnesses, event=event, recorded_by=user_of(actor))
        position.delete()
    return disposal


def deactivate(item, *, standard, certificate_number, on, actor=SYSTEM, expected_seq=None):
    """Deactivate an item in custody; it stays where it is (it may be destroyed or returned later)."""
    if not (standard or "").strip():
        raise RuleViolation("standard_required", _("Name the deactivation standard applied."), "standard")
    with transaction.atomic():
        item, position = _custody_item(item, expected_seq)
        event = registry_services.deactivate(item, standard=standard, certificate_number=certificate_number,
                                             occurred_at=registry_services.as_datetime(on), actor=actor)
        return Disposal.objects.create(kind=Disposal.Kind.DEACTIVATION, item=item, case=position.case, date=on,
                                       standard=standard, certificate_number=certificate_number, event=event,
                                       recorded_by=user_of(actor))


def return_to_owner(item, *, owner, on, handed_over_by="", actor=SYSTEM, expected_seq=None):
    """Give an item in custody back to its owner (who needs a licence where the profile requires it)."""
    if owner is None:
        raise RuleViolation("owner_required", _("Name the owner the item is returned to."), "owner")
    occurred_at = registry_services.as_datetime(on)
    with transaction.atomic():
        item, position = _custody_item(item, expected_seq)
        registry_services.check_status(item, {S.SEIZED, S.FOUND, S.SURRENDERED, S.DEACTIVATED}, _("return"))
        registry_services.check_time(occurred_at, item)
        registry_services.check_recipient_licence(owner, on)
        payload = {"holder": owner.pk, "from": Place.of(position).payload(), "handed_over_by": handed_over_by,
                   "case": position.case.number if position.case else "", "location": _owner_location(owner)}
        event = registry_services.record(item, K.RETURNED_TO_OWNER, payload, occurred_at, actor)
        disposal = Disposal.objects.create(kind=Disposal.Kind.RETURN_TO_OWNER, item=item, case=position.case, date=on,
                                           owner=owner, event=event, recorded_by=user_of(actor))
        position.delete()
    return disposal


def _owner_location(owner):
    """Where a returned item is kept: a business's address; never a person's home address, which is personal data
    that the item's location would show to everyone who may see the item."""
    return "" if owner.kind == owner.Kind.PERSON else owner.address or ""


def create_depot(*, code, name, shelves=(), address="", admin_area="", agency=None):
    try:
        with transaction.atomic():
            depot = Depot.objects.create(code=code.strip(), name=name, address=address, admin_area=admin_area,
                                         agency=agency)
            for shelf in shelves:
                if shelf.strip():
                    DepotLocation.objects.get_or_create(depot=depot, code=shelf.strip())
    except IntegrityError:
        raise RuleViolation("duplicate_depot", _("A depot with code %(code)s exists.") % {"code": code}, "code") from None
    return depot
