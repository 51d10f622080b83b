from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ScreeningConfig(AppConfig):
    name = "armstrace.screening"
    label = "screening"
    verbose_name = _("Parcel screening")

    def ready(self):
        from armstrace.core.extensions import NAV_LINKS

        link = ("screening:queue", _("Screening queue"))
        if link not in NAV_LINKS:
            NAV_LINKS.append(link)
