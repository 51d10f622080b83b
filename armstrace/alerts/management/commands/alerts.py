from django.core.management.base import BaseCommand

from armstrace.alerts import hooks


class Command(BaseCommand):
    help = ("`scan` raises the alerts that the registry's state calls for (stocktake gaps, overdue tracing requests, "
            "recoveries of lost or stolen items whose alert is missing); each once. Run it from cron.")

    def add_arguments(self, parser):
        parser.add_argument("action", choices=["scan"])

    def handle(self, *args, action, **options):
        self.stdout.write(f"{hooks.scan()} alerts raised.")
