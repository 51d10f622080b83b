from django import forms
from django.utils.translation import gettext_lazy as _

from armstrace.core import bounds
from armstrace.screening.models import Inspection


class InspectionForm(bounds.Form):
    outcome = forms.ChoiceField(label=_("Outcome"), choices=Inspection.Outcome.choices)
    notes = forms.CharField(label=_("Notes"), widget=forms.Textarea(attrs={"rows": 3}), required=False)
