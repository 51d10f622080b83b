"""Weight and value rules: measured against declared, weight implausible for the goods, value for goods and weight."""

from armstrace.screening.tests.factory import consignment, fired, line, screen


def test_weight_mismatch_fires_when_measured_differs():
    assessment = screen(consignment(declared_weight_kg=0.8, measured_weight_kg=1.9))
    hit = next(h for h in assessment.hits if h.rule == "weight_mismatch")
    assert "declared 0.8 kg, measured 1.9 kg" in hit.detail


def test_weight_mismatch_quiet_within_tolerance_or_unweighed():
    assert "weight_mismatch" not in fired(screen(consignment(declared_weight_kg=0.8, measured_weight_kg=0.9)))
    assert "weight_mismatch" not in fired(screen(consignment(measured_weight_kg=None)))


def test_toy_at_two_kilos_is_too_heavy():
    c = consignment([line("Plastic toy car", "950300", value=12, currency="USD")], declared_weight_kg=2.0,
                    measured_weight_kg=2.0)
    hit = next(h for h in screen(c).hits if h.rule == "implausible_weight")
    assert "2 kg" in hit.detail and "toys" in hit.detail


def test_documents_at_900_grams_are_too_heavy():
    c = consignment([line("Documents", "")], category="documents", declared_weight_kg=0.9, measured_weight_kg=0.9)
    assert "implausible_weight" in fired(screen(c))


def test_implausible_weight_quiet_for_a_light_toy_and_light_documents():
    toy = consignment([line("Plastic toy car", "950300", value=12, currency="USD")], declared_weight_kg=0.4,
                      measured_weight_kg=0.4)
    letter = consignment([line("Documents", "")], category="documents", declared_weight_kg=0.2, measured_weight_kg=0.2)
    assert "implausible_weight" not in fired(screen(toy)) | fired(screen(letter))


def test_implausible_value_fires_for_cheap_heavy_electronics():
    c = consignment([line("Laptop computer", "847130", value=3, currency="USD")], declared_weight_kg=2.5,
                    measured_weight_kg=2.5)
    hit = next(h for h in screen(c).hits if h.rule == "implausible_value")
    assert "USD 3.00 for 2.5 kg" in hit.detail


def test_implausible_value_quiet_for_a_fair_price_and_unknown_currency():
    fair = consignment([line("Laptop computer", "847130", value=700, currency="USD")], declared_weight_kg=2.5,
                       measured_weight_kg=2.5)
    unknown = consignment([line("Laptop computer", "847130", value=3, currency="BRL")], declared_weight_kg=2.5,
                          measured_weight_kg=2.5)
    assert "implausible_value" not in fired(screen(fair)) | fired(screen(unknown))
