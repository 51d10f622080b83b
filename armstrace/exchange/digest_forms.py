"""The form that records a digest case; it builds the record of a digest file and validates it the same way."""

from django import forms
from django.utils.translation import gettext_lazy as _

from armstrace.core import bounds
from armstrace.exchange import digest
from armstrace.exchange.models import DigestCase


def _pairs(text, field, choices):
    """"pistol: 12, rifle: 3" -> [{"type": "pistol", "count": 12}, ...]"""
    key = "type" if field == "firearms" else "role"
    pairs = []
    for part in filter(None, (p.strip() for p in (text or "").split(","))):
        name, _sep, count = part.partition(":")
        if name.strip() not in choices or not count.strip().isdigit() or int(count) < 1:
            raise forms.ValidationError(_("Write “kind: count” pairs separated by commas; kinds: %(kinds)s")
                                        % {"kinds": ", ".join(choices)})
        pairs.append({key: name.strip(), "count": int(count)})
    return pairs


class DigestCaseForm(bounds.Form):
    country = forms.RegexField(label=_("Country (ISO 3166 alpha-3)"), regex=r"^[A-Z]{3}$", max_length=3)
    court = forms.CharField(label=_("Court"), max_length=200)
    year = forms.IntegerField(label=_("Year"), min_value=1950, max_value=2100)
    case_number = forms.CharField(label=_("Case number"), max_length=80)
    stage = forms.ChoiceField(label=_("Stage"), choices=DigestCase.Stage.choices)
    language = forms.ChoiceField(label=_("Language"), choices=[("en", "English"), ("fr", "Français"),
                                                               ("es", "Español")])
    offences = forms.MultipleChoiceField(label=_("Offences"), required=False)
    modus_operandi = forms.MultipleChoiceField(label=_("Modus operandi"), required=False,
                                               choices=list(digest.MODUS_OPERANDI.items()))
    firearms = forms.CharField(label=_("Firearms"), required=False, help_text=_("e.g. pistol: 12, rifle: 3"))
    persons = forms.CharField(label=_("Persons (roles only, never names)"), required=False,
                              help_text=_("e.g. defendant: 2, convicted: 1"))
    summary = forms.CharField(label=_("Summary"), widget=forms.Textarea(attrs={"rows": 4}))
    outcome = forms.CharField(label=_("Outcome"), widget=forms.Textarea(attrs={"rows": 2}), required=False)
    legal_sources = forms.CharField(label=_("Legal sources"), widget=forms.Textarea(attrs={"rows": 2}),
                                    required=False, help_text=_("One a line."))
    lessons = forms.CharField(label=_("Lessons learned"), widget=forms.Textarea(attrs={"rows": 2}), required=False)
    seizure_cases = forms.CharField(label=_("Seizure cases of this registry"), required=False,
                                    help_text=_("Case numbers, separated by commas."))
    access_level = forms.ChoiceField(label=_("Access"), choices=DigestCase.Level.choices)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        national = [(code, o["label"]) for code, o in digest.national_offences().items()]
        self.fields["offences"].choices = [(k, v[1]) for k, v in digest.PROTOCOL_OFFENCES.items()] + national

    def clean_firearms(self):
        return _pairs(self.cleaned_data["firearms"], "firearms", digest.WEAPON_TYPES)

    def clean_persons(self):
        return _pairs(self.cleaned_data["persons"], "persons", digest.PERSON_ROLES)

    def record(self):
        d = dict(self.cleaned_data)
        d["legal_sources"] = [line.strip() for line in d["legal_sources"].splitlines() if line.strip()]
        d["seizure_cases"] = [n.strip() for n in d["seizure_cases"].split(",") if n.strip()]
        return d

    def clean(self):
        cleaned = super().clean()
        if not self.errors:
            for problem in digest.case_errors(self.record()):
                name, _sep, message = problem.partition(": ")
                field = name.split("/")[0]
                self.add_error(field if field in self.fields else None, message)
        return cleaned
