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
- The condition of an arm is the one its manufacture method implies (Item.iafq_condition, registry.methods): the
  item's own record, not a second truth on the case line; 3D-printed arms are "Assembled" in the code list.
- Every "Total" row is the total number of arms of the indicator, so an arm whose condition is unknown is in the
  condition total but in no condition category (the code list has no "unknown" condition).
- "by other suspected offences" has no total: an arm is counted under every offence listed by its case.
- The "by location" dimension holds two tables in the portal (place of seizure and tracing status) that share
  one "Total" row; it is written once.
- Tracing status is the stored projection Item.tracing_status, equal to
  armstrace.tracing.finding.iafq_tracing_status(item) (the tracing app rewrites it whenever one of its inputs
  changes); an arm without a status is counted under "Unknown status regarding marking".
- All arms tables are sums over one GROUP BY of the year's arms case lines by every column they count by (case
  kind, type, condition, justification, offences, marking, place, tracing status), so they share one total. The two subtotals ("total uniquely identifiable",
  "Total not uniquely identifiable") are sums of their categories.
- Persons are those of the year's cases (any kind) who were arrested / prosecuted / convicted, by sex
  (Age "Total"); the "Total" sex row is the sum of Male, Female and Unknown. A person is a CasePerson row: someone
  in two cases of the year counts twice.
- "Individuals targeted by criminal justice system" are the persons formally brought into the criminal justice
  system: arrested, prosecuted or convicted, each person counted once whatever the number of these steps
  (Sex and Age "Total", as the portal publishes it).
- "Individuals arrested/suspected" "by type of offences" (Sex and Age "Total") puts every arrested person in
  exactly one category, so the categories sum to the arrested total. The other offences of the person are those of
  their case: its suspected offences and its legal justification of seizure. The first that applies, in this
  order, gives the category (person_offence_category):
    1. terrorism -> "... and terrorism"; 2. violent crime -> "... and violent crime";
    3. drug trafficking -> "... and drug trafficking"; 4. other trafficking -> "... and other types of trafficking";
    5. organised crime or "other" -> "... and other offences";
    6. arms seized for illicit possession or illicit use -> "... andIllicit possession/use of arms";
    7. other arms offences, or arms seized for illicit manufacture or altered markings -> "... and other arms
       offences";
    8. none of these (firearms trafficking alone, or nothing recorded) -> "Only for illicit trafficking in arms".
  Offences outside the arms field come first (their nexus with other crime is what the table shows), the most
  serious first; arms offences come after them.
- Every combination of the code list that applies is written, zeros included, with Sex and Age "na" except for
  persons.
