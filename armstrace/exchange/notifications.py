"""What is new for a user in the case threads: unread messages (from read marks). E-mail is an option of each user,
sent through Django's e-mail backend without the message's content; the alerts app (armstrace/alerts, the one
inbox of alerts and hits) sends its alerts through `email_users` under the same option."""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import send_mail
from django.db.models import Exists, OuterRef, Q
from django.urls import reverse
from django.utils.translation import gettext as _

from armstrace.exchange.models import Message, Preference, ReadMark, ThreadMember


def notify_blueprint_match(sender=None, blueprint=None, cases=(), **kwargs):
    """The custody app's `blueprint_matched`: tell the users who may see custody cases that a case holds a blueprint
    file already seized in other cases (custody.blueprints)."""
    case = blueprint.case
    title = _("Blueprint file %(sha)s of case %(case)s was also seized in %(others)s") % {
        "sha": blueprint.sha256[:12], "case": case.number, "others": ", ".join(c.number for c in cases)}
    return notify(users_with(CUSTODY_VIEW), Notification.Kind.OTHER, f"blueprint:{blueprint.sha256}:{case.pk}", title,
                  reverse("custody:case", args=[case.pk]))


def unread_threads(user):
    """The threads visible to `user` that hold a message from someone else after their read mark."""
    from armstrace.exchange.access import visible_threads

    read = ReadMark.objects.filter(thread=OuterRef("thread_id"), user=user, last_message_id__gte=OuterRef("pk"))
    unread = Message.objects.filter(thread=OuterRef("pk")).exclude(sender=user).filter(~Exists(read))
    return visible_threads(user).filter(archived_at__isnull=True).filter(Exists(unread))


def unread_counts(user):
    """The badge's count: threads with unread messages (alerts have their own inbox, armstrace/alerts)."""
    threads = unread_threads(user).count()
    return {"threads": threads, "total": threads}


# ---------------------------------------------------------------- e-mail


def _wants_email(users):
    ids = [u.pk for u in users if u.email]
    return set(Preference.objects.filter(user_id__in=ids, email=True).values_list("user_id", flat=True))


def email_users(users, title, url=""):
    """E-mail `title` and `url` to those of `users` who chose e-mail (the alerts' hook)."""
    wanted = _wants_email(users)
    for user in users:
        if user.pk in wanted:
            send_mail(_("ArmsTrace: something new for you"), f"{title}\n{url}", settings.DEFAULT_FROM_EMAIL,
                      [user.email], fail_silently=True)


def thread_members(thread):
    members = ThreadMember.objects.filter(thread=thread)
    condition = Q(pk__in=members.values("user_id")) | Q(profile__agency_id__in=members.values("agency_id"))
    return get_user_model().objects.filter(condition, is_active=True)


def email_thread_members(thread, message):
    """Tell the members who chose e-mail that a thread has a new message (its text stays in ArmsTrace)."""
    recipients = [u for u in thread_members(thread).exclude(pk=message.sender_id)]
    wanted = _wants_email(recipients)
    url = reverse("exchange:thread", args=[thread.pk])
    for user in recipients:
        if user.pk in wanted:
            send_mail(_("ArmsTrace: a new message in a case thread"),
                      _("A new message awaits you in ArmsTrace: %(url)s") % {"url": url},
                      settings.DEFAULT_FROM_EMAIL, [user.email], fail_silently=True)


def thread_unread_for(user, thread):
    mark = ReadMark.objects.filter(thread=thread, user=user).values_list("last_message_id", flat=True).first() or 0
    return Message.objects.filter(thread=thread, pk__gt=mark).exclude(sender=user).count()


