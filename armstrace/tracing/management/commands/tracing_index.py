from django.core.management.base import BaseCommand
from django.db import connection, transaction

from armstrace.registry.models import Item, Marking
from armstrace.registry.serials import fold_serial, normalize_serial
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
        changed = 0
        index.drop_triggers(connection)
        for model, source, norm, fold in ((Item, "serial_number", "serial_normalized", "serial_folded"),
                                          (Marking, "text", "normalized", "folded")):
            for pk, raw, n, f in model.objects.values_list("pk", source, norm, fold).iterator(chunk_size=5000):
                new_n, new_f = normalize_serial(raw), fold_serial(raw)
                if (new_n, new_f) != (n, f):
                    model.objects.filter(pk=pk).update(**{norm: new_n, fold: new_f})
                    changed += 1
        return changed
