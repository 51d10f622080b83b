"""A finding in a parcel opens a custody seizure case (custody.services.record_case) with the found goods and
both parties of the consignment as case persons."""

from dataclasses import dataclass

from django.utils import timezone
from django.utils.translation import gettext as _

from armstrace.core.actor import Actor
from armstrace.core.errors import RuleViolation

FINDINGS = ("firearm", "parts", "ammunition")


@dataclass
class FoundGoods:
    """What the officer found, from the outcome form: the kind of firearm or part, or the rounds counted."""

    firearm_type: str = ""
    part_kind: str = ""
    ammunition_quantity: int | None = None
    description: str = ""


def _lines(consignment, outcome, found):
    """(items, ammunition) of the case: one unregistered item of the found kind, or an ammunition quantity."""
    from armstrace.custody import services as custody
    from armstrace.registry.services import FirearmInput

    description = found.description or "; ".join(line.description for line in consignment.lines.all())[:300]
    if outcome == "ammunition":
        if not found.ammunition_quantity or found.ammunition_quantity < 1:
            raise RuleViolation("quantity_required", _("Give the number of rounds found."), "ammunition_quantity")
        return [], [custody.AmmunitionInput(quantity=found.ammunition_quantity, description=description)]
    if outcome == "parts":
        new = FirearmInput(serial_number="", category="part", part_kind=found.part_kind, description=description)
    else:
        new = FirearmInput(serial_number="", firearm_type=found.firearm_type, description=description)
    return [custody.CaseItemInput(new=new, marking_status="unknown")], []


def open_case(consignment, outcome, found: FoundGoods, user=None):
    """Record the seizure case of a finding in `consignment`; returns the case."""
    from armstrace.custody import services as custody

    items, ammunition = _lines(consignment, outcome, found)
    route = consignment.route_codes
    transit = [code for code in route[1:] if code != consignment.addressee_country]
    persons = [custody.PersonInput(name=consignment.sender_name, role="suspect"),
               custody.PersonInput(name=consignment.addressee_name, role="suspect")]
    notes = _("Found in parcel %(tracking)s (consignment %(id)s, %(operator)s), screening score %(score).0f.") % {
        "tracking": consignment.tracking_id, "id": consignment.consignment_id, "operator": consignment.operator,
        "score": consignment.risk_score}
    return custody.record_case(custody.CaseInput(
        occurred_on=timezone.localdate(), kind="seizure",
        place=_("Parcel %(tracking)s") % {"tracking": consignment.tracking_id}, location_type="other",
        legal_justification="illicit_trafficking", route_departure=route[0] if route else consignment.sender_country,
        route_transit=transit, route_destination=consignment.addressee_country, notes=notes,
        items=items, ammunition=ammunition, persons=persons), actor=Actor.of(user))
