"""Open-source seizure counts in the IAFQ table layout (the UNODC portal's long layout) with a `source` column:
official (only the registry has it), open source (only open sources have it) or both (linked, counted once)."""

import io

from armstrace.core.spreadsheet import SafeCsvWriter
from armstrace.monitoring import codelist as cl
from armstrace.monitoring.export import SOURCE, country_columns
from armstrace.monitoring.portal import COLUMNS
from armstrace.osint.merge import counts

OFFICIAL, OPEN_SOURCE, BOTH = "official", "open source", "both"


def long_rows(first_year, last_year):
    """Rows of seizure cases and arms seized per country, year and source (zero counts left out)."""
    for r in counts(first_year, last_year):
        head = country_columns(r.country)
        parts = [(OFFICIAL, r.official_only, r.official_firearms - r.overlap_firearms),
                 (OPEN_SOURCE, r.open_source_only, r.open_source_only_firearms),
                 (BOTH, r.overlap, r.overlap_firearms)]
        for source, cases, arms in parts:
            for indicator, value in ((cl.SEIZURE_CASES, cases), (cl.ARMS_SEIZED, arms)):
                if value:
                    yield [*head, indicator, cl.TOTAL, cl.TOTAL, cl.NA, cl.NA, r.year, "Counts", value, SOURCE,
                           source]


def to_csv(first_year, last_year):
    out = io.StringIO()
    writer = SafeCsvWriter(out, lineterminator="\n")
    writer.writerow([*COLUMNS, "source"])
    writer.writerows(long_rows(first_year, last_year))
    return out.getvalue()
