import secrets

from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError

from armstrace.accounts.models import Agency, Role, UserProfile
from armstrace.core import signing
from armstrace.registry import checkpoints
from armstrace.registry.models import Item
from armstrace.registry.projection import rebuild_projections
from armstrace.registry.reference import load_reference_data, sync_agencies


class Command(BaseCommand):
    help = "Create or upgrade the database, load reference data and the profile's agencies, and create an administrator."

    def add_arguments(self, parser):
        parser.add_argument("--admin", default="admin", help="administrator user name (created if missing)")
        parser.add_argument("--password", help="administrator password (random and printed if not given)")

    def handle(self, *args, admin, password, **options):
        try:
            if signing.create_key():
                self.stdout.write(f"Signing key created: {signing.key_path()} (key id {signing.key_id()}); back it up "
                                  f"outside the database")
        except (signing.SigningKeyError, OSError) as exc:
            raise CommandError(str(exc)) from exc
        call_command("migrate", interactive=False, verbosity=0)
        if Item.objects.filter(tracing_status__isnull=True).exists():  # items recorded before the column existed
            changed = rebuild_projections(write=True)
            self.stdout.write(f"Projections brought up to date ({len(changed)} items).")
        try:
            baseline = checkpoints.sign_baseline()
        except ValueError as exc:
            self.stderr.write(f"WARNING: {exc}")
        else:
            if baseline is not None:
                self.stdout.write(f"Event log signed: first checkpoint at seq {baseline.seq}.")
        sync_agencies()
        added = load_reference_data()
        self.stdout.write(f"Database ready; {added} reference rows added.")
        User = get_user_model()
        if not User.objects.filter(username=admin).exists():
            password = password or secrets.token_urlsafe(12)
            user = User.objects.create_superuser(admin, password=password)
            UserProfile.objects.create(user=user, role=Role.ADMINISTRATOR, agency=Agency.objects.filter(kind="registry").first())
            self.stdout.write(f"Administrator created: {admin} / {password} (sets up two-factor login at the first login)")
