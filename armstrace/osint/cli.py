"""`armstrace osint extract IN.jsonl --out OUT.jsonl`: one proposed record per input line, no database, no network.

Each bad line (malformed JSON, not an object, empty text, binary, over 5 MB) gets a message naming the file and
line on stderr; a bad line whose id is known still gets its line of output, with every value null.
"""

import argparse
import json
import sys

from .extraction import RECORD_KEYS, extract

MAX_LINE_BYTES = 5 * 1024 * 1024


class BadLine(ValueError):
    pass


def parse_line(raw):
    """The document of one input line (a dict with a non-empty `text`), or BadLine saying why not."""
    if b"\x00" in raw:
        raise BadLine("binary data, not a JSON line")
    try:
        line = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise BadLine(f"not UTF-8 text (byte {exc.start})") from exc
    try:
        doc = json.loads(line)
    except json.JSONDecodeError as exc:
        raise BadLine(f"malformed JSON: {exc.msg} at column {exc.colno}") from exc
    if not isinstance(doc, dict):
        raise BadLine("a JSON object is expected")
    text = doc.get("text")
    if not isinstance(text, str) or not text.strip():
        raise BadLine("empty text" if not text else "`text` must be a string", doc.get("id"))
    return doc


def extract_line(doc, with_spans=False):
    """The output object of one document: its id and the record's keys (plus spans on request)."""
    extraction = extract(doc["text"], title=doc.get("title") or "", language=doc.get("language"),
                         published=doc.get("published"), source_url=doc.get("source_url"))
    out = {"id": doc.get("id"), **extraction.record()}
    if extraction.language == "other":
        out["_other_language"] = True
    if with_spans:
        out["_language"] = extraction.language
        out["_relevance"] = extraction.relevance
        out["_spans"] = extraction.spans()
    return out


def _lines(stream):
    """(line number, bytes or None when over the size limit) for each line of a binary stream."""
    number = 0
    while True:
        raw = stream.readline(MAX_LINE_BYTES + 1)
        if not raw:
            return
        number += 1
        if len(raw) > MAX_LINE_BYTES and not raw.endswith(b"\n"):
            while (rest := stream.readline(MAX_LINE_BYTES)) and not rest.endswith(b"\n"):
                pass
            yield number, None
            continue
        if raw.strip():
            yield number, raw


def run(in_path, out_stream, err_stream, with_spans=False):
    """Extract every line of `in_path` to `out_stream`; returns (documents written, lines refused)."""
    written = refused = 0
    with open(in_path, "rb") as stream:
        for number, raw in _lines(stream):
            try:
                if raw is None:
                    raise BadLine(f"line over {MAX_LINE_BYTES // (1024 * 1024)} MB, skipped")
                out = extract_line(parse_line(raw), with_spans)
            except BadLine as exc:
                refused += 1
                err_stream.write(f"{in_path}:{number}: {exc.args[0]}\n")
                if len(exc.args) > 1 and exc.args[1] is not None:
                    out = {"id": exc.args[1], **dict.fromkeys(RECORD_KEYS)}
                else:
                    continue
            if out.pop("_other_language", False):
                err_stream.write(f"{in_path}:{number}: not English, French or Spanish; read with the closest rules\n")
            out_stream.write(json.dumps(out, ensure_ascii=False) + "\n")
            written += 1
    return written, refused


def build_parser(parser=None):
    parser = parser or argparse.ArgumentParser(prog="armstrace osint extract",
                                               description="Propose one seizure record per JSONL document.")
    parser.add_argument("input", help="JSONL: one object a line with id, text and optional title, language, "
                                      "published, source_url")
    parser.add_argument("--out", required=True, help="JSONL output, one line per input document ('-': stdout)")
    parser.add_argument("--spans", action="store_true", help="also write each value's span and confidence")
    return parser


def main(argv=None, stdout=None, stderr=None):
    args = build_parser().parse_args(argv)
    return extract_command(args.input, args.out, args.spans, stdout or sys.stdout, stderr or sys.stderr)


def extract_command(input_path, out_path, with_spans, stdout, stderr):
    try:
        if out_path == "-":
            written, refused = run(input_path, stdout, stderr, with_spans)
        else:
            with open(out_path, "w", encoding="utf-8") as out_stream:
                written, refused = run(input_path, out_stream, stderr, with_spans)
    except OSError as exc:
        stderr.write(f"{exc.filename or input_path}: {exc.strerror}\n")
        return 2
    stderr.write(f"{input_path}: {written} records written, {refused} lines refused\n")
    return 0
