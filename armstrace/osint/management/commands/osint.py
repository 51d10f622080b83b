from django.core.management.base import BaseCommand, CommandError

from armstrace.osint import cli


class Command(BaseCommand):
    help = ("Open-source seizures: `osint extract IN.jsonl --out OUT.jsonl` proposes one seizure record per "
            "document (no database needed).")
    requires_system_checks = []

    def add_arguments(self, parser):
        sub = parser.add_subparsers(dest="action", required=True)
        cli.build_parser(sub.add_parser("extract", help="one proposed seizure record per JSONL document"))

    def handle(self, *args, action, **options):
        if action == "extract":
            code = cli.extract_command(options["input"], options["out"], options["spans"], self.stdout, self.stderr)
            if code:
                raise CommandError("extract failed", returncode=code)
