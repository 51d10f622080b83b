"""Who sends to whom, over a sliding time window: the state of the velocity rules, bounded by the window.

Entries older than the window (measured from the latest acceptance time seen) are dropped as the stream moves on,
so memory follows the number of parcels within the window, not the length of the file. Parties are kept as the
hashes of their folded keys (64-bit, within one run), times as POSIX seconds; the time-ordered queues are flat
arrays (8 bytes a field, not a tuple of objects per entry). The stream is expected in acceptance order (the
simulated one is): a late parcel is queued behind newer ones and leaves with them, so the state stays bounded.
"""

from array import array
from dataclasses import dataclass

from armstrace.screening.parties import addressee_key, phone_key, sender_key

DAY = 86_400.0
COMPACT_AFTER = 4096  # expired entries at the front of a queue before its arrays are cut


@dataclass(slots=True)
class Flow:
    parcels_to_addressee: int  # within the window, this one included
    senders_to_addressee: int
    addressees_of_sender: int
    addressee_seen_before: bool  # within the history window
    addressee_new_days: float  # days since the addressee's first parcel of an unbroken history (0: this one)


class _Queue:
    """Entries (time, then `width` 64-bit ints) in acceptance order, appended at the back, expired from the front."""

    def __init__(self, width):
        self.times = array("d")
        self.columns = [array("q") for _ in range(width)]
        self.head = 0

    def append(self, when, *values):
        self.times.append(when)
        for column, value in zip(self.columns, values):
            column.append(value)

    def expire(self, cutoff):
        """The entries older than `cutoff` at the front, as tuples of their ints, removed."""
        times, head, gone = self.times, self.head, []
        while head < len(times) and times[head] < cutoff:
            gone.append(tuple(column[head] for column in self.columns))
            head += 1
        self.head = head
        if head > COMPACT_AFTER and head * 2 > len(times):  # drop the expired front once it is half of the arrays
            for values in (times, *self.columns):
                del values[:head]
            self.head = 0
        return gone

    def __len__(self):
        return len(self.times) - self.head


class _Counts:
    """key -> {value: count} of the entries within `span` seconds; a time-ordered queue evicts old entries. A key
    with one value seen once (most of them) holds the value itself rather than a dict."""

    def __init__(self, span):
        self.span = span
        self.by_key = {}
        self.order = _Queue(2)

    def add(self, key, when, value):
        held = self.by_key.get(key)
        if held is None:
            self.by_key[key] = value
        else:
            counter = {held: 1} if type(held) is int else held
            counter[value] = counter.get(value, 0) + 1
            self.by_key[key] = counter
        self.order.append(when, key, value)

    def evict(self, now):
        by_key = self.by_key
        for key, value in self.order.expire(now - self.span):
            counter = by_key[key]
            if type(counter) is int:
                del by_key[key]
                continue
            if counter[value] > 1:
                counter[value] -= 1
            else:
                del counter[value]
            if len(counter) == 1:
                (only, count), = counter.items()
                if count == 1:
                    by_key[key] = only

    def get(self, key):
        held = self.by_key.get(key)
        if held is None:
            return {}
        return {held: 1} if type(held) is int else held

    def __len__(self):
        return len(self.order)


def _span(times):
    """(first, last) of a _LastSeen entry: a time alone when the key was seen once."""
    return (times, times) if type(times) is float else times


class _LastSeen:
    """key -> (first, last) time it was seen, for keys seen within `span` seconds (first: since when unbroken)."""

    def __init__(self, span):
        self.span = span
        self.last = {}
        self.order = _Queue(1)

    def seen(self, key):
        return key in self.last

    def first(self, key, default):
        return _span(self.last[key])[0] if key in self.last else default

    def add(self, key, when):
        held = self.last.get(key)
        self.last[key] = when if held is None else (_span(held)[0], when)
        self.order.append(when, key)

    def evict(self, now):
        cutoff, last = now - self.span, self.last
        for (key,) in self.order.expire(cutoff):
            if key in last and _span(last[key])[1] < cutoff:
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
