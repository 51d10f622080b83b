import json
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from armstrace.exchange import digest

DEMO = Path(__file__).resolve().parents[2] / "demo_digest.json"


class Command(BaseCommand):
    help = ("The case digest: `export --level public|partners|internal FILE.json`, `import FILE.json` (every record "
            "validated, bad ones reported by index, nothing imported then), `import --demo` (the shipped demo "
            "digest), `schema [FILE]` (the JSON Schema of a digest file).")

    def add_arguments(self, parser):
        sub = parser.add_subparsers(dest="action", required=True)
        export = sub.add_parser("export")
        export.add_argument("file")
        export.add_argument("--level", choices=list(digest.LEVELS_SHARED), default="public")
        imp = sub.add_parser("import")
        imp.add_argument("file", nargs="?")
        imp.add_argument("--demo", action="store_true")
        schema = sub.add_parser("schema")
        schema.add_argument("file", nargs="?")

    def handle(self, *args, action, **options):
        if action == "export":
            data = digest.export_digest(options["level"])
            Path(options["file"]).write_text(json.dumps(data, ensure_ascii=False, indent=2), encoding="utf-8")
            self.stdout.write(f"{len(data['cases'])} cases written to {options['file']} (level {options['level']}).")
        elif action == "import":
            self._import(DEMO if options["demo"] else options["file"])
        else:
            text = json.dumps(digest.file_schema(), indent=2)
            Path(options["file"]).write_text(text) if options["file"] else self.stdout.write(text)

    def _import(self, file):
        if not file:
            raise CommandError("give FILE.json or --demo")
        try:
            data = json.loads(Path(file).read_text(encoding="utf-8"))
        except (OSError, ValueError) as exc:
            raise CommandError(f"{file}: cannot read a JSON file: {exc}") from exc
        try:
            cases = digest.import_digest(data)
        except digest.DigestErrors as exc:
            for index, message in exc.errors:
                self.stderr.write(f"case {index}: {message}" if index is not None else message)
            raise CommandError(f"{file}: {len({i for i, _m in exc.errors})} bad records; nothing imported") from exc
        self.stdout.write(f"{len(cases)} cases imported from {file}.")
