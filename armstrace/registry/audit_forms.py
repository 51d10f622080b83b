from django import forms
from django.utils.translation import gettext_lazy as _

from armstrace.core.bounds import iso_date_widget
from armstrace.registry.models import EventKind


class EventLogFilterForm(forms.Form):
    kind = forms.ChoiceField(label=_("Kind"), required=False, choices=[("", "—"), *EventKind.choices])
    user = forms.CharField(label=_("User"), required=False, max_length=150)
    agency = forms.CharField(label=_("Agency"), required=False, max_length=32)
    item = forms.CharField(label=_("Item serial"), required=False, max_length=100)
    date_from = forms.DateField(label=_("From"), required=False, widget=iso_date_widget(forms.DateInput(attrs={"type": "date"})))
    date_to = forms.DateField(label=_("To"), required=False, widget=iso_date_widget(forms.DateInput(attrs={"type": "date"})))

    def clean(self):
        data = super().clean()
        if data.get("date_from") and data.get("date_to") and data["date_from"] > data["date_to"]:
            self.add_error("date_to", _("The end of the range is before its start."))
        return data
