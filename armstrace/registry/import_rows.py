"""Validation of one CSV row of the firearms import (registry/importer.py): reference data, attributes,
holder and licence, and the services' rules, with caches that keep memory bounded."""

from bisect import bisect_right
from datetime import date, timedelta
from functools import lru_cache

import pycountry
from django.utils import timezone

from armstrace.core.errors import RuleViolation
from armstrace.registry import services
from armstrace.registry.bulk import NewItem
from armstrace.registry.models import Calibre, EventKind, FirearmModel, FirearmType, Item, Licence, Make, Marking, Party

REQUIRED = {"serial_number", "make", "holder"}
HOW = {"registered": EventKind.REGISTERED, "imported": EventKind.IMPORTED, "manufactured": EventKind.MANUFACTURED}
# Longest value the database takes for each column that is stored as text.
MAX_LENGTHS = {
    "serial_number": Item._meta.get_field("serial_number").max_length,
    "location": Item._meta.get_field("location").max_length,
    "serial_position": Marking._meta.get_field("position").max_length,
    "import_mark": Marking._meta.get_field("text").max_length,
    "import_mark_position": Marking._meta.get_field("position").max_length,
}
CACHE_SIZE = 100_000


class RowValidator:
    """Turns a CSV row into a NewItem, or says what is wrong with it. Duplicate serial numbers (within the file and
    against the registry) are not its business: the importer finds them set-wise over the whole file."""

    def __init__(self):
        self.makes = {m.name.casefold(): m for m in Make.objects.all()}
        self.models = {(m.make_id, m.name.casefold()): m for m in FirearmModel.objects.select_related("calibre")}
        self.calibres = {c.name.casefold(): c for c in Calibre.objects.all()}
        self.types = {v for v in FirearmType.values}
        self.today = timezone.localdate()
        self.licence_ok, self.parties, self.bounds = {}, {}, {}  # caches, emptied when they grow past CACHE_SIZE
        self.country_ok = lru_cache(maxsize=1024)(lambda code: pycountry.countries.get(alpha_3=code) is not None)
        # No CSV column feeds the custom fields: check the profile's schema against none once, not per row.
        try:
            services._check_custom_fields({})
            self.custom_fields_error = None
        except RuleViolation as exc:
            self.custom_fields_error = exc.message

    def party(self, identifier):
        if identifier not in self.parties:
            _bound(self.parties)[identifier] = Party.objects.filter(identifier=identifier).order_by("pk").first()
        return self.parties[identifier]

    def licence_bounds(self, party_pk):
        """The days on which one of the party's licences starts or stops being valid."""
        if party_pk not in self.bounds:
            spans = Licence.objects.filter(party_id=party_pk).values_list("valid_from", "valid_until")
            _bound(self.bounds)[party_pk] = _bounds(spans)
        return self.bounds[party_pk]

    def prefetch(self, identifiers):
        """Look up the holders of a chunk of rows, and their licences, in two queries instead of two per holder."""
        identifiers = {i for i in identifiers if i and i not in self.parties}
        if not identifiers:
            return
        found = {}
        for party in Party.objects.filter(identifier__in=identifiers).order_by("-pk"):
            found[party.identifier] = party  # the lowest pk wins, as in _party
        licences = {}
        for party_id, valid_from, valid_until in Licence.objects.filter(party__in=found.values()).values_list(
                "party_id", "valid_from", "valid_until"):
            licences.setdefault(party_id, []).append((valid_from, valid_until))
        _bound(self.parties).update((i, found.get(i)) for i in identifiers)
        _bound(self.bounds).update((p.pk, _bounds(licences.get(p.pk, []))) for p in found.values())

    def check_licence(self, holder, day):
        """services.check_recipient_licence, asked once per holder and span of days in which none of the holder's
        licences starts or ends (its answer cannot differ within one), and again for the message when it refuses."""
        key = (holder.pk, bisect_right(self.licence_bounds(holder.pk), day))
        ok = self.licence_ok.get(key)
        if ok is None:
            try:
                services.check_recipient_licence(holder, day)
                ok = True
            except RuleViolation:
                ok = False
            _bound(self.licence_ok)[key] = ok
        if not ok:
            services.check_recipient_licence(holder, day)

    def __call__(self, row, line=0):
        values = {key: value.strip() for key, value in row.items() if value}
        get = lambda key: values.get(key, "")  # noqa: E731
        _check_text(row, get)
        make, model, calibre = self._references(get)
        firearm_type, country, year = self._attributes(get, model)
        how, day, holder = self._registration(get)
        serial = services.normalize_serial(get("serial_number"))
        if not serial:
            raise ValueError("serial_number has no letter or digit")
        markings = [services.MarkingInput(Marking.Kind.SERIAL, get("serial_number"), get("serial_position"))]
        if get("import_mark"):
            markings.append(services.MarkingInput(Marking.Kind.IMPORT, get("import_mark"), get("import_mark_position")))
        data = services.FirearmInput(
            serial_number=get("serial_number"), make=make, model=model, calibre=calibre, firearm_type=firearm_type,
            country_of_manufacture=country, year_of_manufacture=year, markings=markings,
        )
        entry = NewItem(line=line, data=data, how=how, holder=holder, location=get("location"),
                        occurred_at=services.as_datetime(day))
        try:
            services.check_entry(data, how, holder, entry.occurred_at, custom_fields=False)
        except RuleViolation as exc:
            raise ValueError(exc.message) from None
        if self.custom_fields_error:
            raise ValueError(self.custom_fields_error)
        return entry

    def _references(self, get):
        """The row's make, model and calibre, looked up in the reference data."""
        make = self.makes.get(get("make").casefold())
        if make is None:
            raise ValueError(f"unknown make “{get('make')}”")
        model = None
        if get("model"):
            model = self.models.get((make.pk, get("model").casefold()))
            if model is None:
                raise ValueError(f"unknown model “{get('model')}” for make {make.name}")
        calibre = None
        if get("calibre"):
            calibre = self.calibres.get(get("calibre").casefold())
            if calibre is None:
                raise ValueError(f"unknown calibre “{get('calibre')}”")
        return make, model, calibre

    def _attributes(self, get, model):
        """The row's firearm type, country and year of manufacture, checked."""
        firearm_type = get("type").lower().replace(" ", "_")
        if firearm_type and firearm_type not in self.types:
            raise ValueError(f"unknown type “{get('type')}” (expected one of {', '.join(sorted(self.types))})")
        if not firearm_type and model is None:
            raise ValueError("type is required when no model is given")
        country = get("country_of_manufacture").upper()
        if country and not self.country_ok(country):
            raise ValueError(f"country_of_manufacture “{country}” is not an ISO 3166 alpha-3 code")
        year = None
        if get("year_of_manufacture"):
            if not get("year_of_manufacture").isdigit() or not 1800 <= int(get("year_of_manufacture")) <= self.today.year:
                raise ValueError(f"year_of_manufacture “{get('year_of_manufacture')}” is not a year between 1800 and now")
            year = int(get("year_of_manufacture"))
        return firearm_type, country, year

    def _registration(self, get):
        """How, on which day and to which holder (with a valid licence that day) the row registers the item."""
        how = HOW.get(get("how").lower() or "registered")
        if how is None:
            raise ValueError(f"how must be one of {', '.join(HOW)}")
        day = self.today
        if get("registered_on"):
            try:
                day = date.fromisoformat(get("registered_on"))
            except ValueError:
                raise ValueError(f"registered_on “{get('registered_on')}” is not a date (YYYY-MM-DD)") from None
            if day > self.today:
                raise ValueError("registered_on is in the future")
        holder = self.party(get("holder"))
        if holder is None:
            raise ValueError(f"no holder has the number “{get('holder')}”")
        try:
            self.check_licence(holder, day)
        except RuleViolation as exc:
            raise ValueError(exc.message) from None
        return how, day, holder


