"""The list of tracing requests: filters and columns for core.lists."""

import django_filters
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from armstrace.core.lists import Column, DateRangeFilterSet, ListForm, ListSpec
from armstrace.registry.serials import normalize_serial
from armstrace.tracing.models import RequestStatus, TracingRequest


class RequestListFilter(DateRangeFilterSet):
    date_field = "created_at"
    date_labels = (_("Created from"), _("Created to"))
    q = django_filters.CharFilter(label=_("Reference or serial"), method="filter_q", max_length=80)
    status = django_filters.ChoiceFilter(label=_("Status"), choices=RequestStatus.choices,
                                         empty_label=_("All statuses"))
    direction = django_filters.ChoiceFilter(label=_("Direction"), choices=TracingRequest.Direction.choices,
                                            empty_label=_("Both directions"))
    country = django_filters.CharFilter(label=_("Counterpart (ISO code)"), method="filter_country", max_length=3)

    class Meta:
        model = TracingRequest
        form = ListForm
        fields = []

    def filter_q(self, queryset, name, value):
        value = value.strip()
        by_serial = Q(item__serial_normalized=normalize_serial(value)) if normalize_serial(value) else Q(pk=None)
        return queryset.filter(Q(reference__icontains=value) | Q(serial_number__iexact=value) | by_serial)

    def filter_country(self, queryset, name, value):
        return queryset.filter(counterpart_country=value.strip().upper())


REQUESTS = ListSpec(name="tracing_requests", filterset=RequestListFilter, default_sort="-created", columns=(
    Column("reference", _("Reference"), ("reference",)),
    Column("direction", _("Direction"), ("direction",), lambda r: r.get_direction_display()),
    Column("counterpart", _("Counterpart"), ("counterpart_country",), "counterpart_country"),
    Column("weapon", _("Weapon"), ("make", "model", "serial_number"),
           lambda r: " ".join(v for v in (r.make, r.model, r.serial_number) if v)),
    Column("status", _("Status"), ("status",), lambda r: r.get_status_display()),
    Column("due", _("Due"), ("due_date",), "due_date"),
    Column("outcome", _("Outcome"), ("outcome",), lambda r: r.get_outcome_display()),
    Column("created", _("Created"), ("created_at",), "created_at"),
))
