from django import forms
from django.utils.translation import gettext_lazy as _

from armstrace.core import bounds
from armstrace.federation.models import Partner
from armstrace.federation.services import DEFAULT_LEGAL_BASIS


class SendRequestForm(bounds.Form):
    legal_basis = forms.CharField(label=_("Legal basis"), initial=DEFAULT_LEGAL_BASIS, max_length=4000,
                                  widget=forms.Textarea(attrs={"rows": 2}))


class CheckForm(bounds.Form):
    country = forms.ChoiceField(label=_("Partner"))
    serial = forms.CharField(label=_("Serial number"), max_length=64)
    make = forms.CharField(label=_("Make"), max_length=120, required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["country"].choices = [(p.country, str(p)) for p in Partner.objects.filter(enabled=True)]
