# The notifications move to the alerts app (armstrace/alerts): each one becomes an alert addressed to its user,
# read ones acknowledged, before the table goes. An upgrade keeps every row.

from django.db import migrations

# exchange Notification.Kind -> alerts AlertKind
KINDS = {"tracing_overdue": "tracing_overdue", "stocktake_alert": "stocktake_gap",
         "stolen_seized": "missing_recovered", "screening_hit": "screening_hit"}


def notifications_to_alerts(apps, schema_editor):
    Notification = apps.get_model("exchange", "Notification")
    Alert = apps.get_model("alerts", "Alert")
    AlertAddress = apps.get_model("alerts", "AlertAddress")
    AlertChange = apps.get_model("alerts", "AlertChange")
    alerts = {}
    for note in Notification.objects.order_by("created_at", "id").iterator():
        key = f"exchange:{note.key}"[:160]
        alert = alerts.get(key)
        if alert is None:
            alert = alerts[key] = Alert.objects.create(
                kind=KINDS.get(note.kind, "other"), key=key, params={"title": note.title}, url=note.url,
                created_at=note.created_at)
            AlertChange.objects.create(alert=alert, state="new", by_name="system", at=note.created_at,
                                       note="notification of the exchange app")
        AlertAddress.objects.create(alert=alert, user_id=note.user_id)
        if note.read_at and alert.state == "new":
            alert.state, alert.acknowledged_by_id, alert.acknowledged_at = "acknowledged", note.user_id, note.read_at
            alert.save(update_fields=["state", "acknowledged_by", "acknowledged_at"])
            AlertChange.objects.create(alert=alert, state="acknowledged", by_id=note.user_id,
                                       by_name=note.user.username, at=note.read_at,
                                       note="read as a notification")


class Migration(migrations.Migration):

    dependencies = [
        ('exchange', '0004_digest_search_index'),
        ('alerts', '0002_changes_append_only'),
    ]

    operations = [
        migrations.RunPython(notifications_to_alerts, migrations.RunPython.noop),
        migrations.DeleteModel(
            name='Notification',
        ),
    ]
