"""Hypothesis-generated CSV files, good rows mixed with rows broken in one way each, fed to the importer: every bad
row is refused with its line and a reason, the default mode imports nothing when any row is bad, and with a
quarantine file the imported set is exactly the good rows, computed here independently of the importer."""

import csv
import io
import re
from datetime import date, timedelta

import pytest
from django.db import transaction
from django.utils import timezone
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from armstrace.registry import services
from armstrace.registry.eventlog import verify_chain
from armstrace.registry.importer import COLUMNS, import_items
from armstrace.registry.models import FirearmModel, Item

GOOD_HOLDERS = ["ID-ALICE", "ID-BOB", "DLR-1", "GOV-POL"]
PREREGISTERED = [("Glock", "DB-0001"), ("Beretta", "DB-0002")]
TODAY = timezone.localdate()

# Each way of breaking a row, with what the refusal must say.
BROKEN = {
    "blank serial": "serial_number is required",
    "blank make": "make is required",
    "blank holder": "holder is required",
    "bad date": "is not a date",
    "future date": "in the future",
    "unknown make": "unknown make",
    "unknown model": "unknown model",
    "unknown calibre": "unknown calibre",
    "unknown holder": "no holder has the number",
    "unlicensed holder": "no valid licence",
    "unknown type": "unknown type",
    "bad country": "ISO 3166",
    "bad year": "is not a year",
    "bad how": "how must be one of",
    "serial without alphanumerics": "no letter or digit",
    "overlong serial": "longer than 64",
    "overlong location": "longer than 200",
    "NUL character": "NUL character",
    "not UTF-8": "is not UTF-8 text",
    "extra column": "more fields than columns",
}


def key(make, serial):
    """(make, serial) as the registry tells duplicates apart: case and separators ignored."""
    return make.casefold(), re.sub(r"[^0-9A-Z]", "", serial.upper())


@pytest.fixture
def models(registry):
    """Valid (make, model) pairs, and two items already in the registry."""
    pairs = [(m.make.name, m.name) for m in FirearmModel.objects.select_related("make")
             .filter(make__name__in=["Glock", "Beretta", "Smith & Wesson"]).order_by("pk")[:9]]
    for make, serial in PREREGISTERED:
        model = FirearmModel.objects.filter(make__name=make).first()
        services.create_item(services.FirearmInput(serial_number=serial, make=model.make, model=model),
                             holder=registry.alice)
    return pairs


