"""The labels in codelist.py are exactly those of the shared 2024 code list (typos included)."""

from armstrace.monitoring import codelist as cl
from armstrace.tracing.status import TracingStatus


def test_every_mapped_label_is_in_the_code_list(codelist_combos):
    categories = {(i, d): set() for i, d, _ in codelist_combos}
    for i, d, c in codelist_combos:
        categories[(i, d)].add(c)
    assert set(cl.TYPE.values()) | {cl.TYPE_UNKNOWN} <= categories[(cl.ARMS_SEIZED, cl.BY_TYPE)]
    assert set(cl.CONDITION.values()) | {cl.TOTAL} == categories[(cl.ARMS_SEIZED, cl.BY_CONDITION)]
    assert set(cl.JUSTIFICATION.values()) | {cl.TOTAL} == categories[(cl.ARMS_SEIZED, cl.BY_JUSTIFICATION)]
    assert set(cl.OFFENCE.values()) == categories[(cl.ARMS_SEIZED, cl.BY_OFFENCE)]
    for indicator in cl.ARMS_INDICATOR.values():
        assert set(cl.MARKING.values()) | {cl.MARKING_TOTAL[indicator]} == categories[(indicator, cl.BY_MARKING)]
        tracing = set(cl.TRACING.values()) | {cl.TRACING_UNIQUE_TOTAL, cl.TRACING_NOT_UNIQUE_TOTAL, cl.TRACING_UNKNOWN,
                                              cl.TOTAL}
        assert tracing <= categories[(indicator, cl.BY_LOCATION)]
    assert set(cl.PLACE.values()) <= categories[(cl.ARMS_SEIZED, cl.BY_LOCATION)]
    assert len(cl.TRACING) == len(TracingStatus)
    assert set(cl.PERSON_OFFENCE_CATEGORIES) == categories[(cl.PERSONS_BY_OFFENCE, cl.BY_OFFENCE_TYPE)]
    assert len(cl.PERSON_OFFENCE_CATEGORIES) == 8
    assert set(cl.PERSON_OFFENCE.values()) | set(cl.PERSON_JUSTIFICATION.values()) < set(cl.PERSON_OFFENCE_CATEGORIES)
    assert categories[(cl.PERSONS_TARGETED, cl.TOTAL)] == {cl.TOTAL}
    assert set(cl.INDICATORS) == {i for i, _d in categories}
    assert set(cl.DIMENSIONS) == {d for _i, d in categories}
    for renamed in cl.RENAMED_CATEGORIES.values():
        assert (cl.ARMS_SEIZED, cl.BY_OFFENCE, renamed) in codelist_combos