def _check_text(row, get):
    """Required columns present, no NUL, UTF-8 text, no value longer than its database column."""
    problems = [f"{key} is required" for key in sorted(REQUIRED) if not get(key)]
    if problems:
        raise ValueError("; ".join(problems))
    text = "".join(v for v in row.values() if v)
    if "\x00" in text:
        raise ValueError(f"{next(k for k, v in row.items() if v and chr(0) in v)} contains a NUL character")
    try:
        text.encode()
    except UnicodeEncodeError:  # a byte that was not UTF-8, kept as a lone surrogate by read_rows
        raise ValueError(f"{next(k for k, v in row.items() if v and not _encodes(v))} is not UTF-8 text") from None
    too_long = [f"{key} is longer than {limit} characters" for key, limit in MAX_LENGTHS.items() if len(get(key)) > limit]
    if too_long:
        raise ValueError("; ".join(too_long))


def _bounds(spans):
    bounds = set()
    for valid_from, valid_until in spans:
        bounds.add(valid_from)
        if valid_until is not None and valid_until < date.max:
            bounds.add(valid_until + timedelta(days=1))
    return sorted(bounds)


def _bound(cache):
    """The cache, emptied first if it has grown past CACHE_SIZE entries (memory stays bounded)."""
    if len(cache) > CACHE_SIZE:
        cache.clear()
    return cache


def _encodes(text):
    try:
        text.encode()
        return True
    except UnicodeEncodeError:
        return False
