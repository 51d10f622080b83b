"""Velocity rules over a stream: one addressee, many senders; one sender, many addressees; first-time addressees."""

from datetime import timedelta

from armstrace.screening.engine import Screener
from armstrace.screening.ruleset import load_rules
from armstrace.screening.tests.factory import consignment, days, fired


def test_third_parcel_to_one_address_from_different_senders_within_days_fires():
    screener = Screener(load_rules())
    results = [screener.screen(consignment(addressee_address="Plot 9, Ngong Road", sender_name=f"Shop {n}",
                                           accepted_at=days(n))) for n in range(3)]
    assert ["velocity_addressee" in fired(r) for r in results] == [False, False, True]
    assert "3 parcels from 3 senders within 7 days" in str(results[2].hits)


def test_same_phone_counts_as_the_same_addressee():
    screener = Screener(load_rules())
    results = [screener.screen(consignment(addressee_phone="+254711000111", sender_name=f"Shop {n}",
                                           accepted_at=days(n))) for n in range(3)]
    assert "velocity_addressee" in fired(results[2])


def test_velocity_addressee_quiet_for_one_sender_or_parcels_weeks_apart():
    one_sender = Screener(load_rules())
    results = [one_sender.screen(consignment(addressee_address="Plot 9", sender_name="Same shop", accepted_at=days(n)))
               for n in range(3)]
    assert not any("velocity_addressee" in fired(r) for r in results)
    apart = Screener(load_rules())
    results = [apart.screen(consignment(addressee_address="Plot 9", sender_name=f"Shop {n}", accepted_at=days(10 * n)))
               for n in range(4)]
    assert not any("velocity_addressee" in fired(r) for r in results)


def test_one_sender_to_many_addressees_fires_at_the_threshold():
    screener = Screener(load_rules())
    results = [screener.screen(consignment(sender_name="Bulk Sender", accepted_at=days(0) + timedelta(hours=n)))
               for n in range(8)]
    assert ["velocity_sender" in fired(r) for r in results] == [False] * 7 + [True]


def test_velocity_sender_quiet_below_the_threshold():
    screener = Screener(load_rules())
    results = [screener.screen(consignment(sender_name="Small Sender", accepted_at=days(n))) for n in range(7)]
    assert not any("velocity_sender" in fired(r) for r in results)


def test_first_time_addressee_on_a_high_risk_route_fires_then_not_again():
    screener = Screener(load_rules())
    first = screener.screen(consignment(addressee_address="Plot 4", route=("USA",), sender_country="USA"))
    again = screener.screen(consignment(addressee_address="Plot 4", route=("USA",), sender_country="USA",
                                        accepted_at=days(30)))
    assert "first_time_high_risk_flow" in fired(first) and "first_time_high_risk_flow" not in fired(again)


def test_first_time_quiet_on_a_safe_route():
    assert "first_time_high_risk_flow" not in fired(Screener(load_rules()).screen(consignment()))


def test_state_is_bounded_by_the_window():
    screener = Screener(load_rules())
    for n in range(2000):
        screener.screen(consignment(accepted_at=days(0) + timedelta(hours=n)))
    # 2000 hours is 83 days: the 7-day windows hold 169 hourly parcels each (both ends), the 90-day history all of them
    assert screener.tracker.size() == 169 * 2 + 2000
    assert len(screener.tracker.to_addressee.by_key) == 169
    for n in range(2000, 4000):
        screener.screen(consignment(accepted_at=days(0) + timedelta(hours=n)))
    assert len(screener.tracker.history) == 90 * 24 + 1
