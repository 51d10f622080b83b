"""Migration exchange 0005 keeps every notification: each becomes an alert addressed to its user, a read one
acknowledged by that user, before the notifications table is dropped."""

import pytest
from django.contrib.auth import get_user_model
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from armstrace.registry.tests.test_concurrency import flushable_event_log  # noqa: F401 - fixture

pytestmark = pytest.mark.django_db(transaction=True)

BEFORE = [("exchange", "0004_digest_search_index"), ("alerts", "0002_changes_append_only")]
AFTER = [("exchange", "0005_notifications_to_alerts")]


def _migrate(targets):
    MigrationExecutor(connection).migrate(targets)
    return MigrationExecutor(connection).loader.project_state(targets).apps


def test_notifications_become_alerts(flushable_event_log):  # noqa: F811
    leaves = MigrationExecutor(connection).loader.graph.leaf_nodes()
    ana = get_user_model().objects.create_user("ana-migrated")
    ben = get_user_model().objects.create_user("ben-migrated")
    old = _migrate(BEFORE)
    try:
        Notification = old.get_model("exchange", "Notification")
        Notification.objects.create(user_id=ana.pk, kind="stolen_seized", key="stolen:7", title="Pistol 7 seized",
                                    url="/registry/items/7/", created_at="2026-11-19T10:00Z")
        Notification.objects.create(user_id=ben.pk, kind="stolen_seized", key="stolen:7", title="Pistol 7 seized",
                                    url="/registry/items/7/", created_at="2026-11-19T10:00Z", read_at="2026-11-20T10:00Z")
        Notification.objects.create(user_id=ana.pk, kind="tracing_overdue", key="overdue:3", title="Request 3 late")
        new = _migrate(AFTER)
        Alert = new.get_model("alerts", "Alert")
        alerts = {a.key: a for a in Alert.objects.all()}
        assert set(alerts) == {"exchange:stolen:7", "exchange:overdue:3"}
        seized, overdue = alerts["exchange:stolen:7"], alerts["exchange:overdue:3"]
        assert (seized.kind, seized.params["title"], seized.url) == ("missing_recovered", "Pistol 7 seized",
                                                                     "/registry/items/7/")
        assert {a.user_id for a in seized.addresses.all()} == {ana.pk, ben.pk}
        assert (seized.state, seized.acknowledged_by_id) == ("acknowledged", ben.pk)
        assert [c.state for c in seized.changes.order_by("at", "id")] == ["new", "acknowledged"]
        assert (overdue.kind, overdue.state) == ("tracing_overdue", "new")
    finally:
        _migrate(leaves)
