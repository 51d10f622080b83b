"""The case digest: its code lists, the JSON Schema of a digest file (format `armstrace-digest/1`), import (every
record validated, bad ones reported by index, all or nothing) and export by access level.

A digest file: {"format": "armstrace-digest/1", "cases": [CASE, ...]}; CASE is DIGEST_CASE_SCHEMA below. Persons
are given by role and count only: the schema has no place for a name. Texts are plain text; active content
(HTML, scripts) is refused as in messages."""

import jsonschema
import pycountry
from django.db import transaction
from django.utils.translation import gettext_lazy as _

from armstrace.core.errors import RuleViolation
from armstrace.exchange import markup
from armstrace.exchange.models import DigestCase
from armstrace.profile import get_profile

FORMAT = "armstrace-digest/1"

# Offences of the Firearms Protocol: code -> (article, label). Art. 5 criminalises; art. 8 is the marking duty.
PROTOCOL_OFFENCES = {
    "illicit_manufacturing": ("5", _("Illicit manufacturing (art. 5.1.a)")),
    "illicit_trafficking": ("5", _("Illicit trafficking (art. 5.1.b)")),
    "marking_tampering": ("5", _("Falsifying, obliterating or altering markings (art. 5.1.c)")),
    "unmarked_firearm": ("8", _("Firearm without the markings required (art. 8)")),
}
MODUS_OPERANDI = {
    "diversion": _("Diversion from legal trade"),
    "stockpile_theft": _("Theft from a stockpile"),
    "postal": _("Postal or courier trafficking"),
    "conversion": _("Conversion (e.g. of alarm or deactivated weapons)"),
    "3d_printing": _("3D printing"),
    "straw_purchase": _("Straw purchase"),
    "brokering": _("Brokering"),
    "online_sale": _("Online sale"),
    "concealment": _("Concealment in vehicles or cargo"),
    "other": _("Other"),
}
WEAPON_TYPES = ["pistol", "revolver", "rifle", "shotgun", "submachine_gun", "machine_gun", "other_firearm",
                "light_weapon", "parts", "ammunition"]
PERSON_ROLES = ["defendant", "convicted", "acquitted", "victim", "witness", "expert"]
TEXT_FIELDS = ("court", "case_number", "summary", "outcome", "lessons")


def national_offences():
    return {o["code"]: o for o in (get_profile().exchange or {}).get("national_offences", [])}


def case_schema():
    """The JSON Schema of one case (national offences from the profile)."""
    text = {"type": "string", "maxLength": 20000}
    return {
        "type": "object",
        "additionalProperties": False,
        "required": ["country", "court", "year", "case_number", "stage", "summary", "access_level"],
        "properties": {
            "country": {"type": "string", "pattern": "^[A-Z]{3}$"},
            "court": {"type": "string", "minLength": 1, "maxLength": 200},
            "year": {"type": "integer", "minimum": 1950, "maximum": 2100},
            "case_number": {"type": "string", "minLength": 1, "maxLength": 80},
            "stage": {"enum": list(DigestCase.Stage.values)},
            "language": {"enum": ["en", "fr", "es"]},
            "offences": {"type": "array", "uniqueItems": True,
                         "items": {"enum": sorted(PROTOCOL_OFFENCES) + sorted(national_offences())}},
            "modus_operandi": {"type": "array", "uniqueItems": True, "items": {"enum": list(MODUS_OPERANDI)}},
            "firearms": {"type": "array", "items": {
                "type": "object", "additionalProperties": False, "required": ["type", "count"],
                "properties": {"type": {"enum": WEAPON_TYPES}, "count": {"type": "integer", "minimum": 1}}}},
            "persons": {"type": "array", "items": {
                "type": "object", "additionalProperties": False, "required": ["role", "count"],
                "properties": {"role": {"enum": PERSON_ROLES}, "count": {"type": "integer", "minimum": 1}}}},
            "summary": {**text, "minLength": 1},
            "outcome": text,
            "legal_sources": {"type": "array", "items": {"type": "string", "maxLength": 300}},
            "lessons": text,
            "access_level": {"enum": list(DigestCase.Level.values)},
            "seizure_cases": {"type": "array", "items": {"type": "string", "maxLength": 64},
                              "description": "numbers of this registry's seizure cases"},
        },
    }


def file_schema():
    return {"$schema": "https://json-schema.org/draft/2020-12/schema", "title": "ArmsTrace case digest",
            "type": "object", "additionalProperties": False, "required": ["format", "cases"],
            "properties": {"format": {"const": FORMAT}, "cases": {"type": "array", "items": case_schema()}}}


