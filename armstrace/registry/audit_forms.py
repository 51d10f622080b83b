from django import forms
from django.utils.translation import gettext_lazy as _

from armstrace.core.lists import DateRangeForm
from armstrace.registry.models import EventKind


class EventLogFilterForm(DateRangeForm):
    kind = forms.ChoiceField(label=_("Kind"), required=False, choices=[("", "—"), *EventKind.choices])
    user = forms.CharField(label=_("User"), required=False, max_length=150)
    agency = forms.CharField(label=_("Agency"), required=False, max_length=32)
    item = forms.CharField(label=_("Item serial"), required=False, max_length=100)
    field_order = ["kind", "user", "agency", "item", "date_from", "date_to"]
