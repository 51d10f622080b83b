from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class RegistryConfig(AppConfig):
    name = "armstrace.registry"
    label = "registry"
    verbose_name = _("Registry")

    def ready(self):
        from armstrace.accounts.personal import PERSON_FINDERS
        from armstrace.core.extensions import ITEM_LINKS, NAV_LINKS
        from armstrace.registry import checkpoints, eventlog, methods
        from armstrace.registry.models import Party

        methods.connect_projection()
        PERSON_FINDERS["party"] = lambda number: Party.objects.filter(identifier=number).values("pk")
        if checkpoints.checkpoint_if_due not in eventlog.AFTER_APPEND:
            eventlog.AFTER_APPEND.append(checkpoints.checkpoint_if_due)
        for entry in METHOD_LINKS:
            if entry not in ITEM_LINKS:
                ITEM_LINKS.append(entry)
        if ("registry:event-log", EVENT_LOG_LABEL) not in NAV_LINKS:
            NAV_LINKS.append(("registry:event-log", EVENT_LOG_LABEL))


EVENT_LOG_LABEL = _("Event log")
METHOD_LINKS = [("registry:item-convert", _("Conversion")), ("registry:item-reactivate", _("Reactivation"))]
