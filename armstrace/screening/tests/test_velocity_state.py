"""The velocity tracker's compact, pruned state gives the flows that a plain look over every earlier parcel gives,
at the windows' edges too (parcels on the hour, so many fall exactly 7 or 30 days apart)."""

import random
from bisect import bisect_left
from datetime import timedelta

from armstrace.screening import velocity
from armstrace.screening.parties import addressee_key, phone_key, sender_key
from armstrace.screening.tests.factory import START, consignment
from armstrace.screening.velocity import DAY, Flow, VelocityTracker


def _stream(n, seed=3):
    rng, hours = random.Random(seed), 0
    for i in range(n):
        hours += rng.choice((0, 1, 1, 2, 5))
        yield consignment(accepted_at=START + timedelta(hours=hours), sender_name=f"Sender {rng.randrange(40)}",
                          sender_address="1 Road", addressee_address=f"Plot {rng.randrange(150)}",
                          addressee_phone=rng.choice(("", "", f"+254 700 {rng.randrange(60):06d}")))


def _keys(c):
    phone = phone_key(c.addressee_phone)
    return (addressee_key(c),) + (("tel|" + phone,) if phone else ())


def _chain_start(times, now, span):
    """The first of the sightings before `now` linked to it by gaps of at most `span` (None: none within span)."""
    if not times or now - times[-1] > span:
        return None
    first = times[-1]
    for earlier in reversed(times[:-1]):
        if first - earlier > span:
            break
        first = earlier
    return first


def _plain_flows(stream, days=7, history_days=30):
    """Flow of each consignment from a look over all the earlier ones."""
    earlier, times, sightings, flows = [], [], {}, []
    for c in stream:
        when, sender, keys = c.accepted_at.timestamp(), sender_key(c), _keys(c)
        recent = earlier[bisect_left(times, when - days * DAY):]
        parcels = senders = 1
        for key in keys:
            from_them = [s for s, ks, _ in recent if key in ks]
            parcels, senders = max(parcels, len(from_them) + 1), max(senders, len(set(from_them) | {sender}))
        addressees = {a for s, _, a in recent if s == sender} | {keys[0]}
        starts = [s for key in keys if (s := _chain_start(sightings.get(key), when, history_days * DAY)) is not None]
        flows.append(Flow(parcels, senders, len(addressees), bool(starts), (when - min(starts, default=when)) / DAY))
        earlier.append((sender, keys, keys[0]))
        times.append(when)
        for key in keys:
            sightings.setdefault(key, []).append(when)
    return flows


def test_tracker_flows_match_a_plain_look_over_every_earlier_parcel(monkeypatch):
    monkeypatch.setattr(velocity, "COMPACT_AFTER", 64)  # the queues' arrays are cut many times over the stream
    tracker = VelocityTracker(days=7, history_days=30)
    stream = list(_stream(4000))
    flows = [tracker.observe(c) for c in stream]
    assert (stream[-1].accepted_at - stream[0].accepted_at).days > 90
    assert flows == _plain_flows(stream)
    assert any(f.senders_to_addressee >= 3 for f in flows) and any(f.addressee_new_days > 7 for f in flows)
    assert any(not f.addressee_seen_before for f in flows[2000:])  # keys left the history and came back new
    assert tracker.to_addressee.order.head <= 2 * len(tracker.to_addressee.order) + 64
