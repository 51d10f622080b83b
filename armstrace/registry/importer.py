"""CSV import of firearms: every row is validated first; bad rows are reported with their line and
reason, and either the whole file is refused (default) or they go to a quarantine file. Good rows are
written in batches, each batch in one transaction with the job's progress, so an interrupted import
leaves no partial batch and `--resume` finishes it.

Two passes over a file that is never held in memory:

1. validate: each row is read and checked by RowValidator (the services' rules); the good ones go, converted, to a
   scratch table of the connection (a TEMP table), where duplicates within the file and against the registry are
   then found set-wise. Nothing of the registry is written, so a refused file leaves nothing behind.
2. write: the scratch rows are read back in line order, a batch at a time, and written by registry.bulk.BulkWriter.
"""

import csv
import hashlib
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from django.db import connection, transaction
from django.utils import timezone

from armstrace.core.actor import SYSTEM
from armstrace.core.spreadsheet import SafeDictWriter, csv_problem, header_problems, strict_reader
from armstrace.registry import services
from armstrace.registry.bulk import BulkWriter, NewItem, insert_rows
from armstrace.registry.import_rows import REQUIRED, RowValidator
from armstrace.registry.models import ImportJob, Marking

COLUMNS = [
    "serial_number", "make", "model", "calibre", "type", "country_of_manufacture", "year_of_manufacture",
    "holder", "how", "registered_on", "location", "serial_position", "import_mark", "import_mark_position",
]
SCRATCH = "armstrace_import_rows"
# Page cache of the importing SQLite connection: fixed, so that memory does not grow with the file.
SQLITE_PRAGMAS = ["PRAGMA cache_size=-65536"]
VALIDATE_CHUNK = 10_000
WRITE_CHUNK = 5_000  # rows built in memory at a time; a batch (one transaction) is made of several


class ImportRefused(Exception):
    pass


@dataclass
class RowError:
    line: int
    reason: str
    row: dict


@dataclass
class ImportResult:
    job: ImportJob | None
    imported: int = 0
    errors: list = field(default_factory=list)
    refused: bool = False


