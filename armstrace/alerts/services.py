"""The alerts' public service: raise an alert (once per key), the alerts a user may see, the badge's count,
acknowledge and resolve. Other apps call `raise_alert`; the registry's own triggers are in alerts/hooks.py.

    from armstrace.alerts import services as alerts
    alerts.raise_alert(AlertKind.SCREENING_HIT, f"screening:{pk}", params={"title": "…"}, url=…,
                       users=[officer], staff=[alerts.Staff(SCREENING_VIEW, agency)])
"""

from dataclasses import dataclass

from django.contrib.auth import get_user_model
from django.db import IntegrityError, transaction
from django.db.models import Exists, OuterRef, Q
from django.utils.translation import gettext as _

from armstrace.accounts.access import access_for, role_capabilities
from armstrace.alerts.models import Alert, AlertAddress, AlertChange, AlertKind, AlertState
from armstrace.core.actor import SYSTEM
from armstrace.core.errors import RuleViolation
from armstrace.exchange.notifications import email_users

__all__ = ["Staff", "raise_alert", "visible_alerts", "new_count", "acknowledge", "resolve", "recipients",
           "Alert", "AlertKind", "AlertState"]


@dataclass(frozen=True)
class Staff:
    """The users of `agency` (of every agency when None) whose role holds `capability`."""

    capability: str
    agency: object = None


def raise_alert(kind, key, *, params=None, url="", item=None, users=(), staff=(), actor=SYSTEM):
    """Raise the alert `key` unless it exists: returns the new Alert, or None when it was raised before. Its first
    change (state "new") records who raised it."""
    key = key[:160]
    if Alert.objects.filter(key=key).exists():
        return None
    people = [u for u in users if u is not None and getattr(u, "pk", None)]
    addresses = {("user", u.pk): AlertAddress(user=u) for u in people}
    addresses.update({("staff", s.capability, getattr(s.agency, "pk", None)):
                      AlertAddress(agency=s.agency, capability=s.capability) for s in staff})
    if not addresses:
        return None
    try:
        with transaction.atomic():
            alert = Alert.objects.create(kind=kind, key=key, params=params or {}, url=url[:300], item=item)
            for address in addresses.values():
                address.alert = alert
            AlertAddress.objects.bulk_create(addresses.values())
            _change(alert, AlertState.NEW, actor)
    except IntegrityError:  # raised at the same moment by another process
        return None
    transaction.on_commit(lambda: _email(alert))
    return alert


def _change(alert, state, actor, note=""):
    user = actor.user if getattr(actor.user, "is_authenticated", False) else None
    return AlertChange.objects.create(alert=alert, state=state, by=user,
                                      by_name=user.get_username() if user else "system", note=note[:500])


def _my_addresses(user):
    access = access_for(user)
    if access.role is None:
        return AlertAddress.objects.none()
    agency_id = getattr(getattr(user, "profile", None), "agency_id", None)
    agencies = Q(agency__isnull=True) | Q(agency_id=agency_id) if agency_id else Q(agency__isnull=True)
    return AlertAddress.objects.filter(Q(user=user) | Q(user__isnull=True, capability__in=access.capabilities)
                                       & agencies)


def visible_alerts(user):
    """The alerts addressed to `user`, or to the staff of their agency (or of every agency) that they are one of."""
    return Alert.objects.filter(Exists(_my_addresses(user).filter(alert=OuterRef("pk"))))


def new_count(user):
    """The badge: alerts addressed to `user` that nobody has acknowledged or resolved yet."""
    return visible_alerts(user).filter(state=AlertState.NEW).count()


def _locked(alert, actor):
    """The alert, locked for the change, if the actor may see it."""
    locked = visible_alerts(actor.user).select_for_update().filter(pk=alert.pk).first()
    if locked is None:
        raise RuleViolation("alert_not_visible", _("This alert is not addressed to you."))
    return locked


def acknowledge(alert, actor, note=""):
    """Someone takes the alert in hand: new -> acknowledged."""
    with transaction.atomic():
        alert = _locked(alert, actor)
        if alert.state != AlertState.NEW:
            raise RuleViolation("alert_state", _("Only a new alert can be acknowledged; this one is %(state)s.")
                                % {"state": alert.get_state_display()}, "state")
        change = _change(alert, AlertState.ACKNOWLEDGED, actor, note)
        alert.state, alert.acknowledged_by, alert.acknowledged_at = change.state, change.by, change.at
        alert.save(update_fields=["state", "acknowledged_by", "acknowledged_at"])
    return alert


def resolve(alert, actor, note=""):
    """The matter is settled: new or acknowledged -> resolved, recording who and when."""
    with transaction.atomic():
        alert = _locked(alert, actor)
        if alert.state == AlertState.RESOLVED:
            raise RuleViolation("alert_state", _("This alert is resolved already."), "state")
        change = _change(alert, AlertState.RESOLVED, actor, note)
        alert.state, alert.resolved_by, alert.resolved_at = change.state, change.by, change.at
        alert.save(update_fields=["state", "resolved_by", "resolved_at"])
    return alert


def recipients(alert):
    """The active users an alert is addressed to."""
    users = get_user_model().objects.filter(is_active=True)
    condition = Q(pk__in=alert.addresses.filter(user__isnull=False).values("user_id"))
    matrix = role_capabilities()
    for address in alert.addresses.filter(user__isnull=True):
        roles = [role for role, capabilities in matrix.items() if address.capability in capabilities]
        staff = Q(profile__role__in=roles)
        condition |= staff & Q(profile__agency_id=address.agency_id) if address.agency_id else staff
    return users.filter(condition).distinct()


def _email(alert):
    email_users(list(recipients(alert)), str(alert), alert.url)
