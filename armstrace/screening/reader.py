"""Streaming readers of consignment files: CSV (one content line a row) and JSONL (content lines nested).

Each yields a Record per consignment: the consignment (None when a field is bad), the file line where it starts,
its raw rows (to write them back with a score) and its errors, each naming the line and the column.
"""

import csv
import json
from dataclasses import dataclass, field

from armstrace.screening import fields as f
from armstrace.screening.consignment import CONSIGNMENT_COLUMNS, CSV_COLUMNS, Consignment, ContentLine

CONSIGNMENT_PARSERS = {
    "consignment_id": f.text, "operator": f.text, "mail_class": f.mail_class, "tracking_id": f.text,
    "accepted_at": f.timestamp, "sender_name": f.text, "sender_address": lambda v: f.text(v, required=False),
    "sender_country": f.country, "addressee_name": f.text, "addressee_address": f.text,
    "addressee_phone": lambda v: f.text(v, required=False), "addressee_country": f.country,
    "category": f.category, "declared_weight_kg": f.weight,
    "measured_weight_kg": lambda v: f.weight(v, required=False),
}
LINE_PARSERS = {"description": f.text, "hs_code": f.hs_code, "quantity": f.quantity,
                "value": lambda v: f.number(v, 0, f.MAX_VALUE), "currency": f.currency}


@dataclass
class RowError:
    line: int
    column: str
    message: str

    def __str__(self):
        return f"line {self.line}, column {self.column}: {self.message}"


@dataclass
class Record:
    line: int
    consignment: Consignment | None
    rows: list = field(default_factory=list)
    errors: list = field(default_factory=list)


def parse_fields(raw, parsers, line, errors, prefix=""):
    values = {}
    for name, parse in parsers.items():
        try:
            values[name] = parse(raw.get(name))
        except f.FieldError as exc:
            errors.append(RowError(line, prefix + name, str(exc)))
    return values


def build_consignment(raw, line, errors):
    """The consignment-level fields of `raw` (a CSV row or a JSON object); None if any is bad."""
    before = len(errors)
    values = parse_fields(raw, CONSIGNMENT_PARSERS, line, errors)
    if "sender_country" in values:
        try:
            values["route"] = f.route(raw.get("route"), values["sender_country"])
        except f.FieldError as exc:
            errors.append(RowError(line, "route", str(exc)))
    return Consignment(**values) if len(errors) == before else None


def build_line(raw, line, errors, prefix=""):
    before = len(errors)
    values = parse_fields(raw, LINE_PARSERS, line, errors, prefix)
    return ContentLine(**values) if len(errors) == before else None


class CsvReader:
    """Reads a CSV file whose consignments of several lines repeat their `consignment_id` on consecutive rows."""

    def __init__(self, stream):
        self.reader = csv.reader(stream)
        self.header = next(self.reader, None) or []
        self.header = [name.strip() for name in self.header]
        self.missing = [c for c in CSV_COLUMNS if c not in self.header]

    def header_errors(self):
        return [RowError(1, name, "column is missing from the header") for name in self.missing]

    def __iter__(self):
        if self.missing:
            return
        record = None
        width = len(self.header)
        for values in self.reader:
            if not any(v.strip() for v in values):
                continue
            row = dict(zip(self.header, values + [""] * (width - len(values))))
            line = self.reader.line_num
            if len(values) > width:
                row["_extra"] = values[width:]
            if record is not None and row["consignment_id"].strip() == record.rows[0]["consignment_id"].strip():
                self.add_line(record, row, line)
                continue
            if record is not None:
                yield record
            record = self.start(row, line)
        if record is not None:
            yield record

    def start(self, row, line):
        record = Record(line, None, [row])
        record.consignment = build_consignment(row, line, record.errors)
        self.check_extra(row, line, record)
        content = build_line(row, line, record.errors)
        if record.consignment is not None and content is not None:
            record.consignment.lines.append(content)
        if record.errors:
            record.consignment = None
        return record

    def add_line(self, record, row, line):
        """A further content line: its consignment columns must repeat the first row's (or be empty)."""
        record.rows.append(row)
        first = record.rows[0]
        for name in CONSIGNMENT_COLUMNS + ("route",):
            if row[name].strip() and row[name].strip() != first[name].strip():
                record.errors.append(RowError(line, name, f"differs from line {record.line} of the same consignment"))
        self.check_extra(row, line, record)
        content = build_line(row, line, record.errors)
        if record.errors:
            record.consignment = None
        elif record.consignment is not None:
            record.consignment.lines.append(content)

    @staticmethod
    def check_extra(row, line, record):
        if "_extra" in row:
            record.errors.append(RowError(line, "(row)", f"{len(row.pop('_extra'))} values more than the header has"))


def read_jsonl(stream):
    """One JSON object per line: the consignment fields and `lines`, a list of content-line objects."""
    for number, text in enumerate(stream, start=1):
        if not text.strip():
            continue
        try:
            raw = json.loads(text)
        except json.JSONDecodeError as exc:
            yield Record(number, None, [], [RowError(number, f"(char {exc.pos + 1})", f"invalid JSON: {exc.msg}")])
            continue
        yield record_from_object(raw, number)


def record_from_object(raw, line=1):
    """A consignment from a JSON object (a JSONL line or an API request body)."""
    if not isinstance(raw, dict):
        return Record(line, None, [raw], [RowError(line, "(row)", "is not a JSON object")])
    record = Record(line, None, [raw])
    consignment = build_consignment({k: _scalar(v) for k, v in raw.items() if k != "lines"}, line, record.errors)
    content = raw.get("lines")
    if not isinstance(content, list) or not content:
        record.errors.append(RowError(line, "lines", "must be a non-empty list of content lines"))
        return record
    for index, item in enumerate(content):
        prefix = f"lines[{index}]."
        if not isinstance(item, dict):
            record.errors.append(RowError(line, prefix[:-1], "is not a JSON object"))
            continue
        built = build_line({k: _scalar(v) for k, v in item.items()}, line, record.errors, prefix)
        if consignment is not None and built is not None:
            consignment.lines.append(built)
    record.consignment = None if record.errors else consignment
    return record


def _scalar(value):
    """JSON numbers and strings are read as the CSV's text; lists (a route) are joined by '>'."""
    if isinstance(value, list):
        return ">".join(map(str, value))
    return "" if value is None else str(value)


def open_records(path):
    """(records, header errors) of a .csv or .jsonl file; the caller closes nothing: iterate it to the end."""
    stream = open(path, newline="", encoding="utf-8-sig")
    if str(path).lower().endswith((".jsonl", ".ndjson")):
        return _closing(read_jsonl(stream), stream), []
    reader = CsvReader(stream)
    return _closing(iter(reader), stream), reader.header_errors()


def _closing(records, stream):
    with stream:
        yield from records
