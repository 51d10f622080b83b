"""Which item commands an item's status allows: the table the services check and the item page reads."""

from django.utils.translation import gettext as _

from armstrace.core.errors import RuleViolation
from armstrace.registry.models import EventKind, ItemStatus

K = EventKind
S = ItemStatus


def check_status(item, allowed, action):
    """Refuse an event on a destroyed item, or on one whose status is not in `allowed` (`action` names the event)."""
    if item.status == S.DESTROYED:
        raise RuleViolation("destroyed", _("This item has been destroyed and accepts no further events."))
    if item.status not in allowed:
        raise RuleViolation(
            "bad_status",
            _("Cannot %(action)s an item whose status is “%(status)s”.")
            % {"action": action, "status": item.get_status_display()},
        )


# The statuses in which each item command may run (check_status refuses the others); the item page offers an action
# only when `allows` says so. A correction is always possible, even on a destroyed item.
ALLOWED_STATUSES = {
    "transfer": {S.ACTIVE, S.DEACTIVATED},
    "report_missing": {S.ACTIVE, S.DEACTIVATED},
    K.SEIZED: {S.ACTIVE, S.LOST, S.STOLEN, S.EXPORTED, S.DEACTIVATED, S.FOUND, S.SURRENDERED, S.ILLICIT},
    K.FOUND: {S.LOST, S.STOLEN, S.EXPORTED, S.ACTIVE, S.ILLICIT},
    K.SURRENDERED: {S.ACTIVE, S.DEACTIVATED, S.LOST, S.STOLEN, S.ILLICIT},
    "recover": {S.LOST, S.STOLEN},
    "export": {S.ACTIVE},
    "reimport": {S.EXPORTED},
    "deactivate": {S.ACTIVE, S.SEIZED, S.FOUND, S.SURRENDERED},
    "destroy": {S.ACTIVE, S.SEIZED, S.FOUND, S.SURRENDERED, S.DEACTIVATED},
    "mark": set(S.values) - {S.DESTROYED},
}


def allows(item, action):
    """Whether `check_status` lets the command `action` (a key of ALLOWED_STATUSES) run on `item` as it is now."""
    try:
        check_status(item, ALLOWED_STATUSES[action], action)
    except RuleViolation:
        return False
    return True
