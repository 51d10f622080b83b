"""The demo holds a pistol that the demo registrar reported stolen and the demo investigator seized: its alert is in
both their inboxes."""

from django.contrib.auth import get_user_model

from armstrace.alerts import services
from armstrace.alerts.models import AlertKind
from armstrace.demo import ensure_demo_users, generate_demo
from armstrace.registry.models import ItemStatus


def test_the_demo_raises_a_stolen_then_seized_alert(db, django_capture_on_commit_callbacks):
    from armstrace.registry.reference import load_reference_data, sync_agencies

    load_reference_data()
    sync_agencies()
    ensure_demo_users()
    with django_capture_on_commit_callbacks(execute=True):
        generate_demo(3, seed=4)
    users = get_user_model().objects
    investigator, registrar = users.get(username="demo-investigator"), users.get(username="demo")
    alert = services.visible_alerts(investigator).get(kind=AlertKind.MISSING_RECOVERED, item__serial_number__gt="",
                                                      addresses__user=investigator)
    assert alert.item.status == ItemStatus.SEIZED and "stolen" in str(alert)
    assert services.visible_alerts(registrar).filter(pk=alert.pk).exists()
