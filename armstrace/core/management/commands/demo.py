from django.core.management.base import BaseCommand, CommandError
from tqdm import tqdm

from armstrace.demo import demo_logins, ensure_demo_users, generate_demo
from armstrace.registry.models import Item


class Command(BaseCommand):
    help = "Fill the registry with a realistic synthetic demo: holders, licences, firearms and their histories."

    def add_arguments(self, parser):
        parser.add_argument("--items", type=int, default=500)
        parser.add_argument("--seed", type=int, default=1, help="same seed, same registry")
        parser.add_argument("--if-empty", action="store_true", help="do nothing if the registry already has items")

    def handle(self, *args, items, seed, if_empty, **options):
        ensure_demo_users()
        if if_empty and Item.objects.exists():
            self.stdout.write("The registry already has items; demo data not added.")
        else:
            if items < 1:
                raise CommandError("--items must be at least 1")
            with tqdm(total=items, unit="item", file=self.stderr) as bar:
                generate_demo(items, seed=seed, progress=bar.update)
            self.stdout.write(self.style.SUCCESS(f"Demo registry created: {items} items."))
        for line in demo_logins():
            self.stdout.write(line)
