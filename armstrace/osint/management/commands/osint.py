from django.core.management.base import BaseCommand, CommandError

from armstrace.osint import cli


class Command(BaseCommand):
    help = ("Open-source seizures: `osint extract IN.jsonl --out OUT.jsonl` proposes one seizure record per "
            "document (no database needed); `osint ingest PATH...` stores documents (HTML, text, JSONL, folders) "
            "with their proposed records for review; `osint fetch` reads the country profile's `osint.feeds`.")
    requires_system_checks = []

    def add_arguments(self, parser):
        sub = parser.add_subparsers(dest="action", required=True)
        cli.build_parser(sub.add_parser("extract", help="one proposed seizure record per JSONL document"))
        ingest = sub.add_parser("ingest", help="store documents with their proposed records for review")
        ingest.add_argument("paths", nargs="+", metavar="PATH", help="HTML or text files, JSONL files, folders")
        ingest.add_argument("--publisher", default="", help="publisher of documents that do not name one")
        fetch = sub.add_parser("fetch", help="read the RSS/Atom feeds and pages of the profile's osint.feeds")
        fetch.add_argument("--timeout", type=float, default=None, help="seconds for each feed or page (default 15)")

    def handle(self, *args, action, **options):
        if action == "extract":
            code = cli.extract_command(options["input"], options["out"], options["spans"], self.stdout, self.stderr)
            if code:
                raise CommandError("extract failed", returncode=code)
            return
        from armstrace.osint import batch, sources

        if action == "ingest":
            documents = self._with_publisher(sources.read_paths(options["paths"]), options["publisher"])
        else:
            documents = self._feeds(sources, options["timeout"])
        report = batch.ingest_all(documents, on_problem=lambda p: self.stderr.write(str(p)))
        self.stdout.write(report.summary())

    @staticmethod
    def _with_publisher(documents, publisher):
        for doc in documents:
            if publisher and hasattr(doc, "publisher") and not doc.publisher:
                doc.publisher = publisher
            yield doc

    def _feeds(self, sources, timeout):
        from armstrace.profile import get_profile

        profile = get_profile()
        feeds = sources.feeds_of_profile(profile)
        if not feeds:
            raise CommandError("the country profile lists no osint.feeds")
        timeout = timeout or profile.osint.get("timeout_seconds") or sources.FEED_TIMEOUT
        for feed in feeds:
            yield from sources.read_feed(feed, timeout)
