"""JSON Schemas of the message envelope and of each message type's body (`type/version`)."""

import jsonschema

from armstrace.tracing.services import ANSWER_SCHEMA, REQUEST_FORMAT

_TEXT = {"type": "string", "maxLength": 4000}
_SHORT = {"type": "string", "maxLength": 200}
_COUNTRY = {"type": "string", "pattern": "^[A-Z]{3}$"}
_OPT_COUNTRY = {"type": "string", "pattern": "^([A-Z]{3})?$"}
_ID = {"type": "string", "pattern": "^[0-9a-f-]{32,36}$"}
_KEY_ID = {"type": "string", "pattern": "^[0-9a-f]{32}$"}
_DATE = {"type": "string", "format": "date"}

ENVELOPE = {
    "type": "object",
    "required": ["id", "type", "version", "from", "to", "created", "body"],
    "additionalProperties": False,
    "properties": {
        "id": _ID, "type": {"type": "string", "maxLength": 40}, "version": {"type": "integer", "minimum": 1},
        "from": _KEY_ID, "to": _KEY_ID, "created": {"type": "string", "format": "date-time"},
        "in_reply_to": _ID, "body": {"type": "object"},
    },
}

TRACING_REQUEST = {
    "type": "object",
    "required": ["format", "reference", "requesting_state", "requested_state", "weapon", "reason_illicit",
                 "intended_use", "requesting_authority", "point_of_contact", "legal_basis"],
    "properties": {
        "format": {"const": REQUEST_FORMAT}, "reference": {"type": "string", "minLength": 1, "maxLength": 40},
        "requesting_state": _COUNTRY, "requested_state": _COUNTRY,
        "weapon": {"type": "object", "required": ["identifying_marks"], "properties": {
            "identifying_marks": {**_TEXT, "minLength": 1}, "serial_number": {"type": "string", "maxLength": 64},
            "type": {"type": "string", "maxLength": 20}, "calibre": {"type": "string", "maxLength": 80},
            "make": {"type": "string", "maxLength": 120}, "model": {"type": "string", "maxLength": 120},
            "country_of_manufacture": _OPT_COUNTRY, "country_of_import": _OPT_COUNTRY}},
        "reason_illicit": {**_TEXT, "minLength": 1}, "circumstances_of_recovery": _TEXT,
        "intended_use": {**_TEXT, "minLength": 1}, "requesting_authority": {**_SHORT, "minLength": 1},
        "point_of_contact": {**_SHORT, "minLength": 1}, "legal_basis": {**_TEXT, "minLength": 1},
    },
}

TRACING_ACK = {
    "type": "object", "additionalProperties": False,
    "required": ["request_reference", "reference", "received_on", "answer_due_by"],
    "properties": {"request_reference": {**_SHORT, "minLength": 1}, "reference": {**_SHORT, "minLength": 1},
                   "received_on": _DATE, "answer_due_by": _DATE},
}

LOST_STOLEN_QUERY = {
    "type": "object", "additionalProperties": False, "required": ["serial"],
    "properties": {"serial": {"type": "string", "minLength": 1, "maxLength": 64},
                   "make": {"type": "string", "maxLength": 120}},
}

LOST_STOLEN_RESULTS = ["no_record", "recorded", "reported_lost_stolen"]
LOST_STOLEN_ANSWER = {
    "type": "object", "additionalProperties": False, "required": ["serial", "result", "contact_point"],
    "properties": {"serial": {"type": "string", "maxLength": 64}, "make": {"type": "string", "maxLength": 120},
                   "result": {"enum": LOST_STOLEN_RESULTS}, "reported_on": _DATE, "contact_point": _SHORT},
    "if": {"properties": {"result": {"const": "reported_lost_stolen"}}}, "then": {"required": ["reported_on"]},
}

RECEIPT = {
    "type": "object", "additionalProperties": False, "required": ["message_id", "message_sha256", "received_at"],
    "properties": {"message_id": _ID, "message_sha256": {"type": "string", "pattern": "^[0-9a-f]{64}$"},
                   "received_at": {"type": "string", "format": "date-time"}},
}

BODIES = {("tracing-request", 1): TRACING_REQUEST, ("tracing-ack", 1): TRACING_ACK,
          ("tracing-answer", 1): ANSWER_SCHEMA, ("lost-stolen-query", 1): LOST_STOLEN_QUERY,
          ("lost-stolen-answer", 1): LOST_STOLEN_ANSWER, ("receipt", 1): RECEIPT}

_validators = {}


def errors(schema, data) -> list[str]:
    """Every way `data` breaks `schema`, each as "path: message"."""
    key = id(schema)
    if key not in _validators:
        _validators[key] = jsonschema.Draft202012Validator(schema, format_checker=jsonschema.FormatChecker())
    return [f"{'/'.join(map(str, e.path)) or '(top level)'}: {e.message}"
            for e in sorted(_validators[key].iter_errors(data), key=lambda e: list(map(str, e.path)))][:10]
