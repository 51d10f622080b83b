from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from armstrace.core import bounds
from armstrace.registry.forms import DateNotInFutureField, PartyField, country_choices
from armstrace.registry.models import Calibre, FirearmType
from armstrace.transfers.models import Authorization, AuthorizationLine


class AuthorizationForm(bounds.Form):
    kind = forms.ChoiceField(label=_("Kind"), choices=Authorization.Kind.choices)
    number = forms.CharField(label=_("Authorization number"), max_length=64)
    place_of_issue = forms.CharField(label=_("Place of issue"), max_length=200)
    issued_on = DateNotInFutureField(label=_("Date of issue"), initial=timezone.localdate)
    expires_on = forms.DateField(label=_("Date of expiry"), widget=forms.DateInput(attrs={"type": "date"}))
    export_country = forms.ChoiceField(label=_("Country of export"), choices=country_choices)
    import_country = forms.ChoiceField(label=_("Country of import"), choices=country_choices)
    transit_countries = forms.CharField(label=_("Countries of transit"), max_length=200, required=False,
                                        help_text=_("ISO 3166 alpha-3 codes separated by commas"))
    final_recipient = forms.CharField(label=_("Final recipient"), max_length=200)
    final_recipient_party = PartyField(label=_("Final recipient's registration number, if registered here"),
                                       required=False)
    exporter = forms.CharField(label=_("Exporter"), max_length=200, required=False)
    importer = forms.CharField(label=_("Importer"), max_length=200, required=False)
    importer_party = PartyField(label=_("Importer's registration number, if registered here"), required=False)
    broker = PartyField(label=_("Broker's registration number"), required=False)
    notes = forms.CharField(label=_("Notes"), widget=forms.Textarea(attrs={"rows": 2}), required=False)

    def clean_transit_countries(self):
        codes = self.cleaned_data["transit_countries"].replace(";", ",").split(",")
        return [c.strip().upper() for c in codes if c.strip()]


class LineForm(bounds.Form):
    description = forms.CharField(label=_("Description of the items"), max_length=300, required=False)
    category = forms.ChoiceField(label=_("Category"), choices=AuthorizationLine._meta.get_field("category").choices)
    firearm_type = forms.ChoiceField(label=_("Type"), choices=[("", "—")] + FirearmType.choices, required=False)
    calibre = forms.ModelChoiceField(label=_("Calibre"), queryset=Calibre.objects.all(), required=False)
    quantity = forms.IntegerField(label=_("Quantity"), min_value=1, required=False)


LineFormSet = forms.formset_factory(LineForm, extra=3, max_num=100)


class ShipmentForm(bounds.Form):
    shipped_on = DateNotInFutureField(label=_("Shipped on"), initial=timezone.localdate)
    reference = forms.CharField(label=_("Reference (bill of lading, airway bill)"), max_length=120, required=False)
    notes = forms.CharField(label=_("Notes"), widget=forms.Textarea(attrs={"rows": 2}), required=False)

    def __init__(self, *args, authorization, **kwargs):
        super().__init__(*args, **kwargs)
        self.authorization = authorization
        for line in authorization.lines.all():
            self.fields[f"qty_{line.pk}"] = forms.IntegerField(
                label=_("Quantity of “%(d)s” (remaining %(r)d)") % {"d": line.description, "r": line.remaining},
                min_value=0, required=False)
            if authorization.kind != Authorization.Kind.TRANSIT:
                self.fields[f"items_{line.pk}"] = forms.CharField(
                    label=_("Registered items of “%(d)s” (serial numbers, one per line)") % {"d": line.description},
                    widget=forms.Textarea(attrs={"rows": 2}), required=False)


class ReceiptForm(bounds.Form):
    received_on = DateNotInFutureField(label=_("Received on"), initial=timezone.localdate)
    received_by = forms.CharField(label=_("Receipt confirmed by"), max_length=200)
    reference = forms.CharField(label=_("Confirmation reference"), max_length=120, required=False)


class BrokerForm(bounds.Form):
    name = forms.CharField(label=_("Broker's name"), max_length=200)
    identifier = forms.CharField(label=_("Company or identity number"), max_length=64)
    country = forms.ChoiceField(label=_("Country"), choices=country_choices, required=False)
    address = forms.CharField(label=_("Address"), widget=forms.Textarea(attrs={"rows": 2}), required=False)
    number = forms.CharField(label=_("Registration number"), max_length=64)
    issued_on = DateNotInFutureField(label=_("Registered on"), initial=timezone.localdate)
    valid_until = forms.DateField(label=_("Valid until"), required=False,
                                  widget=forms.DateInput(attrs={"type": "date"}))
    activities = forms.CharField(label=_("Brokering activities"), max_length=300, required=False)
