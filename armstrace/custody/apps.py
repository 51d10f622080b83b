from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CustodyConfig(AppConfig):
    name = "armstrace.custody"
    label = "custody"
    verbose_name = _("Custody")

    def ready(self):
        from armstrace.core.extensions import ITEM_LINK_CONDITIONS, ITEM_LINKS, NAV_LINKS
        from armstrace.custody.services import IN_CUSTODY

        def in_custody(item):  # the statuses in which an item can be moved or disposed of
            return item.status in IN_CUSTODY

        NAV_LINKS.append(("custody:case-list", _("Seizures")))
        NAV_LINKS.append(("custody:depot-list", _("Depots")))
        ITEM_LINKS.append(("custody:item-move", _("Custody movement")))
        ITEM_LINKS.append(("custody:item-dispose", _("Disposal")))
        ITEM_LINK_CONDITIONS.update(dict.fromkeys(["custody:item-move", "custody:item-dispose"], in_custody))
