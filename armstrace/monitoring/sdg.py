"""SDG indicator 16.4.2 (series VC_ARM_SZTRACE): proportion of seized, found or surrendered arms whose illicit
origin or context has been traced or established by a competent authority.

Formula, over the arms of one country and year counted by IAFQ tracing status:

    numerator   = illegitimate owner in national registry + illegitimate owner in foreign registry
                  + point of diversion otherwise identified
    denominator = numerator + tracing attempted with no point of diversion + tracing pending + not initiated
    value       = 100 * numerator / denominator            (undefined when the denominator is 0)

Arms traced to a legitimate owner and arms not uniquely identifiable are outside both terms.

How the published series uses it (established on the 2024 portal release against the SDG database, see
tests/test_sdg_reproduction.py):
- only the "Arms seized" counts enter it (adding found and surrendered arms explains fewer published values);
- the value published for year Y is the plain mean of the per-year *ratios* of Y and Y+1, over the years whose
  ratio is defined ("Y-Y+1 average based on available data"); the ratio of the pooled counts explains fewer
  values. With no defined ratio for Y+1 the published value is the ratio of Y alone, without footnote.
- values are published rounded to 2 decimals.
"""

import io
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from xml.sax.saxutils import quoteattr

import pycountry
from django.utils import timezone

from armstrace.core.spreadsheet import SafeCsvWriter
from armstrace.tracing.status import TracingStatus

NUMERATOR = (TracingStatus.ILLEGITIMATE_OWNER_NATIONAL, TracingStatus.ILLEGITIMATE_OWNER_FOREIGN,
             TracingStatus.POINT_OF_DIVERSION)
DENOMINATOR_ONLY = (TracingStatus.NO_POINT_OF_DIVERSION, TracingStatus.PENDING, TracingStatus.NOT_INITIATED)
DENOMINATOR = NUMERATOR + DENOMINATOR_ONLY

SERIES = "VC_ARM_SZTRACE"
CENT = Decimal("0.01")


@dataclass(frozen=True)
class Ratio:
    numerator: int
    denominator: int

    @property
    def value(self):
        """Percentage, exact (Decimal), or None when no arm is in the denominator."""
        if not self.denominator:
            return None
        return Decimal(100 * self.numerator) / Decimal(self.denominator)


def proportion_traced(counts) -> Ratio:
    """The 16.4.2 ratio of one country-year. `counts` maps a TracingStatus (or its value) to a number of arms;
    statuses outside the formula are ignored, missing ones count 0."""
    counts = {str(k): v for k, v in counts.items()}
    for status in DENOMINATOR:
        if (counts.get(str(status)) or 0) < 0:
            raise ValueError(f"negative count for {status}")
    numerator = sum(int(counts.get(str(s)) or 0) for s in NUMERATOR)
    return Ratio(numerator, numerator + sum(int(counts.get(str(s)) or 0) for s in DENOMINATOR_ONLY))


@dataclass(frozen=True)
class Observation:
    year: int
    value: Decimal  # rounded to 2 decimals, as published
    exact: Decimal
    years: tuple  # the years whose ratios were averaged
    ratio: Ratio  # the ratio of `year` alone

    @property
    def footnote(self):
        if len(self.years) == 2:
            return f"{self.years[0]}-{self.years[1]} average based on available data"
        return ""


def per_year(counts_by_year) -> dict:
    """{year: Ratio} from {year: {status: count}}."""
    return {int(year): proportion_traced(counts) for year, counts in counts_by_year.items()}


def two_year_mean(ratios, year):
    """Mean of the defined ratios of `year` and `year + 1`, as the published series does; None if `year` has none.
    Returns (exact value, years used)."""
    own = ratios.get(year)
    if own is None or own.value is None:
        return None, ()
    used = [y for y in (year, year + 1) if ratios.get(y) is not None and ratios[y].value is not None]
    return sum(ratios[y].value for y in used) / len(used), tuple(used)


def published_series(counts_by_year) -> list[Observation]:
    """The series as published: one observation per year with a defined ratio, valued by `two_year_mean`."""
    ratios = per_year(counts_by_year)
    series = []
    for year in sorted(ratios):
        exact, years = two_year_mean(ratios, year)
        if exact is not None:
            series.append(Observation(year, round_published(exact), exact, years, ratios[year]))
    return series


def round_published(value):
    return value.quantize(CENT, rounding=ROUND_HALF_UP)


# ---------------------------------------------------------------- SDMX

def m49(iso3):
    """The M49 code of a country as the SDG database writes REF_AREA (numeric, no leading zeros)."""
    country = pycountry.countries.get(alpha_3=iso3)
    if country is None:
        raise ValueError(f"{iso3} is not an ISO 3166-1 alpha-3 code")
    return str(int(country.numeric))


