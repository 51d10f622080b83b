"""Open-source seizures beside the official ones: an accepted incident that matches a seizure case of the registry
(this installation's country, a date window, compatible counts, serial numbers when the text gives any) is linked to
it, so that it is counted once; and the counts per country and year (official, open source, overlap, open source
only)."""

import re
from collections import defaultdict
from dataclasses import dataclass
from datetime import date, timedelta

from django.db.models import Count, Q
from django.utils import timezone

from armstrace.custody.models import SeizureCase
from armstrace.osint.models import Incident
from armstrace.profile import get_profile
from armstrace.registry.conversions import record_open_source_method
from armstrace.registry.lookup import exact_serial_ids
from armstrace.registry.models import Item, ManufactureMethod

DATE_WINDOW = timedelta(days=10)
SERIAL_WINDOW = timedelta(days=60)  # a serial number found in the text allows a wider window
_SERIAL = re.compile(r"\b(?=[A-Z0-9-]*\d)(?=[A-Z0-9-]*[A-Z])[A-Z0-9][A-Z0-9-]{3,}[A-Z0-9]\b")


MAX_SERIALS = 50


def serials_in(text):
    """Serial-number-like tokens of a text (letters and digits mixed, at least five characters)."""
    return set(_SERIAL.findall(text or "")[:MAX_SERIALS])


def items_of_serials(serials):
    """Ids of the registered items whose serial number or marking is one of `serials`."""
    return set().union(*(exact_serial_ids(s)[0] for s in serials))


def _firearm_counts(cases):
    return dict(cases.annotate(n=Count("items", filter=Q(items__item__category="firearm"))).values_list("pk", "n"))


def _score(incident, case, firearms, serials):
    """How well an official case matches an incident (None: not at all)."""
    if serials and serials & set(case.items.values_list("item_id", flat=True)):
        return 100 - abs((case.occurred_on - incident.occurred_on).days)
    if abs(case.occurred_on - incident.occurred_on) > DATE_WINDOW:
        return None
    total = incident.firearms_total
    if total is not None and firearms is not None and abs(total - firearms) > max(1, round(0.1 * max(total, firearms))):
        return None
    return (10 if total is not None and total == firearms else 0) - abs((case.occurred_on - incident.occurred_on).days)


def match_incident(incident):
    """Link an incident with an accepted seizure to the official case it matches (or unlink it when it no longer
    matches any); returns the case or None."""
    if incident is None:
        return None
    if not incident.seizures.exists() or incident.country != get_profile().country or incident.occurred_on is None:
        return _link(incident, None)
    serials = items_of_serials(set().union(*(serials_in(r.document.text)
                                            for r in incident.records.select_related("document"))))
    window = SERIAL_WINDOW if serials else DATE_WINDOW
    taken = Incident.objects.exclude(pk=incident.pk).exclude(official_case=None).values("official_case")
    cases = (SeizureCase.objects.filter(kind="seizure", occurred_on__gte=incident.occurred_on - window,
                                        occurred_on__lte=incident.occurred_on + window).exclude(pk__in=taken))
    firearms = _firearm_counts(cases)
    scored = [(s, c.pk, c) for c in cases if (s := _score(incident, c, firearms.get(c.pk), serials)) is not None]
    return _link(incident, max(scored, key=lambda t: (t[0], -t[1]))[2] if scored else None)


def _link(incident, case):
    if incident.official_case_id != (case.pk if case else None):
        incident.official_case, incident.matched_at = case, timezone.now() if case else None
        incident.save(update_fields=["official_case", "matched_at"])
        if case is not None:
            printed_to_registry(incident, case)
    return case


def printed_to_registry(incident, case):
    """An accepted record that says the arms were 3D-printed: the firearms of the matched official case take that
    manufacture method (a correction event of each, through registry.conversions)."""
    if not any(seizure.values.get("3d_printed") is True for seizure in incident.seizures.all()):
        return
    firearms = Item.objects.filter(case_links__case=case, category=Item.Category.FIREARM).exclude(
        manufacture_method=ManufactureMethod.PRINTED)
    for item in firearms:
        record_open_source_method(item, ManufactureMethod.PRINTED, reference=f"incident {incident.pk}")


@dataclass
class CountryYear:
    country: str
    year: int
    official: int = 0
    open_source: int = 0
    overlap: int = 0
    official_firearms: int = 0
    open_source_firearms: int = 0
    overlap_firearms: int = 0

    @property
    def open_source_only(self):
        return self.open_source - self.overlap

    @property
    def official_only(self):
        return self.official - self.overlap

    @property
    def open_source_only_firearms(self):
        return self.open_source_firearms - self.overlap_firearms


def counts(first_year, last_year):
    """CountryYear rows of seizures (and firearms) from `first_year` to `last_year`: official ones are this
    installation's seizure cases; open-source ones are incidents with an accepted seizure, counted in their first
    country; overlap is those linked to an official case (counted once, with the official count of firearms)."""
    rows = {}

    def row(country, year):
        return rows.setdefault((country, year), CountryYear(country, year))

    home = get_profile().country
    span = {"occurred_on__gte": date(first_year, 1, 1), "occurred_on__lt": date(last_year + 1, 1, 1)}
    official = SeizureCase.objects.filter(kind="seizure", **span)
    firearms = _firearm_counts(official)
    for case in official.only("pk", "occurred_on"):
        r = row(home, case.occurred_on.year)
        r.official += 1
        r.official_firearms += firearms.get(case.pk, 0)
    accepted = Incident.objects.filter(seizures__isnull=False, **span).exclude(country="").distinct()
    for incident in accepted.select_related("official_case"):
        r = row(incident.country, incident.occurred_on.year)
        r.open_source += 1
        r.open_source_firearms += incident.firearms_total or 0
        if incident.official_case_id:
            r.overlap += 1
            r.overlap_firearms += firearms.get(incident.official_case_id, incident.firearms_total or 0)
    return sorted(rows.values(), key=lambda r: (r.country, r.year))


def by_year(rows, years=()):
    """{year: {label: n}} of seizures for monitoring's stacked bar chart: overlap, official only, open source only
    (every year of `years` present, even without seizures)."""
    out = defaultdict(dict, {year: {} for year in years})
    for r in rows:
        for label, n in _parts(r):
            out[r.year][label] = out[r.year].get(label, 0) + n
    return dict(out)


def _parts(r):
    from django.utils.translation import gettext as _

    return [(_("Both"), r.overlap), (_("Official only"), r.official_only), (_("Open sources only"), r.open_source_only)]
