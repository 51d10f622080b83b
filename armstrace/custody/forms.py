from datetime import timedelta

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from armstrace.accounts.models import Agency
from armstrace.core import bounds
from armstrace.core.forms import input_of
from armstrace.core.preconditions import ItemVersionForm
from armstrace.custody import services
from armstrace.custody.models import (
    CaseItem, CaseKind, CasePerson, Depot, Disposal, Facility, LegalJustification, LocationType, SuspectedOffence,
)
from armstrace.registry import services as registry_services
from armstrace.registry.forms import DateNotInFutureField, PartyField, country_choices
from armstrace.registry.method_forms import method_fields, method_input
from armstrace.registry.models import Calibre, FirearmType, Item, Make


class CaseForm(bounds.Form):
    kind = forms.ChoiceField(label=_("Kind"), choices=CaseKind.choices)
    number = forms.CharField(label=_("Case number"), max_length=64, required=False,
                             help_text=_("Left empty, a number is given."))
    agency = forms.ModelChoiceField(label=_("Seizing agency"), queryset=Agency.objects.all(), required=False)
    occurred_on = DateNotInFutureField(label=_("Date"), initial=timezone.localdate)
    admin_area = forms.CharField(label=_("Administrative area"), max_length=120, required=False)
    place = forms.CharField(label=_("Place"), max_length=200)
    location_type = forms.ChoiceField(label=_("Location type"), choices=LocationType.choices)
    legal_justification = forms.ChoiceField(label=_("Legal justification"), choices=LegalJustification.choices)
    suspected_offences = forms.MultipleChoiceField(label=_("Suspected other offences"), required=False,
                                                   choices=SuspectedOffence.choices,
                                                   widget=forms.CheckboxSelectMultiple)
    route_departure = forms.ChoiceField(label=_("Route: country of departure"), choices=country_choices,
                                        required=False)
    route_transit = forms.CharField(label=_("Route: transit countries"), required=False, max_length=200,
                                    help_text=_("ISO 3166 alpha-3 codes separated by commas, e.g. TZA, UGA"))
    route_destination = forms.ChoiceField(label=_("Route: country of destination"), choices=country_choices,
                                          required=False)
    notes = forms.CharField(label=_("Notes"), widget=forms.Textarea(attrs={"rows": 2}), required=False)
    depot = forms.ModelChoiceField(label=_("Taken to depot"), queryset=Depot.objects.all(), required=False)
    shelf = forms.CharField(label=_("Shelf"), max_length=32, required=False)
    handed_over_by = forms.CharField(label=_("Handed over by"), max_length=200, required=False)
    received_by = forms.CharField(label=_("Received at the depot by"), max_length=200, required=False)
    blueprint_file = forms.FileField(label=_("Blueprint file seized (STL, 3MF or G-code)"), required=False)
    blueprint_source_url = forms.CharField(label=_("Blueprint source: URL"), max_length=500, required=False)
    blueprint_platform = forms.CharField(label=_("Blueprint source: platform"), max_length=120, required=False)
    blueprint_device = forms.CharField(label=_("Blueprint source: device"), max_length=200, required=False)

    def clean_route_transit(self):
        codes = [c.strip().upper() for c in self.cleaned_data["route_transit"].replace(";", ",").split(",")]
        return [c for c in codes if c]

    def clean(self):
        data = super().clean()
        depot, shelf = data.get("depot"), (data.get("shelf") or "").strip()
        data["shelf_obj"] = None
        if shelf:
            if depot is None:
                self.add_error("shelf", _("Choose the depot first."))
            else:
                data["shelf_obj"] = depot.locations.filter(code__iexact=shelf).first()
                if data["shelf_obj"] is None:
                    self.add_error("shelf", _("This depot has no such shelf."))
        return data

    def to_input(self, items=(), ammunition=(), persons=()) -> services.CaseInput:
        d = self.cleaned_data
        return input_of(services.CaseInput, d, shelf=d["shelf_obj"], items=list(items), ammunition=list(ammunition),
                        persons=list(persons), blueprints=self.blueprints())

    def blueprints(self):
        d, upload = self.cleaned_data, self.cleaned_data.get("blueprint_file")
        if not upload:
            return []
        return [services.BlueprintInput(upload.read(services.blueprints.MAX_BYTES + 1), file_name=upload.name[:200],
                                        source_url=d["blueprint_source_url"], source_platform=d["blueprint_platform"],
                                        source_device=d["blueprint_device"])]


