"""Field parsers shared by the CSV and JSONL readers and the API: each returns a clean value or raises FieldError."""

import math
import re
from datetime import UTC, datetime

import pycountry

from armstrace.screening.consignment import CATEGORIES, MAIL_CLASSES

MAX_WEIGHT_KG = 1000.0  # heavier than any postal or express item: a typo or a unit error
MAX_VALUE = 10_000_000.0
MAX_QUANTITY = 100_000
HS_CODE = re.compile(r"^\d{4,10}$")

# alpha-2 and alpha-3 codes, both mapped to alpha-3
COUNTRIES = {c.alpha_2: c.alpha_3 for c in pycountry.countries} | {c.alpha_3: c.alpha_3 for c in pycountry.countries}
CURRENCIES = {c.alpha_3 for c in pycountry.currencies}


class FieldError(ValueError):
    pass


def text(value, required=True):
    value = "" if value is None else str(value).strip()
    if required and not value:
        raise FieldError("is required")
    return value


def country(value):
    code = text(value).upper()
    if code not in COUNTRIES:
        raise FieldError(f"{code!r} is not an ISO 3166 alpha-2 or alpha-3 country code")
    return COUNTRIES[code]


def route(value, origin):
    """Country codes joined by '>' (origin first); empty means sent direct from `origin`."""
    value = text(value, required=False)
    if not value:
        return (origin,)
    codes = []
    for part in value.split(">"):
        try:
            codes.append(country(part))
        except FieldError as exc:
            raise FieldError(f"route: {exc}") from None
    return tuple(codes)


def hs_code(value):
    """4 to 10 digits (dots and spaces ignored), or empty: a vague declaration."""
    code = text(value, required=False).replace(".", "").replace(" ", "")
    if code and not HS_CODE.match(code):
        raise FieldError(f"{value!r} is not an HS code of 4 to 10 digits")
    return code


def number(value, low, high, required=True, unit=""):
    raw = text(value, required)
    if not raw:
        return None
    try:
        result = float(raw)
    except ValueError:
        raise FieldError(f"{raw!r} is not a number") from None
    if math.isnan(result) or result < low:
        raise FieldError(f"{raw} is below {low:g}{unit}" if result < low else f"{raw!r} is not a number")
    if result > high:
        raise FieldError(f"{raw} is implausible (more than {high:,.0f}{unit})")
    return result


def weight(value, required=True):
    result = number(value, 0, MAX_WEIGHT_KG, required, " kg")
    if result == 0:
        raise FieldError("must be more than 0 kg")
    return result


def quantity(value):
    raw = text(value)
    if not raw.isdigit() or not 1 <= int(raw) <= MAX_QUANTITY:
        raise FieldError(f"{raw!r} is not a whole number from 1 to {MAX_QUANTITY:,}")
    return int(raw)


def currency(value):
    code = text(value).upper()
    if code not in CURRENCIES:
        raise FieldError(f"{code!r} is not an ISO 4217 currency code")
    return code


def choice(value, choices):
    result = text(value).lower().replace(" ", "_")
    if result not in choices:
        raise FieldError(f"{value!r} is not one of {', '.join(choices)}")
    return result


def timestamp(value):
    raw = text(value)
    try:
        result = datetime.fromisoformat(raw)
    except ValueError:
        raise FieldError(f"{raw!r} is not an ISO 8601 date and time") from None
    return result.replace(tzinfo=UTC) if result.tzinfo is None else result


def mail_class(value):
    return choice(value, MAIL_CLASSES)


def category(value):
    return choice(value, CATEGORIES)
