import json as _json
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.db import connection
from tqdm import tqdm

from armstrace.core.extensions import AUDIT_CHECKS
from armstrace.core.signing import SigningKeyError
from armstrace.registry import checkpoints
from armstrace.registry.append_only import trigger_problems
from armstrace.registry.eventlog import check_witness, verify_chain, witness_head
from armstrace.registry.models import Event


class Command(BaseCommand):
    help = ("Audit the event log. `audit verify` walks the hash chain and reports the first broken seq, checks the "
            "signed checkpoints and the append-only triggers; `audit head` / `audit checkpoints` write the chain head "
            "/ the signed checkpoints for an outside witness, which `audit verify --witness` checks; "
            "`audit checkpoint` signs the chain head (run it from cron).")

    def add_arguments(self, parser):
        sub = parser.add_subparsers(dest="action", required=True)
        verify = sub.add_parser("verify", help="verify every link and hash of the event chain")
        verify.add_argument("--quiet", action="store_true", help="no progress bar")
        verify.add_argument("--json", action="store_true", help="print the result as JSON")
        verify.add_argument("--witness", metavar="FILE",
                            help="also check that the head recorded in FILE (by `audit head`) is still in the chain")
        head = sub.add_parser("head", help="write {seq, hash, recorded_at, generated_at} of the chain head")
        head.add_argument("--out", metavar="FILE", help="write to FILE instead of standard output")
        sub.add_parser("checkpoint", help="sign the chain head now, unless it is signed already")
        export = sub.add_parser("checkpoints", help="write the signed checkpoints and the public key for a witness")
        export.add_argument("--out", metavar="FILE", help="write to FILE instead of standard output")

    def handle(self, *args, action, **options):
        try:
            if action == "head":
                return self.head(options.get("out"), witness_head())
            if action == "checkpoints":
                return self.head(options.get("out"), checkpoints.export_checkpoints())
            if action == "checkpoint":
                return self.checkpoint()
        except SigningKeyError as exc:
            raise CommandError(str(exc)) from exc
        return self.verify(**options)

    def checkpoint(self):
        made = checkpoints.checkpoint_head()
        if made is None:
            self.stdout.write("The chain head is signed already; nothing to sign.")
        else:
            self.stdout.write(self.style.SUCCESS(f"Checkpoint signed: seq {made.seq}, key {made.key_id}"))

    def head(self, out, data):
        text = _json.dumps(data, indent=2) + "\n"
        if out:
            Path(out).write_text(text, encoding="utf-8")
            self.stdout.write(f"Written to {out}; keep it outside the registry.")
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
        seals, triggers, seal_problems = self.seals(witness_data)
        extra = [check() for check in AUDIT_CHECKS]
        failures = [f"CHECKPOINTS NOT VERIFIED: {seals.key_error}"] if seals.key_error else []
        failures += [f"TAMPERING DETECTED: {problem}" for problem in seal_problems]
        failures += [f"UNSIGNED TAIL: {problem}" for problem in seals.tail_problems]
        if not result.ok:
            failures.insert(0, f"TAMPERING DETECTED at seq {result.first_bad_seq}: {result.reason} "
                               f"({result.checked} events read; last good seq {result.head_seq})")
        if witnessed is not None and not witnessed.ok:
            failures.append(f"WITNESS CHECK FAILED: {witnessed.reason}")
        failures += [message for _label, ok, message in extra if not ok]
        if json:
            data = {**result.__dict__, "chain_ok": result.ok, "ok": not failures, "failures": failures,
                    "checkpoints": {**seals.__dict__, "ok": seals.ok}}
            if witnessed is not None:
                data["witness"] = witnessed.__dict__
            data["other_logs"] = [{"log": label, "ok": ok, "message": message} for label, ok, message in extra]
            self.stdout.write(_json.dumps(data))
        else:
            if result.ok:
                self.stdout.write(self.style.SUCCESS(
                    f"OK: {result.checked} events verified; head seq {result.head_seq}, hash {result.head_hash}"))
            if witnessed is not None and witnessed.ok:
                self.stdout.write(self.style.SUCCESS(f"OK: witnessed head seq {witnessed.seq} is in the chain"))
            self.report_seals(seals, triggers)
            for _label, ok, message in extra:
                if ok:
                    self.stdout.write(self.style.SUCCESS(f"OK: {message}"))
        if failures:
            raise CommandError("\n".join(failures))

    def seals(self, witness_data):
        """The checkpoints' report, the problems of the append-only triggers, and every sign of tampering: in the
        checkpoints, the triggers, or the witnessed checkpoints (of a witness file written by `audit checkpoints`)."""
        witnessed, key = [], None
        if witness_data is not None and "checkpoints" in witness_data:
            witnessed = checkpoints.check_witnessed_checkpoints(witness_data)
            key = checkpoints.witness_key(witness_data)  # trusted over the key file here
        report, triggers = checkpoints.verify_checkpoints(key), [str(p) for p in trigger_problems(connection)]
        return report, triggers, report.problems + triggers + witnessed

    def report_seals(self, report, triggers):
        if report.checkpoints and not (report.problems or report.key_error):
            self.stdout.write(self.style.SUCCESS(f"OK: {report.checkpoints} signed checkpoints verified with key "
                                                 f"{report.key_id}; the last at seq {report.last_seq}"))
        if report.unsigned:
            self.stdout.write(self.style.WARNING(f"Unsigned yet: {report.unsigned} events after seq {report.last_seq} "
                                                 f"(since {report.unsigned_since})"))
        if not triggers:
            self.stdout.write(self.style.SUCCESS("OK: the append-only triggers are in place"))
