import json
from datetime import timedelta
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from armstrace.core.errors import RuleViolation
from armstrace.core.signing import SigningKeyError
from armstrace.federation import outbox, partners, services
from armstrace.federation.models import Partner


class Command(BaseCommand):
    help = ("Registry-to-registry federation: `init` (identity), `identity` (JSON for partners), `partners "
            "add|list|disable|enable|rekey`, `deliver` (the outbox; run it from cron or a systemd timer), "
            "`export FILE` / `import FILE` (offline transport), `check COUNTRY SERIAL` (lost/stolen).")

    def add_arguments(self, parser):
        sub = parser.add_subparsers(dest="action", required=True)
        init = sub.add_parser("init", help="create the signing key if needed and set this installation's identity")
        init.add_argument("--name", help="installation name, e.g. 'National Firearms Registry of Kenya'")
        init.add_argument("--inbox-url", help="the public URL of this installation's /federation/inbox/")
        sub.add_parser("identity", help="print this installation's public identity as JSON")
        partner = sub.add_parser("partners", help="manage partners").add_subparsers(dest="partner_action",
                                                                                    required=True)
        partner.add_parser("add", help="add a partner from its identity file").add_argument("file")
        partner.add_parser("list", help="list partners and their keys")
        for name in ("disable", "enable"):
            partner.add_parser(name, help=f"{name} a partner").add_argument("country")
        rekey = partner.add_parser("rekey", help="take a partner's new key from its new identity file")
        rekey.add_argument("file")
        rekey.add_argument("--grace-hours", type=float, default=72.0,
                           help="how long the replaced key stays valid (default 72)")
        deliver = sub.add_parser("deliver", help="deliver the due messages of the outbox, once")
        deliver.add_argument("--quiet", action="store_true")
        export = sub.add_parser("export", help="write the pending messages to FILE (offline transport)")
        export.add_argument("file")
        export.add_argument("--partner", help="only the messages to this country")
        sub.add_parser("import", help="read a file of messages into the inbox").add_argument("file")
        check = sub.add_parser("check", help="ask a partner about a serial (lost/stolen check)")
        check.add_argument("country")
        check.add_argument("serial")
        check.add_argument("--make", default="")

    def handle(self, *args, action, **options):
        try:
            getattr(self, f"do_{action}")(**options)
        except (RuleViolation, SigningKeyError) as exc:
            raise CommandError(getattr(exc, "message", str(exc))) from exc

    def do_init(self, name=None, inbox_url=None, **options):
        local = partners.init_identity(name, inbox_url)
        identity = partners.identity()
        self.stdout.write(f"{local.name} ({identity['country']}), inbox {local.inbox_url}\n"
                          f"key id {identity['key_id']}\nfingerprint {partners.fingerprint(identity['key_id'])}")

    def do_identity(self, **options):
        self.stdout.write(json.dumps(partners.identity(), indent=2))

    def _identity_file(self, file):
        try:
            return json.loads(Path(file).read_text(encoding="utf-8"))
        except (OSError, ValueError) as exc:
            raise CommandError(f"cannot read the identity file {file}: {exc}") from exc

    def do_partners(self, partner_action, file=None, country=None, grace_hours=None, **options):
        if partner_action == "add":
            partner = partners.add_partner(self._identity_file(file))
        elif partner_action == "rekey":
            partner = partners.rekey(self._identity_file(file), timedelta(hours=grace_hours))
        elif partner_action in ("disable", "enable"):
            partner = partners.set_enabled(country, partner_action == "enable")
        else:
            return self.list_partners()
        key = partner.current_key
        self.stdout.write(f"{partner.country} {partner.name} {'enabled' if partner.enabled else 'disabled'}; "
                          f"key fingerprint {partners.fingerprint(key.key_id)}\n"
                          f"Confirm this fingerprint with the partner by another channel (telephone, in person).")

    def list_partners(self):
        for partner in Partner.objects.prefetch_related("keys"):
            self.stdout.write(f"{partner.country}\t{'enabled' if partner.enabled else 'disabled'}\t{partner.name}\t"
                              f"{partner.inbox_url}")
            for key in partner.keys.all():
                until = f"valid until {key.valid_until:%Y-%m-%d %H:%M}" if key.valid_until else "current"
                self.stdout.write(f"\t{partners.fingerprint(key.key_id)}\t{until}")

    def do_deliver(self, quiet=False, **options):
        counts = outbox.deliver()
        if not quiet:
            self.stdout.write(", ".join(f"{n} {what}" for what, n in counts.items()))

    def do_export(self, file, partner=None, **options):
        count = outbox.export(file, partners.get_partner(partner) if partner else None)
        self.stdout.write(f"{count} messages written to {file}")

    def do_import(self, file, **options):
        try:
            results = outbox.import_file(file)
        except OSError as exc:
            raise CommandError(f"cannot read {file}: {exc}") from exc
        for line, message, refusal in results:
            self.stdout.write(f"line {line}: accepted {message.type} {message.message_id}" if message else
                              f"line {line}: refused {refusal.code}: {refusal.detail}")
        if any(refusal for _line, _message, refusal in results):
            raise CommandError("some messages were refused")

    def do_check(self, country, serial, make="", **options):
        query = services.check_lost_stolen(country, serial, make)
        answer = services.lost_stolen_answer(query)
        self.stdout.write(json.dumps(answer.body if answer else {"state": query.state, "error": query.last_error}))
