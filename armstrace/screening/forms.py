from django import forms
from django.utils.translation import gettext_lazy as _

from armstrace.core import bounds
from armstrace.registry.models import FirearmType, Item
from armstrace.screening.models import Inspection


class InspectionForm(bounds.Form):
    outcome = forms.ChoiceField(label=_("Outcome"), choices=Inspection.Outcome.choices)
    firearm_type = forms.ChoiceField(label=_("Type of firearm found"), required=False,
                                     choices=[("", "—")] + FirearmType.choices)
    part_kind = forms.ChoiceField(label=_("Part found"), required=False, choices=[("", "—")] + Item.PartKind.choices)
    ammunition_quantity = forms.IntegerField(label=_("Rounds found"), required=False, min_value=1)
    notes = forms.CharField(label=_("Notes"), widget=forms.Textarea(attrs={"rows": 3}), required=False)


class RuleEditForm(forms.Form):
    """Weight and switch of every rule; the bounds are the rule set's own (checked when the set loads)."""

    def __init__(self, rules, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.rule_ids = list(rules.rules)
        for rule_id, settings in rules.rules.items():
            self.fields[f"weight_{rule_id}"] = forms.FloatField(label=rule_id, initial=settings["weight"])
            self.fields[f"enabled_{rule_id}"] = forms.BooleanField(label=_("on"), required=False,
                                                                  initial=settings["enabled"])
        self.fields["note"] = forms.CharField(label=_("Why"), max_length=300, required=False)

    def rows(self):
        return [(rule_id, self[f"weight_{rule_id}"], self[f"enabled_{rule_id}"]) for rule_id in self.rule_ids]

    def weights(self):
        return {rule_id: {"weight": self.cleaned_data[f"weight_{rule_id}"],
                          "enabled": self.cleaned_data[f"enabled_{rule_id}"]} for rule_id in self.rule_ids}
