"""A non-member never sees a thread: not in a page, the API, a search, a notification count or an attachment URL;
a whole agency as a member lets each of its users in; archived threads are for auditors only."""

from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from armstrace.exchange import notifications, services
from armstrace.exchange.tests.conftest import login
from armstrace.exchange.views import search_threads

PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 64


def _reply_with_photo(thread, user):
    return services.post_message(thread, user, "Photo of the serial, port of Mombasa",
                                 files=[SimpleUploadedFile("serial.png", PNG, content_type="image/png")])


def test_agency_members_see_the_thread_and_others_do_not(people, thread):
    message = _reply_with_photo(thread, people.investigator)
    attachment = message.attachments.get()
    assert notifications.unread_counts(people.customs2)["threads"] == 1  # the agency's users, not named, included
    for member in (people.investigator, people.customs, people.customs2):
        c = login(None, member)
        assert c.get(reverse("exchange:thread", args=[thread.pk])).status_code == 200
        assert c.get(reverse("exchange:attachment", args=[attachment.pk])).status_code == 200
    for outsider in (people.outsider, people.admin, people.auditor):
        c = login(None, outsider)
        assert c.get(reverse("exchange:thread", args=[thread.pk])).status_code == 404
        assert c.get(reverse("exchange:attachment", args=[attachment.pk])).status_code == 404
        inbox = c.get(reverse("exchange:inbox"))
        assert inbox.status_code == 200 and thread.subject.encode() not in inbox.content
        assert notifications.unread_counts(outsider)["threads"] == 0
        assert search_threads(outsider, "Mombasa") == []
        found = c.get(reverse("exchange:search"), {"q": "Mombasa"})
        assert b"Pistol seized" not in found.content
    assert [t for t, _hits in search_threads(people.customs2, "Mombasa")] == [thread]
    assert notifications.unread_counts(people.customs2)["threads"] == 0  # read above


def test_non_member_cannot_reply_edit_or_add_members(people, thread):
    c = login(None, people.outsider)
    assert c.post(reverse("exchange:thread-reply", args=[thread.pk]), {"text": "hi", "text_format": "plain"}
                  ).status_code == 404
    assert c.get(reverse("exchange:message-edit", args=[thread.messages.get().pk])).status_code == 404
    assert c.get(reverse("exchange:thread-members", args=[thread.pk])).status_code == 404
    assert thread.messages.count() == 1


def test_archived_threads_are_read_by_auditors_only(people, thread):
    from datetime import timedelta

    from django.core.management import call_command
    from django.utils import timezone

    from armstrace.exchange.models import Thread

    Thread.objects.filter(pk=thread.pk).update(last_message_at=timezone.now() - timedelta(days=800))
    call_command("exchange", "archive")
    thread.refresh_from_db()
    assert thread.is_archived
    assert login(None, people.customs).get(reverse("exchange:thread", args=[thread.pk])).status_code == 404
    assert login(None, people.auditor).get(reverse("exchange:thread", args=[thread.pk])).status_code == 200
    assert login(None, people.admin).get(reverse("exchange:thread", args=[thread.pk])).status_code == 200


def test_reading_a_thread_with_personal_data_is_logged(people, thread):
    from armstrace.accounts.models import AccessLogEntry
    from armstrace.exchange.models import Thread

    c = login(None, people.customs)
    c.get(reverse("exchange:thread", args=[thread.pk]))
    assert not AccessLogEntry.objects.filter(subject_type="exchange_thread").exists()
    Thread.objects.filter(pk=thread.pk).update(holds_personal_data=True)
    c.get(reverse("exchange:thread", args=[thread.pk]))
    entry = AccessLogEntry.objects.get(subject_type="exchange_thread")
    assert (entry.subject_id, entry.username, entry.subject_name) == (thread.pk, "x-customs", thread.subject)


def test_a_thread_about_a_case_with_persons_holds_personal_data(people, glock):
    from datetime import date

    from armstrace.custody import services as custody
    from armstrace.registry import services as reg

    case = custody.record_case(custody.CaseInput(
        occurred_on=date(2024, 3, 5), kind="seizure", place="Harbour", location_type="harbour",
        items=[custody.CaseItemInput(new=reg.FirearmInput(serial_number="PD-1", firearm_type="pistol"))],
        persons=[custody.PersonInput(name="A Suspect", role="suspect", nationality="UGA", sex="male", age=30)]))
    about_case = services.create_thread(people.investigator, services.ThreadInput(
        subject="Suspect's phone", text="See the case", links=[case]))
    about_item = services.create_thread(people.investigator, services.ThreadInput(
        subject="Serial", text="See the item", links=[glock]))
    assert about_case.holds_personal_data and not about_item.holds_personal_data
    html = login(None, people.investigator).get(reverse("custody:case", args=[case.pk])).content.decode()
    assert "Suspect&#x27;s phone" in html and "Serial" not in html.split("exchange-threads")[1]
