"""Two-factor login (django-otp TOTP): who must give a code, and what comes next for a user who has not yet."""

from django.urls import reverse
from django_otp import devices_for_user

from armstrace.accounts.access import access_for


def has_confirmed_device(user):
    cached = getattr(user, "_armstrace_has_device", None)
    if cached is None:
        cached = user._armstrace_has_device = any(True for _ in devices_for_user(user, confirmed=True))
    return cached


def is_verified(user):
    verified = getattr(user, "is_verified", None)  # installed by django_otp's OTPMiddleware
    return bool(verified and verified())


def pending_step(user):
    """The URL of the two-factor step `user` must take before anything else, or None.

    A user with an enrolled authenticator gives a code at every login; one whose role requires two-factor login
    (accounts.constants.TWO_FACTOR_ROLES) and has none enrols one first.
    """
    if not user.is_authenticated or is_verified(user):
        return None
    if has_confirmed_device(user):
        return reverse("accounts:two-factor")
    if access_for(user).requires_two_factor:
        return reverse("accounts:two-factor-setup")
    return None
