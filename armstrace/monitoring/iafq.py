"""IAFQ statistics of one reporting year, computed from the registry (custody cases, registry items, tracing status).

Counting rules (documented because States publish these numbers):
- The year is the year of the case date (SeizureCase.occurred_on). An arm is counted once per case line
  (custody CaseItem): an arm seized twice in the year counts twice, as two seizures.
- "Arms" are registry items of category firearm (light weapons included, under "other weapons"); parts are items
  of category part and are only counted in "Parts and components seized" (seizure cases). Ammunition is the sum
  of the rounds of the seizure cases (CaseAmmunition.quantity).
- Arms seized / found / surrendered come from cases of kind seizure / found / surrender. The condition, legal
  justification, other suspected offences and place-of-seizure tables exist in the code list for seized arms
  only, so only seized arms are broken down that way.
- Every "Total" row is the total number of arms of the indicator, so an arm whose condition is unknown is in the
  condition total but in no condition category (the code list has no "unknown" condition).
- "by other suspected offences" has no total: an arm is counted under every offence listed by its case.
- The "by location" dimension holds two tables in the portal (place of seizure and tracing status) that share
  one "Total" row; it is written once.
- Tracing status comes from armstrace.tracing.services.iafq_tracing_status(item); an arm without a status is
  counted under "Unknown status regarding marking". The two subtotals ("total uniquely identifiable",
  "Total not uniquely identifiable") are sums of their categories.
- Persons are those of the year's cases (any kind) who were arrested / prosecuted / convicted, by sex
  (Age "Total"); the "Total" sex row is the sum of Male, Female and Unknown.
- Every combination of the code list that applies is written, zeros included, with Sex and Age "na" except for
  persons.
"""

from collections import Counter, defaultdict
from dataclasses import dataclass
from datetime import date

from django.db.models import Count, F, Sum, Value
from django.db.models.functions import Coalesce, NullIf

from armstrace.monitoring import codelist as cl
from armstrace.tracing.status import UNIQUELY_IDENTIFIABLE, TracingStatus


@dataclass(frozen=True)
class Row:
    indicator: str
    dimension: str
    category: str
    value: int
    sex: str = cl.NA
    age: str = cl.NA


def default_tracing_status():
    from armstrace.tracing.services import iafq_tracing_status  # the tracing app, loaded when first needed

    return iafq_tracing_status


def _year_range(year):
    return {"case__occurred_on__gte": date(year, 1, 1), "case__occurred_on__lt": date(year + 1, 1, 1)}


def compute(year, tracing_status=None) -> list[Row]:
    """Every IAFQ table of `year`, as rows of the portal's long layout."""
    from armstrace.custody.models import CaseAmmunition, CaseItem, CasePerson, SeizureCase
    from armstrace.registry.models import Item

    prefetch = () if tracing_status else TRACING_PREFETCH
    tracing_status = tracing_status or default_tracing_status()
    rows = []
    in_year = CaseItem.objects.filter(**_year_range(year))
    arms = in_year.filter(item__category=Item.Category.FIREARM)

    for kind, indicator in cl.ARMS_INDICATOR.items():
        qs = arms.filter(case__kind=kind)
        total = qs.count()
        if indicator == cl.ARMS_SEIZED:
            rows.append(Row(indicator, cl.TOTAL, cl.TOTAL, total))
        rows += _by_type(indicator, qs, total)
        if indicator == cl.ARMS_SEIZED:
            rows += _by_choice(indicator, cl.BY_CONDITION, qs, "condition", cl.CONDITION, total)
            rows += _by_choice(indicator, cl.BY_JUSTIFICATION, qs, "case__legal_justification", cl.JUSTIFICATION, total)
            rows += _by_offence(indicator, qs)
        rows += _by_choice(indicator, cl.BY_MARKING, qs, "marking_status", cl.MARKING, total,
                           total_label=cl.MARKING_TOTAL[indicator])
        if indicator == cl.ARMS_SEIZED:
            rows += _by_choice(indicator, cl.BY_LOCATION, qs, "case__location_type", cl.PLACE, total=None)
        rows += _by_tracing(indicator, qs, tracing_status, total, prefetch)

    seizures = SeizureCase.objects.filter(kind="seizure", occurred_on__gte=date(year, 1, 1),
                                          occurred_on__lt=date(year + 1, 1, 1))
    rows.append(Row(cl.PARTS_SEIZED, cl.TOTAL, cl.TOTAL,
                    in_year.filter(case__kind="seizure", item__category=Item.Category.PART).count()))
    rounds = CaseAmmunition.objects.filter(**_year_range(year), case__kind="seizure").aggregate(n=Sum("quantity"))["n"]
    rows.append(Row(cl.AMMUNITION_SEIZED, cl.TOTAL, cl.TOTAL, rounds or 0))
    rows.append(Row(cl.SEIZURE_CASES, cl.TOTAL, cl.TOTAL, seizures.count()))

    persons = CasePerson.objects.filter(**_year_range(year))
    for flag, indicator in (("arrested", cl.PERSONS_ARRESTED), ("prosecuted", cl.PERSONS_PROSECUTED),
                            ("convicted", cl.PERSONS_CONVICTED)):
        by_sex = dict(persons.filter(**{flag: True}).values_list("sex").annotate(n=Count("id")))
        for sex, label in cl.SEX.items():
            rows.append(Row(indicator, cl.TOTAL, cl.TOTAL, by_sex.get(sex, 0), sex=label, age=cl.TOTAL))
        rows.append(Row(indicator, cl.TOTAL, cl.TOTAL, sum(by_sex.values()), sex=cl.TOTAL, age=cl.TOTAL))
    return rows