def case_errors(record):
    """The problems of one case record, as "field: message" strings (empty when it is good)."""
    validator = jsonschema.Draft202012Validator(case_schema())
    errors = [f"{'/'.join(map(str, e.path)) or '(case)'}: {e.message}" for e in validator.iter_errors(record)]
    if errors:
        return errors
    if pycountry.countries.get(alpha_3=record["country"]) is None:
        errors.append(f"country: {record['country']} is not an ISO 3166 alpha-3 code")
    for name in TEXT_FIELDS:
        try:
            markup.check_safe(record.get(name, ""), name)
        except RuleViolation as exc:
            errors.append(f"{name}: {exc.message}")
    for index, source in enumerate(record.get("legal_sources", [])):
        try:
            markup.check_safe(source)
        except RuleViolation as exc:
            errors.append(f"legal_sources/{index}: {exc.message}")
    return errors


def articles_of(offences):
    national = national_offences()
    articles = {PROTOCOL_OFFENCES[o][0] for o in offences if o in PROTOCOL_OFFENCES}
    articles |= {national[o]["protocol_article"].split(".")[0] for o in offences
                 if o in national and national[o].get("protocol_article")}
    return sorted(articles)


def _fields(record):
    fields = {k: record.get(k, default) for k, default in (
        ("court", ""), ("year", None), ("stage", ""), ("language", "en"), ("offences", []), ("modus_operandi", []),
        ("firearms", []), ("persons", []), ("summary", ""), ("outcome", ""), ("legal_sources", []),
        ("lessons", ""), ("access_level", "internal"))}
    fields["articles"] = articles_of(fields["offences"])
    fields["search_text"] = "\n".join([record["court"], record["case_number"], fields["summary"], fields["outcome"],
                                       fields["lessons"], *fields["legal_sources"]])
    return fields


def save_case(record):
    """Create or update (by country and case number) one validated case."""
    from armstrace.custody.models import SeizureCase

    case, _created = DigestCase.objects.update_or_create(
        country=record["country"], case_number=record["case_number"], defaults=_fields(record))
    case.seizure_cases.set(SeizureCase.objects.filter(number__in=record.get("seizure_cases", [])))
    return case


def import_digest(data):
    """Import a digest file's content: every record validated first; any bad record refuses the whole file.
    Returns the cases; raises DigestErrors([(index, message), ...])."""
    if not isinstance(data, dict) or data.get("format") != FORMAT or not isinstance(data.get("cases"), list):
        raise DigestErrors([(None, f'not a digest file: expected {{"format": "{FORMAT}", "cases": [...]}}')])
    errors, seen = [], {}
    for index, record in enumerate(data["cases"]):
        problems = case_errors(record) if isinstance(record, dict) else ["(case): not an object"]
        key = (record.get("country"), record.get("case_number")) if isinstance(record, dict) else None
        if key in seen and not problems:
            problems.append(f"case_number: the same case as record {seen[key]}")
        seen.setdefault(key, index)
        errors += [(index, p) for p in problems]
    if errors:
        raise DigestErrors(errors)
    with transaction.atomic():
        return [save_case(record) for record in data["cases"]]


class DigestErrors(Exception):
    def __init__(self, errors):
        super().__init__("; ".join(f"case {i}: {m}" if i is not None else m for i, m in errors))
        self.errors = errors


LEVELS_SHARED = {"public": ["public"], "partners": ["public", "partners"],
                 "internal": ["public", "partners", "internal"]}


def as_record(case):
    record = {"country": case.country, "court": case.court, "year": case.year, "case_number": case.case_number,
              "stage": case.stage, "language": case.language, "offences": case.offences,
              "modus_operandi": case.modus_operandi, "firearms": case.firearms, "persons": case.persons,
              "summary": case.summary, "outcome": case.outcome, "legal_sources": case.legal_sources,
              "lessons": case.lessons, "access_level": case.access_level}
    numbers = sorted(case.seizure_cases.values_list("number", flat=True))
    if numbers and case.access_level == "internal":  # registry case numbers stay inside the installation
        record["seizure_cases"] = numbers
    return record


def export_digest(level="public"):
    """The digest file of the cases shared at `level` (public: only public cases)."""
    cases = DigestCase.objects.filter(access_level__in=LEVELS_SHARED[level]).prefetch_related("seizure_cases")
    return {"format": FORMAT, "cases": [as_record(c) for c in cases]}
