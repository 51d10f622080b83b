from django import forms
from django.utils.translation import gettext_lazy as _

from armstrace.alerts.models import AlertKind, AlertState
from armstrace.core import bounds


class ChangeForm(bounds.Form):
    """Acknowledge or resolve an alert, with an optional note."""

    note = forms.CharField(label=_("Note"), max_length=500, required=False)


class FilterForm(bounds.Form):
    state = forms.ChoiceField(label=_("State"), required=False,
                              choices=[("", _("Open (new or acknowledged)")), ("all", _("All"))]
                              + list(AlertState.choices))
    kind = forms.ChoiceField(label=_("Kind"), required=False, choices=[("", _("Every kind"))] + list(AlertKind.choices))

    def apply(self, alerts):
        data = self.cleaned_data if self.is_valid() else {}
        state, kind = data.get("state", ""), data.get("kind", "")
        if state == "":
            alerts = alerts.exclude(state=AlertState.RESOLVED)
        elif state != "all":
            alerts = alerts.filter(state=state)
        return alerts.filter(kind=kind) if kind else alerts