class CaseItemForm(bounds.Form):
    """One row of the case: a registered item by its serial number (or #id), or a new one described here."""

    registered = forms.CharField(label=_("Registered item (serial or #id)"), max_length=64, required=False)
    category = forms.ChoiceField(label=_("Category"), choices=[("firearm", _("Firearm")),
                                                               ("part", _("Part or component"))], required=False)
    firearm_type = forms.ChoiceField(label=_("Type"), choices=[("", "—")] + FirearmType.choices, required=False)
    part_kind = forms.ChoiceField(label=_("Part"), choices=[("", "—")] + Item.PartKind.choices, required=False)
    make = forms.ModelChoiceField(label=_("Make"), queryset=Make.objects.all(), required=False)
    serial_number = forms.CharField(label=_("Serial number as marked"), max_length=64, required=False)
    description = forms.CharField(label=_("Description"), max_length=300, required=False)
    manufacture_method, printed, converted_from = list(method_fields().values())[:3]
    condition = forms.ChoiceField(label=_("Condition"), choices=[("", "—")] + CaseItem.Condition.choices,
                                  initial=CaseItem.Condition.INDUSTRIAL, required=False,
                                  help_text=_("Where no manufacture method is given."))
    marking_status = forms.ChoiceField(label=_("Marking"), choices=CaseItem.MarkingStatus.choices,
                                       initial=CaseItem.MarkingStatus.UNIQUELY_MARKED, required=False)

    def has_item(self):
        d = getattr(self, "cleaned_data", {})
        return any(d.get(k) for k in ("registered", "firearm_type", "part_kind", "make", "serial_number", "description"))

    def clean_registered(self):
        ref = self.cleaned_data["registered"].strip()
        if not ref:
            return None
        item = services.resolve_reference(ref)
        if item is None:
            raise forms.ValidationError(_("No single registered item has the number “%(ref)s”."), params={"ref": ref})
        return item

    def to_input(self) -> services.CaseItemInput:
        r = self.cleaned_data
        line = services.CaseItemInput(condition=r["condition"] or ("" if r["manufacture_method"] else "unknown"),
                                      marking_status=r["marking_status"] or "unknown", method=method_input(r))
        if r["registered"]:
            line.item = r["registered"]
        else:
            line.new = registry_services.FirearmInput(
                serial_number=r["serial_number"], make=r["make"], category=r["category"] or "firearm",
                firearm_type=r["firearm_type"], part_kind=r["part_kind"], description=r["description"])
        return line


class AmmunitionForm(bounds.Form):
    calibre = forms.ModelChoiceField(label=_("Calibre"), queryset=Calibre.objects.all(), required=False)
    quantity = forms.IntegerField(label=_("Rounds"), min_value=1, required=False)
    description = forms.CharField(label=_("Description"), max_length=300, required=False)

    def to_input(self) -> services.AmmunitionInput | None:
        r = self.cleaned_data
        return services.AmmunitionInput(r["quantity"], r["calibre"], r["description"]) if r.get("quantity") else None


class PersonForm(bounds.Form):
    name = forms.CharField(label=_("Name"), max_length=200, required=False)
    role = forms.ChoiceField(label=_("Role"), choices=CasePerson.Role.choices, required=False)
    nationality = forms.ChoiceField(label=_("Nationality"), choices=country_choices, required=False)
    sex = forms.ChoiceField(label=_("Sex"), choices=CasePerson.Sex.choices, initial=CasePerson.Sex.UNKNOWN,
                            required=False)
    age = forms.IntegerField(label=_("Age"), min_value=0, max_value=130, required=False)
    arrested = forms.BooleanField(label=_("Arrested"), required=False)
    prosecuted = forms.BooleanField(label=_("Prosecuted"), required=False)
    convicted = forms.BooleanField(label=_("Convicted"), required=False)

    def to_input(self) -> services.PersonInput | None:
        r = self.cleaned_data
        if not (r.get("name") or r.get("age") or r.get("nationality")):
            return None
        return input_of(services.PersonInput, r, role=r["role"] or "other", sex=r["sex"] or "unknown")


CaseItemFormSet = forms.formset_factory(CaseItemForm, extra=5, max_num=200)
AmmunitionFormSet = forms.formset_factory(AmmunitionForm, extra=2, max_num=50)
PersonFormSet = forms.formset_factory(PersonForm, extra=2, max_num=50)


class CaseEntry:
    """The case page: the case form and its formsets of items, ammunition and persons, read as one
    services.CaseInput."""

    def __init__(self, data=None, files=None):
        self.form = CaseForm(data, files)
        self.items = CaseItemFormSet(data, prefix="items")
        self.ammunition = AmmunitionFormSet(data, prefix="ammo")
        self.persons = PersonFormSet(data, prefix="persons")

    def is_valid(self):
        return self.form.is_bound and all(x.is_valid() for x in (self.form, self.items, self.ammunition, self.persons))

    def to_input(self) -> services.CaseInput:
        items = [row.to_input() for row in self.items if row.has_item()]
        ammunition = [line for line in (row.to_input() for row in self.ammunition) if line]
        persons = [person for person in (row.to_input() for row in self.persons) if person]
        return self.form.to_input(items, ammunition, persons)

    def context(self):
        return {"form": self.form, "items": self.items, "ammunition": self.ammunition, "persons": self.persons}


