from armstrace.osint.scoring import names_match, score, score_field


def test_scalars_equal_different_missing_and_extra():
    assert score_field("firearms_total", 5, 5) == (1, 0, 0)
    assert score_field("firearms_total", 4, 5) == (0, 1, 1)
    assert score_field("firearms_total", None, 5) == (0, 0, 1)
    assert score_field("firearms_total", 5, None) == (0, 1, 0)
    assert score_field("firearms_total", None, None) == (0, 0, 0)


def test_country_and_by_type_score_per_element():
    assert score_field("country", ["FRA", "BEL"], ["FRA", "ESP"]) == (1, 1, 1)
    assert score_field("firearms_by_type", {"pistol": 2, "rifle": 1}, {"pistol": 2, "rifle": 3, "shotgun": 1}) == \
        (1, 1, 2)


def test_flags_score_true_as_positive():
    assert score_field("3d_printed", True, True) == (1, 0, 0)
    assert score_field("postal_or_parcel", False, None) == (0, 0, 0)
    assert score_field("postal_or_parcel", True, False) == (0, 1, 0)
    assert score_field("postal_or_parcel", None, True) == (0, 0, 1)


def test_names_case_and_accent_blind_containment():
    assert names_match("Port of Felixstowe", "felixstowe")
    assert names_match("Sáric", "municipio de Saric")
    assert not names_match("Dover", "Calais")
    assert score_field("location", "CIENAGA", "Ciénaga") == (1, 0, 0)


def test_micro_f1_over_fields_but_context():
    gold = {"firearms_total": 2, "country": ["FRA"], "context": "x", "arrests": 1}
    predicted = {"firearms_total": 2, "country": ["FRA"], "context": "something else", "arrests": 3}
    report = score([(predicted, gold)])
    assert (report.micro.tp, report.micro.fp, report.micro.fn) == (2, 1, 1)
    assert report.micro.f1 == 2 * 2 / (2 * 2 + 1 + 1)
    assert report.fields["arrests"].f1 == 0.0
