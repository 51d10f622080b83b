"""Two-factor recovery: ten one-time recovery codes (django-otp's static device) given at enrolment and accepted at
the login's code step, and an administrator's reset of another user's authenticator (logged)."""

import logging

from django.contrib.admin.models import CHANGE, LogEntry
from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

RECOVERY_CODES = 10
DEVICE_NAME = "recovery codes"
security_log = logging.getLogger("armstrace.security")


def issue_codes(user):
    """Replace the user's recovery codes with RECOVERY_CODES new ones; the codes are returned once, never stored in
    clear elsewhere than the device's tokens."""
    with transaction.atomic():
        StaticDevice.objects.filter(user=user).delete()
        device = StaticDevice.objects.create(user=user, name=DEVICE_NAME, confirmed=True)
        codes = [StaticToken.random_token() for _ in range(RECOVERY_CODES)]
        StaticToken.objects.bulk_create(StaticToken(device=device, token=code) for code in codes)
    return codes


def codes_left(user):
    return StaticToken.objects.filter(device__user=user).count()


def normalise(code):
    """A code as typed: spaces and dashes dropped, lower case (recovery codes are shown as "abcd-efgh")."""
    return code.replace(" ", "").replace("-", "").strip().lower()


def grouped(code):
    return f"{code[:4]}-{code[4:]}"


def reset_two_factor(user, *, by, reason=""):
    """Remove `user`'s authenticator and recovery codes, so that they enrol again at their next login; recorded in
    the admin history of the user (LogEntry) and the security log."""
    with transaction.atomic():
        removed = TOTPDevice.objects.filter(user=user).delete()[0] + StaticDevice.objects.filter(user=user).delete()[0]
        message = f"Two-factor authenticator and recovery codes reset by {by.get_username()}"
        if reason:
            message += f": {reason}"
        LogEntry.objects.create(user_id=by.pk, content_type_id=ContentType.objects.get_for_model(user).pk,
                                object_id=str(user.pk), object_repr=user.get_username()[:200], action_flag=CHANGE,
                                change_message=message)
    security_log.warning("two-factor reset: user=%s by=%s reason=%s", user.get_username(), by.get_username(), reason)
    return removed
