"""The IAFQ tracing status implied by the registry and by the tracing requests."""

from armstrace.conftest import at
from armstrace.registry import services as registry_services
from armstrace.registry.models import EventKind, Marking
from armstrace.tracing import services
from armstrace.tracing.finding import iafq_tracing_status
from armstrace.tracing.status import TracingStatus

K = EventKind


def request_for(item, **extra):
    data = {"counterpart_country": "CHN", "identifying_marks": item.serial_number, "reason_illicit": "Trafficking",
            "intended_use": "Criminal investigation", "requesting_authority": "National Police",
            "point_of_contact": "Insp. Wanjiru, +254 700 000 000", **extra}
    return services.create_request(data, item=item)


def seized(firearm, serial="NOR77700011"):
    return firearm(serial, make="Norinco", how=K.SEIZED, occurred_at=at(2022, 1, 9))


def test_draft_request_is_not_a_tracing_procedure(firearm):
    item = seized(firearm)
    request_for(item)
    assert iafq_tracing_status(item) == TracingStatus.NOT_INITIATED


def test_sent_request_is_pending(firearm):
    item = seized(firearm)
    services.send(request_for(item))
    assert iafq_tracing_status(item) == TracingStatus.PENDING


def test_closed_without_answer_is_no_point_of_diversion(firearm):
    item = seized(firearm)
    request = services.send(request_for(item))
    services.close(request, note="No answer after two reminders")
    assert iafq_tracing_status(item) == TracingStatus.NO_POINT_OF_DIVERSION


def test_answer_outcome_is_the_status(firearm):
    item = seized(firearm)
    request = services.send(request_for(item))
    services.record_answer(request, {"outcome": TracingStatus.ILLEGITIMATE_OWNER_FOREIGN,
                                     "findings": {"summary": "Sold in 2015 to a dealer whose licence was revoked"}})
    assert iafq_tracing_status(item) == TracingStatus.ILLEGITIMATE_OWNER_FOREIGN


def test_not_uniquely_identifiable(firearm):
    flagged = firearm("", make="Norinco", how=K.SEIZED, custom_fields={"illicitly_manufactured": True})
    assert iafq_tracing_status(flagged) == TracingStatus.ILLICITLY_MANUFACTURED
    nothing = firearm("", how=K.FOUND, markings=[registry_services.MarkingInput(Marking.Kind.MANUFACTURER, "GLOCK")])
    assert iafq_tracing_status(nothing) == TracingStatus.NO_INFORMATION
    partly = firearm("", how=K.SEIZED, markings=[
        registry_services.MarkingInput(Marking.Kind.SERIAL, "", "frame", Marking.State.PARTIALLY_OBLITERATED)])
    assert iafq_tracing_status(partly) == TracingStatus.ALTERED_MARKING


def test_registered_item_still_held_is_traced_to_its_legitimate_owner(firearm):
    assert iafq_tracing_status(firearm("GLK111")) == TracingStatus.LEGITIMATE_OWNER_NATIONAL
