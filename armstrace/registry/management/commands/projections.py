from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from tqdm import tqdm

from armstrace.registry.integrity import record_differences, restore_records
from armstrace.registry.models import Item
from armstrace.registry.projection import rebuild_projections


class Command(BaseCommand):
    help = ("Recompute every item's status, holder and location from its events, and compare parties, licences, "
            "markings and the items' identity with their events (`projections rebuild`).")

    def add_arguments(self, parser):
        sub = parser.add_subparsers(dest="action", required=True)
        rebuild = sub.add_parser("rebuild", help="recompute projections from the event log")
        rebuild.add_argument("--check", action="store_true", help="compare only; exit 1 if any projection differs")
        rebuild.add_argument("--quiet", action="store_true")

    def handle(self, *args, action, check, quiet, **options):
        with transaction.atomic():
            restored = 0 if check else restore_records()  # before the items: their tracing status reads licences
            with tqdm(total=Item.objects.count(), unit="item", disable=quiet, file=self.stderr) as bar:
                differences = rebuild_projections(write=not check, progress=bar.update)
            records = record_differences(limit=20)
        for pk, live, rebuilt in differences[:20]:
            self.stdout.write(f"item {pk}: live {live} != rebuilt {rebuilt}")
        for line in records:
            self.stdout.write(line)
        if records:
            raise CommandError(f"{len(records)} records differ from the event log (first 20 of each kind shown)"
                               + ("" if check else "; they cannot be rebuilt from it: restore them from a backup"))
        if check and differences:
            raise CommandError(f"{len(differences)} projections differ from the event log")
        verb = "differ" if check else "were rewritten"
        if restored:
            self.stdout.write(f"{restored} holder and licence records were rewritten from their events.")
        self.stdout.write(self.style.SUCCESS(f"{len(differences)} projections {verb}; all others equal the event log."))
