import json

from django.core.management.base import BaseCommand
from django.db.models import Min

from armstrace.core.spreadsheet import SafeDictWriter
from armstrace.registry.eventlog import event_body
from armstrace.registry.importer import COLUMNS
from armstrace.registry.models import Event, Item, Marking


class Command(BaseCommand):
    help = ("Export the registry: `export items.csv` writes firearms in the import format plus their current state; "
            "`export --events events.jsonl` writes the whole hash-chained event log, one JSON event a line.")

    def add_arguments(self, parser):
        parser.add_argument("file")
        parser.add_argument("--events", action="store_true", help="export the event log as JSON lines")

    def handle(self, *args, file, events, **options):
        n = self.export_events(file) if events else self.export_items(file)
        self.stdout.write(self.style.SUCCESS(f"{n} {'events' if events else 'items'} written to {file}"))

    def export_events(self, path):
        n = 0
        with open(path, "w", encoding="utf-8") as f:
            for event in Event.objects.order_by("seq").iterator(chunk_size=5000):
                f.write(json.dumps({**event_body(event), "prev_hash": event.prev_hash, "hash": event.hash},
                                   ensure_ascii=False, sort_keys=True) + "\n")
                n += 1
        return n

    def export_items(self, path):
        fields = [*COLUMNS, "status", "current_location", "uid"]
        items = (Item.objects.filter(category=Item.Category.FIREARM).annotate(first_event=Min("events__occurred_at"))
                 .select_related("make", "model", "calibre", "current_holder").order_by("pk"))
        serial_positions = dict(Marking.objects.filter(kind=Marking.Kind.SERIAL).values_list("item_id", "position"))
        import_marks = {m.item_id: m for m in Marking.objects.filter(kind=Marking.Kind.IMPORT)}
        n = 0
        with open(path, "w", newline="", encoding="utf-8") as f:
            writer = SafeDictWriter(f, fieldnames=fields)
            writer.writeheader()
            for item in items.iterator(chunk_size=2000):
                mark = import_marks.get(item.pk)
                writer.writerow({
                    "serial_number": item.serial_number, "make": item.make.name if item.make else "",
                    "model": item.model.name if item.model else "", "calibre": item.calibre.name if item.calibre else "",
                    "type": item.firearm_type, "country_of_manufacture": item.country_of_manufacture,
                    "year_of_manufacture": item.year_of_manufacture or "",
                    "holder": item.current_holder.identifier if item.current_holder else "", "how": "registered",
                    "registered_on": item.first_event.date().isoformat() if item.first_event else "", "location": item.location,
                    "serial_position": serial_positions.get(item.pk, ""),
                    "import_mark": mark.text if mark else "", "import_mark_position": mark.position if mark else "",
                    "status": item.status, "current_location": item.location, "uid": item.uid,
                })
                n += 1
        return n
