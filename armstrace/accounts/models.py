from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from armstrace.accounts.constants import PERSON_SUBJECTS, Role  # noqa: F401  (Role is imported from here too)


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




class UserProfile(models.Model):
    user = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="profile")
    role = models.CharField(_("role"), max_length=20, choices=Role.choices, default=Role.REGISTRAR)
    agency = models.ForeignKey(Agency, on_delete=models.PROTECT, null=True, blank=True, verbose_name=_("agency"))

    def __str__(self):
        return f"{self.user.username} ({self.get_role_display()})"


class AccessLogEntry(models.Model):
    """One read of a person's personal data: who saw which fields of whom, when, where from. Append-only."""

    at = models.DateTimeField(_("at"), default=timezone.now, db_index=True)
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, related_name="+",
                             verbose_name=_("user"))
    username = models.CharField(_("user name"), max_length=150)
    subject_type = models.CharField(_("subject"), max_length=20, choices=list(PERSON_SUBJECTS.items()))
    subject_id = models.PositiveBigIntegerField(_("subject id"))
    subject_name = models.CharField(_("person"), max_length=200, blank=True)
    fields = models.JSONField(_("fields shown"), default=list)
    path = models.CharField(_("path"), max_length=500)
    ip = models.GenericIPAddressField(_("IP address"), null=True, blank=True)

    class Meta:
        ordering = ["-at", "-id"]
        indexes = [models.Index(fields=["subject_type", "subject_id"]), models.Index(fields=["username", "at"])]
        verbose_name = _("personal data access")
        verbose_name_plural = _("personal data access log")

    def __str__(self):
        return f"{self.at:%Y-%m-%d %H:%M} {self.username} {self.subject_type}:{self.subject_id} {','.join(self.fields)}"
