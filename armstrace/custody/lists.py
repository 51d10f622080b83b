"""The list of seizure, find and surrender cases: filters (the serial of an item a case holds among them) and
columns for core.lists."""

import django_filters
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from armstrace.accounts.models import Agency
from armstrace.core.lists import Column, DateRangeFilterSet, ListForm, ListSpec
from armstrace.custody.models import CaseItem, CaseKind, SeizureCase
from armstrace.registry.lookup import exact_serial_ids


class CaseListFilter(DateRangeFilterSet):
    date_field = "occurred_on"
    q = django_filters.CharFilter(label=_("Case number or place"), method="filter_q", max_length=200)
    serial = django_filters.CharFilter(label=_("Serial of an item held"), method="filter_serial", max_length=64)
    kind = django_filters.ChoiceFilter(label=_("Kind"), choices=CaseKind.choices, empty_label="—")
    agency = django_filters.ModelChoiceFilter(label=_("Agency"), queryset=Agency.objects.order_by("name"),
                                              empty_label="—")

    class Meta:
        model = SeizureCase
        form = ListForm
        fields = []

    def filter_q(self, queryset, name, value):
        value = value.strip()
        return queryset.filter(Q(number__icontains=value) | Q(place__icontains=value) | Q(admin_area__icontains=value))

    def filter_serial(self, queryset, name, value):
        """Cases holding an item whose serial or any marking is `value` (separators ignored, look-alikes folded)."""
        ids, _form = exact_serial_ids(value)
        return queryset.filter(pk__in=CaseItem.objects.filter(item_id__in=list(ids)).values("case_id"))


CASES = ListSpec(name="cases", filterset=CaseListFilter, default_sort="-date", columns=(
    Column("number", _("Case number"), ("number",)),
    Column("kind", _("Kind"), ("kind",), lambda c: c.get_kind_display()),
    Column("date", _("Date"), ("occurred_on",), "occurred_on"),
    Column("place", _("Place"), ("admin_area", "place"), lambda c: ", ".join(p for p in (c.place, c.admin_area) if p)),
    Column("agency", _("Agency"), ("agency__name",), "agency.name"),
    Column("n_items", _("Items"), ("n_items",)),
))
