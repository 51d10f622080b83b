"""Analysis datasets: the UNODC data portal file (IAFQ) imported as it is published, one row per value."""

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class PortalDataset(models.Model):
    name = models.CharField(_("name"), max_length=200)
    file_name = models.CharField(_("file"), max_length=500)
    file_sha256 = models.CharField(max_length=64, unique=True)
    release = models.CharField(_("release"), max_length=40, blank=True, help_text=_("date in the file's title rows"))
    row_count = models.PositiveIntegerField(_("rows"), default=0)
    renamed_count = models.PositiveIntegerField(_("categories mapped to the current release"), default=0)
    imported_at = models.DateTimeField(_("imported at"), default=timezone.now)

    class Meta:
        ordering = ["-imported_at"]
        verbose_name = _("portal dataset")

    def __str__(self):
        return self.name


class PortalValue(models.Model):
    """One value of the portal's long layout. Labels are the 2024-release ones (`original_category` keeps the
    file's label when it was renamed). The portal repeats some keys (e.g. "Arms seized / by location / Total" is
    the total of both the place-of-seizure and the tracing-status tables), so `line` keeps rows apart."""

    dataset = models.ForeignKey(PortalDataset, on_delete=models.CASCADE, related_name="values")
    line = models.PositiveIntegerField()
    iso3 = models.CharField(max_length=3)
    country = models.CharField(max_length=120)
    region = models.CharField(max_length=80, blank=True)
    subregion = models.CharField(max_length=80, blank=True)
    indicator = models.CharField(max_length=120)
    dimension = models.CharField(max_length=80)
    category = models.CharField(max_length=120)
    original_category = models.CharField(max_length=120, blank=True)
    sex = models.CharField(max_length=10)
    age = models.CharField(max_length=10)
    year = models.PositiveSmallIntegerField()
    unit = models.CharField(max_length=40)
    value = models.DecimalField(max_digits=18, decimal_places=4)
    source = models.CharField(max_length=40, blank=True)

    class Meta:
        ordering = ["line"]
        indexes = [models.Index(fields=["dataset", "iso3", "year"]), models.Index(fields=["dataset", "indicator"])]
        constraints = [models.UniqueConstraint(fields=["dataset", "line"], name="unique_portal_line")]
