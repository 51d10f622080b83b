"""Transfer commands: authorizations (art. 10), shipments drawn down against them, receipt, brokers.

Registered firearms shipped out are exported through registry.services.export_item; firearms brought in
are entered with create_item(how="imported") or, if they were exported before, reimport_item.
"""

from dataclasses import dataclass, field
from datetime import date

import pycountry
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from armstrace.core.actor import SYSTEM
from armstrace.core.errors import RuleViolation
from armstrace.profile import get_profile
from armstrace.registry import services as registry_services
from armstrace.registry.models import Item, ItemStatus, Party
from armstrace.registry.serials import normalize_serial
from armstrace.transfers.models import (
    Authorization, AuthorizationLine, BrokerRegistration, Shipment, ShipmentLine,
)

RuleViolation = RuleViolation


def _user(actor):
    return actor.user if actor.user is not None and actor.user.is_authenticated else None


def _country(code, field_name):
    code = (code or "").strip().upper()
    if not code or pycountry.countries.get(alpha_3=code) is None:
        raise RuleViolation("bad_country", _("“%(code)s” is not an ISO 3166-1 alpha-3 country code.") % {"code": code},
                            field_name)
    return code


# ---------------------------------------------------------------- brokers


def register_broker(party, *, number, issued_on, valid_until=None, activities=""):
    if party.kind != Party.Kind.BROKER:
        raise RuleViolation("not_a_broker", _("%(party)s is not recorded as a broker.") % {"party": party}, "party")
    if valid_until and valid_until < issued_on:
        raise RuleViolation("bad_expiry", _("The registration cannot end before it starts."), "valid_until")
    if BrokerRegistration.objects.filter(number=number).exists():
        raise RuleViolation("duplicate_number", _("Registration %(n)s exists.") % {"n": number}, "number")
    return BrokerRegistration.objects.create(party=party, number=number, issued_on=issued_on, valid_until=valid_until,
                                             activities=activities)


def check_broker(party, day):
    if party is None:
        return
    if party.kind != Party.Kind.BROKER:
        raise RuleViolation("not_a_broker", _("%(party)s is not recorded as a broker.") % {"party": party}, "broker")
    if not any(r.valid_on(day) for r in party.broker_registrations.all()):
        raise RuleViolation("broker_not_registered",
                            _("The broker %(party)s holds no valid registration on %(day)s.")
                            % {"party": party, "day": day}, "broker")


# ---------------------------------------------------------------- authorizations


@dataclass
class LineInput:
    description: str
    quantity: int
    category: str = "firearm"
    firearm_type: str = ""
    calibre: object = None


@dataclass
class AuthorizationInput:
    kind: str
    number: str
    place_of_issue: str
    issued_on: date
    expires_on: date
    export_country: str
    import_country: str
    final_recipient: str
    transit_countries: list = field(default_factory=list)
    final_recipient_party: Party | None = None
    exporter: str = ""
    importer: str = ""
    importer_party: Party | None = None
    broker: Party | None = None
    notes: str = ""
    lines: list = field(default_factory=list)


