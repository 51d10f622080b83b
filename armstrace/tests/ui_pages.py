"""The pages that the browser checks (375 px layout, axe-core) and the English-word check visit.

A new page joins every check by a line in PAGES: its name and its path, where `{item}` is the pk of a registered
firearm of the demo that has a history."""

import subprocess
import sys

PAGES = {
    "dashboard": "/",
    "item-list": "/registry/items/",
    "item-detail": "/registry/items/{item}/",
    "marking-search": "/tracing/search/?q=A1",
    "seizure-form": "/custody/cases/new/",
    "trace-report": "/tracing/items/{item}/report/",
    "holders": "/registry/holders/",
    "cases": "/custody/",
    "tracing-requests": "/tracing/requests/",
    "iafq-tables": "/monitoring/",
    "hotspots": "/monitoring/hotspots/",
    "flows": "/monitoring/flows/",
    "depots": "/custody/depots/",
    "event-log": "/registry/events/",
}
NARROW_PAGES = ["dashboard", "item-list", "item-detail", "marking-search", "seizure-form", "trace-report"]
AXE_PAGES = ["dashboard", "item-list", "item-detail", "seizure-form", "trace-report"]

FIRST_ITEM = ("from armstrace.registry.models import Item; "
              "print(Item.objects.filter(events__kind__in=['registered', 'imported']).order_by('pk').values_list('pk', flat=True)[0])")


def demo_item_pk(live_app):
    """The pk of the first registered or imported firearm of the live app's demo."""
    done = subprocess.run([sys.executable, "-m", "armstrace", "shell", "-c", FIRST_ITEM], env=live_app.env,
                          check=True, capture_output=True, text=True)
    return int(done.stdout.strip().splitlines()[-1])


def page_path(name, item):
    return PAGES[name].format(item=item)
