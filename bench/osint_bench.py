"""Benchmark: the seizure-record extractor on the labelled dev set, per field and micro-F1 (the spec's "How to
score"), for the "dev" split (tuned on) and the "holdout" split (never tuned on), beside a plain regular-expression
baseline measured in the same run; then `armstrace osint extract` on a stream of N documents made from the dev
texts: documents per second and peak memory of that process.

    .venv/bin/python bench/osint_bench.py --n 10000

Not run by pytest. Needs no database.
"""

import argparse
import json
import re
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from armstrace.osint.cli import extract_line  # noqa: E402
from armstrace.osint.extraction import RECORD_KEYS  # noqa: E402
from armstrace.osint.scoring import SCORED_FIELDS, score  # noqa: E402

DEVSET = ROOT / "armstrace/osint/tests/data/devset.jsonl"

# The baseline: one plain regular expression per field, the first match wins.
_MONTHS = ("january|february|march|april|may|june|july|august|september|october|november|december|janvier|"
           "février|mars|avril|mai|juin|juillet|août|septembre|octobre|novembre|décembre|enero|febrero|marzo|"
           "abril|mayo|junio|julio|agosto|septiembre|octubre|noviembre|diciembre").split("|")
_BASE = {
    "date": re.compile(rf"(\d{{1,2}})\s+(?:de\s+)?({'|'.join(_MONTHS)})\s+(?:de\s+)?(\d{{4}})", re.I),
    "firearms_total": re.compile(r"(\d[\d,.]*)\s+(?:firearms|guns|weapons|armes|armas)", re.I),
    "ammunition_rounds": re.compile(r"(\d[\d,. ]*\d|\d)\s+(?:rounds|cartridges|bullets|cartouches|munitions|"
                                    r"cartuchos|municiones|balas)", re.I),
    "parts_components": re.compile(r"(\d[\d,.]*)\s+(?:parts|components|pièces|piezas)", re.I),
    "arrests": re.compile(r"(\d+)\s+(?:\w+\s+)?(?:were\s+|have been\s+)?(?:arrested|arrests|detained|"
                          r"interpellées|interpellés|detenidos|detenidas)", re.I),
    "operation_name": re.compile(r"(?:Operation|Opération|Operación)\s+([A-Z][\w-]+)"),
    "location": re.compile(r"\b(?:in|at|à|en)\s+([A-Z][\w-]+)"),
    "3d_printed": re.compile(r"3D", re.I),
    "postal_or_parcel": re.compile(r"parcel|colis|paquete|encomienda|postal|courier", re.I),
}
_TYPES = {"pistol": r"pistols?|pistolets?|pistolas?", "rifle": r"rifles?|fusils?|fusiles?",
          "shotgun": r"shotguns?|escopetas?", "revolver": r"revolvers?|revólver(?:es)?"}


def _int(text):
    return int(re.sub(r"\D", "", text)) if re.search(r"\d", text) else None


def baseline(doc):
    """The baseline's record for one document."""
    text = doc["text"]
    out = dict.fromkeys(RECORD_KEYS)
    if match := _BASE["date"].search(text):
        month = _MONTHS.index(match.group(2).lower()) % 12 + 1
        out["date"] = f"{match.group(3)}-{month:02d}-{int(match.group(1)):02d}"
    for key in ("firearms_total", "ammunition_rounds", "parts_components", "arrests"):
        if match := _BASE[key].search(text):
            out[key] = _int(match.group(1))
    for key in ("operation_name", "location"):
        if match := _BASE[key].search(text):
            out[key] = match.group(1)
    for key in ("3d_printed", "postal_or_parcel"):
        out[key] = True if _BASE[key].search(text) else None
    by_type = {key: _int(m.group(1)) for key, words in _TYPES.items()
               if (m := re.search(rf"(\d+)\s+(?:{words})\b", text, re.I))}
    out["firearms_by_type"] = by_type or None
    out["country"] = _baseline_countries(text)
    return out


def _baseline_countries(text):
    import pycountry

    found = [c.alpha_3 for c in pycountry.countries if re.search(rf"\b{re.escape(c.name)}\b", text)]
    return found[:1] or None


def load(path):
    with open(path, encoding="utf-8") as stream:
        return [json.loads(line) for line in stream if line.strip()]


def gold_of(doc):
    gold = doc.get("gold") or {}
    return {key: gold.get(key) for key in RECORD_KEYS}


def print_scores(docs):
    splits = {name: [d for d in docs if d.get("split") == name] for name in ("dev", "holdout")}
    reports = {}
    for name, split in splits.items():
        reports[("extractor", name)] = score((extract_line(d), gold_of(d)) for d in split)
        reports[("baseline", name)] = score((baseline(d), gold_of(d)) for d in split)
    languages = ", ".join(f"{lang} {sum(d.get('language') == lang for d in docs)}" for lang in ("en", "fr", "es"))
    print(f"dev set: {len(splits['dev'])} dev + {len(splits['holdout'])} holdout documents ({languages})")
    header = f"{'field':<20}" + "".join(f"{f'{who} {name}':>20}" for who in ("extractor", "baseline")
                                        for name in ("dev", "holdout"))
    print(header)
    for key in SCORED_FIELDS:
        row = "".join(f"{reports[(who, name)].fields[key].f1:>20.3f}" for who in ("extractor", "baseline")
                      for name in ("dev", "holdout"))
        print(f"{key:<20}{row}")
    row = "".join(f"{reports[(who, name)].micro.f1:>20.3f}" for who in ("extractor", "baseline")
                  for name in ("dev", "holdout"))
    print(f"{'micro-F1':<20}{row}")
    return reports


def throughput(docs, n):
    """Documents/s and peak memory (MiB) of `armstrace osint extract` on n documents cycled from the dev texts."""
    with tempfile.TemporaryDirectory() as tmp:
        source, target = Path(tmp) / "stream.jsonl", Path(tmp) / "out.jsonl"
        with open(source, "w", encoding="utf-8") as stream:
            for i in range(n):
                doc = docs[i % len(docs)]
                stream.write(json.dumps({"id": f"s{i}", "text": doc["text"], "title": doc.get("title"),
                                         "published": doc.get("published")}, ensure_ascii=False) + "\n")
        started = time.perf_counter()
        subprocess.run([str(ROOT / ".venv/bin/armstrace"), "osint", "extract", str(source), "--out", str(target)],
                       check=True, stderr=subprocess.DEVNULL)
        seconds = time.perf_counter() - started
        lines = sum(1 for _ in open(target, encoding="utf-8"))
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    assert lines == n, f"{lines} output lines for {n} documents"
    print(f"extract: {n} documents in {seconds:.1f} s = {n / seconds:.1f} documents/s, peak memory {peak:.0f} MiB")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--devset", default=str(DEVSET))
    parser.add_argument("--n", type=int, default=10000, help="documents in the throughput stream")
    args = parser.parse_args()
    docs = load(args.devset)
    print_scores(docs)
    throughput(docs, args.n)


if __name__ == "__main__":
    main()
