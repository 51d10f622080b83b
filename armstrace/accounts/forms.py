import re

from django import forms
from django.utils.translation import gettext_lazy as _

from armstrace.accounts import recovery
from armstrace.accounts.constants import PERSON_SUBJECTS
from armstrace.core import bounds
from armstrace.core.lists import DateRangeForm


class TokenForm(bounds.Form):
    token = forms.CharField(
        label=_("Code from your authenticator app"), max_length=12,
        widget=forms.TextInput(attrs={"autocomplete": "one-time-code", "inputmode": "numeric", "autofocus": True,
                                      "pattern": "[0-9 ]*"}))

    def clean_token(self):
        token = self.cleaned_data["token"].replace(" ", "")
        if not token.isdigit():
            raise forms.ValidationError(_("The code is made of digits only."))
        return token


class LoginCodeForm(TokenForm):
    """The login's code step: the authenticator's code, or one of the recovery codes."""

    token = forms.CharField(
        label=_("Code from your authenticator app, or a recovery code"), max_length=20,
        widget=forms.TextInput(attrs={"autocomplete": "one-time-code", "autofocus": True}))

    def clean_token(self):
        token = recovery.normalise(self.cleaned_data["token"])
        if not re.fullmatch(r"[0-9]{6}|[a-z2-7]{8}", token):
            raise forms.ValidationError(_("Give the 6 digits of your app, or a recovery code (8 letters and digits)."))
        return token


class AccessLogFilterForm(DateRangeForm):
    user = forms.CharField(label=_("User"), required=False)
    person = forms.CharField(label=_("Person (name or number)"), required=False)
    subject_type = forms.ChoiceField(label=_("Kind of person"), required=False,
                                     choices=[("", _("all"))] + list(PERSON_SUBJECTS.items()))
    field_order = ["user", "person", "subject_type", "date_from", "date_to"]
