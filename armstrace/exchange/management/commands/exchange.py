from django.core.management.base import BaseCommand

from armstrace.exchange import services


class Command(BaseCommand):
    help = ("Case threads: `archive` archives the threads idle for longer than the profile's "
            "exchange.retention_days (the registry's alerts are raised by `armstrace alerts scan`).")

    def add_arguments(self, parser):
        parser.add_argument("action", choices=["archive"])

    def handle(self, *args, action, **options):
        if action == "archive":
            self.stdout.write(f"{services.archive_idle_threads()} threads archived "
                              f"(idle for more than {services.retention_days()} days).")
