from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ExchangeConfig(AppConfig):
    name = "armstrace.exchange"
    label = "exchange"
    verbose_name = _("Practitioners' exchange")

    def ready(self):
        from django.db.models.signals import post_save

        from armstrace.core.extensions import NAV_LINKS, OBJECT_PANELS, TOPBAR_ITEMS
        from armstrace.exchange import panels, signals

        post_save.connect(signals.event_saved, sender="registry.Event", dispatch_uid="exchange-stolen-seized")
        from armstrace.custody.blueprints import blueprint_matched
        from armstrace.exchange.notifications import notify_blueprint_match

        blueprint_matched.connect(notify_blueprint_match, dispatch_uid="exchange-blueprint-match")
        if panels.unread_badge not in TOPBAR_ITEMS:
            TOPBAR_ITEMS.append(panels.unread_badge)

        for entry in (("exchange:inbox", _("Exchange")), ("exchange:digest", _("Case digest"))):
            if entry[0] not in {name for name, _label in NAV_LINKS}:
                NAV_LINKS.append(entry)
        for kind in panels.LINKABLE:
            if (kind, panels.thread_panel) not in OBJECT_PANELS:
                OBJECT_PANELS.append((kind, panels.thread_panel))
