"""Goods rules: arms headings, gun-part words, cover headings, ICS2 generic descriptions, missing HS codes."""

from armstrace.screening.tests.factory import consignment, fired, line, screen


def test_a_plain_parcel_fires_nothing():
    assessment = screen(consignment())
    assert assessment.hits == () and assessment.score == 0 and assessment.band == "release"


def test_arms_heading_fires_on_hs_9301_to_9306():
    for code in ("930200", "9303", "930630", "93051000"):
        assessment = screen(consignment([line("Sporting goods", code, value=300, currency="USD")]))
        hit = next(h for h in assessment.hits if h.rule == "arms_heading")
        assert hit.weight == 90 and f"HS {code}" in hit.detail


def test_arms_heading_quiet_outside_9301_9306():
    for code in ("930700", "950300", "490199"):
        assert "arms_heading" not in fired(screen(consignment([line("Paperback novel", code)])))


def test_gun_part_words_fire_on_the_description():
    assessment = screen(consignment([line("Solvent trap kit 1/2x28", "8421")]))
    hit = next(h for h in assessment.hits if h.rule == "gun_part_words")
    assert "solvent trap" in hit.detail


def test_gun_part_words_quiet_on_other_words():
    # "barrelled" and "triggered" are not whole words of the list
    assert "gun_part_words" not in fired(screen(consignment([line("Barrelled whisky chocolates", "1806")])))


def test_cover_heading_fires_on_bicycle_auto_toy_tool_steel_headings():
    for code in ("871491", "870899", "950300", "846729", "732690"):
        assert "cover_heading" in fired(screen(consignment([line("Assorted item", code, value=30)]))), code


def test_cover_heading_quiet_on_books():
    assert "cover_heading" not in fired(screen(consignment()))


def test_vague_description_fires_on_ics2_generic_terms():
    for text in ("Parts", "gift", "Accessories", "TOOLS", "spare parts"):
        assessment = screen(consignment([line(text, "")]))
        hit = next(h for h in assessment.hits if h.rule == "vague_description")
        assert text in hit.detail


def test_vague_description_quiet_on_a_precise_description():
    assert "vague_description" not in fired(screen(consignment([line("Brake pads for bicycles", "871494")])))


def test_missing_hs_code_fires_on_goods_without_code():
    assert "missing_hs_code" in fired(screen(consignment([line("Paperback novel", "")])))


def test_missing_hs_code_quiet_for_documents():
    c = consignment([line("Signed contract", "")], category="documents", declared_weight_kg=0.1, measured_weight_kg=0.1)
    assert "missing_hs_code" not in fired(screen(c))
