"""Alerts: one inbox for what needs a person's attention (a lost or stolen item seized, found or surrendered; a
marking-search hit on such an item; a stocktake gap; an overdue tracing request; hooks of other apps).

An alert is raised once per `key`, addressed to users and/or to the staff of an agency who hold a capability. Its
state (new, acknowledged, resolved) is the projection of its changes, which are append-only (triggers of
registry/append_only.py): who did what and when is never lost."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from armstrace.alerts.titles import title


class AlertKind(models.TextChoices):
    MISSING_RECOVERED = "missing_recovered", _("Lost or stolen item recovered")
    MARKING_HIT = "marking_hit", _("Marking search hit")
    STOCKTAKE_GAP = "stocktake_gap", _("Stocktake gap")
    TRACING_OVERDUE = "tracing_overdue", _("Tracing request overdue")
    SCREENING_HIT = "screening_hit", _("Screening hit")
    BLUEPRINT_MATCH = "blueprint_match", _("Blueprint file seized before")
    OTHER = "other", _("Other")


class AlertState(models.TextChoices):
    NEW = "new", _("New")
    ACKNOWLEDGED = "acknowledged", _("Acknowledged")
    RESOLVED = "resolved", _("Resolved")


class Alert(models.Model):
    kind = models.CharField(_("kind"), max_length=20, choices=AlertKind.choices)
    key = models.CharField(max_length=160, unique=True, help_text="what it is about, so that it is raised once")
    # What the title is made of (codes, names, dates); the title is written in the reader's language.
    params = models.JSONField(default=dict)
    url = models.CharField(_("link"), max_length=300, blank=True)
    item = models.ForeignKey("registry.Item", on_delete=models.PROTECT, null=True, blank=True, related_name="+",
                             verbose_name=_("item"))
    created_at = models.DateTimeField(_("raised at"), default=timezone.now, db_index=True)
    # The projection of the changes below.
    state = models.CharField(_("state"), max_length=12, choices=AlertState.choices, default=AlertState.NEW)
    acknowledged_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True,
                                        related_name="+", verbose_name=_("acknowledged by"))
    acknowledged_at = models.DateTimeField(_("acknowledged at"), null=True, blank=True)
    resolved_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True,
                                    related_name="+", verbose_name=_("resolved by"))
    resolved_at = models.DateTimeField(_("resolved at"), null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        indexes = [models.Index(fields=["state", "created_at"])]
        verbose_name = _("alert")

    def __str__(self):
        return title(self)


class AlertAddress(models.Model):
    """To whom an alert goes: one user, or the users of `agency` (any agency when empty) whose role holds
    `capability`."""

    alert = models.ForeignKey(Alert, on_delete=models.CASCADE, related_name="addresses")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, null=True, blank=True,
                             related_name="+")
    agency = models.ForeignKey("accounts.Agency", on_delete=models.PROTECT, null=True, blank=True, related_name="+")
    capability = models.CharField(max_length=40, blank=True)

    class Meta:
        constraints = [models.CheckConstraint(condition=Q(user__isnull=False) | ~Q(capability=""),
                                              name="alerts_address_user_or_capability")]


class AlertChange(models.Model):
    """One change of an alert's state, append-only."""

    alert = models.ForeignKey(Alert, on_delete=models.PROTECT, related_name="changes")
    state = models.CharField(_("state"), max_length=12, choices=AlertState.choices)
    by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True,
                           related_name="+", verbose_name=_("by"))
    by_name = models.CharField(_("by"), max_length=150)
    at = models.DateTimeField(_("at"), default=timezone.now)
    note = models.CharField(_("note"), max_length=500, blank=True)

    class Meta:
        ordering = ["at", "id"]
