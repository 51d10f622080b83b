from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from armstrace.accounts.personal import persons_searchable_by_number
from armstrace.core import bounds
from armstrace.core.countries import country_choices  # noqa: F401  (re-exported for the other apps' forms)
from armstrace.core.preconditions import ItemVersionForm
from armstrace.profile import get_profile
from armstrace.registry.method_forms import method_fields
from armstrace.registry.status_rules import allows
from armstrace.registry.widgets import ModelOfMakeSelect, PartyPicker, follow_make
from armstrace.registry.models import (
    Calibre, EventKind, FirearmModel, FirearmType, ItemStatus, Licence, Make, Marking, Party,
)


class PartyField(forms.CharField):
    """A holder named by identity/registration number (or #id): scales to millions of parties, unlike a select.

    A number is looked up under the personal-data rules of the holder search: a user who may not see persons'
    identity numbers (no `personal_data.view`, or a customs agency) finds no person by number, so that a real and a
    made-up number get the same answer. The form's view binds the request with `lookups_as(request, form)`; an
    unbound field resolves numbers as a user who may see none."""

    default_error_messages = {"unknown": _("No holder has the number “%(value)s”.")}
    widget = PartyPicker
    request = None

    LONGEST = 64  # a holder's number (Party.identifier)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.widget.attrs["maxlength"] = str(self.LONGEST)

    def to_python(self, value):
        value = (value or "").strip()
        if not value:
            return None
        if len(value) > self.LONGEST:
            raise forms.ValidationError(_("A holder's number has at most %(n)d characters.") % {"n": self.LONGEST},
                                        code="max_length")
        if value.startswith("#") and value[1:].isdigit():
            party = Party.objects.filter(pk=int(value[1:])).first()
        else:
            by_number = persons_searchable_by_number(self.request, Party.objects.filter(identifier=value))
            party = by_number.order_by("pk").first()
        if party is None:
            raise forms.ValidationError(self.error_messages["unknown"], code="unknown", params={"value": value})
        return party


def lookups_as(request, form):
    """Let the holder fields of `form` look numbers up as the user of `request` may (see PartyField)."""
    for field in form.fields.values():
        if isinstance(field, PartyField):
            field.request = request
    return form


class DateNotInFutureField(forms.DateField):
    widget = forms.DateInput(attrs={"type": "date"})

    def validate(self, value):
        super().validate(value)
        if value and value > timezone.localdate():
            raise forms.ValidationError(_("The date cannot be in the future."))


class RegisterItemForm(bounds.Form):
    how = forms.ChoiceField(
        label=_("How the item enters the registry"),
        choices=[(k, EventKind(k).label) for k in ("registered", "manufactured", "imported", "seized", "found", "surrendered")],
    )
    firearm_type = forms.ChoiceField(label=_("Type"), choices=[("", "—")] + FirearmType.choices, required=False)
    make = forms.ModelChoiceField(label=_("Make"), queryset=Make.objects.all(), required=False)
    model = forms.ModelChoiceField(label=_("Model"), queryset=FirearmModel.objects.select_related("make"), required=False,
                                   widget=ModelOfMakeSelect)
    calibre = forms.ModelChoiceField(label=_("Calibre"), queryset=Calibre.objects.all(), required=False)
    serial_number = forms.CharField(label=_("Serial number as marked"), max_length=64, required=False)
    serial_position = forms.CharField(label=_("Position of the serial number"), max_length=120, required=False)
    serial_state = forms.ChoiceField(label=_("State of the serial number"), choices=Marking.State.choices,
                                     initial=Marking.State.INTACT)
    country_of_manufacture = forms.ChoiceField(label=_("Country of manufacture"), required=False)
    year_of_manufacture = forms.IntegerField(label=_("Year of manufacture"), min_value=1800, max_value=2100, required=False)
    import_mark = forms.CharField(label=_("Import mark"), max_length=200, required=False)
    import_mark_position = forms.CharField(label=_("Position of the import mark"), max_length=120, required=False)
    holder = PartyField(label=_("Holder (identity or registration number)"), required=False)
    location = forms.CharField(label=_("Location"), max_length=200, required=False)
    occurred_on = DateNotInFutureField(label=_("Date"), initial=timezone.localdate)
    description = forms.CharField(label=_("Description"), widget=forms.Textarea(attrs={"rows": 2}), required=False)
    manufacture_method, printed, converted_from, method_material, method_evidence = method_fields().values()

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["country_of_manufacture"].choices = country_choices()
        follow_make(self)

    def clean(self):
        data = super().clean()
        how, holder = data.get("how"), data.get("holder")
        if how in ("registered", "manufactured", "imported"):
            if not holder and "holder" not in self.errors:
                self.add_error("holder", _("A holder is required for a legally held item."))
            if not data.get("serial_number"):
                self.add_error("serial_number", _("A serial number is required to register this item."))
        model, make = data.get("model"), data.get("make")
        if model and make and model.make_id != make.pk:
            self.add_error("model", _("This model is not made by the chosen make."))
        if model and not make:
            data["make"] = model.make
        if not data.get("firearm_type") and not model:
            self.add_error("firearm_type", _("Give the type, or a model that implies it."))
        return data


class TransferForm(ItemVersionForm):
    to_party = PartyField(label=_("Recipient (identity or registration number)"))
    occurred_on = DateNotInFutureField(label=_("Date of transfer"), initial=timezone.localdate)
    location = forms.CharField(label=_("New location"), max_length=200, required=False)
    reference = forms.CharField(label=_("Reference (sale contract, permit...)"), max_length=120, required=False)


