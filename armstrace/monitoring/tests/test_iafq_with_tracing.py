"""The IAFQ tracing table with the tracing app's real status function, on a seizure recorded through custody."""

from datetime import date

from armstrace.monitoring import codelist as cl
from armstrace.monitoring import iafq
from armstrace.tracing.status import TracingStatus as T


def test_real_tracing_status_of_a_custody_seizure(glock):
    from armstrace.custody import services
    from armstrace.custody.models import CaseItem
    from armstrace.registry.services import FirearmInput

    services.record_case(services.CaseInput(
        occurred_on=date(2024, 3, 5), kind="seizure", number="MON-1", location_type="harbour",
        legal_justification="illicit_trafficking", suspected_offences=["drug_trafficking"],
        items=[services.CaseItemInput(item=glock),
               services.CaseItemInput(new=FirearmInput(serial_number="", firearm_type="pistol"),
                                      condition=CaseItem.Condition.ASSEMBLED,
                                      marking_status=CaseItem.MarkingStatus.NO_MARKING)]))
    from armstrace.tracing.finding import iafq_tracing_status

    expected = {}
    for line in CaseItem.objects.filter(case__number="MON-1"):
        status = iafq_tracing_status(line.item)
        expected[cl.TRACING[status]] = expected.get(cl.TRACING[status], 0) + 1
    assert sum(expected.values()) == 2

    rows = iafq.compute(2024)  # default: the stored Item.tracing_status, kept by the tracing app
    cells = {r.category: r.value for r in rows if r.indicator == cl.ARMS_SEIZED and r.dimension == cl.BY_LOCATION}
    for label, n in expected.items():
        assert cells[label] == n
    assert cells[cl.TRACING_UNKNOWN] == 0
    assert cells["vessels and harbours"] == 2 and cells["Total"] == 2
    assert cells[cl.TRACING[T.NO_INFORMATION]] + cells[cl.TRACING[T.ILLICITLY_MANUFACTURED]] >= 1  # the unmarked one
