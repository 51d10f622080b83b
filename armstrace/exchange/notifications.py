"""What is new for a user: unread thread messages (from read marks) and notifications (stored, raised once per
user and subject). `notify()` is the hook other apps call (e.g. a screening hit); `scan()` raises the registry's
own: overdue tracing requests, stocktake alerts, seized items that had been reported stolen. E-mail is an option
of each user, sent through Django's e-mail backend without the message's content."""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import send_mail
from django.db.models import Exists, OuterRef, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from armstrace.accounts.access import role_capabilities
from armstrace.accounts.constants import CUSTODY_VIEW, TRACING_EDIT
from armstrace.exchange.models import Message, Notification, Preference, ReadMark, ThreadMember


def users_with(capability, agency_id=None):
    """Active users whose role has `capability` (of one agency, when given)."""
    roles = [role for role, capabilities in role_capabilities().items() if capability in capabilities]
    users = get_user_model().objects.filter(is_active=True, profile__role__in=roles)
    return users.filter(profile__agency_id=agency_id) if agency_id else users


def notify(users, kind, key, title, url=""):
    """Raise a notification for each of `users`, once per user and `key`; returns how many were new."""
    key = key[:120]
    users = list(users)
    known = set(Notification.objects.filter(key=key, user__in=users).values_list("user_id", flat=True))
    created = [Notification(user=user, kind=kind, key=key, title=title[:300], url=url[:300])
               for user in users if user.pk not in known]
    Notification.objects.bulk_create(created, ignore_conflicts=True)
    _email(created)
    return len(created)


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
    threads = unread_threads(user).count()
    notes = Notification.objects.filter(user=user, read_at__isnull=True).count()
    return {"threads": threads, "notifications": notes, "total": threads + notes}


def mark_notifications_read(user):
    return Notification.objects.filter(user=user, read_at__isnull=True).update(read_at=timezone.now())


# ---------------------------------------------------------------- the registry's own triggers


def scan(today=None):
    """Raise the notifications of the registry's state now; the number raised (run by `armstrace exchange notify`
    and when an inbox opens)."""
    return scan_overdue_tracing(today) + scan_stocktake_alerts() + scan_stolen_seized()


def scan_overdue_tracing(today=None):
    from armstrace.tracing.models import RequestStatus, TracingRequest

    today = today or timezone.localdate()
    overdue = TracingRequest.objects.filter(status__in=[RequestStatus.SENT, RequestStatus.ACKNOWLEDGED],
                                            due_date__lt=today)
    recipients = list(users_with(TRACING_EDIT))
    count = 0
    for request in overdue:
        title = _("Tracing request %(ref)s to %(country)s is overdue (due %(due)s)") % {
            "ref": request, "country": request.counterpart_country, "due": request.due_date}
        count += notify(recipients, Notification.Kind.TRACING_OVERDUE, f"tracing_overdue:{request.pk}", title,
                        reverse("tracing:request-detail", args=[request.pk]))
    return count


def scan_stocktake_alerts():
    from armstrace.custody.models import Alert

    count = 0
    for alert in Alert.objects.filter(resolved=False).select_related("depot"):
        agency_id = alert.depot.agency_id if alert.depot is not None else None
        url = reverse("custody:stocktake", args=[alert.stocktake_id]) if alert.stocktake_id else ""
        count += notify(users_with(CUSTODY_VIEW, agency_id), Notification.Kind.STOCKTAKE_ALERT,
                        f"stocktake_alert:{alert.pk}", alert.message, url)
    return count


def scan_stolen_seized(items=None):
    """Seized items with an earlier report of theft."""
    from armstrace.registry.models import Event, EventKind, Item, ItemStatus

    theft = Event.objects.filter(item=OuterRef("pk"), kind=EventKind.THEFT_REPORTED)
    seized = Item.objects.filter(status=ItemStatus.SEIZED).filter(Exists(theft))
    if items is not None:
        seized = seized.filter(pk__in=items)
    recipients = list(users_with(CUSTODY_VIEW))
    count = 0
    for item in seized:
        count += notify(recipients, Notification.Kind.STOLEN_SEIZED, f"stolen_seized:{item.pk}",
                        _("Seized item %(item)s had been reported stolen") % {"item": item},
                        reverse("registry:item-detail", args=[item.pk]))
    return count


# ---------------------------------------------------------------- e-mail


def _wants_email(users):
    ids = [u.pk for u in users if u.email]
    return set(Preference.objects.filter(user_id__in=ids, email=True).values_list("user_id", flat=True))


def _email(notifications):
    wanted = _wants_email([n.user for n in notifications])
    for n in notifications:
        if n.user_id in wanted:
            send_mail(_("ArmsTrace: something new for you"), f"{n.title}\n{n.url}", settings.DEFAULT_FROM_EMAIL,
                      [n.user.email], fail_silently=True)


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


