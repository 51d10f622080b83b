"""Import of the UNODC data portal file (IAFQ firearms trafficking), CSV or XLSX, 2022 or 2024 release.

The file may start with title rows (agency, e-mail, release date) before the header row. Every row is validated
first; one bad row rejects the whole file (nothing is written) and the report names each bad line.
"""

import csv
import hashlib
import io
import re
from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from pathlib import Path

from django.db import transaction

from armstrace.core.spreadsheet import csv_problem, header_problems, strict_reader
from armstrace.monitoring import codelist as cl
from armstrace.monitoring.models import PortalDataset, PortalValue
from armstrace.monitoring.sdg import published_series

COLUMNS = ["Iso3_code", "Country", "Region", "Subregion", "Indicator", "Dimension", "Category", "Sex", "Age", "Year",
           "Unit of measurement", "VALUE", "Source"]
SEXES = {"na", "Total", "Male", "Female", "Unknown"}
AGES = {"na", "Total"}
DATE = re.compile(r"^\d{1,2}/\d{1,2}/\d{4}$")
MAX_ERRORS = 200


class ImportRejected(Exception):
    def __init__(self, errors):
        super().__init__(f"{len(errors)} bad line(s); nothing imported")
        self.errors = errors


@dataclass
class ReadResult:
    rows: list  # (line number, dict)
    release: str = ""
    errors: list = field(default_factory=list)


def _read_table(path):
    """Yield (line number, list of cell strings) for every row of a CSV or XLSX file."""
    path = Path(path)
    if path.suffix.lower() in (".xlsx", ".xlsm"):
        from openpyxl import load_workbook

        wb = load_workbook(path, read_only=True, data_only=True)
        try:
            for n, row in enumerate(wb.worksheets[0].iter_rows(values_only=True), start=1):
                yield n, ["" if v is None else (str(int(v)) if isinstance(v, float) and v.is_integer() else str(v))
                          for v in row]
        finally:
            wb.close()
        return
    text = path.read_bytes().decode("utf-8-sig")
    reader = strict_reader(io.StringIO(text))
    n = 0
    try:
        for row in reader:
            n += 1
            yield n, row
    except csv.Error as exc:
        raise ImportRejected([(n + 1, csv_problem(exc))]) from None


def _cells(path, result):
    """The rows of _read_table; a malformed CSV record (an unterminated quote) ends them with an error of its line."""
    try:
        yield from _read_table(path)
    except ImportRejected as exc:
        result.errors.extend(exc.errors)


def read_portal_file(path) -> ReadResult:
    """Parse and validate; never writes."""
    header_at, header, release = None, None, ""
    result = ReadResult(rows=[])
    for n, cells in _cells(path, result):
        cells = [c.strip() for c in cells]
        if header is None:
            if cells and cells[0] == "Iso3_code":
                header_at, header = n, cells
                problems = header_problems(header, COLUMNS)
                if problems:
                    result.errors.append((n, "; ".join(problems)))
                    return result
            else:
                release = release or next((c for c in cells if DATE.match(c)), "")
                if n > 10:
                    break
            continue
        if not any(cells):
            continue
        row = dict(zip(header, cells + [""] * (len(header) - len(cells)), strict=False))
        problems = _validate(row)
        if problems:
            result.errors.append((n, "; ".join(problems)))
            if len(result.errors) >= MAX_ERRORS:
                break
        else:
            result.rows.append((n, row))
    if header_at is None:
        result.errors.append((0, "no header row starting with Iso3_code in the first 10 lines"))
    result.release = release
    return result


def _validate(row):
    problems = []
    if not re.fullmatch(r"[A-Z]{3}", row["Iso3_code"]):
        problems.append(f"Iso3_code {row['Iso3_code']!r} is not 3 capital letters")
    for col in ("Country", "Indicator", "Dimension", "Category"):
        if not row[col]:
            problems.append(f"{col} is empty")
    if row["Sex"] not in SEXES:
        problems.append(f"Sex {row['Sex']!r} not in {sorted(SEXES)}")
    if row["Age"] not in AGES:
        problems.append(f"Age {row['Age']!r} not in {sorted(AGES)}")
    if not re.fullmatch(r"(19|20)\d\d", row["Year"]):
        problems.append(f"Year {row['Year']!r} is not a year")
    if row["Unit of measurement"] != cl.UNIT:
        problems.append(f"Unit of measurement {row['Unit of measurement']!r} is not {cl.UNIT!r}")
    try:
        value = Decimal(row["VALUE"])
        if not value.is_finite() or value < 0:
            raise InvalidOperation
    except InvalidOperation:
        problems.append(f"VALUE {row['VALUE']!r} is not a number >= 0")
    return problems


def file_sha256(path):
    return hashlib.sha256(Path(path).read_bytes()).hexdigest()


def import_portal_file(path, name=None) -> PortalDataset:
    """Validate the whole file, then store it in one transaction. Raises ImportRejected (nothing stored)."""
    path = Path(path)
    sha = file_sha256(path)
    if PortalDataset.objects.filter(file_sha256=sha).exists():
        raise ImportRejected([(0, f"this file was already imported (sha256 {sha[:12]}…)")])
    read = read_portal_file(path)
    if read.errors:
        raise ImportRejected(read.errors)
    values, renamed = [], 0
    for n, row in read.rows:
        category = cl.current_category(row["Indicator"], row["Dimension"], row["Category"])
        renamed += category != row["Category"]
        values.append(PortalValue(
            line=n, iso3=row["Iso3_code"], country=row["Country"], region=row["Region"], subregion=row["Subregion"],
            indicator=row["Indicator"], dimension=row["Dimension"], category=category,
            original_category=row["Category"] if category != row["Category"] else "", sex=row["Sex"],
            age=row["Age"], year=int(row["Year"]), unit=row["Unit of measurement"], value=Decimal(row["VALUE"]),
            source=row["Source"]))
    with transaction.atomic():
        dataset = PortalDataset.objects.create(
            name=name or path.name, file_name=path.name, file_sha256=sha, release=read.release,
            row_count=len(values), renamed_count=renamed)
        for v in values:
            v.dataset = dataset
        PortalValue.objects.bulk_create(values, batch_size=2000)
    return dataset


# ---------------------------------------------------------------- analysis

def tracing_counts(values, indicators=(cl.ARMS_SEIZED,)):
    """{iso3: {year: {TracingStatus: count}}} from portal values (dicts or PortalValue) of the tracing table."""
    out = defaultdict(lambda: defaultdict(lambda: defaultdict(int)))
    for v in values:
        get = v.get if isinstance(v, dict) else lambda k, v=v: getattr(v, k)
        if get("indicator") in indicators and get("dimension") == cl.BY_LOCATION:
            status = cl.TRACING_BY_LABEL.get(get("category"))
            if status is not None:
                out[get("iso3")][int(get("year"))][status] += int(get("value"))
    return out


def sdg_series_from_dataset(dataset, iso3):
    qs = dataset.values.filter(iso3=iso3, indicator=cl.ARMS_SEIZED, dimension=cl.BY_LOCATION,
                               category__in=list(cl.TRACING_BY_LABEL))
    counts = tracing_counts(qs.values("iso3", "year", "indicator", "dimension", "category", "value"))
    return published_series(counts.get(iso3, {}))