def issue_authorization(data: AuthorizationInput, actor=SYSTEM):
    if data.kind not in Authorization.Kind.values:
        raise RuleViolation("bad_kind", _("An authorization is for export, import or transit."), "kind")
    if not data.number.strip():
        raise RuleViolation("number_required", _("The authorization number is required."), "number")
    if not data.place_of_issue.strip():
        raise RuleViolation("place_required", _("The place of issue is required."), "place_of_issue")
    if not data.final_recipient.strip() and data.final_recipient_party is None:
        raise RuleViolation("recipient_required", _("The final recipient is required."), "final_recipient")
    if data.issued_on > timezone.localdate():
        raise RuleViolation("future_date", _("The date of issue is in the future."), "issued_on")
    if data.expires_on < data.issued_on:
        raise RuleViolation("bad_expiry", _("The authorization cannot expire before it is issued."), "expires_on")
    export_country = _country(data.export_country, "export_country")
    import_country = _country(data.import_country, "import_country")
    transit = [_country(c, "transit_countries") for c in data.transit_countries if c and c.strip()]
    if export_country == import_country:
        raise RuleViolation("same_country", _("The countries of export and import are the same."), "import_country")
    home = get_profile().country
    expected = {"export": export_country, "import": import_country}.get(data.kind)
    if expected is not None and home and expected != home:
        message = (_("An export authorization issued here must name %(home)s as country of export.")
                   if data.kind == "export" else
                   _("An import authorization issued here must name %(home)s as country of import."))
        raise RuleViolation("wrong_country", message % {"home": home}, f"{data.kind}_country")
    if data.kind == "transit" and home and home not in transit:
        raise RuleViolation("wrong_country", _("A transit authorization issued here must list %(home)s as a transit "
                                               "country.") % {"home": home}, "transit_countries")
    if not data.lines:
        raise RuleViolation("lines_required", _("Describe the items and their quantity."), "lines")
    for line in data.lines:
        if not line.description.strip() or not line.quantity or line.quantity < 1:
            raise RuleViolation("bad_line", _("Each line needs a description and a quantity of at least 1."), "lines")
    check_broker(data.broker, data.issued_on)
    with transaction.atomic():
        if Authorization.objects.filter(number=data.number.strip()).exists():
            raise RuleViolation("duplicate_number", _("Authorization %(n)s exists.") % {"n": data.number}, "number")
        auth = Authorization.objects.create(
            kind=data.kind, number=data.number.strip(), place_of_issue=data.place_of_issue, issued_on=data.issued_on,
            expires_on=data.expires_on, export_country=export_country, import_country=import_country,
            transit_countries=transit,
            final_recipient=data.final_recipient or str(data.final_recipient_party),
            final_recipient_party=data.final_recipient_party, exporter=data.exporter,
            importer=data.importer or (str(data.importer_party) if data.importer_party else ""),
            importer_party=data.importer_party, broker=data.broker, notes=data.notes, recorded_by=_user(actor),
        )
        for line in data.lines:
            AuthorizationLine.objects.create(authorization=auth, description=line.description, quantity=line.quantity,
                                             category=line.category, firearm_type=line.firearm_type,
                                             calibre=line.calibre)
    return auth


def revoke(auth):
    Authorization.objects.filter(pk=auth.pk).update(status=Authorization.Status.REVOKED)


# ---------------------------------------------------------------- shipments


@dataclass
class ShipmentLineInput:
    line: AuthorizationLine
    quantity: int = 0
    items: list = field(default_factory=list)  # registered items exported or re-imported
    new_items: list = field(default_factory=list)  # FirearmInput of items entering the registry on import


def record_shipment(auth, *, shipped_on, lines, reference="", notes="", actor=SYSTEM, expected_seqs=None):
    """Record a shipment under `auth`. Quantities are drawn down from the authorization's lines; an
    over-shipment, an expired, revoked or not yet valid authorization is refused. `expected_seqs` (item id →
    last_event_seq as the caller read it) refuses the shipment if one of those items changed meanwhile."""
    expected_seqs = expected_seqs or {}
    with transaction.atomic():
        auth = Authorization.objects.select_for_update().get(pk=auth.pk)
        if auth.status == Authorization.Status.REVOKED:
            raise RuleViolation("authorization_revoked", _("Authorization %(n)s has been revoked.") % {"n": auth.number})
        if shipped_on > timezone.localdate():
            raise RuleViolation("future_date", _("The shipment date is in the future."), "shipped_on")
        if shipped_on < auth.issued_on:
            raise RuleViolation("not_yet_valid", _("Authorization %(n)s was issued on %(d)s, after the shipment.")
                                % {"n": auth.number, "d": auth.issued_on}, "shipped_on")
        if auth.is_expired(shipped_on):
            raise RuleViolation("authorization_expired", _("Authorization %(n)s expired on %(d)s.")
                                % {"n": auth.number, "d": auth.expires_on}, "shipped_on")
        if auth.broker_id:
            check_broker(auth.broker, shipped_on)
        if not lines:
            raise RuleViolation("empty_shipment", _("A shipment moves at least one item."), "lines")
        seen = set()
        for sl in lines:
            if sl.line.authorization_id != auth.pk:
                raise RuleViolation("bad_line", _("That line belongs to another authorization."), "lines")
            if sl.line.pk in seen:
                raise RuleViolation("bad_line", _("A line appears twice in the shipment."), "lines")
            seen.add(sl.line.pk)
            n_items = len(sl.items) + len(sl.new_items)
            if n_items and sl.quantity and sl.quantity != n_items:
                raise RuleViolation("quantity_mismatch", _("The quantity (%(q)d) differs from the %(n)d items listed.")
                                    % {"q": sl.quantity, "n": n_items}, "lines")
            sl.quantity = sl.quantity or n_items
            if sl.quantity < 1:
                raise RuleViolation("bad_quantity", _("Ship a quantity of at least 1."), "lines")
            if auth.kind == Authorization.Kind.TRANSIT and n_items:
                raise RuleViolation("transit_items", _("Goods in transit are recorded as quantities only."), "lines")
            if auth.kind == Authorization.Kind.EXPORT and sl.new_items:
                raise RuleViolation("export_new_items", _("Only registered items can be exported."), "lines")
            remaining = AuthorizationLine.objects.get(pk=sl.line.pk).remaining
            if sl.quantity > remaining:
                raise RuleViolation(
                    "over_shipment",
                    _("Over-shipment: %(q)d × “%(d)s” shipped but only %(r)d remain on authorization %(n)s.")
                    % {"q": sl.quantity, "d": sl.line.description, "r": remaining, "n": auth.number}, "lines")
        shipment = Shipment.objects.create(authorization=auth, shipped_on=shipped_on, reference=reference,
                                           notes=notes, recorded_by=_user(actor))
        when = registry_services.as_datetime(shipped_on)
        listed = set()
        for sl in lines:
            items = [_ship_item(auth, item, listed, when, actor, expected_seqs.get(item.pk)) for item in sl.items]
            for data in sl.new_items:
                data.country_of_import = data.country_of_import or auth.export_country
                items.append(registry_services.create_item(
                    data, how="imported", holder=_importer(auth), occurred_at=when, actor=actor,
                    extra_payload={"authorization": auth.number, "origin_country": auth.export_country}))
            row = ShipmentLine.objects.create(shipment=shipment, line=sl.line, quantity=sl.quantity)
            if items:
                row.items.set(items)
    return shipment