def _by_type(indicator, qs, total):
    kind = Coalesce(NullIf(F("item__firearm_type"), Value("")), F("item__model__firearm_type"), Value(""))
    counts = Counter()
    for code, n in qs.annotate(kind=kind).values_list("kind").annotate(n=Count("id")):
        counts[cl.TYPE.get(code, cl.TYPE_UNKNOWN)] += n
    rows = [Row(indicator, cl.BY_TYPE, label, counts[label]) for label in cl.TYPE_CATEGORIES]
    if indicator != cl.ARMS_SEIZED:  # the code list has no "by type" total for seized arms (it has Total/Total)
        rows.append(Row(indicator, cl.BY_TYPE, cl.TOTAL, total))
    return rows


def _by_choice(indicator, dimension, qs, field, mapping, total, total_label=cl.TOTAL):
    counts = Counter()
    for code, n in qs.values_list(field).annotate(n=Count("id")):
        if code in mapping:
            counts[mapping[code]] += n
    labels = list(dict.fromkeys(mapping.values()))
    rows = [Row(indicator, dimension, label, counts[label]) for label in labels]
    if total is not None:
        rows.append(Row(indicator, dimension, total_label, total))
    return rows


def _by_offence(indicator, qs):
    counts = Counter()
    per_case = qs.values_list("case__suspected_offences").annotate(n=Count("id"))
    for offences, n in per_case:
        for code in dict.fromkeys(offences or []):  # a code listed twice counts once
            if code in cl.OFFENCE:
                counts[cl.OFFENCE[code]] += n
    return [Row(indicator, cl.BY_OFFENCE, label, counts[label]) for label in cl.OFFENCE.values()]


def _by_tracing(indicator, qs, tracing_status, total, prefetch=()):
    counts = Counter()
    for item in _items(qs, prefetch):
        status = tracing_status(item)
        counts[TracingStatus(status) if status else None] += 1
    rows = [Row(indicator, cl.BY_LOCATION, cl.TRACING[s], counts[s]) for s in TracingStatus]
    unique = sum(counts[s] for s in UNIQUELY_IDENTIFIABLE)
    not_unique = sum(counts[s] for s in TracingStatus if s not in UNIQUELY_IDENTIFIABLE)
    rows += [
        Row(indicator, cl.BY_LOCATION, cl.TRACING_UNIQUE_TOTAL, unique),
        Row(indicator, cl.BY_LOCATION, cl.TRACING_NOT_UNIQUE_TOTAL, not_unique),
        Row(indicator, cl.BY_LOCATION, cl.TRACING_UNKNOWN, counts[None]),
        Row(indicator, cl.BY_LOCATION, cl.TOTAL, total),
    ]
    return rows


# What tracing.services.iafq_tracing_status reads with `.all()`: fetched per chunk instead of per item.
TRACING_PREFETCH = ("item__markings", "item__tracing_requests")


def _items(case_items, prefetch=()):
    """The item of every case line, streamed (an arm in two cases of the year comes twice); no IN list, so a year
    of a million arms stays within SQLite's limit on query parameters."""
    lines = case_items.select_related("item", "item__model").order_by("pk")
    if prefetch:
        lines = lines.prefetch_related(*prefetch)
    for line in lines.iterator(chunk_size=2000):
        yield line.item


def tracing_counts(rows, indicator=cl.ARMS_SEIZED):
    """{TracingStatus: count} of one indicator's tracing table, for the SDG 16.4.2 calculator."""
    return {cl.TRACING_BY_LABEL[r.category]: r.value for r in rows
            if r.indicator == indicator and r.dimension == cl.BY_LOCATION and r.category in cl.TRACING_BY_LABEL}


def table(rows):
    """Rows grouped for display: {(indicator, dimension): [Row, ...]} in computation order."""
    grouped = defaultdict(list)
    for r in rows:
        grouped[(r.indicator, r.dimension)].append(r)
    return dict(grouped)


def sdg_counts_by_year(years, tracing_status=None):
    """{year: {TracingStatus: count}} of seized arms, for the registry's own 16.4.2 series."""
    return {y: tracing_counts(_tracing_only(y, tracing_status)) for y in years}


def _tracing_only(year, tracing_status=None):
    from armstrace.custody.models import CaseItem
    from armstrace.registry.models import Item

    qs = CaseItem.objects.filter(**_year_range(year), case__kind="seizure", item__category=Item.Category.FIREARM)
    prefetch = () if tracing_status else TRACING_PREFETCH
    return _by_tracing(cl.ARMS_SEIZED, qs, tracing_status or default_tracing_status(), 0, prefetch)

