from django import forms
from django.utils.translation import gettext_lazy as _

from armstrace.registry.models import FirearmType, Item
from armstrace.screening.models import Inspection


class InspectionForm(forms.Form):
    outcome = forms.ChoiceField(label=_("Outcome"), choices=Inspection.Outcome.choices)
    firearm_type = forms.ChoiceField(label=_("Type of firearm found"), required=False,
                                     choices=[("", "—")] + FirearmType.choices)
    part_kind = forms.ChoiceField(label=_("Part found"), required=False, choices=[("", "—")] + Item.PartKind.choices)
    ammunition_quantity = forms.IntegerField(label=_("Rounds found"), required=False, min_value=1)
    notes = forms.CharField(label=_("Notes"), widget=forms.Textarea(attrs={"rows": 3}), required=False)
