from django import forms
from django.utils.translation import gettext_lazy as _

from armstrace.core import bounds


class ChangeForm(bounds.Form):
    """Acknowledge or resolve an alert, with an optional note."""

    note = forms.CharField(label=_("Note"), max_length=500, required=False)
