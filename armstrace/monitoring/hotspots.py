"""Hotspot early warning: seizure counts significantly above their own baseline.

Method (Poisson upper tail, one test per area and period):
- the baseline of an area for a period is the mean count of the same area over the `window` periods before it
  (periods with no seizure count as 0; at least `min_history` earlier periods must exist, otherwise the area is
  not tested for that period);
- under "nothing changed" the count is Poisson with mean = baseline (floored at `floor`, so that an area with a
  zero baseline is not flagged for a single seizure); the p-value is P(X >= count);
- the period is flagged when p < `alpha` (default 0.01) and the count is at least `min_count` (default 3).
No correction for multiple testing is made: this is an early warning to look at, not a finding.

For the registry, the count is the number of arms seized (firearms of seizure cases) per administrative area
(SeizureCase.admin_area, "—" when empty) and per calendar month.
"""

import math
from collections import defaultdict
from dataclasses import dataclass

from django.db.models import Count
from django.db.models.functions import ExtractMonth, ExtractYear

from armstrace.custody.models import CaseItem


@dataclass(frozen=True)
class Hotspot:
    area: str
    period: str
    count: int
    baseline: float
    p_value: float
    flagged: bool


def poisson_sf(k, lam):
    """P(X >= k) for X ~ Poisson(lam), computed in log space (stable for large k and lam)."""
    if k <= 0:
        return 1.0
    if lam <= 0:
        return 0.0
    log_terms = [-lam + i * math.log(lam) - math.lgamma(i + 1) for i in range(k)]
    peak = max(log_terms)
    cdf = math.exp(peak) * sum(math.exp(t - peak) for t in log_terms)
    return max(0.0, 1.0 - cdf) if cdf < 0.999 else _upper_sum(k, lam)


def _upper_sum(k, lam):
    """P(X >= k) summed upwards from k (used when 1 - cdf would lose precision)."""
    total, i = 0.0, k
    log_term = -lam + k * math.log(lam) - math.lgamma(k + 1)
    while True:
        term = math.exp(log_term)
        total += term
        i += 1
        log_term += math.log(lam) - math.log(i)
        if term < total * 1e-16 or i > k + 10_000:
            return total


def detect(series, periods, window=12, min_history=6, alpha=0.01, min_count=3, floor=0.5):
    """series: {area: {period index (int): count}}; periods: {period index: label} of the periods to test.
    Returns every tested (area, period), flagged or not, most significant first."""
    results = []
    for area, counts in series.items():
        first = min(counts) if counts else None
        for index, label in periods.items():
            if first is None or index - first < min_history:
                continue
            history = [counts.get(i, 0) for i in range(max(first, index - window), index)]
            baseline = sum(history) / len(history)
            count = counts.get(index, 0)
            p = poisson_sf(count, max(baseline, floor))
            results.append(Hotspot(area, label, count, baseline, p, p < alpha and count >= min_count))
    return sorted(results, key=lambda h: (not h.flagged, h.p_value, h.area))


def _month_index(year, month):
    return year * 12 + month - 1


def registry_series():
    qs = (CaseItem.objects.filter(case__kind="seizure", item__category="firearm")
          .annotate(y=ExtractYear("case__occurred_on"), m=ExtractMonth("case__occurred_on"))
          .values_list("case__admin_area", "y", "m").annotate(n=Count("id")))
    series = defaultdict(dict)
    for area, y, m, n in qs:
        key = area or "—"
        series[key][_month_index(y, m)] = series[key].get(_month_index(y, m), 0) + n
    return series


def registry_hotspots(year=None, **kw):
    """Monthly hotspots of `year` (default: the latest year with a seizure)."""
    series = registry_series()
    if not series:
        return []
    if year is None:
        year = max(i for counts in series.values() for i in counts) // 12
    periods = {_month_index(year, m): f"{year}-{m:02d}" for m in range(1, 13)}
    return detect(series, periods, **kw)
