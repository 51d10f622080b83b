"""A tracing request's "sent" (or received) and "acknowledged" steps take the day they happened, shown on the
request's page; the due date counts from the day sent; a future day, or an acknowledgement before the sending, is
refused and changes nothing."""

from datetime import date, timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from armstrace.tracing import services
from armstrace.tracing.models import RequestStatus, TracingRequest

DATA = {"counterpart_country": "chn", "identifying_marks": "Serial: X1", "reason_illicit": "Seized",
        "intended_use": "Investigation", "requesting_authority": "National Police", "point_of_contact": "Insp. W"}


@pytest.fixture
def draft(registry):
    return services.create_request(dict(DATA))


def _act(client, request, action, day):
    return client.post(reverse("tracing:request-action", args=[request.pk, action]), {f"{action}-on": day})


def test_the_days_given_are_recorded_and_shown(client, user, draft):
    client.force_login(user)
    page = client.get(reverse("tracing:request-detail", args=[draft.pk])).content.decode()
    assert 'name="send-on"' in page and 'type="date"' in page
    sent_on = timezone.localdate() - timedelta(days=10)
    assert _act(client, draft, "send", sent_on.isoformat()).status_code == 302
    draft.refresh_from_db()
    assert timezone.localtime(draft.sent_at).date() == sent_on
    assert draft.due_date == sent_on + timedelta(days=services.response_due_days())
    acknowledged_on = sent_on + timedelta(days=3)
    _act(client, draft, "acknowledge", acknowledged_on.isoformat())
    draft.refresh_from_db()
    assert draft.status == RequestStatus.ACKNOWLEDGED
    assert timezone.localtime(draft.acknowledged_at).date() == acknowledged_on
    page = client.get(reverse("tracing:request-detail", args=[draft.pk])).content.decode()
    assert sent_on.isoformat() in page and acknowledged_on.isoformat() in page


def test_a_future_day_or_an_acknowledgement_before_the_sending_is_refused(client, user, draft):
    client.force_login(user)
    tomorrow = (timezone.localdate() + timedelta(days=1)).isoformat()
    response = _act(client, draft, "send", tomorrow)
    assert response.status_code == 302
    assert TracingRequest.objects.get(pk=draft.pk).status == RequestStatus.DRAFT
    _act(client, draft, "send", (timezone.localdate() - timedelta(days=2)).isoformat())
    refused = client.post(reverse("tracing:request-action", args=[draft.pk, "acknowledge"]),
                          {"acknowledge-on": (timezone.localdate() - timedelta(days=5)).isoformat()}, follow=True)
    assert "cannot be acknowledged before it was sent" in refused.content.decode()
    assert TracingRequest.objects.get(pk=draft.pk).status == RequestStatus.SENT


def test_the_service_refuses_an_acknowledgement_dated_before_the_sending(draft):
    request = services.send(draft, at=timezone.now() - timedelta(days=1))
    with pytest.raises(services.RuleViolation) as refused:
        services.acknowledge(request, at=timezone.now() - timedelta(days=3))
    assert refused.value.code == "out_of_order" and refused.value.field == "acknowledged_on"
    assert services.acknowledge(request).acknowledged_at.date() >= date(2000, 1, 1)
