"""CSV import of firearms: every row is validated first; bad rows are reported with their line and
reason, and either the whole file is refused (default) or they go to a quarantine file. Good rows are
written in batches, each batch in one transaction with the job's progress, so an interrupted import
leaves no partial batch and `--resume` finishes it."""

import csv
import hashlib
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

import pycountry
from django.db import transaction
from django.utils import timezone

from armstrace.registry import services
from armstrace.registry.models import Calibre, EventKind, FirearmModel, FirearmType, ImportJob, Item, Make, Marking, Party

COLUMNS = [
    "serial_number", "make", "model", "calibre", "type", "country_of_manufacture", "year_of_manufacture",
    "holder", "how", "registered_on", "location", "serial_position", "import_mark", "import_mark_position",
]
REQUIRED = {"serial_number", "make", "holder"}
HOW = {"registered": EventKind.REGISTERED, "imported": EventKind.IMPORTED, "manufactured": EventKind.MANUFACTURED}


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


class RowValidator:
    """Turns a CSV row into create_item arguments, or says what is wrong with it."""

    def __init__(self):
        self.makes = {m.name.casefold(): m for m in Make.objects.all()}
        self.models = {(m.make_id, m.name.casefold()): m for m in FirearmModel.objects.all()}
        self.calibres = {c.name.casefold(): c for c in Calibre.objects.all()}
        self.types = {v for v in FirearmType.values}
        self.parties = {}
        self.seen = set()
        self.today = timezone.localdate()

    def party(self, identifier):
        if identifier not in self.parties:
            self.parties[identifier] = Party.objects.filter(identifier=identifier).order_by("pk").first()
        return self.parties[identifier]

    def __call__(self, row):
        get = lambda key: (row.get(key) or "").strip()  # noqa: E731
        problems = [f"{key} is required" for key in sorted(REQUIRED) if not get(key)]
        if problems:
            raise ValueError("; ".join(problems))
        make = self.makes.get(get("make").casefold())
        if make is None:
            raise ValueError(f"unknown make “{get('make')}”")
        model = None
        if get("model"):
            model = self.models.get((make.pk, get("model").casefold()))
            if model is None:
                raise ValueError(f"unknown model “{get('model')}” for make {make.name}")
        calibre = None
        if get("calibre"):
            calibre = self.calibres.get(get("calibre").casefold())
            if calibre is None:
                raise ValueError(f"unknown calibre “{get('calibre')}”")
        firearm_type = get("type").lower().replace(" ", "_")
        if firearm_type and firearm_type not in self.types:
            raise ValueError(f"unknown type “{get('type')}” (expected one of {', '.join(sorted(self.types))})")
        if not firearm_type and model is None:
            raise ValueError("type is required when no model is given")
        country = get("country_of_manufacture").upper()
        if country and pycountry.countries.get(alpha_3=country) is None:
            raise ValueError(f"country_of_manufacture “{country}” is not an ISO 3166 alpha-3 code")
        year = None
        if get("year_of_manufacture"):
            if not get("year_of_manufacture").isdigit() or not 1800 <= int(get("year_of_manufacture")) <= self.today.year:
                raise ValueError(f"year_of_manufacture “{get('year_of_manufacture')}” is not a year between 1800 and now")
            year = int(get("year_of_manufacture"))
        how = HOW.get(get("how").lower() or "registered")
        if how is None:
            raise ValueError(f"how must be one of {', '.join(HOW)}")
        day = self.today
        if get("registered_on"):
            try:
                day = date.fromisoformat(get("registered_on"))
            except ValueError:
                raise ValueError(f"registered_on “{get('registered_on')}” is not a date (YYYY-MM-DD)") from None
            if day > self.today:
                raise ValueError("registered_on is in the future")
        holder = self.party(get("holder"))
        if holder is None:
            raise ValueError(f"no holder has the number “{get('holder')}”")
        try:
            services.check_recipient_licence(holder, day)
        except services.RuleViolation as exc:
            raise ValueError(exc.message) from None
        serial = services.normalize_serial(get("serial_number"))
        if not serial:
            raise ValueError("serial_number has no letter or digit")
        key = (make.pk, serial)
        if key in self.seen:
            raise ValueError(f"serial number {serial} of {make.name} appears twice in the file")
        if Item.objects.filter(make=make, serial_normalized=serial, category=Item.Category.FIREARM).exists():
            raise ValueError(f"serial number {serial} of {make.name} is already registered")
        self.seen.add(key)
        markings = [services.MarkingInput(Marking.Kind.SERIAL, get("serial_number"), get("serial_position"))]
        if get("import_mark"):
            markings.append(services.MarkingInput(Marking.Kind.IMPORT, get("import_mark"), get("import_mark_position")))
        data = services.FirearmInput(
            serial_number=get("serial_number"), make=make, model=model, calibre=calibre, firearm_type=firearm_type,
            country_of_manufacture=country, year_of_manufacture=year, markings=markings,
        )
        return {"data": data, "how": how, "holder": holder, "location": get("location"),
                "occurred_at": services.as_datetime(day)}


