"""Who sends to whom, over a sliding time window: the state of the velocity rules, bounded by the window.

Entries older than the window (measured from the latest acceptance time seen) are dropped as the stream moves on,
so memory follows the number of parcels within the window, not the length of the file. Parties are kept as the
hashes of their folded keys (64-bit, within one run), times as POSIX seconds.
"""

from collections import deque
from dataclasses import dataclass

from armstrace.screening.parties import addressee_key, phone_key, sender_key

DAY = 86_400.0


@dataclass(slots=True)
class Flow:
    parcels_to_addressee: int  # within the window, this one included
    senders_to_addressee: int
    addressees_of_sender: int
    addressee_seen_before: bool  # within the history window
    addressee_new_days: float  # days since the addressee's first parcel of an unbroken history (0: this one)


class _Counts:
    """key -> {value: count} of the entries within `span` seconds; a time-ordered queue evicts old entries."""

    def __init__(self, span):
        self.span = span
        self.by_key = {}
        self.order = deque()

    def add(self, key, when, value):
        counter = self.by_key.get(key)
        if counter is None:
            counter = self.by_key[key] = {}
        counter[value] = counter.get(value, 0) + 1
        self.order.append((when, key, value))

    def evict(self, now):
        cutoff, order = now - self.span, self.order
        while order and order[0][0] < cutoff:
            _, key, value = order.popleft()
            counter = self.by_key[key]
            if counter[value] > 1:
                counter[value] -= 1
                continue
            del counter[value]
            if not counter:
                del self.by_key[key]

    def get(self, key):
        return self.by_key.get(key) or {}

    def __len__(self):
        return len(self.order)


class _LastSeen:
    """key -> (first, last) time it was seen, for keys seen within `span` seconds (first: since when unbroken)."""

    def __init__(self, span):
        self.span = span
        self.last = {}
        self.order = deque()

    def seen(self, key):
        return key in self.last

    def first(self, key, default):
        return self.last[key][0] if key in self.last else default

    def add(self, key, when):
        self.last[key] = (self.last[key][0] if key in self.last else when, when)
        self.order.append((when, key))

    def evict(self, now):
        cutoff, order, last = now - self.span, self.order, self.last
        while order and order[0][0] < cutoff:
            _, key = order.popleft()
            if key in last and last[key][1] < cutoff:
                del last[key]

    def __len__(self):
        return len(self.order)


class VelocityTracker:
    def __init__(self, days=7, history_days=30):
        self.latest = None
        self.to_addressee = _Counts(days * DAY)  # addressee (address or phone) -> {sender: parcels}
        self.from_sender = _Counts(days * DAY)  # sender -> {addressee: parcels}
        self.history = _LastSeen(history_days * DAY)

    def observe(self, consignment) -> Flow:
        when = consignment.accepted_at.timestamp()
        if self.latest is None or when > self.latest:
            self.latest = when
            for window in (self.to_addressee, self.from_sender, self.history):
                window.evict(when)
        sender, addressee = hash(sender_key(consignment)), hash(addressee_key(consignment))
        phone = phone_key(consignment.addressee_phone)
        keys = (addressee, hash("tel|" + phone)) if phone else (addressee,)
        seen = any(self.history.seen(key) for key in keys)
        first = min(self.history.first(key, when) for key in keys)
        parcels, senders = 1, 1
        for key in keys:  # the address and the phone each count; the larger counts
            counter = self.to_addressee.get(key)
            parcels = max(parcels, sum(counter.values()) + 1)
            senders = max(senders, len(counter) + (sender not in counter))
        addressees = self.from_sender.get(sender)
        flow = Flow(parcels, senders, len(addressees) + (addressee not in addressees), seen, (when - first) / DAY)
        for key in keys:
            self.to_addressee.add(key, when, sender)
            self.history.add(key, when)
        self.from_sender.add(sender, when, addressee)
        return flow

    def size(self):
        return len(self.to_addressee) + len(self.from_sender) + len(self.history)
