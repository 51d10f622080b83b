import json

from django.core.management.base import BaseCommand, CommandError
from tqdm import tqdm

from armstrace.registry.eventlog import verify_chain
from armstrace.registry.models import Event


class Command(BaseCommand):
    help = "Audit the event log. `audit verify` walks the hash chain and reports the first broken seq."

    def add_arguments(self, parser):
        sub = parser.add_subparsers(dest="action", required=True)
        verify = sub.add_parser("verify", help="verify every link and hash of the event chain")
        verify.add_argument("--quiet", action="store_true", help="no progress bar")
        verify.add_argument("--json", action="store_true", help="print the result as JSON")

    def handle(self, *args, action, **options):
        total = Event.objects.count()
        with tqdm(total=total, unit="event", disable=options["quiet"] or options["json"], file=self.stderr) as bar:
            result = verify_chain(progress=bar.update)
        if options["json"]:
            self.stdout.write(json.dumps(result.__dict__))
        elif result.ok:
            self.stdout.write(self.style.SUCCESS(
                f"OK: {result.checked} events verified; head seq {result.head_seq}, hash {result.head_hash}"))
        if not result.ok:
            raise CommandError(f"TAMPERING DETECTED at seq {result.first_bad_seq}: {result.reason} "
                               f"({result.checked} events read; last good seq {result.head_seq})")
