from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class TracingConfig(AppConfig):
    name = "armstrace.tracing"
    label = "tracing"
    verbose_name = _("Tracing")

    def ready(self):
        from armstrace.core.extensions import ITEM_LINKS, NAV_LINKS
        from armstrace.tracing.projection import connect_projection

        connect_projection()

        for links, entries in (
            (NAV_LINKS, [("tracing:search", _("Marking search")), ("tracing:request-list", _("Tracing requests"))]),
            (ITEM_LINKS, [("tracing:trace-report", _("Trace report")), ("tracing:request-for-item", _("Tracing request"))]),
        ):
            for entry in entries:
                if entry[0] not in {name for name, _label in links}:
                    links.append(entry)
