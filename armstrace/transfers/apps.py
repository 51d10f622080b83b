from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class TransfersConfig(AppConfig):
    name = "armstrace.transfers"
    label = "transfers"
    verbose_name = _("Transfers")

    def ready(self):
        from armstrace.core.extensions import NAV_LINKS

        NAV_LINKS.append(("transfers:authorization-list", _("Authorizations")))
