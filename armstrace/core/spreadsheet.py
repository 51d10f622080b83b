"""Cells of every CSV and XLSX file the system writes, and checks of the CSV files it reads.

Formula injection (OWASP "CSV injection"): a spreadsheet runs a text cell that starts with `=`, `+`, `-`, `@`, a
tab or a carriage return as a formula (`=HYPERLINK(...)` from an imported portal file, a holder's name...). Such
text is written with a leading apostrophe in CSV, and as a quote-prefixed string cell in XLSX, so that it is shown,
never run. Numbers (and text that is just a number, such as "-3") stay as they are.
"""

import csv
import re
from collections import Counter

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
_NUMBER = re.compile(r"[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?")


def is_formula_like(value) -> bool:
    return isinstance(value, str) and value.startswith(FORMULA_STARTS) and not _NUMBER.fullmatch(value)


def safe_cell(value):
    """`value` as a CSV cell that no spreadsheet runs."""
    return "'" + value if is_formula_like(value) else value


def safe_row(row):
    return [safe_cell(v) for v in row]


class SafeCsvWriter:
    """csv.writer whose cells go through safe_cell."""

    def __init__(self, f, **kwargs):
        self._writer = csv.writer(f, **kwargs)

    def writerow(self, row):
        return self._writer.writerow(safe_row(row))

    def writerows(self, rows):
        for row in rows:
            self.writerow(row)


class SafeDictWriter(csv.DictWriter):
    """csv.DictWriter whose cells go through safe_cell (the header is the caller's own)."""

    def writerow(self, rowdict):
        return super().writerow({k: safe_cell(v) for k, v in rowdict.items()})

    def writerows(self, rowdicts):
        for row in rowdicts:
            self.writerow(row)


def append_xlsx_row(ws, row):
    """Append `row` to the openpyxl worksheet `ws`; formula-like text becomes a quote-prefixed string cell."""
    ws.append(row)
    for cell, value in zip(ws[ws.max_row], row, strict=False):
        if is_formula_like(value):
            cell.value, cell.data_type, cell.quotePrefix = value, "s", True


def header_problems(header, required, allowed=None) -> list:
    """What is wrong with a CSV header: `required` columns missing, columns not `allowed` (when given), columns given
    more than once (a row's values would be ambiguous)."""
    missing = [c for c in required if c not in header]
    unknown = [c for c in header if allowed is not None and c not in allowed]
    twice = sorted(name for name, n in Counter(header).items() if n > 1)
    return [text for text, names in (
        (f"missing columns {', '.join(missing)}", missing),
        (f"unknown columns {', '.join(unknown)} (allowed: {', '.join(allowed or [])})", unknown),
        (f"columns given more than once: {', '.join(twice)}", twice)) if names]


def strict_reader(f):
    """csv.reader that raises csv.Error on a malformed record (an unterminated quote at the end of the file
    included) instead of swallowing the rest of the file into one field."""
    return csv.reader(f, strict=True)


def csv_problem(exc) -> str:
    """What a csv.Error raised by strict_reader says, in words."""
    if "unexpected end of data" in str(exc):
        return "a quoted field is never closed (unterminated quote)"
    return f"unreadable CSV ({exc})"


def xlsx_cells(ws, row):
    """`row` as cells for a write-only openpyxl worksheet `ws`; formula-like text becomes a quote-prefixed string."""
    from openpyxl.cell import WriteOnlyCell
    cells = []
    for value in row:
        cell = WriteOnlyCell(ws, value=value)
        if is_formula_like(value):
            cell.data_type, cell.quotePrefix = "s", True
        cells.append(cell)
    return cells
