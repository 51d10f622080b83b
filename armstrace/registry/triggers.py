"""The append-only guard of the event table: the triggers of registry/append_only.py (as for every append-only
table), which `armstrace audit verify` checks are still in place.

The guard stops the application and careless hands; the hash chain and its signed checkpoints are what reveal a
determined attacker who drops the triggers.
"""

from armstrace.registry.append_only import MESSAGES, create_append_only_triggers, drop_append_only_triggers

MESSAGE = MESSAGES["registry_event"]


def create_event_triggers(connection):
    create_append_only_triggers(connection, "registry_event")


def drop_event_triggers(connection):
    drop_append_only_triggers(connection, "registry_event")
