"""A seizure of an item reported stolen raises its notification as soon as the seizure commits."""

from django.db import transaction


def event_saved(sender, instance, created, **kwargs):
    from armstrace.exchange.notifications import scan_stolen_seized

    if created and instance.kind == "seized" and instance.item_id:
        item_id = instance.item_id
        transaction.on_commit(lambda: scan_stolen_seized([item_id]))
