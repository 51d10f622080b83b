"""An item's history as tracing reads it: its legitimate holders, and where it left legal control; and the names
and dates that the tracing reports and requests show."""

from dataclasses import dataclass, field

from django.utils import timezone

from armstrace.core import countries
from armstrace.registry.models import Event, EventKind

K = EventKind
HOLDING_KINDS = {K.REGISTERED, K.MANUFACTURED, K.IMPORTED, K.TRANSFERRED, K.RETURNED_TO_OWNER}
CUSTODY_KINDS = {K.SEIZED, K.FOUND, K.SURRENDERED}


def country_name(code):
    return countries.country_name(code)


def day(value):
    """The local date of an instant, as ISO text (None for None)."""
    return timezone.localtime(value).date().isoformat() if value else None


@dataclass
class Diversion:
    """Where the item left legal control, as far as the national registry tells."""

    kind: str                  # theft | loss | unknown_transfer | seizure_from_holder | after_export
    event: Event
    holder_id: int | None
    identified: bool           # the registry pins down when and where
    description: str = ""
    destination_country: str = ""


@dataclass
class History:
    events: list
    entered_by: str                         # kind of the first event
    ever_held_legally: bool = False
    holder_id: int | None = None            # legitimate holder at the end of the history (None when not held)
    holder_since: Event | None = None
    diversion: Diversion | None = None
    last_import: Event | None = None
    last_export: Event | None = None
    last_export_holder: int | None = None
    latest_holder_id: int | None = None     # the most recent legitimate holder, even after the item left them
    last_holder_event: dict = field(default_factory=dict)   # holder id -> event that gave them the item


def analyse_history(item, events=None) -> History:
    """Walk the item's events in chain order, following the legitimate holder and the diversions.

    The last legitimate holder is the holder when the latest diversion happened: a reported loss or theft, a
    seizure or a find of an item the registry still showed as legally held (an unrecorded transfer, or a seizure
    from the holder), or a find or seizure in the country after a legal export. Surrenders are legitimate
    hand-overs to the State, not diversions.
    """
    events = list(item.events.order_by("seq")) if events is None else events
    history = History(events, events[0].kind if events else "")
    holder, since = None, None
    for index, e in enumerate(events):
        p = e.payload or {}
        if e.kind in HOLDING_KINDS:
            holder, since = p.get("holder"), e
            history.ever_held_legally = True
            if holder is not None:
                history.last_holder_event[holder] = e
                history.latest_holder_id = holder
            if e.kind == K.IMPORTED:
                history.last_import = e
        elif e.kind == K.EXPORTED:
            history.last_export = e
            history.last_export_holder = p.get("from_holder", holder)
            holder = None
        elif e.kind in (K.LOSS_REPORTED, K.THEFT_REPORTED):
            history.diversion = Diversion(
                "theft" if e.kind == K.THEFT_REPORTED else "loss", e, holder, True,
                p.get("circumstances", ""))
        elif e.kind in CUSTODY_KINDS and index > 0:
            before = p.get("previous_status", "")
            if before in ("active", "deactivated") and e.kind in (K.SEIZED, K.FOUND):
                kind = "seizure_from_holder" if e.kind == K.SEIZED else "unknown_transfer"
                history.diversion = Diversion(kind, e, holder, False, p.get("circumstances", ""))
            elif before == "exported" and history.last_export is not None:
                exporter = history.last_export_holder
                history.diversion = Diversion("after_export", e, exporter, True, p.get("circumstances", ""),
                                              history.last_export.payload.get("destination_country", ""))
            holder = None
        elif e.kind == K.CORRECTION and "holder" in (p.get("fields") or {}):
            holder = p["fields"]["holder"]
            if holder is not None:
                history.last_holder_event[holder] = e
                history.latest_holder_id = holder
    history.holder_id, history.holder_since = holder, since
    return history
