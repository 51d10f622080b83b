"""Exact search: normalised form first, then the confusable-folded form; every marking is read."""

from armstrace.registry import services
from armstrace.registry.models import Marking
from armstrace.tracing.search import Filters, search


def serials(response):
    return [r.item.serial_number for r in response.results]


def test_separators_and_case_are_ignored(firearm):
    item = firearm("ABC-123/X")
    response = search("abc 123x", "exact")
    assert [r.item for r in response.results] == [item]
    assert response.results[0].match == "exact_normalized"
    assert response.results[0].parts[0].value == 1.0


def test_normalised_match_wins_over_folded(firearm):
    firearm("XK5O12")        # letter O
    firearm("XK5012", make="Beretta")  # digit 0
    assert serials(search("XK5O12", "exact")) == ["XK5O12"]


def test_folded_when_no_normalised_match(firearm):
    firearm("XK5O12")
    firearm("XK5012", make="Beretta")
    response = search("XKS0I2", "exact")   # S for 5, I for 1
    assert sorted(serials(response)) == ["XK5012", "XK5O12"]
    assert {r.match for r in response.results} == {"exact_folded"}
    assert "look-alike" in response.results[0].parts[0].detail


def test_other_markings_are_searched(firearm):
    item = firearm("GL0001")
    services.add_marking(item, services.MarkingInput(Marking.Kind.GOVERNMENT, "POLICE-0042", "slide"))
    assert [r.item for r in search("police 0042", "exact").results] == [item]


def test_no_match_says_so(firearm):
    firearm("ABC123")
    response = search("ZZZ999", "exact")
    assert response.results == [] and response.message


def test_make_given_ranks_agreeing_item_first(firearm, make):
    firearm("SAME123", make="Glock")
    beretta = firearm("SAME123", make="Beretta")
    response = search("SAME123", "exact", Filters(make=make("Beretta")))
    assert response.results[0].item == beretta
    assert response.results[0].parts[1].value > 0 > response.results[1].parts[1].value
