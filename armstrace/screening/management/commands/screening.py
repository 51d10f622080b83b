from pathlib import Path

from django.core.management.base import BaseCommand, CommandError


class Command(BaseCommand):
    help = ("Parcel risk screening: `screening score FILE.csv|.jsonl --out SCORED` scores a file with no database "
            "(adds risk_score, band, reasons to every row); `screening import FILE.csv|.jsonl` validates every row, "
            "then scores and stores them all, or none.")
    requires_system_checks = []

    def add_arguments(self, parser):
        sub = parser.add_subparsers(dest="action", required=True)
        score = sub.add_parser("score", help="score a consignment file (no database needed)")
        score.add_argument("file")
        score.add_argument("--out", required=True, help="the scored file (same format as FILE)")
        score.add_argument("--rules", default=None,
                           help="a country profile YAML whose screening: section to use (default: ARMSTRACE_PROFILE)")
        score.add_argument("--watch-list", action="append", default=[],
                           help="CSV of kind (name, address, phone), value[, source]; may be repeated")
        score.add_argument("--keep-going", action="store_true",
                           help="write the good consignments even when some rows are bad (they are still reported)")

        imp = sub.add_parser("import", help="validate, score and store a consignment file (all rows or none)")
        imp.add_argument("file")
        imp.add_argument("--watch-list", action="append", default=[])

    def handle(self, *args, action, **options):
        getattr(self, "do_" + action.replace("-", "_"))(**options)

    @staticmethod
    def _watch_lists(paths):
        from armstrace.screening.parties import read_watch_list

        watched = None
        for path in paths:
            watched = read_watch_list(path, watched)
        return watched

    def do_import(self, file, watch_list, **_):
        from armstrace.screening.ruleset import RulesError
        from armstrace.screening.services import import_file

        if not Path(file).is_file():
            raise CommandError(f"{file}: no such file")
        try:
            result = import_file(file, watch_list=self._watch_lists(watch_list))
        except (RulesError, ValueError, OSError) as exc:
            raise CommandError(str(exc)) from exc
        for error in result.errors:
            self.stderr.write(f"{file}: {error}")
        if result.errors:
            raise CommandError(f"{file}: rejected, {len(result.errors)} bad fields; nothing imported")
        self.stdout.write(self.style.SUCCESS(f"{result.created} consignments imported and scored from {file}"))

    def do_score(self, file, out, rules, watch_list, keep_going, **_):
        from armstrace.screening.ruleset import RulesError, active_rules, load_profile_rules
        from armstrace.screening.scoring import score_file

        if not Path(file).is_file():
            raise CommandError(f"{file}: no such file")
        try:
            rule_set = load_profile_rules(rules) if rules else active_rules()
            watched = self._watch_lists(watch_list)
        except (RulesError, ValueError, OSError) as exc:
            raise CommandError(str(exc)) from exc
        result = score_file(file, out, rule_set, watched, keep_going=keep_going)
        for error in result.errors:
            self.stderr.write(f"{file}: {error}")
        if not result.written:
            raise CommandError(f"{file}: {len(result.errors)} bad fields; nothing written (--keep-going writes "
                               "the good consignments)")
        bands = ", ".join(f"{band} {count}" for band, count in sorted(result.bands.items()))
        self.stdout.write(self.style.SUCCESS(
            f"{result.consignments} consignments ({result.rows} rows) scored into {out}: {bands}"))
        if result.errors:
            raise CommandError(f"{len(result.errors)} bad fields; their consignments were left out")
