"""Fuzzy search: deletion-key candidates, confusion-aware re-ranking, agreement of the attributes, explanations."""

from django.db import connection

from armstrace.registry import services
from armstrace.registry.models import Marking
from armstrace.tracing import index
from armstrace.tracing.search import Filters, search


def test_misread_serial_is_found_first_with_its_explanation(firearm):
    target = firearm("BER778812Z", make="Beretta")
    firearm("BER778813Z", make="Beretta")
    firearm("QQQ111222")
    response = search("BER7788I2", "fuzzy")   # I read for 1, final Z missed
    best = response.results[0]
    assert best.item == target
    assert best.edits == 1 and best.match == "fuzzy"
    serial = best.parts[0]
    assert serial.name == "serial" and 0.8 < serial.value < 1.0
    assert "look-alike" in serial.detail and "1 other edit" in serial.detail
    assert "QQQ111222" not in [r.item.serial_number for r in response.results]


def test_transposition_and_insertion_are_one_edit_each(firearm):
    target = firearm("GLK482913")
    assert search("GLK489213", "fuzzy").results[0].item == target     # 9 and 2 swapped
    assert search("GLK4829137", "fuzzy").results[0].item == target    # one character too many
    assert search("GLK4829137", "fuzzy").results[0].edits == 1


def test_two_edits_found_three_not(firearm):
    target = firearm("TAU55120839", make="Taurus")
    assert search("TAU5512839", "fuzzy").results[0].item == target      # one deletion
    assert search("TAU5152839", "fuzzy").results[0].item == target      # deletion + transposition
    assert search("TAX5152839", "fuzzy").results == []                  # three edits


def test_lookalike_costs_less_than_other_substitution(firearm):
    lookalike = firearm("MN45B721")     # query has 8 where this has B: look-alike
    other = firearm("MN45K721")         # query has 8 where this has K: plain substitution
    results = search("MN458721", "fuzzy").results
    assert [r.item for r in results[:2]] == [lookalike, other]
    assert results[0].score > results[1].score


def test_visual_confusion_costs_less_than_other_substitution(firearm):
    visual = firearm("ZT4431", make="Walther")    # 3 vs 8: visually close, not folded
    other = firearm("ZT4401", make="Walther")     # hmm: 0 vs 8 is a plain substitution
    results = search("ZT4481", "fuzzy").results
    assert [r.item for r in results[:2]] == [visual, other]
    assert "visually close" in results[0].parts[0].detail


def test_attributes_given_rank_the_agreeing_item_first(firearm, make):
    glock = firearm("XYZ12345", make="Glock")
    beretta = firearm("XYZ12346", make="Beretta")
    by_beretta = search("XYZ12347", "fuzzy", Filters(make=make("Beretta"))).results
    assert [r.item for r in by_beretta] == [beretta, glock]
    by_glock = search("XYZ12347", "fuzzy", Filters(make=make("Glock"))).results
    assert [r.item for r in by_glock] == [glock, beretta]
    make_part = next(p for p in by_glock[0].parts if p.name == "make")
    assert make_part.value == 0.30 and "agrees" in make_part.detail
    assert next(p for p in by_glock[1].parts if p.name == "make").value == -0.30
    country = search("XYZ12347", "fuzzy", Filters(country="ITA")).results
    assert country[0].item == beretta and country[0].parts[1].name == "country of manufacture"


def test_make_mistaken_by_the_finder_does_not_hide_a_close_match(firearm, make):
    glock = firearm("AKQ778120")
    results = search("AKQ77812", "fuzzy", Filters(make=make("Beretta"))).results
    assert [r.item for r in results] == [glock]


def test_remark_marking_is_a_fuzzy_candidate(firearm):
    item = firearm("ORIG0001")
    services.add_marking(item, services.MarkingInput(Marking.Kind.REMARK, "KEN-POL-88213", "frame"))
    best = search("KENP0L8821", "fuzzy").results[0]
    assert best.item == item and best.matched_form == "KENPOL88213"


def test_auto_mode_merges_exact_and_near(firearm):
    exact = firearm("ABC12345")
    near = firearm("ABC12346", make="Beretta")
    response = search("ABC12345", "auto")
    assert response.used == ["exact", "fuzzy"]
    assert [r.item for r in response.results] == [exact, near]
    assert response.results[0].match == "exact_normalized"


def _keys():
    with connection.cursor() as cursor:
        cursor.execute("SELECT k.variant, k.make_id, f.item_id, k.d FROM tracing_fuzzykey k "
                       "JOIN tracing_serialform f ON f.id = k.form_id")
        return sorted(cursor.fetchall())


def test_triggers_keep_the_keys_that_a_rebuild_computes(firearm):
    item = firearm("GLK482913")
    firearm("PX48291", make="Beretta")
    services.add_marking(item, services.MarkingInput(Marking.Kind.REMARK, "RM-12", "frame"))
    by_triggers = _keys()
    expected = {(v, item.make_id, item.pk, d) for v, d in index.deletion_variants(item.serial_folded).items()}
    assert expected <= set(by_triggers)
    index.rebuild(connection)
    assert _keys() == by_triggers


def test_reindex_command_refolds_with_the_profile(firearm, monkeypatch):
    import dataclasses
    import io

    from django.core.management import call_command

    from armstrace import profile as profile_module

    item = firearm("KT7700")
    assert search("KT1100", "exact").results == []
    base = profile_module.get_profile()
    custom = dataclasses.replace(base, confusables={**base.confusables, "7": "1"})
    monkeypatch.setattr(profile_module, "get_profile", lambda: custom)
    out = io.StringIO()
    call_command("tracing_index", "rebuild", stdout=out)
    assert "re-folded: 2" in out.getvalue()          # the item's serial and its serial marking
    assert [r.item for r in search("KT1100", "exact").results] == [item]
    assert search("KT1100", "fuzzy").results[0].item == item
