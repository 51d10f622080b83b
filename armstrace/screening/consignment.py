"""A postal or express consignment as its advance electronic data (CN22/CN23, UPU ITMATT) describe it."""

from dataclasses import dataclass, field
from datetime import datetime

MAIL_CLASSES = ("letter", "parcel", "ems", "express")
CATEGORIES = ("gift", "documents", "commercial_sample", "sale_of_goods", "returned_goods", "other")

# The CSV columns, in order: consignment fields first, then one content line.
CONSIGNMENT_COLUMNS = (
    "consignment_id", "operator", "mail_class", "tracking_id", "accepted_at", "sender_name", "sender_address",
    "sender_country", "addressee_name", "addressee_address", "addressee_phone", "addressee_country", "route",
    "category", "declared_weight_kg", "measured_weight_kg",
)
LINE_COLUMNS = ("description", "hs_code", "quantity", "value", "currency")
CSV_COLUMNS = (
    "consignment_id", "operator", "mail_class", "tracking_id", "accepted_at", "sender_name", "sender_address",
    "sender_country", "addressee_name", "addressee_address", "addressee_phone", "addressee_country", "route",
    "category", "description", "hs_code", "quantity", "declared_weight_kg", "measured_weight_kg", "value", "currency",
)


@dataclass(slots=True)
class ContentLine:
    description: str
    hs_code: str  # digits only, "" when not declared
    quantity: int
    value: float
    currency: str

    @property
    def heading(self):
        return self.hs_code[:4]


@dataclass(slots=True)
class Consignment:
    consignment_id: str
    operator: str
    mail_class: str
    tracking_id: str
    accepted_at: datetime
    sender_name: str
    sender_address: str
    sender_country: str  # ISO 3166 alpha-3
    addressee_name: str
    addressee_address: str
    addressee_phone: str
    addressee_country: str
    route: tuple  # alpha-3 codes, origin first
    category: str
    declared_weight_kg: float
    measured_weight_kg: float | None
    lines: list = field(default_factory=list)

    @property
    def origin(self):
        return self.route[0] if self.route else self.sender_country

    @property
    def weight_kg(self):
        """The weight the parcel really has: measured where it was weighed, else declared."""
        return self.declared_weight_kg if self.measured_weight_kg is None else self.measured_weight_kg

    @property
    def quantity(self):
        return sum(line.quantity for line in self.lines)