class MoveForm(ItemVersionForm):
    """Move an item from where it is (hidden fields, as shown) to a depot, a facility or a named place."""

    from_depot = forms.IntegerField(widget=forms.HiddenInput, required=False)
    from_shelf = forms.IntegerField(widget=forms.HiddenInput, required=False)
    from_facility = forms.IntegerField(widget=forms.HiddenInput, required=False)
    from_label = forms.CharField(widget=forms.HiddenInput, required=False)
    to_facility = forms.ModelChoiceField(label=_("To a laboratory, court or other facility"),
                                         queryset=Facility.objects.all(), required=False)
    to_depot = forms.ModelChoiceField(label=_("Or to a depot"), queryset=Depot.objects.all(), required=False)
    to_shelf = forms.CharField(label=_("Shelf"), max_length=32, required=False)
    to_label = forms.CharField(label=_("Or to another place"), max_length=200, required=False)
    handed_over_by = forms.CharField(label=_("Handed over by"), max_length=200)
    received_by = forms.CharField(label=_("Received by"), max_length=200)
    moved_at = forms.DateTimeField(label=_("When"), initial=lambda: timezone.localtime().strftime("%Y-%m-%dT%H:%M"),
                                   widget=forms.DateTimeInput(attrs={"type": "datetime-local"},
                                                              format="%Y-%m-%dT%H:%M"))
    purpose = forms.CharField(label=_("Purpose"), max_length=200, required=False)

    def clean(self):
        data = super().clean()
        chosen = [k for k in ("to_facility", "to_depot", "to_label") if data.get(k)]
        if len(chosen) != 1:
            raise forms.ValidationError(_("Choose exactly one destination: a facility, a depot or another place."))
        shelf = (data.get("to_shelf") or "").strip()
        data["to_shelf_obj"] = None
        if shelf:
            depot = data.get("to_depot")
            obj = depot.locations.filter(code__iexact=shelf).first() if depot else None
            if obj is None:
                self.add_error("to_shelf", _("The chosen depot has no such shelf."))
            data["to_shelf_obj"] = obj
        moved_at, now = data.get("moved_at"), timezone.now()
        if moved_at and moved_at > now + timedelta(minutes=5):
            self.add_error("moved_at", _("The date cannot be in the future."))
        elif moved_at and abs(now - moved_at) < timedelta(minutes=2):
            data["moved_at"] = now  # the form's own "now" (to the minute): keep the exact instant
        return data


class DisposalForm(ItemVersionForm):
    kind = forms.ChoiceField(label=_("Disposal"), choices=Disposal.Kind.choices)
    date = DateNotInFutureField(label=_("Date"), initial=timezone.localdate)
    method = forms.CharField(label=_("Method of destruction"), max_length=200, required=False)
    witnesses = forms.CharField(label=_("Witnesses (one per line)"), widget=forms.Textarea(attrs={"rows": 3}),
                                required=False)
    standard = forms.CharField(label=_("Deactivation standard"), max_length=200, required=False)
    certificate_number = forms.CharField(label=_("Deactivation certificate number"), max_length=64, required=False)
    owner = PartyField(label=_("Owner (identity or registration number)"), required=False)


class DepotForm(bounds.Form):
    code = forms.CharField(label=_("Code"), max_length=32)
    name = forms.CharField(label=_("Name"), max_length=200)
    agency = forms.ModelChoiceField(label=_("Agency"), queryset=Agency.objects.all(), required=False)
    admin_area = forms.CharField(label=_("Administrative area"), max_length=120, required=False)
    address = forms.CharField(label=_("Address"), widget=forms.Textarea(attrs={"rows": 2}), required=False)
    shelves = forms.CharField(label=_("Shelves"), max_length=2000, required=False,
                              help_text=_("Shelf codes separated by commas, e.g. A1, A2, SAFE-1"))


class ShelvesForm(bounds.Form):
    shelves = forms.CharField(label=_("Add shelves"), max_length=2000,
                              help_text=_("Shelf codes separated by commas"))


class FacilityForm(bounds.ModelForm):
    class Meta:
        model = Facility
        fields = ["kind", "name", "address"]
        widgets = {"address": forms.Textarea(attrs={"rows": 2})}


class StocktakeForm(bounds.Form):
    counted_by = forms.CharField(label=_("Counted by"), max_length=200)
    counts = forms.CharField(
        label=_("Items counted"), required=False, widget=forms.Textarea(attrs={"rows": 10}),
        help_text=_("One line per item: shelf code, a semicolon, then the serial number or #id read on the item."),
    )
    notes = forms.CharField(label=_("Notes"), widget=forms.Textarea(attrs={"rows": 2}), required=False)
