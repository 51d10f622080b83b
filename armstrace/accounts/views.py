"""Two-factor verification and enrolment, the user's own access page, and the personal-data access log."""

from base64 import b32encode

import django_otp
import segno
from django.contrib import messages
from django.core.paginator import Paginator
from django.db.models import Q
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme, urlencode
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django_otp import devices_for_user
from django_otp.plugins.otp_totp.models import TOTPDevice

from armstrace.accounts import constants, policy, recovery, two_factor
from armstrace.accounts.forms import AccessLogFilterForm, LoginCodeForm, TokenForm
from armstrace.accounts.models import AccessLogEntry, UserProfile
from armstrace.accounts.personal import PERSON_FINDERS
from armstrace.core.lists import filter_date_range


def _next_url(request):
    url = request.POST.get("next") or request.GET.get("next") or ""
    if url and url_has_allowed_host_and_scheme(url, {request.get_host()}, require_https=request.is_secure()):
        return url
    return reverse("dashboard")


def _verified(request, device):
    django_otp.login(request, device)
    request.session.cycle_key()  # a new session id once the second factor is given
    return redirect(_next_url(request))


def _throttled(device):
    allowed, details = device.verify_is_allowed()
    return None if allowed else details


def two_factor_verify(request):
    """The code of an enrolled authenticator, asked once per login before any other page."""
    user = request.user
    if two_factor.is_verified(user):
        return redirect(_next_url(request))
    devices = list(devices_for_user(user, confirmed=True))
    if not devices:
        return redirect(f"{reverse('accounts:two-factor-setup')}?{urlencode({'next': _next_url(request)})}")
    form = LoginCodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        if all(_throttled(device) for device in devices):
            form.add_error("token", _("Too many wrong codes: wait a few seconds, then give the current code."))
        else:
            for device in devices:
                verified = django_otp.verify_token(user, device.persistent_id, form.cleaned_data["token"])
                if verified:
                    return _verified(request, verified)
            form.add_error("token", _("Wrong or expired code."))
    return render(request, "accounts/two_factor_verify.html", {"form": form, "next": _next_url(request)})


def _qr_svg(uri):
    return mark_safe(segno.make(uri, error="m").svg_inline(scale=4, title="otpauth"))


def two_factor_setup(request):
    """Enrol a TOTP authenticator: show the key (base32, otpauth:// URI, QR code) and confirm it with a first code."""
    user = request.user
    if two_factor.has_confirmed_device(user):
        if not two_factor.is_verified(user):
            return redirect(f"{reverse('accounts:two-factor')}?{urlencode({'next': _next_url(request)})}")
        messages.info(request, _("Two-factor login is already set up for your account."))
        return redirect("accounts:account")
    device = TOTPDevice.objects.filter(user=user, confirmed=False).order_by("pk").first()
    if device is None:
        device = TOTPDevice.objects.create(user=user, name=_("Authenticator app"), confirmed=False)
    form = TokenForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        if device.verify_token(form.cleaned_data["token"]):
            device.confirmed = True
            device.save(update_fields=["confirmed"])
            TOTPDevice.objects.filter(user=user, confirmed=False).delete()
            messages.success(request, _("Two-factor login is set up: you will be asked for a code at each login."))
            request.session[RECOVERY_SESSION_KEY] = recovery.issue_codes(user)
            _verified(request, device)
            return redirect(f"{reverse('accounts:recovery-codes')}?{urlencode({'next': _next_url(request)})}")
        form.add_error("token", _("Wrong code: check the key in your app and your device's clock."))
    secret = b32encode(device.bin_key).decode()
    return render(request, "accounts/two_factor_setup.html", {
        "form": form, "next": _next_url(request), "secret": secret,
        "secret_groups": " ".join(secret[i:i + 4] for i in range(0, len(secret), 4)),
        "otpauth_uri": device.config_url, "qr_svg": _qr_svg(device.config_url),
        "required": policy.access_for(user).requires_two_factor,
    })


RECOVERY_SESSION_KEY = "armstrace_recovery_codes"


def recovery_codes(request):
    """The recovery codes just issued, shown once (they are then only in the device, as one-time tokens); a POST
    issues ten new ones, replacing the old."""
    if request.method == "POST":
        request.session[RECOVERY_SESSION_KEY] = recovery.issue_codes(request.user)
        return redirect(f"{reverse('accounts:recovery-codes')}?{urlencode({'next': _next_url(request)})}")
    codes = request.session.pop(RECOVERY_SESSION_KEY, None) or []
    return render(request, "accounts/recovery_codes.html", {
        "codes": [recovery.grouped(code) for code in codes], "left": recovery.codes_left(request.user),
        "next": _next_url(request),
    })


def account(request):
    access = policy.access_for(request.user)
    profile = UserProfile.objects.select_related("agency").filter(user_id=request.user.pk).first()
    return render(request, "accounts/account.html", {
        "access": access, "agency": profile.agency if profile else None,
        "capabilities": [(c, label) for c, label in constants.CAPABILITIES.items() if access.allows(c)],
        "two_factor_enrolled": two_factor.has_confirmed_device(request.user),
        "recovery_codes_left": recovery.codes_left(request.user),
    })


def filter_access_log(entries, *, user="", person="", subject_type="", date_from=None, date_to=None):
    """The access-log entries of `user` (user name), about `person` (name, identity number or id), in a date range."""
    if user:
        entries = entries.filter(username__iexact=user.strip())
    if person:
        person = person.strip()
        match = Q(subject_name__icontains=person)
        for subject, find in PERSON_FINDERS.items():
            match |= Q(subject_type=subject, subject_id__in=find(person))
        if person.isdigit():
            match |= Q(subject_id=int(person))
        entries = entries.filter(match)
    if subject_type:
        entries = entries.filter(subject_type=subject_type)
    return filter_date_range(entries, "at", date_from, date_to)


def access_log(request):
    form = AccessLogFilterForm(request.GET or None)
    entries = AccessLogEntry.objects.select_related("user")
    if form.is_bound and form.is_valid():
        entries = filter_access_log(entries, **form.cleaned_data)
    page = Paginator(entries, 50).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    return render(request, "accounts/access_log.html", {"form": form, "page": page, "query": query.urlencode()})
