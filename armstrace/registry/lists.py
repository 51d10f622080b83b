"""The registry's lists (items, holders): their filters and columns for core.lists."""

import django_filters
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from armstrace.accounts.personal import persons_searchable_by_number, view_of
from armstrace.core.lists import Column, ListForm, ListSpec
from armstrace.registry.lookup import exact_serial_ids
from armstrace.registry.models import Calibre, FirearmType, Item, ItemStatus, Make, ManufactureMethod, Party


def blank_first(choices):
    return [("", "—"), *choices]


class ItemListFilter(django_filters.FilterSet):
    serial = django_filters.CharFilter(label=_("Serial number"), method="filter_serial", max_length=64)
    status = django_filters.ChoiceFilter(label=_("Status"), choices=ItemStatus.choices, empty_label=_("All statuses"))
    category = django_filters.ChoiceFilter(label=_("Category"), choices=Item.Category.choices, empty_label="—")
    firearm_type = django_filters.ChoiceFilter(label=_("Type"), choices=FirearmType.choices, empty_label="—")
    make = django_filters.ModelChoiceFilter(label=_("Make"), queryset=Make.objects.order_by("name"), empty_label="—")
    calibre = django_filters.ModelChoiceFilter(label=_("Calibre"), queryset=Calibre.objects.order_by("name"),
                                               empty_label="—")
    method = django_filters.ChoiceFilter(label=_("Manufacture method"), field_name="manufacture_method",
                                         choices=ManufactureMethod.choices, empty_label=_("All methods"))

    class Meta:
        model = Item
        form = ListForm
        fields = []

    def filter_serial(self, queryset, name, value):
        """Serial or any marking, separators ignored, look-alike characters folded if nothing else matches."""
        ids, _form = exact_serial_ids(value)
        return queryset.filter(pk__in=list(ids))


ITEMS = ListSpec(name="items", filterset=ItemListFilter, default_sort="-id", columns=(
    Column("serial", _("Serial number"), ("serial_normalized",), "serial_number"),
    Column("make", _("Make"), ("make__name",), "make.name"),
    Column("model", _("Model"), ("model__name",), "model.name"),
    Column("calibre", _("Calibre"), ("calibre__name",), "calibre.name"),
    Column("type", _("Type"), ("category", "firearm_type"),
           lambda i: i.get_firearm_type_display() or i.get_category_display()),
    Column("status", _("Status"), ("status",), lambda i: i.get_status_display()),
    Column("holder", _("Holder"), ("current_holder__name",), "current_holder.name"),
), exported=(
    Column("location", _("Location")),
    Column("year_of_manufacture", _("Year of manufacture")),
    Column("manufacture_method", _("Manufacture method"), value=lambda i: i.get_manufacture_method_display()),
    Column("created_at", _("Recorded")),
))


class PartyListFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(label=_("Name or number"), method="filter_q", max_length=200)
    kind = django_filters.ChoiceFilter(label=_("Kind"), choices=Party.Kind.choices, empty_label="—")

    class Meta:
        model = Party
        form = ListForm
        fields = []

    def filter_q(self, queryset, name, value):
        """Name (part of it) or the exact number, persons' numbers only for who may see them."""
        value = value.strip()
        by_number = persons_searchable_by_number(self.request, Party.objects.filter(identifier=value)).values("pk")
        return queryset.filter(Q(name__icontains=value) | Q(pk__in=by_number))


def party_columns(request):
    """The holders' columns; a person's number as the user may see it (the read is logged)."""
    def number(party):
        return view_of(request, "party", party, only=("identifier",))["identifier"]
    return (
        Column("name", _("Name"), ("name",)),
        Column("kind", _("Kind"), ("kind",), lambda p: p.get_kind_display()),
        Column("number", _("Number"), (), number),
        Column("n_items", _("Items held"), ("n_items",)),
    )


def parties_spec(request):
    return ListSpec(name="holders", filterset=PartyListFilter, default_sort="name", columns=party_columns(request),
                    streamed=False)  # the numbers shown are logged as personal-data reads
