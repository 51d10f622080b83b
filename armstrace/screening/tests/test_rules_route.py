"""Route rule: origin or transit countries the profile marks as high risk for the mail class."""

from armstrace.screening.ruleset import load_rules
from armstrace.screening.tests.factory import consignment, fired, line, screen


def test_high_risk_origin_fires():
    hit = next(h for h in screen(consignment(sender_country="USA", route=("USA",))).hits if h.rule == "high_risk_route")
    assert hit.detail == "parcel via USA"


def test_high_risk_transit_fires_and_names_the_country():
    c = consignment(route=("GBR", "TUR", "KEN"))
    assert "TUR" in next(h.detail for h in screen(c).hits if h.rule == "high_risk_route")


def test_route_quiet_when_not_marked_for_the_mail_class():
    # the default profile marks HRV for parcels, not for letters
    assert "high_risk_route" in fired(screen(consignment(route=("HRV",), mail_class="parcel")))
    assert "high_risk_route" not in fired(screen(consignment(route=("HRV",), mail_class="letter")))
    assert "high_risk_route" not in fired(screen(consignment(route=("GBR", "DEU"))))


def test_profile_replaces_the_high_risk_routes():
    rules = load_rules({"high_risk_routes": {"parcel": ["GB"]}})
    assert "high_risk_route" in fired(screen(consignment(), rules=rules))
    assert "high_risk_route" not in fired(screen(consignment(route=("USA",)), rules=rules))


def test_risky_goods_on_a_risky_route_fires_for_cover_headings_vague_words_or_no_hs_code():
    for content in (line("Bicycle fork", "871491", value=20), line("Parts", "847330"), line("Paperback novel", "")):
        c = consignment([content], route=("USA",), sender_country="USA")
        assert "risky_goods_on_risky_route" in fired(screen(c)), content


def test_risky_goods_quiet_on_a_safe_route_or_for_precise_goods():
    assert "risky_goods_on_risky_route" not in fired(screen(consignment([line("Bicycle fork", "871491")])))
    assert "risky_goods_on_risky_route" not in fired(screen(consignment(route=("USA",), sender_country="USA")))
