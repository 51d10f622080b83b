"""E-mail of a new message in a case thread: to the members who asked for it, never the sender, without the text."""

from django.core import mail

from armstrace.exchange.models import Preference


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
