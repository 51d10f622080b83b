"""IAFQ tracing status of a seized, found or surrendered arm (the categories of the IAFQ 'by location'
tables and of SDG indicator 16.4.2)."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class TracingStatus(models.TextChoices):
    LEGITIMATE_OWNER_NATIONAL = "legitimate_owner_national", _("Traced to legitimate owner in national registry")
    ILLEGITIMATE_OWNER_NATIONAL = "illegitimate_owner_national", _("Traced to illegitimate owner in national registry")
    ILLEGITIMATE_OWNER_FOREIGN = "illegitimate_owner_foreign", _("Traced to illegitimate owner in foreign registry")
    POINT_OF_DIVERSION = "point_of_diversion", _("Point of diversion otherwise identified")
    NO_POINT_OF_DIVERSION = "no_point_of_diversion", _("Tracing attempted, no point of diversion identified")
    PENDING = "pending", _("Tracing procedure pending")
    NOT_INITIATED = "not_initiated", _("No tracing procedure initiated")
    ILLICITLY_MANUFACTURED = "illicitly_manufactured", _("Not uniquely identifiable: illicitly manufactured")
    ALTERED_MARKING = "altered_marking", _("Not uniquely identifiable: erased or altered marking")
    NO_INFORMATION = "no_information", _("Not uniquely identifiable: no further information")


UNIQUELY_IDENTIFIABLE = {
    TracingStatus.LEGITIMATE_OWNER_NATIONAL, TracingStatus.ILLEGITIMATE_OWNER_NATIONAL,
    TracingStatus.ILLEGITIMATE_OWNER_FOREIGN, TracingStatus.POINT_OF_DIVERSION, TracingStatus.NO_POINT_OF_DIVERSION,
    TracingStatus.PENDING, TracingStatus.NOT_INITIATED,
}