class MissingReportForm(ItemVersionForm):
    kind = forms.ChoiceField(label=_("What happened"), choices=[
        (EventKind.THEFT_REPORTED, _("Theft")), (EventKind.LOSS_REPORTED, _("Loss"))])
    occurred_on = DateNotInFutureField(label=_("Date"), initial=timezone.localdate)
    location = forms.CharField(label=_("Last known location"), max_length=200, required=False)
    circumstances = forms.CharField(label=_("Circumstances"), widget=forms.Textarea(attrs={"rows": 3}), required=False)
    police_reference = forms.CharField(label=_("Police report number"), max_length=120, required=False)


class CustodyForm(ItemVersionForm):
    KINDS = [EventKind.SEIZED, EventKind.FOUND, EventKind.SURRENDERED]
    kind = forms.ChoiceField(label=_("What happened"), choices=[
        (EventKind.SEIZED, _("Seized")), (EventKind.FOUND, _("Found")), (EventKind.SURRENDERED, _("Surrendered"))])
    occurred_on = DateNotInFutureField(label=_("Date"), initial=timezone.localdate)
    location = forms.CharField(label=_("Place"), max_length=200)
    case_reference = forms.CharField(label=_("Case reference"), max_length=120, required=False)
    circumstances = forms.CharField(label=_("Circumstances"), widget=forms.Textarea(attrs={"rows": 3}), required=False)

    def __init__(self, *args, item=None, **kwargs):
        """Given the item, only the kinds its status allows are offered (registry.status_rules)."""
        super().__init__(*args, **kwargs)
        if item is not None:
            field = self.fields["kind"]
            field.choices = [(k, label) for k, label in field.choices if allows(item, k)] or field.choices


class RecoverForm(ItemVersionForm):
    occurred_on = DateNotInFutureField(label=_("Date of recovery"), initial=timezone.localdate)
    location = forms.CharField(label=_("Where it was recovered"), max_length=200)
    police_reference = forms.CharField(label=_("Police report number"), max_length=120, required=False)
    case_reference = forms.CharField(label=_("Case reference"), max_length=120, required=False)
    circumstances = forms.CharField(label=_("Circumstances"), widget=forms.Textarea(attrs={"rows": 3}), required=False)


KEEP = ""


class CorrectionForm(ItemVersionForm):
    """A correction event: the status, holder or location the item should have, and which event was wrong."""

    corrects_seq = forms.TypedChoiceField(label=_("Event being corrected"), coerce=int, required=False,
                                          empty_value=None)
    status = forms.ChoiceField(label=_("Correct status"), required=False,
                               choices=[(KEEP, _("— unchanged —"))] + ItemStatus.choices)
    holder = PartyField(label=_("Correct holder (identity or registration number)"), required=False)
    clear_holder = forms.BooleanField(label=_("The item has no holder"), required=False)
    location = forms.CharField(label=_("Correct location"), max_length=200, required=False)
    reason = forms.CharField(label=_("Reason for the correction"), max_length=500,
                             widget=forms.Textarea(attrs={"rows": 2}))

    def __init__(self, *args, item=None, **kwargs):
        super().__init__(*args, **kwargs)
        events = item.events.order_by("-seq")[:200] if item is not None else []
        self.fields["corrects_seq"].choices = [("", "—")] + [
            (e.seq, f"#{e.seq} {e.occurred_at:%Y-%m-%d} {e.get_kind_display()}") for e in events]

    def clean(self):
        data = super().clean()
        if data.get("holder") and data.get("clear_holder"):
            self.add_error("clear_holder", _("Give a holder or say the item has none, not both."))
        data["fields"] = self.corrected_fields()
        if not self.errors and not data["fields"]:
            raise forms.ValidationError(_("Say what is corrected: the status, the holder or the location."))
        return data

    def corrected_fields(self):
        """The `fields` of the correction event (registry.services.correct)."""
        d, fields = self.cleaned_data, {}
        if d.get("status"):
            fields["status"] = d["status"]
        if d.get("holder"):
            fields["holder"] = d["holder"].pk
        elif d.get("clear_holder"):
            fields["holder"] = None
        if d.get("location"):
            fields["location"] = d["location"]
        return fields


class MarkingForm(ItemVersionForm, bounds.ModelForm):
    class Meta:
        model = Marking
        fields = ["kind", "text", "position", "state"]


class PartyForm(bounds.ModelForm):
    class Meta:
        model = Party
        fields = ["kind", "name", "identifier", "nationality", "date_of_birth", "address", "country"]
        widgets = {"date_of_birth": forms.DateInput(attrs={"type": "date"}), "address": forms.Textarea(attrs={"rows": 2})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name in ("nationality", "country"):
            self.fields[name] = forms.ChoiceField(label=self.fields[name].label, choices=country_choices(), required=False)
        self.fields["identifier"].required = True


class LicenceForm(bounds.ModelForm):
    class Meta:
        model = Licence
        fields = ["licence_type", "number", "issued_by", "valid_from", "valid_until", "status"]
        widgets = {"valid_from": forms.DateInput(attrs={"type": "date"}), "valid_until": forms.DateInput(attrs={"type": "date"})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["licence_type"] = forms.ChoiceField(label=_("Licence type"), choices=get_profile().licence_type_choices())

    def clean(self):
        data = super().clean()
        if data.get("valid_from") and data.get("valid_until") and data["valid_until"] < data["valid_from"]:
            self.add_error("valid_until", _("The licence cannot end before it starts."))
        return data


class PartyEditForm(PartyForm):
    reason = forms.CharField(label=_("Reason for the change"), max_length=500)


class LicenceEditForm(LicenceForm):
    reason = forms.CharField(label=_("Reason for the change"), max_length=500)
