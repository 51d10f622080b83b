"""Two-factor recovery: ten one-time codes shown once at enrolment and accepted once each at the login's code step;
an administrator resets another user's authenticator, and the reset is logged."""

import re

from django.contrib.admin.models import LogEntry
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from armstrace.accounts import recovery
from armstrace.accounts.tests.test_two_factor import code, login


def _codes(html):
    return re.findall(r"<li><code>([a-z2-7]{4}-[a-z2-7]{4})</code></li>", html)


def test_ten_codes_are_shown_once_at_enrolment(make_user):
    make_user("boss", "administrator", password="boss-pass-123")
    client = login("boss", "boss-pass-123")
    client.get("/accounts/two-factor/setup/")
    device = TOTPDevice.objects.get(user__username="boss", confirmed=False)
    done = client.post("/accounts/two-factor/setup/", {"token": code(device), "next": "/registry/items/"})
    assert done.status_code == 302 and done["Location"].startswith("/accounts/two-factor/recovery-codes/")
    page = client.get(done["Location"]).content.decode()
    codes = _codes(page)
    assert len(codes) == 10 and len(set(codes)) == 10 and 'href="/registry/items/"' in page
    stored = set(StaticToken.objects.filter(device__user__username="boss").values_list("token", flat=True))
    assert stored == {c.replace("-", "") for c in codes}
    again = client.get("/accounts/two-factor/recovery-codes/").content.decode()
    assert _codes(again) == [] and "10 recovery codes left" in again


def test_a_recovery_code_logs_in_once_only(make_user):
    user = make_user("audit", "auditor", password="audit-pass-123", two_factor=True)
    first, second = recovery.issue_codes(user)[:2]
    client = login("audit", "audit-pass-123")
    response = client.post("/accounts/two-factor/", {"token": recovery.grouped(first).upper(), "next": "/"})
    assert response.status_code == 302 and response["Location"] == "/"
    assert client.get("/registry/events/").status_code == 200
    assert recovery.codes_left(user) == 9

    reused = login("audit", "audit-pass-123")
    refused = reused.post("/accounts/two-factor/", {"token": first})
    assert refused.status_code == 200 and "Wrong or expired code" in refused.content.decode()
    assert reused.get("/registry/events/").status_code == 302  # still at the code step
    StaticDevice.objects.get(user=user).throttle_reset()
    TOTPDevice.objects.get(user=user).throttle_reset()
    assert reused.post("/accounts/two-factor/", {"token": second}).status_code == 302
    assert recovery.codes_left(user) == 8


def test_a_malformed_code_is_refused_with_a_clear_message(make_user):
    make_user("audit", "auditor", password="audit-pass-123", two_factor=True)
    client = login("audit", "audit-pass-123")
    page = client.post("/accounts/two-factor/", {"token": "12ab"}).content.decode()
    assert "recovery code (8 letters and digits)" in page


def test_administrator_resets_another_users_authenticator_and_it_is_logged(make_user, clients, role_users):
    auditor = role_users["auditor"]
    recovery.issue_codes(auditor)
    admin = clients["administrator"]
    response = admin.post("/admin/auth/user/", {"action": "reset_two_factor", "_selected_action": [auditor.pk]})
    assert response.status_code == 302
    assert not TOTPDevice.objects.filter(user=auditor).exists() and not StaticDevice.objects.filter(user=auditor).exists()
    entry = LogEntry.objects.get(object_id=str(auditor.pk))
    assert entry.user == role_users["administrator"] and "reset by t-admin" in entry.change_message
    history = admin.get(f"/admin/auth/user/{auditor.pk}/history/").content.decode()
    assert "Two-factor authenticator and recovery codes reset by t-admin" in history

    client = login("t-auditor", "t-auditor-pass-1")
    assert client.get("/").url.startswith("/accounts/two-factor/setup/")  # must enrol again

    own = role_users["administrator"]
    admin.post("/admin/auth/user/", {"action": "reset_two_factor", "_selected_action": [own.pk]})
    assert TOTPDevice.objects.filter(user=own).exists()  # not one's own