def file_digest(path):
    h = hashlib.sha256()
    with open(path, "rb") as f:
        for chunk in iter(lambda: f.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


def read_rows(path):
    """Yield (line number, row dict, problem) for each record, numbered by the line it starts on; raise ImportRefused
    for a file that is not a usable CSV. Bytes that are not UTF-8 reach the validator as lone surrogates, so only
    their row is refused."""
    try:
        handle = open(path, newline="", encoding="utf-8-sig", errors="surrogateescape")
    except OSError as exc:
        raise ImportRefused(f"cannot open {path}: {exc}") from exc
    with handle:
        reader = strict_reader(handle)
        try:
            header = next(reader, [])
        except csv.Error as exc:
            raise ImportRefused(f"line 1: {csv_problem(exc)}") from None
        problems = header_problems(header, sorted(REQUIRED), COLUMNS)
        if problems:
            raise ImportRefused("line 1: bad header: " + "; ".join(problems))
        ended = reader.line_num
        try:
            for fields in reader:
                line, ended = ended + 1, reader.line_num
                if not fields:
                    continue  # a blank line
                row = dict(zip(header, fields))
                if len(fields) > len(header):
                    row[None] = fields[len(header):]
                    yield line, row, "more fields than columns"
                else:
                    yield line, row, None
        except csv.Error as exc:
            raise ImportRefused(f"line {ended + 1}: {csv_problem(exc)}; nothing was imported") from None


# ---------------------------------------------------------------- scratch table of validated rows

# (column, SQLite type, PostgreSQL type)
_SCRATCH_COLUMNS = [
    ("line", "INTEGER PRIMARY KEY", "integer PRIMARY KEY"), ("make_id", "INTEGER", "bigint"),
    ("serial_normalized", "TEXT", "text"), ("model_id", "INTEGER", "bigint"), ("calibre_id", "INTEGER", "bigint"),
    ("firearm_type", "TEXT", "text"), ("country", "TEXT", "text"), ("year", "INTEGER", "integer"),
    ("serial_number", "TEXT", "text"), ("serial_position", "TEXT", "text"), ("import_mark", "TEXT", "text"),
    ("import_mark_position", "TEXT", "text"), ("how", "TEXT", "text"), ("holder_id", "INTEGER", "bigint"),
    ("location", "TEXT", "text"), ("occurred_at", "TEXT", "text"),
]
_NAMES = [c[0] for c in _SCRATCH_COLUMNS]
# A scratch row `s` whose serial number is registered for its make.
_REGISTERED = ("EXISTS (SELECT 1 FROM registry_item i WHERE i.make_id = s.make_id "
               "AND i.serial_normalized = s.serial_normalized AND i.category = 'firearm')")


class Scratch:
    """The validated rows of one import, in a TEMP table of the connection (on disk, not in this process)."""

    def __init__(self, validator):
        self.validator = validator
        self.makes_by_id = {m.pk: m for m in validator.makes.values()}
        self.models_by_id = {m.pk: m for m in validator.models.values()}
        self.calibres_by_id = {c.pk: c for c in validator.calibres.values()}
        postgres = connection.vendor == "postgresql"
        self.schema = "pg_temp" if postgres else "temp"
        types = [f"{name} {pg if postgres else lite}" for name, lite, pg in _SCRATCH_COLUMNS]
        with connection.cursor() as cursor:
            cursor.execute(f"DROP TABLE IF EXISTS {self.schema}.{SCRATCH}")
            cursor.execute(f"CREATE TEMP TABLE {SCRATCH} ({', '.join(types)})")

    def add(self, entries):
        if not entries:
            return
        rows = []
        for e in entries:
            d = e.data
            serial, imports = d.markings[0], d.markings[1:]
            rows.append((e.line, d.make.pk, services.normalize_serial(d.serial_number), d.model.pk if d.model else None,
                         d.calibre.pk if d.calibre else None, d.firearm_type, d.country_of_manufacture,
                         d.year_of_manufacture, d.serial_number, serial.position,
                         imports[0].text if imports else "", imports[0].position if imports else "", e.how,
                         e.holder.pk, e.location, e.occurred_at.isoformat()))
        with transaction.atomic():
            insert_rows(SCRATCH, _NAMES, rows)

    def duplicates(self):
        """RowErrors of the rows whose serial number is already registered for their make, or appears on an
        earlier good row of the file; those rows leave the scratch table."""
        with connection.cursor() as cursor:
            cursor.execute(f"CREATE INDEX {SCRATCH}_key ON {SCRATCH} (make_id, serial_normalized, line)")
            cursor.execute(f"ANALYZE {SCRATCH}")  # PostgreSQL has no statistics of a fresh TEMP table otherwise
            cursor.execute(f"""
                SELECT s.line, s.make_id, s.serial_normalized, {_REGISTERED} FROM {SCRATCH} s
                 WHERE {_REGISTERED} OR EXISTS (SELECT 1 FROM {SCRATCH} t WHERE t.make_id = s.make_id
                   AND t.serial_normalized = s.serial_normalized AND t.line < s.line)
                 ORDER BY s.line""")
            found = cursor.fetchall()
        errors = []
        for line, make_id, serial, is_registered in found:
            make = self.makes_by_id[make_id].name
            reason = (f"serial number {serial} of {make} is already registered" if is_registered
                      else f"serial number {serial} of {make} appears twice in the file")
            errors.append(RowError(line, reason, None))
        if found:
            with transaction.atomic(), connection.cursor() as cursor:
                cursor.executemany(f"DELETE FROM {SCRATCH} WHERE line = %s", [(line,) for line, *_ in found])
        return errors

    def registered_meanwhile(self, first_line, last_line):
        """Lines of a batch whose serial number was registered since the validation pass (by another user)."""
        with connection.cursor() as cursor:
            cursor.execute(f"SELECT s.line FROM {SCRATCH} s WHERE s.line BETWEEN %s AND %s AND {_REGISTERED}",
                           [first_line, last_line])
            return [r[0] for r in cursor.fetchall()]

    def read(self, after_line, size):
        """Up to `size` NewItems following `after_line`, in line order (keyset paging)."""
        with connection.cursor() as cursor:
            cursor.execute(f"SELECT {', '.join(_NAMES)} FROM {SCRATCH} WHERE line > %s ORDER BY line LIMIT %s",
                           [after_line, size])
            return [self._entry(*row) for row in cursor.fetchall()]

    def _entry(self, line, make_id, _serial, model_id, calibre_id, firearm_type, country, year, serial_number,
               serial_position, import_mark, import_mark_position, how, holder_id, location, occurred_at):
        markings = [services.MarkingInput(Marking.Kind.SERIAL, serial_number, serial_position)]
        if import_mark:
            markings.append(services.MarkingInput(Marking.Kind.IMPORT, import_mark, import_mark_position))
        data = services.FirearmInput(
            serial_number=serial_number, make=self.makes_by_id[make_id], model=self.models_by_id.get(model_id),
            calibre=self.calibres_by_id.get(calibre_id), firearm_type=firearm_type, country_of_manufacture=country,
            year_of_manufacture=year, markings=markings)
        return NewItem(line=line, data=data, how=how, holder=_PartyRef(holder_id), location=location,
                       occurred_at=datetime.fromisoformat(occurred_at))

    def drop(self):
        with connection.cursor() as cursor:
            cursor.execute(f"DROP TABLE IF EXISTS {self.schema}.{SCRATCH}")


@dataclass(frozen=True)
class _PartyRef:
    """A holder known by its primary key: all that the payload and the projection take of it."""

    pk: int


# ---------------------------------------------------------------- the import


def import_items(path, *, actor=SYSTEM, quarantine=None, resume=False, batch_size=100_000, progress=None,
                 validated=None):
    """Import `path`. `progress(n)` is called after each committed batch of n rows, `validated(n)` as rows are
    checked."""
    path = Path(path)
    digest = file_digest(path)
    running = _interrupted_job(digest, resume)
    # Lines up to the job's last committed line were dealt with before the interruption.
    done_line = running.last_line if running else 0
    if connection.vendor == "sqlite":
        with connection.cursor() as cursor:
            for pragma in SQLITE_PRAGMAS:
                cursor.execute(pragma)
    validator = RowValidator()
    scratch = Scratch(validator)
    try:
        errors, good = _validate(path, done_line, validator, scratch, validated)
        if errors and quarantine is None:
            ImportJob.objects.create(file_name=str(path), file_sha256=digest, total_rows=good + len(errors),
                                     status=ImportJob.Status.REJECTED, finished_at=timezone.now())
            return ImportResult(job=None, errors=errors, refused=True)
        if errors:
            write_quarantine(quarantine, errors)

        job = running or ImportJob.objects.create(file_name=str(path), file_sha256=digest, total_rows=good + len(errors))
        imported = _write(scratch, job, done_line, BulkWriter(actor), batch_size, progress)
        ImportJob.objects.filter(pk=job.pk).update(status=ImportJob.Status.DONE, finished_at=timezone.now())
        job.refresh_from_db()
        return ImportResult(job=job, imported=imported, errors=errors)
    finally:
        scratch.drop()


def _interrupted_job(digest, resume):
    """The running job of this file, which only --resume may continue (and which --resume needs)."""
    running = ImportJob.objects.filter(file_sha256=digest, status=ImportJob.Status.RUNNING).first()
    if running and not resume:
        raise ImportRefused(f"an interrupted import of this file exists (job {running.pk}, {running.rows_done} rows done): "
                            "run the same command with --resume")
    if resume and running is None:
        raise ImportRefused("there is no interrupted import of this file to resume")
    return running


def _validate(path, done_line, validator, scratch, validated):
    """Pass 1: check the rows after `done_line` into the scratch table; (errors by line, number of good rows)."""
    errors, good = [], 0
    for rows in _chunks((r for r in read_rows(path) if r[0] > done_line), VALIDATE_CHUNK):
        validator.prefetch({(row.get("holder") or "").strip() for _, row, problem in rows if not problem})
        checked = []
        for line, row, problem in rows:
            try:
                if problem:
                    raise ValueError(problem)
                checked.append(validator(row, line))
            except ValueError as exc:
                errors.append(RowError(line, str(exc), row))
        scratch.add(checked)
        good += len(checked)
        if validated:
            validated(len(rows))
    duplicates = scratch.duplicates()
    if duplicates:
        errors = _with_rows(path, sorted(errors + duplicates, key=lambda e: e.line))
    return errors, good - len(duplicates)


def _write(scratch, job, done_line, writer, batch_size, progress):
    """Pass 2: write the scratch rows in batches of `batch_size`, each with the job's progress; the rows written."""
    rows_done, last_line, imported = job.rows_done, done_line, 0
    while True:
        chunk = scratch.read(last_line, min(WRITE_CHUNK, batch_size))
        if not chunk:
            break
        with writer.batch() as batch:
            in_batch = 0
            while chunk:
                taken = scratch.registered_meanwhile(chunk[0].line, chunk[-1].line)
                if taken:
                    raise ImportRefused(f"line {taken[0]}: the serial number was registered by someone else during "
                                        f"the import; run the same command with --resume to report it and import "
                                        f"the rest")
                batch.add(chunk)
                in_batch += len(chunk)
                last_line = chunk[-1].line
                chunk = scratch.read(last_line, min(WRITE_CHUNK, batch_size - in_batch)) if in_batch < batch_size else []
            rows_done += in_batch
            ImportJob.objects.filter(pk=job.pk).update(rows_done=rows_done, last_line=last_line)
        imported += in_batch
        if progress:
            progress(in_batch)
    return imported


def _chunks(iterable, size):
    chunk = []
    for item in iterable:
        chunk.append(item)
        if len(chunk) >= size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def _with_rows(path, errors):
    """Fill in the CSV row of errors found set-wise (they carry only their line), re-reading the file once."""
    missing = {e.line: e for e in errors if e.row is None}
    if missing:
        for line, row, _ in read_rows(path):
            if line in missing:
                missing[line].row = row
    return errors


def write_quarantine(path, errors):
    with open(path, "w", newline="", encoding="utf-8", errors="surrogateescape") as f:
        writer = SafeDictWriter(f, fieldnames=["line", "reason", *COLUMNS], extrasaction="ignore")
        writer.writeheader()
        for e in errors:
            writer.writerow({"line": e.line, "reason": e.reason, **{k: v for k, v in (e.row or {}).items() if k in COLUMNS}})
