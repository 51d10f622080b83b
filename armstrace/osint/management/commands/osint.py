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
        sub.add_parser("accuracy", help="the extractor's accuracy on the reviewed records, per field")
        labels = sub.add_parser("labels", help="the reviewed documents as labelled JSONL (the dev set's layout)")
        labels.add_argument("--out", required=True, help="JSONL file to write ('-': stdout)")

    def handle(self, *args, action, **options):
        if action == "extract":
            code = cli.extract_command(options["input"], options["out"], options["spans"], self.stdout, self.stderr)
            if code:
                raise CommandError("extract failed", returncode=code)
            return
        from armstrace.osint import batch, feedback, sources

        if action == "accuracy":
            return self._accuracy(feedback.accuracy())
        if action == "labels":
            return self._labels(feedback.labelled_lines(), options["out"])
        if action == "ingest":
            documents = self._with_publisher(sources.read_paths(options["paths"]), options["publisher"])
        else:
            documents = self._feeds(sources, options["timeout"])
        report = batch.ingest_all(documents, on_problem=lambda p: self.stderr.write(str(p)))
        self.stdout.write(report.summary())

    def _accuracy(self, accuracy):
        self.stdout.write(f"{accuracy.records} reviewed records ({accuracy.rejected_records} rejected)")
        self.stdout.write(f"{'field':<20}{'kept':>6}{'edited':>8}{'rejected':>10}{'precision':>11}{'recall':>8}{'F1':>7}")
        for f in accuracy.fields:
            self.stdout.write(f"{f.key:<20}{f.kept:>6}{f.edited:>8}{f.rejected:>10}{_figure(f.precision, 11)}"
                              f"{_figure(f.recall, 8)}{_figure(f.f1, 7)}")
        self.stdout.write(f"{'micro-F1':<20}{accuracy.micro_f1:>50.3f}")

    def _labels(self, lines, out):
        if out == "-":
            count = self._write_all(lines, lambda line: self.stdout.write(line, ending=""))
        else:
            try:
                with open(out, "w", encoding="utf-8") as stream:
                    count = self._write_all(lines, stream.write)
            except OSError as exc:
                raise CommandError(f"{out}: {exc.strerror}") from exc
        self.stderr.write(f"{count} reviewed documents written")

    @staticmethod
    def _write_all(lines, write):
        count = 0
        for count, line in enumerate(lines, 1):
            write(line)
        return count

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


def _figure(value, width):
    """A score to three places, or a dash where the field had nothing to score."""
    return f"{value:>{width}.3f}" if value is not None else f"{'-':>{width}}"
