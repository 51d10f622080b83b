from django.core.management.base import BaseCommand

from armstrace.exchange import notifications, services


class Command(BaseCommand):
    help = ("Case threads: `notify` raises the registry's notifications (overdue tracing requests, stocktake alerts, "
            "seized items reported stolen; run it from cron); `archive` archives the threads idle for longer than "
            "the profile's exchange.retention_days.")

    def add_arguments(self, parser):
        parser.add_argument("action", choices=["notify", "archive"])

    def handle(self, *args, action, **options):
        if action == "notify":
            self.stdout.write(f"{notifications.scan()} notifications raised.")
        else:
            self.stdout.write(f"{services.archive_idle_threads()} threads archived "
                              f"(idle for more than {services.retention_days()} days).")
