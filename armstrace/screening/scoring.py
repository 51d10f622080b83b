"""`screening score`: a consignment file scored in one streaming pass, with no database."""

import csv
import gc
import json
import os
from dataclasses import dataclass, field
from pathlib import Path

from armstrace.screening.engine import Screener
from armstrace.screening.reader import CsvReader, read_jsonl

SCORE_COLUMNS = ("risk_score", "band", "reasons")


@dataclass
class ScoreResult:
    consignments: int = 0
    rows: int = 0
    bands: dict = field(default_factory=dict)
    errors: list = field(default_factory=list)  # RowError
    written: bool = False


def _is_jsonl(path):
    return str(path).lower().endswith((".jsonl", ".ndjson"))


def score_file(source, out, rules, watch_list=None, keep_going=False, max_errors=1000):
    """Score every consignment of `source` into `out` (same format, score columns added).

    A bad row is reported (line and column) and its consignment left out; unless `keep_going`, any bad row means
    that `out` is not written at all (the scored rows go to a temporary file that is then removed).
    """
    screener = Screener(rules, watch_list)
    result = ScoreResult()
    temporary = Path(f"{out}.part")
    # Nothing in the loop makes reference cycles: without the cyclic collector, which would walk the whole velocity
    # window again and again, reference counting alone frees every consignment once it is written.
    collecting = gc.isenabled()
    gc.disable()
    try:
        _score_stream(source, temporary, screener, result, keep_going, max_errors)
    finally:
        if collecting:
            gc.enable()
    if result.errors and not keep_going:
        temporary.unlink()
        return result
    os.replace(temporary, out)
    result.written = True
    return result


def _score_stream(source, temporary, screener, result, keep_going, max_errors):
    with open(source, newline="", encoding="utf-8-sig") as stream, \
            open(temporary, "w", newline="", encoding="utf-8") as sink:
        if _is_jsonl(source):
            records, write = read_jsonl(stream), _jsonl_writer(sink)
        else:
            reader = CsvReader(stream)
            result.errors.extend(reader.header_errors())
            records, write = iter(reader), _csv_writer(sink, reader.header)
        for record in records:
            if record.errors:
                if len(result.errors) < max_errors:
                    result.errors.extend(record.errors)
                continue
            assessment = screener.screen(record.consignment)
            write(record.rows, assessment)
            result.consignments += 1
            result.rows += len(record.rows)
            result.bands[assessment.band] = result.bands.get(assessment.band, 0) + 1


def _csv_writer(sink, header):
    writer = csv.writer(sink, lineterminator="\n")
    writer.writerow([*header, *SCORE_COLUMNS])

    def write(rows, assessment):
        extra = (f"{assessment.score:g}", assessment.band, assessment.reasons)
        writer.writerows([*(row[name] for name in header), *extra] for row in rows)
    return write


def _jsonl_writer(sink):
    def write(rows, assessment):
        for row in rows:
            row = {**row, "risk_score": assessment.score, "band": assessment.band,
                   "reasons": [str(hit) for hit in assessment.hits]}
            sink.write(json.dumps(row, ensure_ascii=False) + "\n")
    return write
