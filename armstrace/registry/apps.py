from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class RegistryConfig(AppConfig):
    name = "armstrace.registry"
    label = "registry"
    verbose_name = _("Registry")

    def ready(self):
        from armstrace.accounts.personal import PERSON_FINDERS
        from armstrace.registry.models import Party

        PERSON_FINDERS["party"] = lambda number: Party.objects.filter(identifier=number).values("pk")
