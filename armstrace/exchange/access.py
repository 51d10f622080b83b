"""Who sees which thread: its members (a user named, or every user of an agency named) while it is open; auditors
read archived threads. Every page, API answer, search, count and attachment of the exchange goes through here."""

from django.db.models import Q

from armstrace.accounts.access import access_for
from armstrace.accounts.constants import AUDIT_VIEW, EXCHANGE_POST, EXCHANGE_VIEW
from armstrace.accounts.models import UserProfile
from armstrace.exchange.models import Thread, ThreadMember


def agency_id_of(user):
    cached = getattr(user, "_exchange_agency_id", False)
    if cached is False:
        cached = UserProfile.objects.filter(user_id=user.pk).values_list("agency_id", flat=True).first()
        user._exchange_agency_id = cached
    return cached


def member_thread_ids(user):
    """The ids of the threads `user` is a member of (a subquery)."""
    agency_id = agency_id_of(user)
    condition = Q(user_id=user.pk) | (Q(agency_id=agency_id) if agency_id else Q(pk__in=[]))
    return ThreadMember.objects.filter(condition).values("thread_id")


def visible_threads(user):
    """The threads `user` may read: open threads they are a member of; archived ones for auditors only."""
    access = access_for(user)
    if not access.can(EXCHANGE_VIEW):
        return Thread.objects.none()
    condition = Q(archived_at__isnull=True, pk__in=member_thread_ids(user))
    if access.can(AUDIT_VIEW):
        condition |= Q(archived_at__isnull=False)
    return Thread.objects.filter(condition)


def may_read(user, thread):
    return visible_threads(user).filter(pk=thread.pk).exists()


def may_post(user, thread):
    """Members with exchange.post, in an open thread."""
    return (thread.archived_at is None and access_for(user).can(EXCHANGE_POST)
            and Thread.objects.filter(pk=thread.pk, pk__in=member_thread_ids(user)).exists())