"""

from collections import Counter, defaultdict, namedtuple
from dataclasses import dataclass
from datetime import date

from django.db.models import Count, F, Q, Sum, Value
from django.db.models.functions import Coalesce, NullIf

from armstrace.custody.models import CaseAmmunition, CaseItem, CasePerson, SeizureCase
from armstrace.monitoring import codelist as cl
from armstrace.registry.models import Item
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
    """None: count the stored projection Item.tracing_status. A function item -> status instead is called per arm."""
    return None


def _year_range(year):
    return {"case__occurred_on__gte": date(year, 1, 1), "case__occurred_on__lt": date(year + 1, 1, 1)}


def compute(year, tracing_status=None, method=None) -> list[Row]:
    """Every IAFQ table of `year`, as rows of the portal's long layout; with `method`, the arms and parts tables
    count only the items made that way (registry.methods)."""
    tracing_status = tracing_status or default_tracing_status()
    rows = []
    in_year = CaseItem.objects.filter(**_year_range(year))
    if method:
        in_year = in_year.filter(item__manufacture_method=method)
    arms = in_year.filter(item__category=Item.Category.FIREARM)

    groups = _arms_groups(arms)
    for kind, indicator in cl.ARMS_INDICATOR.items():
        mine = [(g, n) for g, n in groups if g.kind == kind]
        total = sum(n for _, n in mine)
        if indicator == cl.ARMS_SEIZED:
            rows.append(Row(indicator, cl.TOTAL, cl.TOTAL, total))
        rows += _by_type(indicator, _tally(mine, "type"), total)
        if indicator == cl.ARMS_SEIZED:
            rows += _by_choice(indicator, cl.BY_CONDITION, _tally(mine, "condition"), cl.CONDITION, total)
            rows += _by_choice(indicator, cl.BY_JUSTIFICATION, _tally(mine, "justification"), cl.JUSTIFICATION, total)
            rows += _by_offence(indicator, _tally(mine, "offences"))
        rows += _by_choice(indicator, cl.BY_MARKING, _tally(mine, "marking"), cl.MARKING, total,
                           total_label=cl.MARKING_TOTAL[indicator])
        if indicator == cl.ARMS_SEIZED:
            rows += _by_choice(indicator, cl.BY_LOCATION, _tally(mine, "place"), cl.PLACE, total=None)
        statuses = (_tally(mine, "tracing") if tracing_status is None
                    else _statuses_per_item(arms.filter(case__kind=kind), tracing_status))
        rows += _tracing_rows(indicator, statuses, total)

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
    rows += _persons_by_offence(persons)
    targeted = persons.filter(Q(arrested=True) | Q(prosecuted=True) | Q(convicted=True)).count()
    rows.append(Row(cl.PERSONS_TARGETED, cl.TOTAL, cl.TOTAL, targeted, sex=cl.TOTAL, age=cl.TOTAL))
    return rows


def person_offence_category(suspected_offences, legal_justification):
    """The "by type of offences" category of a person arrested in a case with these offences (module docstring)."""
    found = {cl.PERSON_OFFENCE[c] for c in suspected_offences or [] if c in cl.PERSON_OFFENCE}
    if legal_justification in cl.PERSON_JUSTIFICATION:
        found.add(cl.PERSON_JUSTIFICATION[legal_justification])
    return next((c for c in cl.PERSON_OFFENCE_CATEGORIES if c in found), cl.PERSON_ONLY_TRAFFICKING)


def _persons_by_offence(persons):
    counts = Counter()
    per_case = persons.filter(arrested=True).values_list("case__suspected_offences", "case__legal_justification")
    for offences, justification, n in per_case.annotate(n=Count("id")):
        counts[person_offence_category(offences, justification)] += n
    return [Row(cl.PERSONS_BY_OFFENCE, cl.BY_OFFENCE_TYPE, c, counts[c], sex=cl.TOTAL, age=cl.TOTAL)
            for c in cl.PERSON_OFFENCE_CATEGORIES]


# The columns of the arms tables, grouped by in one query (_arms_groups).
Group = namedtuple("Group", "kind type condition justification offences marking place tracing")


def _arms_groups(arms):
    """[(Group, number of case lines)]: one GROUP BY over the year's arms case lines, by every column that an arms
    table counts by (the tables are then sums over these groups, so every table adds up to the same total)."""
    kind = Coalesce(NullIf(F("item__firearm_type"), Value("")), F("item__model__firearm_type"), Value(""))
    grouped = (arms.annotate(type_code=kind).order_by()
               .values_list("case__kind", "type_code", "item__iafq_condition", "case__legal_justification",
                            "case__suspected_offences", "marking_status", "case__location_type", "item__tracing_status")
               .annotate(n=Count("id")))
    groups = Counter()
    for *columns, offences, marking, place, tracing, n in grouped:
        groups[Group(*columns, tuple(offences or ()), marking, place,
                     TracingStatus(tracing) if tracing in TracingStatus.values else None)] += n
    return list(groups.items())


def _tally(groups, column):
    counts = Counter()
    for group, n in groups:
        counts[getattr(group, column)] += n
    return counts


def _by_type(indicator, codes, total):
    counts = Counter()
    for code, n in codes.items():
        counts[cl.TYPE.get(code, cl.TYPE_UNKNOWN)] += n
    rows = [Row(indicator, cl.BY_TYPE, label, counts[label]) for label in cl.TYPE_CATEGORIES]
    if indicator != cl.ARMS_SEIZED:  # the code list has no "by type" total for seized arms (it has Total/Total)
        rows.append(Row(indicator, cl.BY_TYPE, cl.TOTAL, total))
    return rows


def _by_choice(indicator, dimension, codes, mapping, total, total_label=cl.TOTAL):
    counts = Counter()
    for code, n in codes.items():
        if code in mapping:
            counts[mapping[code]] += n
    labels = list(dict.fromkeys(mapping.values()))
    rows = [Row(indicator, dimension, label, counts[label]) for label in labels]
    if total is not None:
        rows.append(Row(indicator, dimension, total_label, total))
    return rows


def _by_offence(indicator, per_offences):
    counts = Counter()
    for offences, n in per_offences.items():
        for code in dict.fromkeys(offences):  # a code listed twice counts once
            if code in cl.OFFENCE:
                counts[cl.OFFENCE[code]] += n
    return [Row(indicator, cl.BY_OFFENCE, label, counts[label]) for label in cl.OFFENCE.values()]


def _by_tracing(indicator, qs, tracing_status, total):
    """`tracing_status` None: one GROUP BY on Item.tracing_status; else the function, called for every arm."""
    if tracing_status is not None:
        return _tracing_rows(indicator, _statuses_per_item(qs, tracing_status), total)
    counts = Counter()
    for status, n in qs.order_by().values_list("item__tracing_status").annotate(n=Count("id")):
        counts[TracingStatus(status) if status in TracingStatus.values else None] += n
    return _tracing_rows(indicator, counts, total)


def _statuses_per_item(qs, tracing_status):
    counts = Counter()
    for item in _items(qs):
        status = tracing_status(item)
        counts[TracingStatus(status) if status else None] += 1
    return counts


def _tracing_rows(indicator, counts, total):
    """The tracing table from {TracingStatus or None (unknown): number of case lines}."""
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


def _items(case_items):
    """The item of every case line, streamed (an arm in two cases of the year comes twice)."""
    lines = case_items.select_related("item", "item__model").order_by("pk")
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
    qs = CaseItem.objects.filter(**_year_range(year), case__kind="seizure", item__category=Item.Category.FIREARM)
    return _by_tracing(cl.ARMS_SEIZED, qs, tracing_status or default_tracing_status(), 0)

