"""Charts rendered on the server as inline SVG (no JavaScript, no CDN): seizures over time by type, an
origin -> seizure-country flow view and a source -> recovery matrix.

The flow view and the matrix draw a `FlowTable`, built from the registry (tracing results and case routes) or
from a published trace table such as the ATF's firearms trace data by state.
"""

import csv
from collections import Counter, defaultdict
from html import escape

from django.utils.translation import gettext as _

PALETTE = ["#1f5f8b", "#d1495b", "#edae49", "#00798c", "#66a182", "#8d6a9f", "#a4b0be", "#30343f", "#c97b2a"]


class FlowTable:
    """Counts of arms from a source (origin) to a recovery place."""

    def __init__(self, pairs=()):
        self.counts = Counter()
        for source, recovery, n in pairs:
            self.add(source, recovery, n)

    def add(self, source, recovery, n=1):
        if n:
            self.counts[(source, recovery)] += n

    @property
    def total(self):
        return sum(self.counts.values())

    def sources(self):
        return sorted({s for s, _ in self.counts}, key=lambda s: -self.source_total(s))

    def recoveries(self):
        return sorted({r for _, r in self.counts}, key=lambda r: -self.recovery_total(r))

    def source_total(self, source):
        return sum(n for (s, _), n in self.counts.items() if s == source)

    def recovery_total(self, recovery):
        return sum(n for (_, r), n in self.counts.items() if r == recovery)

    def in_place_share(self, recovery=None):
        """Share of arms sourced where they were recovered (for one recovery place, or overall); None if empty."""
        if recovery is None:
            total, same = self.total, sum(n for (s, r), n in self.counts.items() if s == r)
        else:
            total, same = self.recovery_total(recovery), self.counts.get((recovery, recovery), 0)
        return same / total if total else None

    @classmethod
    def from_atf_csv(cls, path):
        """ATF "firearms trace data by state" long table (Year, recovered-in, originated-in, Number). A blank
        Number is 0 (the 2011 table has one); `blank_cells` says how many there were."""
        table = cls()
        table.blank_cells = 0
        with open(path, encoding="utf-8-sig", newline="") as f:
            for row in csv.DictReader(f):
                raw = (row["Number"] or "").strip().replace(",", "")
                if not raw:
                    table.blank_cells += 1
                    continue
                table.add(row["originated-in"].strip(), row["recovered-in"].strip(), int(raw))
        return table


# ---------------------------------------------------------------- SVG

def _svg(width, height, body, title):
    return (f'<svg xmlns="http://www.w3.org/2000/svg" class="chart" viewBox="0 0 {width} {height}" '
            f'width="{width}" height="{height}" role="img" aria-label="{escape(title)}"><title>{escape(title)}</title>'
            f'{body}</svg>')


def _no_data(width, title):
    no_data = _("No data")  # outside the f-string, where makemessages finds it
    return _svg(width, 40, f'<text x="4" y="24">{escape(no_data)}</text>', title)


def stacked_bars(series, title, width=640, height=260):
    """series: {period: {category: count}} -> stacked bar chart with a legend."""
    periods = sorted(series)
    categories = list(dict.fromkeys(c for p in periods for c in series[p] if series[p][c]))
    if not periods or not categories:
        return _no_data(width, title)
    left, bottom, top, legend_w = 48, 24, 10, 190
    plot_w, plot_h = width - left - legend_w, height - bottom - top
    peak = max(sum(series[p].values()) for p in periods) or 1
    bar_w = plot_w / len(periods)
    parts = [f'<line x1="{left}" y1="{top + plot_h}" x2="{left + plot_w}" y2="{top + plot_h}" stroke="#555"/>',
             f'<text x="{left - 4}" y="{top + 10}" text-anchor="end" class="axis">{peak}</text>',
             f'<text x="{left - 4}" y="{top + plot_h}" text-anchor="end" class="axis">0</text>']
    for i, p in enumerate(periods):
        y = top + plot_h
        for j, c in enumerate(categories):
            n = series[p].get(c, 0)
            if not n:
                continue
            h = plot_h * n / peak
            y -= h
            parts.append(f'<rect x="{left + i * bar_w + 2:.1f}" y="{y:.1f}" width="{max(bar_w - 4, 1):.1f}" '
                         f'height="{h:.1f}" fill="{PALETTE[j % len(PALETTE)]}"><title>{escape(str(p))} · '
                         f'{escape(str(c))}: {n}</title></rect>')
        parts.append(f'<text x="{left + (i + .5) * bar_w:.1f}" y="{height - 6}" text-anchor="middle" '
                     f'class="axis">{escape(str(p))}</text>')
    for j, c in enumerate(categories):
        y = top + 14 * j
        parts.append(f'<rect x="{width - legend_w + 8}" y="{y}" width="10" height="10" '
                     f'fill="{PALETTE[j % len(PALETTE)]}"/><text x="{width - legend_w + 22}" y="{y + 9}" '
                     f'class="legend">{escape(str(c))}</text>')
    return _svg(width, height, "".join(parts), title)


