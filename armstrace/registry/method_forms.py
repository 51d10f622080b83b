"""Forms of the manufacture method: its fields on the registration form, and the conversion and reactivation of
an item (registry.conversions)."""

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from armstrace.core import bounds
from armstrace.core.preconditions import ItemVersionForm
from armstrace.registry.lookup import exact_serial_ids
from armstrace.registry.methods import MethodInput
from armstrace.registry.models import ConvertedFrom, FirearmType, Item, ManufactureMethod, PrintExtent


class SourceItemField(forms.CharField):
    """The item another was converted or reactivated from, by #id or by its exact serial number."""

    def to_python(self, value):
        value = (value or "").strip()
        if not value:
            return None
        if value.startswith("#") and value[1:].isdigit():
            ids = set(Item.objects.filter(pk=int(value[1:])).values_list("pk", flat=True))
        else:
            ids, _form = exact_serial_ids(value)
        if len(ids) != 1:
            raise forms.ValidationError(_("No single registered item has the number “%(ref)s”."),
                                        params={"ref": value})
        return Item.objects.get(pk=ids.pop())


def method_fields(required=False):
    """The fields that describe how an item was made, for a form class body."""
    blank = [("", "—")]
    return {
        "manufacture_method": forms.ChoiceField(label=_("Manufacture method"), required=required,
                                                choices=blank + ManufactureMethod.choices),
        "printed": forms.ChoiceField(label=_("3D-printed: extent"), choices=blank + PrintExtent.choices,
                                     required=False),
        "converted_from": forms.ChoiceField(label=_("Converted from"), choices=blank + ConvertedFrom.choices,
                                            required=False),
        "method_material": forms.CharField(label=_("Material"), max_length=500, required=False),
        "method_evidence": forms.CharField(label=_("Evidence of printing or conversion"), max_length=500,
                                           required=False),
    }


def method_input(d, method=None, source=None):
    """The MethodInput of a form's cleaned data (None when no method is given)."""
    method = method or d.get("manufacture_method")
    if not method:
        return None
    return MethodInput(method, material=d.get("method_material", ""), evidence=d.get("method_evidence", ""),
                       printed=d.get("printed", ""), converted_from=d.get("converted_from", ""), source=source)


class DateField(forms.DateField):
    widget = forms.DateInput(attrs={"type": "date"})

    def validate(self, value):
        super().validate(value)
        if value and value > timezone.localdate():
            raise forms.ValidationError(_("The date cannot be in the future."))


class ConvertForm(ItemVersionForm):
    converted_from = method_fields()["converted_from"]
    firearm_type = forms.ChoiceField(label=_("Type of firearm it became"), choices=[("", "—")] + FirearmType.choices,
                                     required=False)
    source = SourceItemField(label=_("Source item (#id or serial), e.g. the registered alarm pistol"),
                             max_length=64, required=False)
    method_material = method_fields()["method_material"]
    method_evidence = method_fields()["method_evidence"]
    occurred_on = DateField(label=_("Date"), initial=timezone.localdate)
    note = forms.CharField(label=_("Note"), max_length=500, required=False)


class ReactivateForm(ItemVersionForm):
    source = SourceItemField(label=_("Source item (#id or serial), e.g. the deactivated firearm"), max_length=64,
                             required=False)
    method_material = method_fields()["method_material"]
    method_evidence = method_fields()["method_evidence"]
    occurred_on = DateField(label=_("Date"), initial=timezone.localdate)
    note = forms.CharField(label=_("Note"), max_length=500, required=False)


class MethodFilterForm(bounds.Form):
    method = forms.ChoiceField(label=_("Manufacture method"), choices=[("", _("All methods"))]
                               + ManufactureMethod.choices, required=False)
