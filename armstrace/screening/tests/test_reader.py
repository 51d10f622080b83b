"""The CSV and JSONL readers: good files become consignments; each bad field is reported with its line and column."""

import io
import json

import pytest

from armstrace.screening.consignment import CSV_COLUMNS
from armstrace.screening.reader import CsvReader, read_jsonl

GOOD = {
    "consignment_id": "C1", "operator": "DHL Express", "mail_class": "express", "tracking_id": "JD0001",
    "accepted_at": "2026-11-02T09:30:00Z", "sender_name": "Li Wei", "sender_address": "8 Nanjing Rd, Shanghai",
    "sender_country": "CN", "addressee_name": "Amina Njeri", "addressee_address": "Plot 7, Ngong Road, Nairobi",
    "addressee_phone": "+254712345678", "addressee_country": "KEN", "route": "CN>AE>KE", "category": "sale_of_goods",
    "description": "Phone case", "hs_code": "3926.90", "quantity": "2", "declared_weight_kg": "0.4",
    "measured_weight_kg": "0.42", "value": "12.50", "currency": "usd",
}


def csv_text(*rows, columns=CSV_COLUMNS):
    out = io.StringIO()
    out.write(",".join(columns) + "\n")
    for row in rows:
        out.write(",".join(f'"{row.get(c, "")}"' for c in columns) + "\n")
    return out.getvalue()


def records(*rows, columns=CSV_COLUMNS):
    return list(CsvReader(io.StringIO(csv_text(*rows, columns=columns))))


def test_good_rows_group_into_consignments_with_normalised_fields():
    second_line = {**GOOD, "description": "USB cable", "hs_code": "854442", "value": "3"}
    other = {**GOOD, "consignment_id": "C2", "route": "", "hs_code": "", "measured_weight_kg": ""}
    first, second = records(GOOD, second_line, other)
    c = first.consignment
    assert (first.line, c.sender_country, c.addressee_country, c.route) == (2, "CHN", "KEN", ("CHN", "ARE", "KEN"))
    assert [(line.hs_code, line.currency) for line in c.lines] == [("392690", "USD"), ("854442", "USD")]
    assert c.accepted_at.isoformat() == "2026-11-02T09:30:00+00:00" and c.quantity == 4
    assert second.line == 4 and second.consignment.route == ("CHN",) and second.consignment.measured_weight_kg is None
    assert second.consignment.lines[0].hs_code == ""


@pytest.mark.parametrize("column,value,message", [
    ("sender_country", "XY", "'XY' is not an ISO 3166 alpha-2 or alpha-3 country code"),
    ("addressee_country", "KENYA", "not an ISO 3166"),
    ("route", "CN>ZZ>KE", "route: 'ZZ' is not an ISO 3166"),
    ("hs_code", "87", "'87' is not an HS code of 4 to 10 digits"),
    ("hs_code", "87149X", "not an HS code"),
    ("hs_code", "12345678901", "not an HS code"),
    ("declared_weight_kg", "-1", "-1 is below 0 kg"),
    ("declared_weight_kg", "0", "must be more than 0 kg"),
    ("measured_weight_kg", "25000", "25000 is implausible (more than 1,000 kg)"),
    ("value", "-5", "-5 is below 0"),
    ("value", "1e12", "is implausible"),
    ("value", "nan", "is not a number"),
    ("quantity", "0", "not a whole number"),
    ("currency", "XXXX", "not an ISO 4217 currency code"),
    ("accepted_at", "02/11/2026", "not an ISO 8601 date and time"),
    ("mail_class", "pigeon", "'pigeon' is not one of letter, parcel, ems, express"),
    ("category", "bribe", "is not one of gift"),
    ("addressee_name", "", "is required"),
    ("description", " ", "is required"),
])
def test_bad_field_is_reported_with_its_line_and_column(column, value, message):
    good, bad = records(GOOD, {**GOOD, "consignment_id": "C2", column: value})
    assert good.consignment is not None and not good.errors
    assert bad.consignment is None
    assert [(e.line, e.column) for e in bad.errors] == [(3, column)]
    assert message in bad.errors[0].message
    assert str(bad.errors[0]).startswith(f"line 3, column {column}: ")


def test_a_bad_second_line_drops_the_whole_consignment():
    (record,) = records(GOOD, {**GOOD, "hs_code": "1"})
    assert record.consignment is None and [(e.line, e.column) for e in record.errors] == [(3, "hs_code")]


def test_a_second_line_that_contradicts_the_first_is_reported():
    (record,) = records(GOOD, {**GOOD, "addressee_country": "UG"})
    assert [(e.line, e.column) for e in record.errors] == [(3, "addressee_country")]


def test_a_missing_column_is_reported_on_the_header():
    columns = [c for c in CSV_COLUMNS if c != "hs_code"]
    reader = CsvReader(io.StringIO(csv_text(GOOD, columns=columns)))
    assert [(e.line, e.column) for e in reader.header_errors()] == [(1, "hs_code")]
    assert list(reader) == []


def test_line_numbers_count_quoted_newlines():
    text = csv_text({**GOOD, "addressee_address": "Plot 7\nNgong Road"}, {**GOOD, "consignment_id": "C2", "value": "-1"})
    records_ = list(CsvReader(io.StringIO(text)))
    assert records_[1].errors[0].line == 4


def jsonl_object(**changes):
    raw = {k: v for k, v in GOOD.items() if k not in ("description", "hs_code", "quantity", "value", "currency")}
    raw["lines"] = [{"description": "Phone case", "hs_code": "392690", "quantity": 2, "value": 12.5, "currency": "USD"}]
    raw.update(changes)
    return raw


def test_jsonl_nests_the_lines_and_reports_bad_fields_with_their_path():
    bad_line = jsonl_object(lines=[{"description": "Phone case", "hs_code": "39", "quantity": 1, "value": 1,
                                    "currency": "USD"}, {"description": "", "quantity": 1, "value": 1, "currency": "USD"}])
    text = "\n".join(json.dumps(o) for o in (jsonl_object(route=["CN", "KE"]), bad_line, jsonl_object(lines=[]))) + "\n{oops\n"
    good, bad, empty, broken = read_jsonl(io.StringIO(text))
    assert good.consignment.route == ("CHN", "KEN") and good.consignment.lines[0].quantity == 2
    assert [(e.line, e.column) for e in bad.errors] == [(2, "lines[0].hs_code"), (2, "lines[1].description")]
    assert [(e.line, e.column) for e in empty.errors] == [(3, "lines")]
    assert broken.errors[0].line == 4 and "invalid JSON" in broken.errors[0].message