def flow_view(table: FlowTable, title, limit=12, width=640):
    """Two columns (sources left, recovery places right) joined by bands whose width is the number of arms.
    Beyond `limit` places per side the rest is grouped as "Other"."""
    if not table.total:
        return _no_data(width, title)
    other = _("Other")

    def top(names):
        keep = set(names[:limit])
        return lambda n: n if n in keep else other

    src, rec = top(table.sources()), top(table.recoveries())
    grouped = Counter()
    for (s, r), n in table.counts.items():
        grouped[(src(s), rec(r))] += n
    lefts = sorted({s for s, _ in grouped}, key=lambda s: (s == other, -sum(n for (a, _), n in grouped.items() if a == s)))
    rights = sorted({r for _, r in grouped}, key=lambda r: (r == other, -sum(n for (_, b), n in grouped.items() if b == r)))
    gap, height_avail = 4, 18 * max(len(lefts), len(rights)) + 40
    scale = (height_avail - gap * max(len(lefts), len(rights))) / table.total
    x0, x1, node_w = 150, width - 150, 10

    def layout(names, side):
        pos, y = {}, 10
        for name in names:
            h = max(sum(n for k, n in grouped.items() if k[side] == name) * scale, 1)
            pos[name] = [y, h, y]  # top, height, cursor
            y += h + gap
        return pos, y

    lpos, lh = layout(lefts, 0)
    rpos, rh = layout(rights, 1)
    height = int(max(lh, rh)) + 10
    parts = []
    for (s, r), n in sorted(grouped.items(), key=lambda kv: -kv[1]):
        h = n * scale
        ya, yb = lpos[s][2], rpos[r][2]
        lpos[s][2] += h
        rpos[r][2] += h
        colour = PALETTE[lefts.index(s) % len(PALETTE)]
        mx = (x0 + x1) / 2
        parts.append(f'<path d="M{x0 + node_w},{ya:.1f} C{mx},{ya:.1f} {mx},{yb:.1f} {x1},{yb:.1f} '
                     f'L{x1},{yb + h:.1f} C{mx},{yb + h:.1f} {mx},{ya + h:.1f} {x0 + node_w},{ya + h:.1f} Z" '
                     f'fill="{colour}" fill-opacity="0.45"><title>{escape(s)} → {escape(r)}: {n}</title></path>')
    for name, (y, h, _c) in lpos.items():
        parts.append(f'<rect x="{x0}" y="{y:.1f}" width="{node_w}" height="{h:.1f}" fill="#30343f"/>'
                     f'<text x="{x0 - 4}" y="{y + h / 2 + 4:.1f}" text-anchor="end" class="legend">{escape(name)}</text>')
    for name, (y, h, _c) in rpos.items():
        parts.append(f'<rect x="{x1}" y="{y:.1f}" width="{node_w}" height="{h:.1f}" fill="#30343f"/>'
                     f'<text x="{x1 + node_w + 4}" y="{y + h / 2 + 4:.1f}" class="legend">{escape(name)}</text>')
    return _svg(width, height, "".join(parts), title)


def matrix(table: FlowTable, title, limit=15):
    """Source (rows) x recovery place (columns) heat map; the diagonal (sourced where recovered) is outlined."""
    if not table.total:
        return _no_data(300, title)
    rows, cols = table.sources()[:limit], table.recoveries()[:limit]
    cell, left, top = 26, 150, 110
    peak = max(table.counts.get((s, r), 0) for s in rows for r in cols) or 1
    parts = []
    for j, r in enumerate(cols):
        x = left + j * cell + cell / 2
        parts.append(f'<text transform="translate({x:.1f},{top - 6}) rotate(-60)" class="legend">{escape(r)}</text>')
    for i, s in enumerate(rows):
        y = top + i * cell
        parts.append(f'<text x="{left - 6}" y="{y + cell / 2 + 4}" text-anchor="end" class="legend">{escape(s)}</text>')
        for j, r in enumerate(cols):
            n = table.counts.get((s, r), 0)
            shade = 0.08 + 0.92 * (n / peak) ** 0.5 if n else 0
            stroke = ' stroke="#d1495b" stroke-width="2"' if s == r else ' stroke="#fff"'
            parts.append(f'<rect x="{left + j * cell}" y="{y}" width="{cell}" height="{cell}" '
                         f'fill="#1f5f8b" fill-opacity="{shade:.2f}"{stroke}><title>{escape(s)} → {escape(r)}: '
                         f'{n}</title></rect>')
    return _svg(left + cell * len(cols) + 10, top + cell * len(rows) + 10, "".join(parts), title)


def by_period_and_type(rows):
    """{year: {label: n}} from (year, label, n) triples."""
    out = defaultdict(dict)
    for year, label, n in rows:
        out[year][label] = out[year].get(label, 0) + n
    return dict(out)
