"""The reference data (registry/reference_data.py) is consistent: calibres, firearm types, makes with their serial
patterns, and models that name a known make, type and calibre."""

import pycountry

from armstrace.registry.reference_data import _PATTERN_CHARS, CALIBRES, FIREARM_TYPES, MAKES, MODELS


def test_calibres_are_unique_trimmed_names():
    assert len(CALIBRES) >= 45, f"expected >= 45 calibres, got {len(CALIBRES)}"
    for c in CALIBRES:
        assert isinstance(c, str) and c.strip() == c and c, f"bad calibre entry: {c!r}"
    dup_cal = sorted({c for c in CALIBRES if CALIBRES.count(c) > 1})
    assert not dup_cal, f"duplicate calibres: {dup_cal}"


def test_firearm_types_are_the_iafq_types_in_order():
    expected_codes = [
        "pistol", "revolver", "rifle", "shotgun",
        "submachine_gun", "machine_gun", "other_firearm", "light_weapon",
    ]
    codes = [code for code, _ in FIREARM_TYPES]
    assert codes == expected_codes, f"FIREARM_TYPES codes wrong/out of order: {codes}"


def test_makes_have_a_country_and_serial_patterns():
    assert len(MAKES) >= 45, f"expected >= 45 makes, got {len(MAKES)}"
    make_names: set[str] = set()
    for mk in MAKES:
        assert set(mk) == {"name", "country", "serial_patterns"}, f"bad make keys: {mk!r}"
        name = mk["name"]
        assert isinstance(name, str) and name, f"bad make name: {mk!r}"
        assert name not in make_names, f"duplicate make name: {name!r}"
        make_names.add(name)
        country = mk["country"]
        assert (
            isinstance(country, str) and len(country) == 3
            and pycountry.countries.get(alpha_3=country) is not None
        ), f"make {name!r}: invalid ISO 3166-1 alpha-3 country {country!r}"
        pats = mk["serial_patterns"]
        assert isinstance(pats, list) and 1 <= len(pats) <= 3, (
            f"make {name!r}: needs 1-3 serial patterns, got {pats!r}"
        )
        for p in pats:
            assert isinstance(p, str) and 4 <= len(p) <= 20, (
                f"make {name!r}: pattern {p!r} must be a 4-20 char string"
            )
            bad = sorted(set(p) - _PATTERN_CHARS)
            assert not bad, f"make {name!r}: pattern {p!r} has invalid chars {bad}"
            placeholders = sum(1 for ch in p if ch in "A9")
            assert placeholders >= 3, (
                f"make {name!r}: pattern {p!r} has too few placeholders ({placeholders})"
            )
            assert p == p.strip(), f"make {name!r}: pattern {p!r} has edge whitespace"


def test_models_name_a_known_make_type_and_calibre():
    make_names, type_codes, calibres = {mk["name"] for mk in MAKES}, {code for code, _ in FIREARM_TYPES}, set(CALIBRES)
    assert len(MODELS) >= 160, f"expected >= 160 models, got {len(MODELS)}"
    seen: set[tuple[str, str]] = set()
    used_types: set[str] = set()
    for md in MODELS:
        assert set(md) == {"make", "name", "type", "calibre"}, f"bad model keys: {md!r}"
        key = (md["make"], md["name"])
        assert md["name"], f"model with empty name: {md!r}"
        assert md["make"] in make_names, f"model {key}: unknown make {md['make']!r}"
        assert key not in seen, f"duplicate model (make, name): {key}"
        seen.add(key)
        assert md["type"] in type_codes, f"model {key}: unknown type {md['type']!r}"
        assert md["calibre"] in calibres, f"model {key}: unknown calibre {md['calibre']!r}"
        used_types.add(md["type"])
    missing = type_codes - used_types
    assert not missing, f"firearm types with no model: {sorted(missing)}"
    n_light = sum(1 for md in MODELS if md["type"] == "light_weapon")
    assert n_light >= 3, f"expected >= 3 light weapons, got {n_light}"
