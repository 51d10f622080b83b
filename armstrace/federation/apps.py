from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class FederationConfig(AppConfig):
    name = "armstrace.federation"
    label = "federation"
    verbose_name = _("Federation")

    def ready(self):
        from armstrace.core.extensions import AUDIT_CHECKS, ITEM_LINKS, NAV_LINKS, REQUEST_LINKS
        from armstrace.federation.evidence import audit_check

        for links, entry in ((NAV_LINKS, ("federation:overview", _("Federation"))),
                             (ITEM_LINKS, ("federation:check-item", _("Check with partner"))),
                             (REQUEST_LINKS, ("federation:send-request", _("Send to partner")))):
            if entry[0] not in {name for name, _label in links}:
                links.append(entry)
        if audit_check not in AUDIT_CHECKS:
            AUDIT_CHECKS.append(audit_check)
