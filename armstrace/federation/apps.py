from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class FederationConfig(AppConfig):
    name = "armstrace.federation"
    label = "federation"
    verbose_name = _("Federation")

    def ready(self):
        from armstrace.core.extensions import (
            AUDIT_CHECKS, ITEM_LINKS, NAV_LINKS, OBJECT_PANELS, REPORT_SECTIONS, REQUEST_LINKS)
        from armstrace.federation.evidence import audit_check
        from armstrace.federation.services import report_checks
        from armstrace.federation.views import item_panel

        for links, entry in ((NAV_LINKS, ("federation:overview", _("Federation"))),
                             (ITEM_LINKS, ("federation:check-item", _("Check with partner"))),
                             (REQUEST_LINKS, ("federation:send-request", _("Send to partner")))):
            if entry[0] not in {name for name, _label in links}:
                links.append(entry)
        for hooks, hook in ((AUDIT_CHECKS, audit_check), (OBJECT_PANELS, ("item", item_panel)),
                            (OBJECT_PANELS, ("trace_report", item_panel)),
                            (REPORT_SECTIONS, ("partner_checks", report_checks))):
            if hook not in hooks:
                hooks.append(hook)
