from django import forms
from django.forms.utils import flatatt
from django.utils import timezone
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext_lazy as _

from armstrace.core import bounds
from armstrace.registry.forms import DateNotInFutureField, country_choices
from armstrace.registry.models import Calibre, FirearmModel, FirearmType, Make
from armstrace.registry.widgets import MakeOfModelOptions, follow_make
from armstrace.tracing.models import TracingRequest
from armstrace.tracing.search import MODES, Filters
from armstrace.tracing.status import TracingStatus

MODE_LABELS = {"auto": _("Automatic"), "exact": _("Exact"), "partial": _("Partial (? and *)"), "fuzzy": _("Near matches")}


class LongSelect(forms.Select):
    """A select whose options are written in Python rather than through one template each (~40 µs an option): the
    search form's make, model, calibre and country lists hold ~750 options, most of the page's time."""

    def render(self, name, value, attrs=None, renderer=None):
        widget = self.get_context(name, value, attrs)["widget"]
        if any(group for group, _options, _index in widget["optgroups"]):
            return super().render(name, value, attrs, renderer)
        options = format_html_join("", "<option value=\"{}\"{}>{}</option>", (
            (option["value"], flatatt(option["attrs"]), option["label"])
            for _group, group_options, _index in widget["optgroups"] for option in group_options))
        return format_html("<select name=\"{}\"{}>{}</select>", widget["name"], flatatt(widget["attrs"]), options)


class LongModelOfMakeSelect(MakeOfModelOptions, LongSelect):
    """The long model list, whose options follow the chosen make (registry.widgets)."""


class SearchForm(bounds.Form):
    q = forms.CharField(label=_("Serial number or marking"), max_length=200, required=False,
                        help_text=_("? for one unreadable character, * for an unreadable run."))
    mode = forms.ChoiceField(label=_("Mode"), choices=[(m, MODE_LABELS[m]) for m in MODES], initial="auto", required=False)
    make = forms.ModelChoiceField(label=_("Make"), queryset=Make.objects.all(), required=False, widget=LongSelect)
    model = forms.ModelChoiceField(label=_("Model"), queryset=FirearmModel.objects.select_related("make"), required=False,
                                   widget=LongModelOfMakeSelect)
    calibre = forms.ModelChoiceField(label=_("Calibre"), queryset=Calibre.objects.all(), required=False,
                                     widget=LongSelect)
    firearm_type = forms.ChoiceField(label=_("Type"), choices=[("", "—")] + FirearmType.choices, required=False)
    country = forms.ChoiceField(label=_("Country of manufacture"), required=False, widget=LongSelect)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["country"].choices = country_choices()
        follow_make(self)

    def filters(self):
        d = self.cleaned_data
        return Filters(make=d.get("make"), model=d.get("model"), calibre=d.get("calibre"),
                       firearm_type=d.get("firearm_type") or "", country=d.get("country") or "")


class TracingRequestForm(bounds.ModelForm):
    class Meta:
        model = TracingRequest
        fields = ["direction", "counterpart_country", "counterpart_authority", "counterpart_reference",
                  "identifying_marks", "serial_number", "firearm_type", "make", "model", "calibre",
                  "country_of_manufacture", "country_of_import", "reason_illicit", "circumstances_of_recovery",
                  "intended_use", "requesting_authority", "point_of_contact"]
        widgets = {name: forms.Textarea(attrs={"rows": 3}) for name in
                   ("identifying_marks", "reason_illicit", "circumstances_of_recovery", "intended_use")}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name in ("counterpart_country", "country_of_manufacture", "country_of_import"):
            field = self.fields[name]
            self.fields[name] = forms.ChoiceField(label=field.label, choices=country_choices(), required=field.required)


class AnswerForm(bounds.Form):
    responding_authority = forms.CharField(label=_("Responding authority"), max_length=200, required=False)
    answered_on = forms.DateField(label=_("Date of the answer"), initial=timezone.localdate,
                                  widget=forms.DateInput(attrs={"type": "date"}))
    outcome = forms.ChoiceField(label=_("Outcome"), required=False, choices=[("", "—")] + TracingStatus.choices)
    summary = forms.CharField(label=_("Findings"), widget=forms.Textarea(attrs={"rows": 3}))
    last_legal_holder = forms.CharField(label=_("Last legal holder known to them"), max_length=300, required=False)
    point_of_diversion = forms.CharField(label=_("Point of diversion"), max_length=300, required=False)
    transfers = forms.CharField(label=_("Exports, imports and transfers on record"), required=False,
                                widget=forms.Textarea(attrs={"rows": 2}))

    def answer(self):
        d = self.cleaned_data
        return {"responding_authority": d["responding_authority"], "answered_on": d["answered_on"].isoformat(),
                "outcome": d["outcome"], "findings": {k: d[k] for k in ("summary", "last_legal_holder",
                                                                         "point_of_diversion", "transfers")}}


class AnswerImportForm(bounds.Form):
    answer_file = forms.FileField(label=_("Answer file (JSON)"))


class StepDateForm(bounds.Form):
    """The day a request was sent (or received) or acknowledged; today unless given."""

    on = DateNotInFutureField(label=_("Date"), initial=timezone.localdate, required=False)

    def __init__(self, *args, prefix=None, **kwargs):
        super().__init__(*args, prefix=prefix, **kwargs)
        label = {"send": _("Date sent or received"), "acknowledge": _("Date acknowledged")}.get(prefix)
        if label:
            self.fields["on"].label = label


class CloseForm(bounds.Form):
    note = forms.CharField(label=_("Closing note"), required=False, widget=forms.Textarea(attrs={"rows": 2}))
