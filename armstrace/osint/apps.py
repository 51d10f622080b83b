from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OsintConfig(AppConfig):
    """Open-source seizure intelligence: documents, proposed records, review, incidents, merge with official data.
    The extraction itself (`extraction/`) runs without a database."""

    name = "armstrace.osint"
    label = "osint"
    verbose_name = _("Open sources")

    def ready(self):
        from armstrace.core.extensions import NAV_LINKS, OBJECT_PANELS
        from armstrace.osint.panels import dashboard_panel

        link = ("osint:queue", _("Open sources"))
        if link not in NAV_LINKS:
            NAV_LINKS.append(link)
        panel = ("monitoring_dashboard", dashboard_panel)
        if panel not in OBJECT_PANELS:
            OBJECT_PANELS.append(panel)
