"""Partial search: ? for one character, * for a run, from the trigram index; weak patterns are refused."""

import pytest

from armstrace.registry import services
from armstrace.registry.models import Marking
from armstrace.tracing.search import Filters, SearchRefused, parse_pattern, search


def serials(response):
    return sorted(r.item.serial_number for r in response.results)


@pytest.fixture
def items(firearm):
    return {
        "glock": firearm("GLK482913"),
        "glock2": firearm("GLK482999"),
        "beretta": firearm("PX48291", make="Beretta"),
    }


def test_question_mark_is_exactly_one_character(items):
    assert serials(search("GLK4?2913", "partial")) == ["GLK482913"]
    assert serials(search("GLK4?913", "partial")) == []


def test_star_is_any_run(items):
    assert serials(search("GLK48*", "partial")) == ["GLK482913", "GLK482999"]
    assert serials(search("*2913", "partial")) == ["GLK482913"]
    assert serials(search("*4829*", "partial")) == ["GLK482913", "GLK482999", "PX48291"]


def test_auto_mode_uses_partial_for_wildcards(items):
    response = search("GLK-48?9*", "auto")
    assert response.used == ["partial"]
    assert serials(response) == ["GLK482913", "GLK482999"]


def test_pattern_is_folded_like_the_serials(items):
    response = search("GLK48Z9I*", "partial")   # Z read for 2, I for 1
    assert serials(response) == ["GLK482913"]
    assert response.results[0].parts[0].value < 1.0
    assert "look-alike" in response.results[0].parts[0].detail


def test_weak_pattern_is_refused_without_filters(items):
    for pattern in ("?1*", "G?K*", "AB*12", "**??"):
        with pytest.raises(SearchRefused) as refused:
            search(pattern, "partial")
    assert "make, model or calibre" in str(refused.value) or "no known character" in str(refused.value)
    with pytest.raises(SearchRefused, match="make, model or calibre"):
        search("G?K*", "auto")


def test_weak_pattern_is_served_with_a_make(items, make):
    response = search("G?K*", "partial", Filters(make=make("Glock")))
    assert response.used == ["partial_scan"]
    assert serials(response) == ["GLK482913", "GLK482999"]
    assert search("PX*", "partial", Filters(make=make("Beretta"))).results[0].item == items["beretta"]


def test_filters_restrict_partial_results(items, make):
    assert serials(search("*4829*", "partial", Filters(make=make("Beretta")))) == ["PX48291"]


def test_marking_added_later_is_indexed(items):
    services.add_marking(items["beretta"], services.MarkingInput(Marking.Kind.REMARK, "KE-2024-77731", "frame"))
    assert [r.item for r in search("KE2024*", "partial").results] == [items["beretta"]]


def test_parse_pattern():
    pattern = parse_pattern(" ab-?_1 2**%x ")
    assert pattern.glob_normalized == "AB??12*X"
    assert pattern.glob == "A8??12*X"
    assert pattern.like == "A8__12%X"
    assert pattern.longest_run == 2
