"""Risk profiles: the shipped default rule set with the country profile's `screening:` section laid over it.

A rule set is validated when it is loaded; an invalid one raises RulesError naming the key, and nothing replaces
the rule set a caller already holds until a new one has loaded.
"""

import copy
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import jsonschema
import yaml

from armstrace.screening.consignment import CATEGORIES, MAIL_CLASSES
from armstrace.screening.fields import COUNTRIES

DEFAULT_RULES = Path(__file__).with_name("default_rules.yaml")
BANDS = ("release", "document_check", "xray", "physical_inspection")

_words = {"type": "array", "items": {"type": "string", "minLength": 1}}
_headings = {"type": "array", "items": {"type": "string", "pattern": "^[0-9]{4}$"}}
_count = {"type": "integer", "minimum": 1}
PARAMS = {
    "arms_heading": {"headings": _headings},
    "gun_part_words": {"words": _words},
    "cover_heading": {"headings": _headings},
    "vague_description": {"words": _words},
    "missing_hs_code": {},
    "weight_mismatch": {"tolerance": {"type": "number", "minimum": 0}, "min_difference_kg": {"type": "number", "minimum": 0}},
    "implausible_weight": {"packaging_kg": {"type": "number", "minimum": 0}},
    "implausible_value": {},
    "watch_list_sender": {},
    "watch_list_addressee": {},
    "velocity_addressee": {"days": _count, "parcels": _count, "senders": _count},
    "new_addressee_many_senders": {"days": _count, "parcels": _count, "senders": _count},
    "private_sender_trade_goods": {"headings": _headings, "business_words": _words},
    "velocity_sender": {"days": _count, "addressees": _count,
                        "categories": {"type": "array", "items": {"enum": list(CATEGORIES)}}},
    "first_time_high_risk_flow": {"history_days": _count},
    "high_risk_route": {},
    "risky_goods_on_risky_route": {},
}


def _rule_schema(params):
    return {"type": "object", "additionalProperties": False, "required": ["weight", "enabled", "explanation"],
            "properties": {"weight": {"type": "number", "minimum": 0, "maximum": 1000}, "enabled": {"type": "boolean"},
                           "explanation": {"type": "string", "minLength": 1},
                           **params}}


_goods_class = {"type": "object", "additionalProperties": False, "required": ["max_unit_kg", "value_per_kg"],
                "properties": {"headings": _headings, "chapters": {"type": "array", "items": {"type": "string", "pattern": "^[0-9]{2}$"}},
                               "words": _words, "max_unit_kg": {"type": "number", "exclusiveMinimum": 0},
                               "value_per_kg": {"type": "array", "items": {"type": "number", "minimum": 0},
                                                "minItems": 2, "maxItems": 2}}}
SCHEMA = {
    "type": "object", "additionalProperties": False, "required": ["bands", "rules"],
    "properties": {
        "bands": {"type": "object", "additionalProperties": False, "required": list(BANDS[1:]),
                  "properties": {b: {"type": "number", "minimum": 0} for b in BANDS[1:]}},
        "rules": {"type": "object", "additionalProperties": False,
                  "properties": {name: _rule_schema(params) for name, params in PARAMS.items()}},
        "high_risk_routes": {"type": "object", "additionalProperties": False,
                             "properties": {m: {"type": "array", "items": {"type": "string"}} for m in MAIL_CLASSES}},
        "currency_rates_usd": {"type": "object", "propertyNames": {"pattern": "^[A-Z]{3}$"},
                               "additionalProperties": {"type": "number", "exclusiveMinimum": 0}},
        "goods_classes": {"type": "object", "additionalProperties": _goods_class},
    },
}


class RulesError(ValueError):
    pass


@dataclass(frozen=True)
class GoodsClass:
    name: str
    headings: frozenset
    chapters: frozenset
    words: re.Pattern | None
    max_unit_kg: float
    value_per_kg: tuple


@dataclass(frozen=True)
class RuleSet:
    bands: dict           # band -> lowest score
    rules: dict           # rule id -> its settings (weight, enabled, explanation, parameters)
    high_risk_routes: dict  # mail class -> frozenset of alpha-3 codes
    currency_rates_usd: dict
    goods_classes: tuple
    data: dict            # the merged mapping, as loaded

    def enabled(self, rule_id):
        return self.rules[rule_id]["enabled"]

    def band(self, score):
        band = BANDS[0]
        for name in BANDS[1:]:
            if score >= self.bands[name]:
                band = name
        return band


def word_pattern(words):
    """One regular expression matching any of `words` as whole words, case-insensitively."""
    if not words:
        return None
    alternatives = sorted((re.escape(w.lower()) for w in words), key=len, reverse=True)
    return re.compile(r"(?<![a-z0-9])(?:" + "|".join(alternatives) + r")(?![a-z0-9])")


def merged(overrides):
    data = yaml.safe_load(DEFAULT_RULES.read_text(encoding="utf-8"))
    if overrides is None:
        return data
    if not isinstance(overrides, dict):
        raise RulesError("screening: must be a mapping")
    data = copy.deepcopy(data)
    for key, value in overrides.items():
        if key == "rules" and isinstance(value, dict):
            for rule_id, settings in value.items():
                base = data["rules"].get(rule_id, {})
                data["rules"][rule_id] = {**base, **settings} if isinstance(settings, dict) else settings
        else:
            data[key] = value
    return data


def load_rules(overrides=None) -> RuleSet:
    """The default rule set with `overrides` (a profile's `screening:` mapping) laid over it."""
    data = merged(overrides)
    try:
        jsonschema.validate(data, SCHEMA)
    except jsonschema.ValidationError as exc:
        where = "/".join(map(str, ["screening", *exc.absolute_path]))
        raise RulesError(f"{where}: {exc.message}") from None
    bands = data["bands"]
    if not bands["document_check"] <= bands["xray"] <= bands["physical_inspection"]:
        raise RulesError("screening/bands: document_check <= xray <= physical_inspection is required")
    routes = {}
    for mail_class, codes in data.get("high_risk_routes", {}).items():
        unknown = [c for c in codes if c.upper() not in COUNTRIES]
        if unknown:
            raise RulesError(f"screening/high_risk_routes/{mail_class}: {unknown[0]!r} is not a country code")
        routes[mail_class] = frozenset(COUNTRIES[c.upper()] for c in codes)
    classes = tuple(GoodsClass(name, frozenset(g.get("headings", ())), frozenset(g.get("chapters", ())),
                               word_pattern(g.get("words")), g["max_unit_kg"], tuple(g["value_per_kg"]))
                    for name, g in data.get("goods_classes", {}).items())
    return RuleSet(bands=dict(bands), rules=data["rules"], high_risk_routes=routes,
                   currency_rates_usd=data.get("currency_rates_usd", {}), goods_classes=classes, data=data)


def profile_section(path):
    """The `screening:` section of a country profile YAML file (None when it has none)."""
    try:
        data = yaml.safe_load(Path(path).read_text(encoding="utf-8")) or {}
    except (OSError, yaml.YAMLError) as exc:
        raise RulesError(f"cannot read {path}: {exc}") from exc
    return data.get("screening") if isinstance(data, dict) else None


def load_profile_rules(path) -> RuleSet:
    return load_rules(profile_section(path))


@lru_cache(maxsize=1)
def _active(path):
    return load_profile_rules(path)


def active_rules() -> RuleSet:
    """The rule set of the configured country profile."""
    from django.conf import settings

    return _active(str(settings.ARMSTRACE_PROFILE))
