from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MonitoringConfig(AppConfig):
    name = "armstrace.monitoring"
    label = "monitoring"
    verbose_name = _("Monitoring")

    def ready(self):
        from armstrace.core.extensions import NAV_LINKS

        link = ("monitoring:dashboard", _("Monitoring"))
        if link not in NAV_LINKS:
            NAV_LINKS.append(link)
