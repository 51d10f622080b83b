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
    results = [one_sender.screen(consignment(addressee_address="Plot 9", sender_name="Same shop", sender_address="1 Mall",
                                             accepted_at=days(n)))
               for n in range(3)]
    assert not any("velocity_addressee" in fired(r) for r in results)
    apart = Screener(load_rules())
    results = [apart.screen(consignment(addressee_address="Plot 9", sender_name=f"Shop {n}", accepted_at=days(10 * n)))
               for n in range(4)]
    assert not any("velocity_addressee" in fired(r) for r in results)


def test_one_private_sender_to_many_addressees_fires_at_the_threshold():
    screener = Screener(load_rules())
    results = [screener.screen(consignment(sender_name="Bulk Sender", sender_address="1 Elm St", category="gift",
                                           accepted_at=days(0) + timedelta(hours=n))) for n in range(8)]
    assert ["velocity_sender" in fired(r) for r in results] == [False] * 7 + [True]
    assert "8 addressees within 7 days" in str(results[-1].hits)


def test_velocity_sender_quiet_below_the_threshold_and_for_shops_selling_goods():
    screener = Screener(load_rules())
    results = [screener.screen(consignment(sender_name="Small Sender", sender_address="1 Elm St", category="gift",
                                           accepted_at=days(n))) for n in range(7)]
    results += [screener.screen(consignment(sender_name="Big Shop", sender_address="2 Elm St",
                                            category="sale_of_goods", accepted_at=days(0) + timedelta(hours=n)))
                for n in range(20)]
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
    sizes = []
    for n in range(4000):
        screener.screen(consignment(accepted_at=days(0) + timedelta(hours=n)))
        if n in (1999, 3999):
            sizes.append(screener.tracker.size())
    # hourly parcels: the 7-day windows hold 169 (both ends), the 30-day history 721, whatever the length
    assert sizes == [169 * 2 + 721] * 2
    assert len(screener.tracker.to_addressee.by_key) == 169 and len(screener.tracker.history.last) == 721


def test_new_addressee_receiving_from_several_senders_in_its_first_days_fires():
    screener = Screener(load_rules())
    first = screener.screen(consignment(addressee_address="Plot 77", accepted_at=days(0)))
    second = screener.screen(consignment(addressee_address="Plot 77", accepted_at=days(2)))
    assert "new_addressee_many_senders" not in fired(first)
    hit = next(h for h in second.hits if h.rule == "new_addressee_many_senders")
    assert hit.detail == "2 parcels from 2 senders since its first, 2.0 days ago"


def test_new_addressee_rule_quiet_for_an_addressee_known_for_weeks():
    screener = Screener(load_rules())
    for n in (0, 10, 20):  # one parcel every ten days keeps the 30-day history unbroken
        screener.screen(consignment(addressee_address="Plot 78", accepted_at=days(n)))
    later = screener.screen(consignment(addressee_address="Plot 78", accepted_at=days(21)))
    assert "new_addressee_many_senders" not in fired(later)