serials = st.from_regex(r"[A-Z]{1,3}[0-9]{2,7}", fullmatch=True)
text = st.text(st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00\r"), max_size=30)


@st.composite
def good_row(draw, pairs, earlier):
    make, model = draw(st.sampled_from(pairs))
    if earlier and draw(st.booleans()):
        make, serial = draw(st.sampled_from(earlier))  # the same serial again, written otherwise
        variants = [serial.lower(), "-".join(serial), f" {serial} ", serial.replace("0", "0.")]
        serial = draw(st.sampled_from([v for v in variants if len(v.strip()) <= 64]))  # a longer one is refused
        model = draw(st.sampled_from([m for k, m in pairs if k == make] or [""]))
    elif draw(st.integers(0, 9)) == 0:
        make, serial = draw(st.sampled_from(PREREGISTERED))
        model = ""
    else:
        serial = draw(serials)
        if draw(st.booleans()):
            serial = serial[:2] + draw(st.sampled_from(["-", " ", "/", "."])) + serial[2:]
    day = draw(st.dates(date(2000, 1, 1), TODAY))
    imported = draw(st.booleans())
    return {
        "serial_number": serial, "make": draw(st.sampled_from([make, make.upper(), make.lower()])), "model": model,
        "type": draw(st.sampled_from(["", "pistol", "Rifle", "submachine gun"])) if model else "pistol",
        "calibre": draw(st.sampled_from(["", "9x19mm Parabellum", ".22 lr"])),
        "country_of_manufacture": draw(st.sampled_from(["", "USA", "aut", "KEN"])),
        "year_of_manufacture": draw(st.sampled_from(["", "1800", str(TODAY.year), "1999"])),
        "holder": draw(st.sampled_from(GOOD_HOLDERS)), "how": draw(st.sampled_from(["", "registered", "Imported",
                                                                                     "manufactured"])),
        "registered_on": day.isoformat() if draw(st.integers(0, 5)) else "", "location": draw(text),
        "serial_position": draw(text), "import_mark": f"KEN {day.year % 100:02d}" if imported else "",
        "import_mark_position": draw(text) if imported else "",
    }


def break_row(draw, row, how):
    row = dict(row)
    if how.startswith("blank "):
        row[{"serial": "serial_number"}.get(how[6:], how[6:])] = draw(st.sampled_from(["", "   "]))
    elif how == "bad date":
        row["registered_on"] = draw(st.sampled_from(["2019-02-30", "yesterday", "31/12/2020", "2020-13-01"]))
    elif how == "future date":
        row["registered_on"] = (TODAY + timedelta(days=draw(st.integers(1, 5000)))).isoformat()
    elif how == "unknown make":
        row["make"] = "Acme " + draw(serials)
    elif how == "unknown model":
        row["model"] = "No Such Model " + draw(serials)
    elif how == "unknown calibre":
        row["calibre"] = draw(st.sampled_from(["9.99mm Fantasy", "12 bore-ish"]))
    elif how == "unknown holder":
        row["holder"] = "NOBODY-" + draw(serials)
    elif how == "unlicensed holder":
        row["holder"] = "ID-CAROL"
    elif how == "unknown type":
        row["type"] = draw(st.sampled_from(["blunderbuss", "cannon"]))
    elif how == "bad country":
        row["country_of_manufacture"] = draw(st.sampled_from(["XX", "ZZZ", "KENYA"]))
    elif how == "bad year":
        row["year_of_manufacture"] = draw(st.sampled_from(["1700", "19x9", str(TODAY.year + 1), "-5"]))
    elif how == "bad how":
        row["how"] = draw(st.sampled_from(["stolen", "found"]))
    elif how == "serial without alphanumerics":
        row["serial_number"] = draw(st.sampled_from(["-", "./-", "###"]))
    elif how == "overlong serial":
        row["serial_number"] = "S" * draw(st.integers(65, 400))
    elif how == "overlong location":
        row["location"] = "L" * draw(st.integers(201, 1000))
    elif how == "NUL character":
        row[draw(st.sampled_from(["location", "serial_number", "serial_position"]))] += "\x00"
    elif how == "not UTF-8":  # a lone byte 0xFF in the file
        field = draw(st.sampled_from(["serial_number", "location", "model"]))
        row[field] = row[field][:1] + "\udcff" + row[field][1:]
    elif how == "extra column":
        row[None] = [draw(text)]
    return row


@st.composite
def csv_file(draw, pairs):
    """(bytes, [(line, expected reason or None, row)]) — the expected outcome of each row, decided here."""
    rows, earlier = [], []
    for _ in range(draw(st.integers(1, 12))):
        row = draw(good_row(pairs, earlier))
        broken = draw(st.one_of(st.none(), st.sampled_from(sorted(BROKEN))))
        if broken is not None:
            row = break_row(draw, row, broken)
        else:
            earlier.append((row["make"], row["serial_number"].strip()))
        rows.append((broken, row))
    out, line, expected = io.StringIO(), 2, []
    writer = csv.writer(out)
    writer.writerow(COLUMNS)
    for broken, row in rows:
        start = out.tell()
        writer.writerow([row.get(c, "") for c in COLUMNS] + row.get(None, []))
        expected.append((line, BROKEN.get(broken), row))
        line += out.getvalue()[start:].count("\n")
    return out.getvalue().encode("utf-8", errors="surrogateescape"), expected


def outcome(expected):
    """Which rows the importer must refuse (line -> reason) and which (make, serial) keys it must import: a row not
    broken is still refused when its serial is already registered for its make, or was taken by an earlier row."""
    refused, imported = {}, set()
    registered = {key(make, serial) for make, serial in PREREGISTERED}
    for line, reason, row in expected:
        if reason is None:
            k = key(row["make"], row["serial_number"])
            if k in registered:
                reason = "already registered"
            elif k in imported:
                reason = "appears twice in the file"
            else:
                imported.add(k)
                continue
        refused[line] = reason
    return refused, imported


def imported_keys():
    return {key(make, serial) for make, serial in Item.objects.values_list("make__name", "serial_number")
            if (make, serial) not in PREREGISTERED}


class Rollback(Exception):
    pass


def rolled_back(check):
    try:
        with transaction.atomic():
            check()
            raise Rollback
    except Rollback:
        pass


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture,
                                                                  HealthCheck.too_slow, HealthCheck.data_too_large])
@given(data=st.data())
def test_every_bad_row_is_refused_and_no_good_row_is_lost(models, tmp_path, data):
    content, expected = data.draw(csv_file(models))
    path = tmp_path / "fuzz.csv"
    path.write_bytes(content)
    refused, good = outcome(expected)
    before = Item.objects.count()

    def all_or_nothing():
        result = import_items(path)
        assert {e.line for e in result.errors} == set(refused)
        assert result.refused == bool(refused)
        assert imported_keys() == (set() if refused else good)

    def with_quarantine():
        bad = tmp_path / "bad.csv"
        result = import_items(path, quarantine=bad)
        got = {e.line: e.reason for e in result.errors}
        assert set(got) == set(refused)
        for line, reason in refused.items():
            assert reason in got[line], (line, reason, got[line])
        assert result.imported == len(good) and imported_keys() == good
        assert Item.objects.count() == before + len(good)
        if refused:
            with open(bad, newline="", encoding="utf-8", errors="surrogateescape") as f:
                assert [int(r["line"]) for r in csv.DictReader(f)] == sorted(refused)
        assert verify_chain().ok

    rolled_back(all_or_nothing)
    rolled_back(with_quarantine)
