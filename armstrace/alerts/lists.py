"""The alerts inbox as a list of core.lists: filters, sortable columns, CSV and XLSX export."""

import django_filters
from django.utils.translation import gettext_lazy as _

from armstrace.alerts.models import Alert, AlertKind, AlertState
from armstrace.core.lists import Column, DateRangeFilterSet, ListForm, ListSpec


class AlertListFilter(DateRangeFilterSet):
    date_field = "created_at"
    date_labels = (_("Raised from"), _("Raised to"))
    state = django_filters.ChoiceFilter(label=_("State"), choices=[("all", _("All")), *AlertState.choices],
                                        empty_label=_("Open (new or acknowledged)"), method="filter_state")
    kind = django_filters.ChoiceFilter(label=_("Kind"), choices=AlertKind.choices, empty_label=_("Every kind"))

    class Meta:
        model = Alert
        form = ListForm
        fields = []

    def __init__(self, data=None, *args, **kwargs):
        super().__init__(data if data is not None else {}, *args, **kwargs)  # bound: the "open" default applies

    def filter_state(self, queryset, name, value):
        return queryset if value == "all" else queryset.filter(state=value)

    def filter_queryset(self, queryset):
        """No state chosen: the open alerts (new or acknowledged)."""
        queryset = super().filter_queryset(queryset)
        return queryset if self.form.cleaned_data.get("state") else queryset.exclude(state=AlertState.RESOLVED)


def _last_change(alert):
    if alert.resolved_at:
        return f"{alert.resolved_by or '—'}, {alert.resolved_at:%Y-%m-%d %H:%M}"
    if alert.acknowledged_at:
        return f"{alert.acknowledged_by or '—'}, {alert.acknowledged_at:%Y-%m-%d %H:%M}"
    return ""


ALERTS = ListSpec(name="alerts", filterset=AlertListFilter, default_sort="-raised", columns=(
    Column("raised", _("Raised at"), ("created_at",), "created_at"),
    Column("kind", _("Kind"), ("kind",), lambda a: a.get_kind_display()),
    Column("alert", _("Alert"), (), str),
    Column("state", _("State"), ("state",), lambda a: a.get_state_display()),
    Column("last_change", _("Last change"), (), _last_change),
), exported=(Column("url", _("Link")),))
