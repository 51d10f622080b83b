from django.core.management.base import BaseCommand, CommandError
from tqdm import tqdm

from armstrace.registry.importer import COLUMNS, ImportRefused, import_items


class Command(BaseCommand):
    help = ("Import firearms from a CSV file (columns: " + ", ".join(COLUMNS) + "). Every row is validated first; "
            "by default one bad row refuses the whole file.")

    def add_arguments(self, parser):
        parser.add_argument("file")
        parser.add_argument("--quarantine", metavar="BAD.csv",
                            help="import the good rows and write the bad ones, with line and reason, to this file")
        parser.add_argument("--resume", action="store_true", help="finish an interrupted import of the same file")
        parser.add_argument("--batch-size", type=int, default=100_000,
                            help="rows written per transaction (an interrupted import keeps its committed batches)")
        parser.add_argument("--quiet", action="store_true")

    def handle(self, *args, file, quarantine, resume, batch_size, quiet, **options):
        if batch_size < 1:
            raise CommandError("--batch-size must be at least 1")
        try:
            with tqdm(unit="row", desc="validated", disable=quiet, file=self.stderr) as checked, \
                    tqdm(unit="row", desc="imported", disable=quiet, file=self.stderr) as written:
                result = import_items(file, quarantine=quarantine, resume=resume, batch_size=batch_size,
                                      progress=written.update, validated=checked.update)
        except ImportRefused as exc:
            raise CommandError(f"{file}: {exc}") from exc
        for error in result.errors:
            self.stderr.write(f"{file}: line {error.line}: {error.reason}")
        if result.refused:
            raise CommandError(f"{file}: {len(result.errors)} bad rows; nothing was imported. "
                               "Correct them, or use --quarantine BAD.csv to import the good rows.")
        self.stdout.write(self.style.SUCCESS(f"{result.imported} items imported from {file}"
                                             + (f"; {len(result.errors)} bad rows written to {quarantine}" if result.errors else "")))
