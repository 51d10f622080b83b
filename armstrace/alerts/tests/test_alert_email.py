"""A new alert is e-mailed (title and link only) to the addressed users who asked for e-mail in their preferences;
raising it again sends nothing."""

from django.core import mail

from armstrace.accounts.constants import CUSTODY_VIEW
from armstrace.accounts.models import Agency
from armstrace.alerts import services
from armstrace.alerts.models import AlertKind
from armstrace.exchange.models import Preference


def test_new_alert_e_mails_who_asked(people, settings, make_user, django_capture_on_commit_callbacks):
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    customs2 = make_user("a-customs2", "customs", agency_kind="customs")
    for user, wants in ((people.customs, True), (customs2, False), (people.investigator, True)):
        user.email = f"{user.username}@example.org"
        user.save()
        Preference.objects.create(user=user, email=wants)
    staff = [services.Staff(CUSTODY_VIEW, Agency.objects.get(code="T-CUSTOMS"))]
    with django_capture_on_commit_callbacks(execute=True):
        services.raise_alert(AlertKind.SCREENING_HIT, "screening:42", params={"title": "Screening hit: watch list"},
                             url="/screening/42/", staff=staff)
        services.raise_alert(AlertKind.SCREENING_HIT, "screening:42", params={"title": "again"}, staff=staff)
    assert [m.to for m in mail.outbox] == [["a-customs@example.org"]]  # not who declined, not another agency
    assert "Screening hit: watch list" in mail.outbox[0].body and "/screening/42/" in mail.outbox[0].body