def read_rows(path):
    """Yield (line number, row dict); raise ImportRefused for a file that is not a usable CSV."""
    try:
        handle = open(path, newline="", encoding="utf-8-sig")
    except OSError as exc:
        raise ImportRefused(f"cannot open {path}: {exc}") from exc
    with handle:
        reader = csv.DictReader(handle)
        try:
            header = reader.fieldnames or []
        except UnicodeDecodeError:
            raise ImportRefused("the file is not UTF-8 text") from None
        unknown = [c for c in header if c not in COLUMNS]
        missing = sorted(REQUIRED - set(header))
        if missing or unknown:
            raise ImportRefused(
                "bad header: " + "; ".join(filter(None, [
                    f"missing columns {', '.join(missing)}" if missing else "",
                    f"unknown columns {', '.join(unknown)} (allowed: {', '.join(COLUMNS)})" if unknown else "",
                ]))
            )
        try:
            for row in reader:
                if None in row:
                    yield reader.line_num, row, "more fields than columns"
                else:
                    yield reader.line_num, row, None
        except (csv.Error, UnicodeDecodeError) as exc:
            raise ImportRefused(f"line {reader.line_num}: unreadable CSV ({exc})") from None


def import_items(path, *, actor=services.SYSTEM, quarantine=None, resume=False, batch_size=1000, progress=None):
    path = Path(path)
    digest = file_digest(path)
    running = ImportJob.objects.filter(file_sha256=digest, status=ImportJob.Status.RUNNING).first()
    if running and not resume:
        raise ImportRefused(f"an interrupted import of this file exists (job {running.pk}, {running.rows_done} rows done): "
                            "run the same command with --resume")
    if resume and running is None:
        raise ImportRefused("there is no interrupted import of this file to resume")

    # Lines up to the job's last committed line were dealt with before the interruption.
    done_line = running.last_line if running else 0
    validator = RowValidator()
    checked, errors = [], []
    for line, row, problem in read_rows(path):
        if line <= done_line:
            continue
        try:
            if problem:
                raise ValueError(problem)
            checked.append((line, validator(row)))
        except ValueError as exc:
            errors.append(RowError(line, str(exc), row))
    if errors and quarantine is None:
        ImportJob.objects.create(file_name=str(path), file_sha256=digest, total_rows=len(checked) + len(errors),
                                 status=ImportJob.Status.REJECTED, finished_at=timezone.now())
        return ImportResult(job=None, errors=errors, refused=True)
    if errors:
        write_quarantine(quarantine, errors)

    job = running or ImportJob.objects.create(file_name=str(path), file_sha256=digest,
                                              total_rows=len(checked) + len(errors))
    imported = 0
    for start in range(0, len(checked), batch_size):
        batch = checked[start:start + batch_size]
        with transaction.atomic():
            for _, args in batch:
                services.create_item(args["data"], how=args["how"], holder=args["holder"], location=args["location"],
                                     occurred_at=args["occurred_at"], actor=actor)
            ImportJob.objects.filter(pk=job.pk).update(rows_done=job.rows_done + imported + len(batch),
                                                       last_line=batch[-1][0])
        imported += len(batch)
        if progress:
            progress(len(batch))
    ImportJob.objects.filter(pk=job.pk).update(status=ImportJob.Status.DONE, finished_at=timezone.now())
    job.refresh_from_db()
    return ImportResult(job=job, imported=imported, errors=errors)


def write_quarantine(path, errors):
    with open(path, "w", newline="", encoding="utf-8") as f:
        writer = csv.DictWriter(f, fieldnames=["line", "reason", *COLUMNS], extrasaction="ignore")
        writer.writeheader()
        for e in errors:
            writer.writerow({"line": e.line, "reason": e.reason, **{k: v for k, v in e.row.items() if k in COLUMNS}})
