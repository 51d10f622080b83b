"""The OSINT dev set is well formed: keys and types of the spec's record, countries, splits, sources listed."""

import json
import re
from datetime import date
from pathlib import Path

import pycountry
import pytest

DATA = Path(__file__).parent / "data"
TOP_KEYS = {"id", "language", "title", "published", "source_url", "publisher", "split", "relevant", "text", "gold"}
GOLD_KEYS = {"date", "country", "location", "firearms_total", "firearms_by_type", "ammunition_rounds",
             "parts_components", "3d_printed", "postal_or_parcel", "arrests", "operation_name", "context"}
BY_TYPE_KEYS = {"pistol", "rifle", "shotgun", "revolver", "submachine_gun", "machine_gun", "light_weapon", "other",
                "handgun_unspecified", "long_gun_unspecified"}
COUNT_KEYS = ("firearms_total", "ammunition_rounds", "parts_components", "arrests")
LANGUAGES = ("en", "fr", "es")
ISO_DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")
MAX_TEXT = 4000


def load_rows():
    rows = []
    for number, line in enumerate((DATA / "devset.jsonl").read_text(encoding="utf-8").splitlines(), 1):
        assert line.strip(), f"line {number} is empty"
        rows.append(json.loads(line))
    return rows


ROWS = load_rows()


def by_language(language):
    return [row for row in ROWS if row["language"] == language]


def is_count(value):
    return isinstance(value, int) and not isinstance(value, bool) and value >= 0


def check_iso(value, where):
    assert ISO_DATE.match(value), f"{where}: {value!r} is not YYYY, YYYY-MM or YYYY-MM-DD"
    parts = [int(p) for p in value.split("-")] + [1, 1]
    date(parts[0], parts[1], parts[2])  # raises on an impossible date


def check_country(codes, where):
    assert isinstance(codes, list) and codes, f"{where}: country must be a non-empty list or null"
    assert len(set(codes)) == len(codes), f"{where}: repeated country"
    for code in codes:
        assert code == "XKX" or pycountry.countries.get(alpha_3=code), f"{where}: {code!r} is not ISO 3166-1 alpha-3"


def check_gold(gold, where):
    assert set(gold) == GOLD_KEYS, f"{where}: gold keys {sorted(set(gold) ^ GOLD_KEYS)}"
    if gold["date"] is not None:
        check_iso(gold["date"], where)
    if gold["country"] is not None:
        check_country(gold["country"], where)
    for key in COUNT_KEYS:
        assert gold[key] is None or is_count(gold[key]), f"{where}: {key} must be a count or null"
    by_type = gold["firearms_by_type"]
    if by_type is not None:
        assert isinstance(by_type, dict) and by_type, f"{where}: firearms_by_type must be a non-empty object or null"
        assert set(by_type) <= BY_TYPE_KEYS, f"{where}: unknown types {sorted(set(by_type) - BY_TYPE_KEYS)}"
        assert all(is_count(v) and v > 0 for v in by_type.values()), f"{where}: by-type counts must be positive"
    for key in ("3d_printed", "postal_or_parcel"):
        assert gold[key] in (None, True, False), f"{where}: {key} must be a boolean or null"
    for key in ("location", "operation_name", "context"):
        assert gold[key] is None or (isinstance(gold[key], str) and gold[key].strip()), f"{where}: {key}"


@pytest.mark.parametrize("row", ROWS, ids=[row.get("id", "?") for row in ROWS])
def test_row_has_the_format(row):
    where = row.get("id", "?")
    assert TOP_KEYS <= set(row) <= TOP_KEYS | {"notes"}, f"{where}: keys {sorted(set(row) ^ TOP_KEYS)}"
    assert re.match(r"^(en|fr|es)-\d{3}$", row["id"]) and row["id"][:2] == row["language"], where
    assert row["title"] is None or (isinstance(row["title"], str) and row["title"].strip()), where
    if row["published"] is not None:
        check_iso(row["published"], where)
    assert row["source_url"].startswith(("http://", "https://")), where
    assert isinstance(row["publisher"], str) and row["publisher"].strip(), where
    assert isinstance(row["relevant"], bool), where
    assert isinstance(row["text"], str) and 40 <= len(row["text"]) <= MAX_TEXT, f"{where}: text length"
    assert "notes" not in row or (isinstance(row["notes"], str) and row["notes"].strip()), where
    check_gold(row["gold"], where)


@pytest.mark.parametrize("row", ROWS, ids=[row.get("id", "?") for row in ROWS])
def test_gold_agrees_with_relevance_and_publication(row):
    gold, where = row["gold"], row["id"]
    if not row["relevant"]:
        assert all(value is None for value in gold.values()), f"{where}: an irrelevant text has an empty record"
        return
    assert gold["context"], f"{where}: a relevant text has a context"
    if gold["date"] and row["published"]:
        shorter = min(len(gold["date"]), len(row["published"]))
        assert gold["date"][:shorter] <= row["published"][:shorter], f"{where}: seizure after publication"


@pytest.mark.parametrize("row", ROWS, ids=[row.get("id", "?") for row in ROWS])
def test_counts_not_written_as_digits_are_explained(row):
    """A count that does not appear in the text in digits (a sum, words) needs a note saying how it was read."""
    digits_in_text = {re.sub(r"[\s.,\u202f\u00a0]", "", m) for m in re.findall(r"\d[\d\s.,\u202f\u00a0]*\d|\d", row["text"])}
    for key in COUNT_KEYS:
        value = row["gold"][key]
        if value is not None and value > 0 and str(value) not in digits_in_text:
            assert row.get("notes"), f"{row['id']}: {key}={value} is not in the text and has no note"


def test_ids_unique_and_consecutive_per_language():
    assert len({row["id"] for row in ROWS}) == len(ROWS)
    for language in LANGUAGES:
        numbers = [int(row["id"][3:]) for row in by_language(language)]
        assert numbers == list(range(1, len(numbers) + 1)), language


@pytest.mark.parametrize("language", LANGUAGES)
def test_split_keeps_about_a_third_aside(language):
    """Each item's split is recorded (LABELLING.md says how it was drawn); the holdout holds about a third of each
    language's texts, relevant ones and hard negatives alike."""
    rows = by_language(language)
    assert {row["split"] for row in rows} == {"dev", "holdout"}
    for subset in ([row for row in rows if row["relevant"]], [row for row in rows if not row["relevant"]]):
        holdout = sum(row["split"] == "holdout" for row in subset)
        assert len(subset) / 4 <= holdout <= len(subset) * 5 / 12, f"{language}: {holdout} of {len(subset)}"


@pytest.mark.parametrize("language", LANGUAGES)
def test_at_least_thirty_relevant_texts_per_language(language):
    assert sum(row["relevant"] for row in by_language(language)) >= 30


def test_every_excerpt_is_listed_in_sources():
    sources = (DATA / "SOURCES.md").read_text(encoding="utf-8")
    assert "short quotations" in sources and "evaluation only" in sources
    rows = {line.split("|")[1].strip(): line for line in sources.splitlines() if line.startswith("| ")}
    for row in ROWS:
        assert row["id"] in rows, f"{row['id']} missing from SOURCES.md"
        assert row["source_url"] in rows[row["id"]], f"{row['id']}: URL differs in SOURCES.md"
