from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class Agency(models.Model):
    """A national authority that records or reads data (registry, police, customs, ...)."""

    class Kind(models.TextChoices):
        REGISTRY = "registry", _("Firearms registry")
        POLICE = "police", _("Police")
        CUSTOMS = "customs", _("Customs")
        PROSECUTION = "prosecution", _("Prosecution")
        MILITARY = "military", _("Military")
        LABORATORY = "laboratory", _("Forensic laboratory")
        OTHER = "other", _("Other")

    code = models.CharField(_("code"), max_length=32, unique=True)
    name = models.CharField(_("name"), max_length=200)
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)

    class Meta:
        ordering = ["name"]
        verbose_name = _("agency")
        verbose_name_plural = _("agencies")

    def __str__(self):
        return self.name


class Role(models.TextChoices):
    REGISTRAR = "registrar", _("Registrar")
    INVESTIGATOR = "investigator", _("Investigator")
    CUSTOMS = "customs", _("Customs officer")
    ANALYST = "analyst", _("Analyst")
    AUDITOR = "auditor", _("Auditor")
    ADMINISTRATOR = "administrator", _("Administrator")


class UserProfile(models.Model):
    user = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="profile")
    role = models.CharField(_("role"), max_length=20, choices=Role.choices, default=Role.REGISTRAR)
    agency = models.ForeignKey(Agency, on_delete=models.PROTECT, null=True, blank=True, verbose_name=_("agency"))

    def __str__(self):
        return f"{self.user.username} ({self.get_role_display()})"
