"""Who sends to whom, over a sliding time window: the state of the velocity rules, bounded by the window.

Entries older than the window (measured from the latest acceptance time seen) are dropped as the stream moves on,
so memory follows the number of parcels within the window, not the length of the file.
"""

from collections import defaultdict, deque
from dataclasses import dataclass
from datetime import timedelta

from armstrace.screening.parties import addressee_key, phone_key, sender_key


@dataclass(slots=True)
class Flow:
    parcels_to_addressee: int  # within the window, this one included
    senders_to_addressee: int
    addressees_of_sender: int
    addressee_seen_before: bool  # within the history window


class _Window:
    """key -> deque of (time, value) within `span`; a time-ordered queue evicts old entries from every key."""

    def __init__(self, span):
        self.span = span
        self.by_key = defaultdict(deque)
        self.order = deque()

    def add(self, key, when, value):
        self.by_key[key].append((when, value))
        self.order.append((when, key))

    def evict(self, now):
        cutoff = now - self.span
        while self.order and self.order[0][0] < cutoff:
            when, key = self.order.popleft()
            entries = self.by_key.get(key)
            while entries and entries[0][0] < cutoff:
                entries.popleft()
            if entries is not None and not entries:
                del self.by_key[key]

    def values(self, key):
        entries = self.by_key.get(key)
        return [value for _, value in entries] if entries else []

    def __len__(self):
        return len(self.order)


class VelocityTracker:
    def __init__(self, days=7, history_days=90):
        self.latest = None
        self.to_addressee = _Window(timedelta(days=days))
        self.from_sender = _Window(timedelta(days=days))
        self.history = _Window(timedelta(days=history_days))

    def observe(self, consignment) -> Flow:
        when = consignment.accepted_at
        self.latest = when if self.latest is None or when > self.latest else self.latest
        for window in (self.to_addressee, self.from_sender, self.history):
            window.evict(self.latest)
        sender, addressee = sender_key(consignment), addressee_key(consignment)
        phone = phone_key(consignment.addressee_phone)
        seen = bool(self.history.by_key.get(addressee)) or bool(phone and self.history.by_key.get("tel|" + phone))
        parcels = self.to_addressee.values(addressee)  # (consignment id, sender)
        if phone:
            parcels += self.to_addressee.values("tel|" + phone)
        parcels.append((consignment.consignment_id, sender))
        parcels = dict(parcels)  # one parcel found by both its address and its phone counts once
        addressees = set(self.from_sender.values(sender))
        addressees.add(addressee)
        entry = (consignment.consignment_id, sender)
        self.to_addressee.add(addressee, when, entry)
        self.from_sender.add(sender, when, addressee)
        self.history.add(addressee, when, None)
        if phone:
            self.to_addressee.add("tel|" + phone, when, entry)
            self.history.add("tel|" + phone, when, None)
        return Flow(len(parcels), len(set(parcels.values())), len(addressees), seen)

    def size(self):
        return len(self.to_addressee) + len(self.from_sender) + len(self.history)
