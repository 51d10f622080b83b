"""A world map drawn on the server as inline SVG (no tiles, no CDN, no JavaScript): countries coloured by a value.

The boundaries are Natural Earth's 1:110m countries (public domain) in the Equal Earth projection, shipped as
`data/world-110m.json` (one SVG path per ISO 3166-1 alpha-3 code), written by `tools/make_world_map.py`
(`make map-data`). Countries too small for that scale (Malta, Singapore, ...) are not drawn; their values are still
listed by the caller's own table.

    world_map_svg({"KEN": 12, "UGA": 3}, title=_("Arms seized"), highlight={"KEN"})
"""

import json
import math
from functools import lru_cache
from html import escape
from pathlib import Path

from django.utils.translation import gettext as _

from armstrace.tracing.history import country_name

DATA = Path(__file__).parent / "data" / "world-110m.json"
SCALE = ["#fde7c8", "#f9b97a", "#ef8a47", "#d9552a", "#a8321d"]  # light to dark, one per class
NO_DATA = "#e3e7ec"
BORDER = "#ffffff"
HIGHLIGHT = "#1f5f8b"


@lru_cache(maxsize=1)
def boundaries():
    """{"width", "height", "countries": {iso3: SVG path}} from the shipped file (read once)."""
    return json.loads(DATA.read_text(encoding="utf-8"))


def class_bounds(values, classes=len(SCALE)):
    """Upper bounds of `classes` classes over the positive values, on a square-root scale from 0 to the maximum
    (rounded up to whole numbers; fewer classes when the maximum is small)."""
    top = max((v for v in values if v and v > 0), default=0)
    if top <= 0:
        return []
    return sorted({math.ceil(top * ((i + 1) / classes) ** 2) for i in range(classes)})


def colour(value, bounds):
    if not value or value <= 0 or not bounds:
        return NO_DATA
    index = next((i for i, bound in enumerate(bounds) if value <= bound), len(bounds) - 1)
    return SCALE[round(index * (len(SCALE) - 1) / max(len(bounds) - 1, 1))]


def _number(value):
    return f"{value:,.0f}" if float(value).is_integer() else f"{value:,.2f}"


def world_map_svg(values_by_iso3, *, title="", legend_label="", highlight=(), names=None):
    """The world map as an SVG string: each country of `values_by_iso3` (ISO alpha-3 code -> number) coloured by its
    class, the others grey; `highlight` codes outlined (e.g. the profile's country); each country's tooltip gives
    its name (from `names`, else pycountry's, translated) and value. Draws without any network access."""
    data, values = boundaries(), {str(k).upper(): v for k, v in (values_by_iso3 or {}).items()}
    bounds = class_bounds(values.values())
    width, height = data["width"], data["height"]
    legend_height, label, no_data = 34, title or _("World map"), _("no data")
    parts = [f'<svg xmlns="http://www.w3.org/2000/svg" class="world-map" role="img" viewBox="0 0 {width} '
             f'{height + legend_height}" aria-label="{escape(label)}">']
    if title:
        parts.append(f"<title>{escape(title)}</title>")
    highlighted = {str(c).upper() for c in highlight}
    for iso3, path in data["countries"].items():
        value = values.get(iso3)
        name = (names or {}).get(iso3) or country_label(iso3)
        tip = f"{name}: {_number(value) if value else no_data}"
        stroke = (f' stroke="{HIGHLIGHT}" stroke-width="1.6"' if iso3 in highlighted
                  else f' stroke="{BORDER}" stroke-width="0.4"')
        data_value = f' data-value="{value}"' if value else ""
        parts.append(f'<path d="{path}" fill="{colour(value, bounds)}"{stroke} data-iso3="{iso3}"{data_value}>'
                     f'<title>{escape(tip)}</title></path>')
    parts.append(_legend(bounds, legend_label, height + 8))
    parts.append("</svg>")
    return "".join(parts)


def _legend(bounds, label, y):
    items = ['<g class="legend" font-size="12" font-family="sans-serif">']
    x = 8
    if label:
        items.append(f'<text x="{x}" y="{y + 13}">{escape(label)}</text>')
        x += 8 + 7 * len(label)
    previous = 0
    for bound, fill in [(b, colour(b, bounds)) for b in bounds]:
        text = f"{previous + 1}–{bound}" if bound > previous + 1 else f"{bound}"
        items.append(f'<rect x="{x}" y="{y}" width="16" height="16" fill="{fill}"/>'
                     f'<text x="{x + 20}" y="{y + 13}">{escape(text)}</text>')
        x += 28 + 8 * len(text)
        previous = bound
    no_data = _("no data")
    items.append(f'<rect x="{x}" y="{y}" width="16" height="16" fill="{NO_DATA}"/>'
                 f'<text x="{x + 20}" y="{y + 13}">{escape(no_data)}</text></g>')
    return "".join(items)


def country_label(iso3):
    """The country's name in the active language, else its code."""
    return country_name(iso3) or iso3
