from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.core.management.base import BaseCommand

from armstrace.registry.demo import DEMO_USER, demo_logins


class Command(BaseCommand):
    help = "Serve the web app (static files included) for a laptop or a field office; use a WSGI server behind a proxy for larger sites."

    def add_arguments(self, parser):
        parser.add_argument("addrport", nargs="?", default="127.0.0.1:8000")

    def handle(self, *args, addrport, **options):
        self.stdout.write(f"ArmsTrace is served on http://{addrport}/")
        if get_user_model().objects.filter(username=DEMO_USER).exists():
            for line in demo_logins():
                self.stdout.write(line)
        call_command("runserver", addrport, use_reloader=False, insecure_serving=True, use_threading=True)
