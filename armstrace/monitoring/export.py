"""IAFQ rows written in the UNODC portal's long layout, as XLSX or CSV."""

import io

import pycountry
from openpyxl import Workbook
from openpyxl.styles import Font

from armstrace.core.spreadsheet import SafeCsvWriter, append_xlsx_row
from armstrace.monitoring.models import PortalValue
from armstrace.monitoring.portal import COLUMNS

SOURCE = "IAFQ"


def country_columns(iso3, name=""):
    """(Iso3_code, Country, Region, Subregion). Country name, region and subregion follow the UNODC portal: they are
    taken from the latest imported portal dataset that has the country; otherwise the ISO 3166 name is used and
    region and subregion are left blank."""
    known = (PortalValue.objects.filter(iso3=iso3).order_by("-dataset__imported_at")
             .values_list("country", "region", "subregion").first())
    if known:
        return iso3, known[0], known[1], known[2]
    country = pycountry.countries.get(alpha_3=iso3)  # the ISO name, not the profile's display name
    return iso3, country.name if country else (name or iso3), "", ""


def long_rows(rows, year, iso3, name=""):
    head = country_columns(iso3, name)
    for r in rows:
        yield [*head, r.indicator, r.dimension, r.category, r.sex, r.age, year, "Counts", r.value, SOURCE]


def to_csv(rows, year, iso3, name=""):
    out = io.StringIO()
    writer = SafeCsvWriter(out, lineterminator="\n")
    writer.writerow(COLUMNS)
    writer.writerows(long_rows(rows, year, iso3, name))
    return out.getvalue()


def to_xlsx(rows, year, iso3, name=""):
    wb = Workbook()
    ws = wb.active
    ws.title = f"IAFQ {year}"
    ws.append(COLUMNS)
    for cell in ws[1]:
        cell.font = Font(bold=True)
    for row in long_rows(rows, year, iso3, name):
        append_xlsx_row(ws, row)
    ws.freeze_panes = "A2"
    for col, width in zip("ABCDEFGHIJKLM", (10, 24, 12, 18, 44, 32, 60, 8, 8, 6, 12, 10, 8), strict=True):
        ws.column_dimensions[col].width = width
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()
