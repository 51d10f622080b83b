from django.core.management.base import BaseCommand, CommandError

from armstrace.core.management.commands.backup import BackupError, restore
from armstrace.registry.eventlog import verify_chain


class Command(BaseCommand):
    help = ("Restore the database from a FILE written by `armstrace backup`, then verify the event chain. "
            "Refuses to replace a database that holds registry data unless --force is given.")

    def add_arguments(self, parser):
        parser.add_argument("file", help="a backup written by `armstrace backup`")
        parser.add_argument("--force", action="store_true", help="replace the data already in the database")

    def handle(self, *args, file, force, **options):
        try:
            restore(file, force=force)
        except BackupError as exc:
            raise CommandError(str(exc)) from exc
        result = verify_chain()
        if not result.ok:
            raise CommandError(f"Restored, but the event chain does not verify at seq {result.first_bad_seq}: "
                               f"{result.reason}")
        self.stdout.write(self.style.SUCCESS(
            f"Restored from {file}: {result.checked} events verified; head seq {result.head_seq}, hash {result.head_hash}"))
