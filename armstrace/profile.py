"""Country profile: a YAML file that tailors ArmsTrace to one State.

The file is validated against PROFILE_SCHEMA when it is loaded; an invalid profile stops
start-up with a message naming the bad key.
"""

from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import jsonschema
import pycountry
import yaml
from django.conf import settings

from armstrace.accounts import constants

DEFAULT_CONFUSABLES = {"O": "0", "Q": "0", "D": "0", "I": "1", "L": "1", "S": "5", "B": "8", "Z": "2", "G": "6"}

AGENCY_KINDS = ["registry", "police", "customs", "prosecution", "military", "laboratory", "other"]

# Optional `access:` section: `roles` replaces the capabilities of the roles it names; `hidden_fields` replaces the
# personal fields an agency kind never sees (see armstrace/accounts/constants.py).
ACCESS_SCHEMA = {
    "type": "object",
    "additionalProperties": False,
    "properties": {
        "roles": {
            "type": "object",
            # administrators always have every capability, and no other role may be given `admin`
            "propertyNames": {"enum": [r.value for r in constants.Role if r != constants.Role.ADMINISTRATOR]},
            "additionalProperties": {"type": "array", "uniqueItems": True,
                                     "items": {"enum": sorted(set(constants.CAPABILITIES) - {constants.ADMIN})}},
        },
        "hidden_fields": {
            "type": "object",
            "propertyNames": {"enum": AGENCY_KINDS},
            "additionalProperties": {"type": "array", "uniqueItems": True,
                                     "items": {"enum": list(constants.ALL_PERSONAL_FIELDS)}},
        },
    },
}

# Optional `limits:` section: the bounds of every input of the API and the forms (armstrace/core/bounds.py).
@dataclass(frozen=True)
class Limits:
    text_length: int = 10_000  # characters of a free text without a length of its own
    integer: int = 2**53 - 1  # any integer without a range of its own
    quantity: int = 1_000_000  # any quantity (rounds, items) and count
    list_length: int = 1_000  # entries of a list, values of a JSON object
    markings_per_item: int = 50
    json_depth: int = 10  # levels of a JSON value (custom fields)
    earliest_year: int = 1800  # no date before 1 January of this year
    days_ahead: int = 366  # no date further ahead than this ...
    validity_years: int = 100  # ... except the end of a validity (licences, authorizations, registrations)


LIMITS_SCHEMA = {
    "type": "object",
    "additionalProperties": False,
    "properties": {
        "text_length": {"type": "integer", "minimum": 200, "maximum": 1_000_000},
        "integer": {"type": "integer", "minimum": 1_000_000, "maximum": 2**63 - 1},
        "quantity": {"type": "integer", "minimum": 1, "maximum": 2**62},
        "list_length": {"type": "integer", "minimum": 10, "maximum": 100_000},
        "markings_per_item": {"type": "integer", "minimum": 1, "maximum": 1_000},
        "json_depth": {"type": "integer", "minimum": 1, "maximum": 100},
        "earliest_year": {"type": "integer", "minimum": 1000, "maximum": 2000},
        "days_ahead": {"type": "integer", "minimum": 0, "maximum": 3660},
        "validity_years": {"type": "integer", "minimum": 1, "maximum": 500},
    },
}

# Optional `exchange:` section: how long an idle case thread stays open, the attachment size limit, and the national
# offences a digest case may name (code, label, Firearms Protocol article it implements).
EXCHANGE_SCHEMA = {
    "type": "object",
    "additionalProperties": False,
    "properties": {
        "retention_days": {"type": "integer", "minimum": 1},
        "attachment_max_bytes": {"type": "integer", "minimum": 1},
        "national_offences": {
            "type": "array",
            "items": {"type": "object", "required": ["code", "label"], "additionalProperties": False,
                      "properties": {"code": {"type": "string"}, "label": {"type": "string"},
                                     "protocol_article": {"type": "string"}}},
        },
    },
}

# Optional `osint:` section: the RSS/Atom feeds and pages `armstrace osint fetch` reads (a URL, or url/kind/publisher).
OSINT_SCHEMA = {
    "type": "object",
    "additionalProperties": False,
    "properties": {
        "feeds": {"type": "array", "items": {"anyOf": [
            {"type": "string", "pattern": "^https?://"},
            {"type": "object", "required": ["url"], "additionalProperties": False,
             "properties": {"url": {"type": "string", "pattern": "^https?://"}, "kind": {"enum": ["feed", "page"]},
                            "publisher": {"type": "string"}}}]}},
        "timeout_seconds": {"type": "number", "minimum": 1, "maximum": 300},
    },
}

