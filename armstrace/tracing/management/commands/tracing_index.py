from django.core.management.base import BaseCommand
from django.db import connection, transaction

from armstrace.registry.models import Item, Marking
from armstrace.tracing import index


class Command(BaseCommand):
    help = ("Marking-search index. `rebuild` re-folds every serial with the profile's current confusables and "
            "rebuilds the trigram index and the deletion keys; `stats` prints their sizes.")

    def add_arguments(self, parser):
        parser.add_argument("action", choices=["rebuild", "stats"])

    def handle(self, *args, action, **options):
        if action == "rebuild":
            with transaction.atomic():
                refolded = self._refold()
                index.rebuild(connection)
            self.stdout.write(f"Serial forms re-folded: {refolded}; index rebuilt.")
        with connection.cursor() as cursor:
            cursor.execute("SELECT count(*) FROM tracing_serialform")
            forms = cursor.fetchone()[0]
            cursor.execute("SELECT count(*) FROM tracing_fuzzykey")
            keys = cursor.fetchone()[0]
        self.stdout.write(f"{forms} serial forms, {keys} deletion keys ({connection.vendor}).")

    def _refold(self):
        """Bring the registry's normalised and folded columns in line with the profile (triggers off meanwhile)."""
        index.drop_triggers(connection)
        return index.refold(Item, Marking)
