"""Due dates from the profile's tracing.response_due_days, and the overdue list."""

import dataclasses
from datetime import UTC, date, datetime

import pytest

from armstrace.tracing import services

DATA = {"counterpart_country": "BEL", "identifying_marks": "FN 123", "reason_illicit": "Seized",
        "intended_use": "Investigation", "requesting_authority": "Police", "point_of_contact": "Desk 4"}


def sent_on(day, **extra):
    request = services.create_request({**DATA, **extra})
    return services.send(request, at=datetime(day.year, day.month, day.day, 10, tzinfo=UTC))


@pytest.fixture
def due_in_10_days(db, monkeypatch):
    profile = services.get_profile()
    monkeypatch.setattr(services, "get_profile", lambda: dataclasses.replace(profile, tracing={"response_due_days": 10}))


def test_due_date_follows_the_profile(due_in_10_days):
    assert sent_on(date(2026, 1, 1)).due_date == date(2026, 1, 11)


def test_overdue_list(due_in_10_days):
    today = date(2026, 3, 1)
    late = sent_on(date(2026, 1, 1))                                     # due 11 Jan
    later = sent_on(date(2026, 2, 1))                                    # due 11 Feb
    on_time = sent_on(date(2026, 2, 25))                                 # due 7 Mar
    due_today = sent_on(date(2026, 2, 19))                               # due 1 Mar: not yet overdue
    acknowledged = services.acknowledge(sent_on(date(2026, 1, 15)))      # due 25 Jan, still open
    answered = services.record_answer(sent_on(date(2026, 1, 2)), {"findings": {"summary": "done"}})
    closed = services.close(sent_on(date(2026, 1, 3)), note="withdrawn")
    services.create_request(dict(DATA))                                  # draft: no due date
    assert list(services.overdue(today)) == [late, acknowledged, later]
    assert services.days_overdue(late, today) == 49
    assert services.days_overdue(on_time, today) == 0
    assert not due_today.is_overdue(today) and not answered.is_overdue(today) and not closed.is_overdue(today)


def test_overdue_in_ui_and_api(due_in_10_days, client, user, api_client):
    late = sent_on(date(2020, 1, 1))
    client.force_login(user)
    page = client.get("/tracing/requests/").content.decode()
    overdue_section = page.split('id="overdue"')[1].split("</section>")[0]
    assert late.reference in overdue_section
    assert [r["reference"] for r in api_client.get("/api/tracing/requests/overdue/").json()] == [late.reference]
