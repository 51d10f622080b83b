from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OsintConfig(AppConfig):
    name = "armstrace.osint"
    label = "osint"
    verbose_name = _("Open-source seizures")
