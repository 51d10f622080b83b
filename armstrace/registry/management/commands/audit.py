import json as _json
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from tqdm import tqdm

from armstrace.accounts.accesslog import verify_access_log
from armstrace.registry.eventlog import check_witness, verify_chain, witness_head
from armstrace.registry.models import Event


class Command(BaseCommand):
    help = ("Audit the event log. `audit verify` walks the hash chain and reports the first broken seq; "
            "`audit head` writes the chain head for an outside witness, which `audit verify --witness` checks.")

    def add_arguments(self, parser):
        sub = parser.add_subparsers(dest="action", required=True)
        verify = sub.add_parser("verify", help="verify every link and hash of the event chain")
        verify.add_argument("--quiet", action="store_true", help="no progress bar")
        verify.add_argument("--json", action="store_true", help="print the result as JSON")
        verify.add_argument("--witness", metavar="FILE",
                            help="also check that the head recorded in FILE (by `audit head`) is still in the chain")
        head = sub.add_parser("head", help="write {seq, hash, recorded_at, generated_at} of the chain head")
        head.add_argument("--out", metavar="FILE", help="write to FILE instead of standard output")

    def handle(self, *args, action, **options):
        if action == "head":
            return self.head(options.get("out"))
        return self.verify(**options)

    def head(self, out):
        text = _json.dumps(witness_head(), indent=2) + "\n"
        if out:
            Path(out).write_text(text, encoding="utf-8")
            self.stdout.write(f"Chain head written to {out}; keep it outside the registry.")
        else:
            self.stdout.write(text, ending="")

    def verify(self, *, quiet=False, json=False, witness=None, **options):
        witness_data = None
        if witness:
            try:
                witness_data = _json.loads(Path(witness).read_text(encoding="utf-8"))
            except (OSError, ValueError) as exc:
                raise CommandError(f"cannot read the witness file {witness}: {exc}") from exc
        total = Event.objects.count()
        with tqdm(total=total, unit="event", disable=quiet or json, file=self.stderr) as bar:
            result = verify_chain(progress=bar.update)
        witnessed = check_witness(witness_data) if witness_data is not None else None
        access_log = verify_access_log()
        if json:
            data = dict(result.__dict__)
            if witnessed is not None:
                data["witness"] = witnessed.__dict__
            data["access_log"] = access_log.__dict__
            self.stdout.write(_json.dumps(data))
        elif result.ok:
            self.stdout.write(self.style.SUCCESS(
                f"OK: {result.checked} events verified; head seq {result.head_seq}, hash {result.head_hash}"))
            if witnessed is not None and witnessed.ok:
                self.stdout.write(self.style.SUCCESS(f"OK: witnessed head seq {witnessed.seq} is in the chain"))
            if access_log.ok:
                self.stdout.write(self.style.SUCCESS(f"OK: {access_log.checked} access log entries verified"))
        if not result.ok:
            raise CommandError(f"TAMPERING DETECTED at seq {result.first_bad_seq}: {result.reason} "
                               f"({result.checked} events read; last good seq {result.head_seq})")
        if not access_log.ok:
            raise CommandError(f"ACCESS LOG TAMPERING DETECTED at entry {access_log.first_bad_seq}: "
                               f"{access_log.reason} (last good entry {access_log.head_seq})")
        if witnessed is not None and not witnessed.ok:
            raise CommandError(f"WITNESS CHECK FAILED: {witnessed.reason}")