DSD = ("IAEG-SDGs", "SDG", "1.8")
DIMENSIONS = ["FREQ", "REPORTING_TYPE", "SERIES", "REF_AREA", "SEX", "AGE", "URBANISATION", "INCOME_WEALTH_QUANTILE",
              "EDUCATION_LEV", "OCCUPATION", "CUST_BREAKDOWN", "COMPOSITE_BREAKDOWN", "DISABILITY_STATUS", "ACTIVITY",
              "PRODUCT"]
SERIES_ATTRIBUTES = ["UNIT_MEASURE"]
OBS_ATTRIBUTES = ["OBS_STATUS", "UNIT_MULT", "NATURE", "COMMENT_OBS"]


def series_key(iso3, reporting_type="N"):
    key = {d: "_T" for d in DIMENSIONS}
    key.update(FREQ="A", REPORTING_TYPE=reporting_type, SERIES=SERIES, REF_AREA=m49(iso3))
    return key


def _obs_attributes(obs):
    return {"OBS_STATUS": "A", "UNIT_MULT": "0", "NATURE": "C", "COMMENT_OBS": obs.footnote}


def sdmx_csv(iso3, observations, reporting_type="N"):
    """SDMX-CSV (version 1.0 layout: DATAFLOW column, then dimensions, TIME_PERIOD, OBS_VALUE, attributes)."""
    out = io.StringIO()
    writer = SafeCsvWriter(out, lineterminator="\n")
    writer.writerow(["DATAFLOW", *DIMENSIONS, "TIME_PERIOD", "OBS_VALUE", *SERIES_ATTRIBUTES, *OBS_ATTRIBUTES])
    key = series_key(iso3, reporting_type)
    for obs in observations:
        attrs = _obs_attributes(obs)
        writer.writerow([f"{DSD[0]}:{DSD[1]}({DSD[2]})", *(key[d] for d in DIMENSIONS), obs.year, obs.value, "PT",
                         *(attrs[a] for a in OBS_ATTRIBUTES)])
    return out.getvalue()


def sdmx_ml(iso3, observations, reporting_type="N", sender="ARMSTRACE", prepared=None):
    """SDMX-ML 2.1 structure-specific data message against IAEG-SDGs:SDG(1.8), laid out like the example in
    shared/data/sdmx (one Series with the dimensions as attributes, one Obs per year)."""
    prepared = (prepared or timezone.now()).strftime("%Y-%m-%dT%H:%M:%SZ")
    agency, dsd_id, version = DSD
    ns = f"urn:sdmx:org.sdmx.infomodel.datastructure.DataStructure={agency}:{dsd_id}({version}):ObsLevelDim:TIME_PERIOD"
    struct = f"{agency}_{dsd_id}_{version.replace('.', '_')}"
    key = series_key(iso3, reporting_type)
    series_attrs = " ".join(f"{d}={quoteattr(key[d])}" for d in DIMENSIONS) + ' UNIT_MEASURE="PT"'
    lines = [
        '<?xml version="1.0" encoding="UTF-8"?>',
        '<message:StructureSpecificData '
        'xmlns:ss="http://www.sdmx.org/resources/sdmxml/schemas/v2_1/data/structurespecific" '
        f'xmlns:ns1={quoteattr(ns)} '
        'xmlns:message="http://www.sdmx.org/resources/sdmxml/schemas/v2_1/message" '
        'xmlns:common="http://www.sdmx.org/resources/sdmxml/schemas/v2_1/common" '
        'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">',
        "  <message:Header>",
        f"    <message:ID>{SERIES}_{key['REF_AREA']}</message:ID>",
        "    <message:Test>false</message:Test>",
        f"    <message:Prepared>{prepared}</message:Prepared>",
        f"    <message:Sender id={quoteattr(sender)}/>",
        f'    <message:Structure structureID="{struct}" namespace={quoteattr(ns)} dimensionAtObservation="TIME_PERIOD">',
        f'      <common:Structure><Ref agencyID="{agency}" id="{dsd_id}" version="{version}"/></common:Structure>',
        "    </message:Structure>",
        "    <message:DataSetAction>Information</message:DataSetAction>",
        f"    <message:DataSetID>{dsd_id}</message:DataSetID>",
        "  </message:Header>",
        f'  <message:DataSet ss:dataScope="DataStructure" xsi:type="ns1:DataSetType" ss:structureRef="{struct}" '
        'ss:action="Information">',
        f"  <Series {series_attrs}>",
    ]
    for obs in observations:
        attrs = {k: v for k, v in _obs_attributes(obs).items() if v}
        extra = " ".join(f"{k}={quoteattr(v)}" for k, v in attrs.items())
        lines.append(f'    <Obs TIME_PERIOD="{obs.year}" OBS_VALUE="{obs.value}" {extra}/>')
    lines += ["  </Series>", "  </message:DataSet>", "</message:StructureSpecificData>", ""]
    return "\n".join(lines)