PROFILE_SCHEMA = {
    "type": "object",
    "required": ["country", "languages", "licence_types", "transfers_require_licence"],
    "properties": {
        "country": {"type": "string", "pattern": "^[A-Z]{3}$"},
        "name": {"type": "string"},
        "languages": {"type": "array", "items": {"enum": ["en", "fr", "es"]}, "minItems": 1},
        "agencies": {
            "type": "array",
            "items": {
                "type": "object",
                "required": ["code", "name", "kind"],
                "properties": {
                    "code": {"type": "string"},
                    "name": {"type": "string"},
                    "kind": {"enum": AGENCY_KINDS},
                },
            },
        },
        "legal_categories": {
            "type": "array",
            "items": {"type": "object", "required": ["code", "label"], "properties": {"code": {"type": "string"}, "label": {"type": "string"}}},
        },
        "licence_types": {
            "type": "array",
            "minItems": 1,
            "items": {
                "type": "object",
                "required": ["code", "label"],
                "properties": {
                    "code": {"type": "string"},
                    "label": {"type": "string"},
                    "allows_acquisition": {"type": "boolean"},
                },
            },
        },
        "transfers_require_licence": {"type": "boolean"},
        "custom_item_fields": {"type": "object"},
        "confusables": {"type": "object", "additionalProperties": {"type": "string", "maxLength": 1}},
        "tracing": {"type": "object"},
        "documents": {  # letterhead and signature of the documents sent abroad (tracing/documents.py)
            "type": "object", "additionalProperties": False,
            "properties": {k: {"type": "string"} for k in ("authority", "address", "classification",
                                                            "signatory_name", "signatory_title")},
        },
        "access": ACCESS_SCHEMA,
        "limits": LIMITS_SCHEMA,
        "exchange": EXCHANGE_SCHEMA,
        "osint": OSINT_SCHEMA,
        # what the law controls as "the firearm": the whole weapon, or (as ATF does) its frame or receiver, whose
        # serial is then the firearm's identity (registry.services.registered_with_serial)
        "control_unit": {"enum": ["firearm", "frame_or_receiver"]},
    },
}


class ProfileError(Exception):
    pass


@dataclass(frozen=True)
class CountryProfile:
    country: str
    name: str
    languages: list
    agencies: list = field(default_factory=list)
    legal_categories: list = field(default_factory=list)
    licence_types: list = field(default_factory=list)
    transfers_require_licence: bool = True
    custom_item_fields: dict = field(default_factory=lambda: {"type": "object"})
    confusables: dict = field(default_factory=lambda: dict(DEFAULT_CONFUSABLES))
    tracing: dict = field(default_factory=dict)
    documents: dict = field(default_factory=dict)
    access: dict = field(default_factory=dict)
    limits: Limits = field(default_factory=Limits)
    exchange: dict = field(default_factory=dict)
    osint: dict = field(default_factory=dict)
    control_unit: str = "firearm"
    source: str = ""

    @property
    def frame_is_firearm(self):
        return self.control_unit == "frame_or_receiver"

    @property
    def acquisition_licence_types(self):
        return {t["code"] for t in self.licence_types if t.get("allows_acquisition", True)}

    def licence_type_choices(self):
        return [(t["code"], t["label"]) for t in self.licence_types]

    def legal_category_choices(self):
        return [(c["code"], c["label"]) for c in self.legal_categories]

    def validate_custom_fields(self, values):
        """Return a list of messages, empty when `values` satisfies the profile's JSON Schema."""
        validator = jsonschema.Draft202012Validator(self.custom_item_fields)
        return [f"{'/'.join(map(str, e.path)) or 'custom_fields'}: {e.message}" for e in validator.iter_errors(values or {})]


def load_profile(path) -> CountryProfile:
    path = Path(path)
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as exc:
        raise ProfileError(f"cannot read country profile {path}: {exc}") from exc
    try:
        jsonschema.validate(data, PROFILE_SCHEMA)
    except jsonschema.ValidationError as exc:
        where = "/".join(map(str, exc.absolute_path)) or "(top level)"
        raise ProfileError(f"country profile {path}: {where}: {exc.message}") from exc
    if pycountry.countries.get(alpha_3=data["country"]) is None:
        raise ProfileError(f"country profile {path}: country: {data['country']} is not an ISO 3166 alpha-3 code")
    custom = data.get("custom_item_fields") or {"type": "object"}
    try:
        jsonschema.Draft202012Validator.check_schema(custom)
    except jsonschema.SchemaError as exc:
        raise ProfileError(f"country profile {path}: custom_item_fields is not a valid JSON Schema: {exc.message}") from exc
    confusables = dict(DEFAULT_CONFUSABLES)
    confusables.update({k.upper(): v.upper() for k, v in (data.get("confusables") or {}).items()})
    return CountryProfile(
        country=data["country"],
        name=data.get("name") or pycountry.countries.get(alpha_3=data["country"]).name,
        languages=data["languages"],
        agencies=data.get("agencies", []),
        legal_categories=data.get("legal_categories", []),
        licence_types=data["licence_types"],
        transfers_require_licence=data["transfers_require_licence"],
        custom_item_fields=custom,
        confusables=confusables,
        tracing=data.get("tracing", {}),
        documents=data.get("documents") or {},
        access=data.get("access") or {},
        limits=Limits(**(data.get("limits") or {})),
        exchange=data.get("exchange") or {},
        osint=data.get("osint") or {},
        control_unit=data.get("control_unit", "firearm"),
        source=str(path),
    )


@lru_cache(maxsize=1)
def get_profile() -> CountryProfile:
    return load_profile(settings.ARMSTRACE_PROFILE)
