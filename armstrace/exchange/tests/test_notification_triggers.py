"""Notification triggers: a seized item that had been reported stolen (at once, on the seizure's commit), an
overdue tracing request and a stocktake gap (by `armstrace exchange notify`); each raised once per user; the hook
other apps call; e-mail to the users who asked for it."""

from datetime import date, timedelta

from django.core import mail
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from armstrace.exchange import notifications
from armstrace.exchange.models import Notification, Preference
from armstrace.registry import services as reg
from armstrace.registry.models import EventKind


def test_seizure_of_a_stolen_item_notifies_custody_users(people, glock, django_capture_on_commit_callbacks):
    reg.report_missing(glock, EventKind.THEFT_REPORTED, occurred_at=timezone.now() - timedelta(days=3))
    assert not Notification.objects.exists()
    with django_capture_on_commit_callbacks(execute=True):
        reg.take_into_custody(glock, EventKind.SEIZED, location="Port")
    notified = set(Notification.objects.filter(kind="stolen_seized").values_list("user__username", flat=True))
    assert {"x-investigator", "x-customs", "x-customs2"} <= notified  # custody.view
    assert "x-outsider" not in notified  # a registrar does not read custody
    assert Notification.objects.get(user=people.customs).url == reverse("registry:item-detail", args=[glock.pk])
    assert notifications.scan_stolen_seized() == 0  # once per user and item


def test_seizure_of_an_item_not_stolen_notifies_nobody(people, glock, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        reg.take_into_custody(glock, EventKind.SEIZED, location="Port")
    assert not Notification.objects.exists()


def test_overdue_tracing_request(people, glock):
    from armstrace.tracing import services as tracing

    request = tracing.create_request({**tracing.prefill_from_item(glock), "counterpart_country": "AUT",
                                      "reason_illicit": "Crime scene", "intended_use": "Investigation",
                                      "requesting_authority": "Police", "point_of_contact": "Desk"}, item=glock)
    tracing.send(request, at=timezone.now() - timedelta(days=45))
    assert notifications.scan_overdue_tracing(today=timezone.localdate() - timedelta(days=20)) == 0  # not yet due
    call_command("exchange", "notify")
    note = Notification.objects.get(kind="tracing_overdue", user=people.investigator)
    assert str(request) in note.title and note.url == reverse("tracing:request-detail", args=[request.pk])
    assert not Notification.objects.filter(kind="tracing_overdue", user=people.customs).exists()  # no tracing.edit
    raised = Notification.objects.filter(kind="tracing_overdue").count()
    call_command("exchange", "notify")
    assert Notification.objects.filter(kind="tracing_overdue").count() == raised == 2  # investigator, administrator


def test_stocktake_gap(people):
    from armstrace.custody import services as custody

    depot = custody.create_depot(code="DEP-N", name="North depot", shelves=["A1"])
    custody.record_case(custody.CaseInput(
        occurred_on=date(2024, 3, 5), kind="seizure", place="Harbour", location_type="harbour",
        items=[custody.CaseItemInput(new=reg.FirearmInput(serial_number="GAP-1", firearm_type="pistol"))],
        depot=depot, shelf=depot.locations.get(code="A1"), handed_over_by="Sgt. A", received_by="Clerk B"))
    take = custody.record_stocktake(depot, custody.parse_counts("A1; OTHER-9"), counted_by="Clerk B")
    assert take.missing_count == 1
    assert notifications.scan() >= 1
    note = Notification.objects.get(kind="stocktake_alert", user=people.customs)
    assert note.url == reverse("custody:stocktake", args=[take.pk])
    assert notifications.unread_counts(people.customs)["notifications"] == 1


def test_the_hook_and_e_mail(people, settings):
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    people.customs.email = "customs@example.org"
    people.customs.save()
    Preference.objects.create(user=people.customs, email=True)
    count = notifications.notify([people.customs, people.investigator], Notification.Kind.SCREENING_HIT,
                                 "screening:42", "Screening hit: consignee on a watch list", "/screening/42/")
    assert count == 2
    assert [m.to for m in mail.outbox] == [["customs@example.org"]]
    assert "Screening hit" in mail.outbox[0].body
    assert notifications.notify([people.customs], Notification.Kind.SCREENING_HIT, "screening:42", "again") == 0


def test_new_message_e_mails_members_who_asked_without_its_text(people, thread, settings,
                                                                django_capture_on_commit_callbacks):
    from armstrace.exchange import services

    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    for user, wants in ((people.customs, True), (people.customs2, False), (people.investigator, True)):
        user.email = f"{user.username}@example.org"
        user.save()
        Preference.objects.create(user=user, email=wants)
    with django_capture_on_commit_callbacks(execute=True):
        services.post_message(thread, people.investigator, "The container is MSKU 1234565")
    assert [m.to for m in mail.outbox] == [["x-customs@example.org"]]  # not the sender, not who declined
    assert "MSKU" not in mail.outbox[0].body and f"/exchange/threads/{thread.pk}/" in mail.outbox[0].body