def _ship_item(auth, item, listed, when, actor, expected_seq):
    """Export (or re-import) one registered item of a shipment; `listed` are the ids shipped so far."""
    if item.pk in listed:
        raise RuleViolation("duplicate_item", _("%(item)s is listed twice.") % {"item": item}, "lines")
    listed.add(item.pk)
    if auth.kind == Authorization.Kind.EXPORT:
        registry_services.export_item(item, destination_country=auth.import_country, occurred_at=when, actor=actor,
                                      authorization=auth.number, expected_seq=expected_seq)
        return item
    item = Item.objects.get(pk=item.pk)
    if item.status != ItemStatus.EXPORTED:
        raise RuleViolation("bad_status", _("%(item)s was not exported; record it as a new import.") % {"item": item},
                            "lines")
    registry_services.reimport_item(item, holder=_importer(auth), origin_country=auth.export_country,
                                    occurred_at=when, actor=actor, authorization=auth.number,
                                    expected_seq=expected_seq)
    return item


def _importer(auth):
    party = auth.importer_party or auth.final_recipient_party
    if party is None:
        raise RuleViolation("importer_required",
                            _("Items entering the registry need the importer as a registered holder."), "lines")
    return party


def confirm_receipt(shipment, *, received_on, received_by, reference=""):
    """The importer's confirmation that the shipment arrived."""
    if not (received_by or "").strip():
        raise RuleViolation("receiver_required", _("Say who confirmed the receipt."), "received_by")
    with transaction.atomic():
        shipment = Shipment.objects.select_for_update().get(pk=shipment.pk)
        if shipment.received_on is not None:
            raise RuleViolation("already_confirmed", _("Receipt was already confirmed on %(d)s.")
                                % {"d": shipment.received_on})
        if received_on > timezone.localdate():
            raise RuleViolation("future_date", _("The date of receipt is in the future."), "received_on")
        if received_on < shipment.shipped_on:
            raise RuleViolation("before_shipment", _("The shipment cannot arrive before it left."), "received_on")
        shipment.received_on, shipment.received_by, shipment.receipt_reference = received_on, received_by, reference
        shipment.save(update_fields=["received_on", "received_by", "receipt_reference"])
    return shipment


def items_by_serials(text):
    """Registered items named one per line by serial number or #id; unknown or ambiguous ones are refused."""
    items = []
    for raw in (text or "").splitlines():
        ref = raw.strip()
        if not ref:
            continue
        if ref.startswith("#") and ref[1:].isdigit():
            found = list(Item.objects.filter(pk=int(ref[1:])))
        else:
            found = list(Item.objects.filter(serial_normalized=normalize_serial(ref))[:2])
        if len(found) != 1:
            raise RuleViolation("unknown_item", _("No single registered item has the number “%(ref)s”.")
                                % {"ref": ref}, "items")
        items.append(found[0])
    return items
