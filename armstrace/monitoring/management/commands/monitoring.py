from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from armstrace.monitoring import export, iafq, sdg
from armstrace.monitoring.hotspots import registry_hotspots
from armstrace.monitoring.portal import ImportRejected, import_portal_file
from armstrace.profile import get_profile


class Command(BaseCommand):
    help = ("Monitoring: `monitoring import-portal FILE` (UNODC portal CSV/XLSX), "
            "`monitoring iafq --year Y [--out FILE.xlsx|.csv]`, `monitoring sdg --from Y --to Y [--format csv|xml]`, "
            "`monitoring hotspots [--year Y]`.")

    def add_arguments(self, parser):
        sub = parser.add_subparsers(dest="action", required=True)
        imp = sub.add_parser("import-portal", help="import a UNODC data portal file (all rows or none)")
        imp.add_argument("file")
        imp.add_argument("--name", default=None)
        iafq = sub.add_parser("iafq", help="IAFQ statistics of a reporting year from the registry")
        iafq.add_argument("--year", type=int, required=True)
        iafq.add_argument("--out", default=None, help="write .xlsx or .csv (portal long layout); default: print")
        sdg = sub.add_parser("sdg", help="SDG 16.4.2 series of the registry as SDMX")
        sdg.add_argument("--from", dest="first", type=int, required=True)
        sdg.add_argument("--to", dest="last", type=int, required=True)
        sdg.add_argument("--format", choices=["csv", "xml"], default="csv")
        hot = sub.add_parser("hotspots", help="seizure counts above their own baseline, by administrative area")
        hot.add_argument("--year", type=int, default=None)

    def handle(self, *args, action, **options):
        getattr(self, "do_" + action.replace("-", "_"))(**options)

    def do_import_portal(self, file, name, **_):
        if not Path(file).is_file():
            raise CommandError(f"{file}: no such file")
        try:
            dataset = import_portal_file(file, name=name)
        except ImportRejected as exc:
            for line, message in exc.errors:
                self.stderr.write(f"{file}:{line}: {message}" if line else f"{file}: {message}")
            raise CommandError(f"rejected: {exc}") from exc
        self.stdout.write(self.style.SUCCESS(
            f"imported {dataset.row_count} rows from {dataset.file_name} (release {dataset.release or '?'}; "
            f"{dataset.renamed_count} category labels mapped to the 2024 release)"))

    def do_iafq(self, year, out, **_):
        profile = get_profile()
        rows = iafq.compute(year)
        if out is None:
            self.stdout.write(export.to_csv(rows, year, profile.country, profile.name), ending="")
            return
        path = Path(out)
        if path.suffix.lower() == ".xlsx":
            path.write_bytes(export.to_xlsx(rows, year, profile.country, profile.name))
        elif path.suffix.lower() == ".csv":
            path.write_text(export.to_csv(rows, year, profile.country, profile.name), encoding="utf-8")
        else:
            raise CommandError("--out must end in .xlsx or .csv")
        self.stdout.write(self.style.SUCCESS(f"{len(rows)} rows written to {path}"))

    def do_sdg(self, first, last, format, **_):
        series = sdg.published_series(iafq.sdg_counts_by_year(range(first, last + 2)))
        series = [o for o in series if first <= o.year <= last]
        country = get_profile().country
        self.stdout.write(sdg.sdmx_csv(country, series) if format == "csv" else sdg.sdmx_ml(country, series), ending="")

    def do_hotspots(self, year, **_):
        for h in registry_hotspots(year):
            if h.flagged:
                self.stdout.write(f"{h.area}\t{h.period}\t{h.count}\tbaseline {h.baseline:.2f}\tp={h.p_value:.4g}")
