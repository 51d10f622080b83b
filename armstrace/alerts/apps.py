from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AlertsConfig(AppConfig):
    name = "armstrace.alerts"
    label = "alerts"
    verbose_name = _("Alerts")

    def ready(self):
        from django.db.models.signals import post_save

        from armstrace.alerts import hooks, panels
        from armstrace.custody.blueprints import blueprint_matched
        from armstrace.core.extensions import BACKGROUND_TASKS, NAV_LINKS, TOPBAR_ITEMS
        from armstrace.tracing.search import searched

        post_save.connect(hooks.event_saved, sender="registry.Event", dispatch_uid="alerts-missing-recovered")
        searched.connect(hooks.marking_searched, dispatch_uid="alerts-marking-hit")
        blueprint_matched.connect(hooks.blueprint_matched, dispatch_uid="alerts-blueprint-match")
        if panels.alert_badge not in TOPBAR_ITEMS:
            TOPBAR_ITEMS.append(panels.alert_badge)
        if hooks.scan_in_background not in BACKGROUND_TASKS:
            BACKGROUND_TASKS.append(hooks.scan_in_background)
        if "alerts:inbox" not in {name for name, _label in NAV_LINKS}:
            NAV_LINKS.append(("alerts:inbox", _("Alerts")))
