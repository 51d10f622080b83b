"""The list of transfer authorizations: filters and columns for core.lists."""

import django_filters
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from armstrace.core.lists import Column, DateRangeFilterSet, ListForm, ListSpec
from armstrace.transfers.models import Authorization


class AuthorizationListFilter(DateRangeFilterSet):
    date_field = "issued_on"
    date_labels = (_("Issued from"), _("Issued to"))
    q = django_filters.CharFilter(label=_("Number or recipient"), method="filter_q", max_length=200)
    kind = django_filters.ChoiceFilter(label=_("Kind"), choices=Authorization.Kind.choices, empty_label=_("All kinds"))
    status = django_filters.ChoiceFilter(label=_("Status"), choices=Authorization.Status.choices, empty_label="—")
    country = django_filters.CharFilter(label=_("Country (ISO code)"), method="filter_country", max_length=3)

    class Meta:
        model = Authorization
        form = ListForm
        fields = []

    def filter_q(self, queryset, name, value):
        value = value.strip()
        return queryset.filter(Q(number__icontains=value) | Q(final_recipient__icontains=value))

    def filter_country(self, queryset, name, value):
        code = value.strip().upper()
        in_transit = Q(transit_countries__icontains=f'"{code}"')  # the JSON list's text, on SQLite and PostgreSQL
        return queryset.filter(Q(export_country=code) | Q(import_country=code) | in_transit)


def _route(a):
    return " → ".join([a.export_country, *a.transit_countries, a.import_country])


AUTHORIZATIONS = ListSpec(name="authorizations", filterset=AuthorizationListFilter, default_sort="-issued", columns=(
    Column("number", _("Number"), ("number",)),
    Column("kind", _("Kind"), ("kind",), lambda a: a.get_kind_display()),
    Column("issued", _("Issued"), ("issued_on",), "issued_on"),
    Column("expires", _("Expires"), ("expires_on",), "expires_on"),
    Column("route", _("Route"), ("export_country", "import_country"), _route),
    Column("recipient", _("Final recipient"), ("final_recipient",), "final_recipient"),
    Column("remaining", _("Remaining"), (), lambda a: f"{a.quantity_remaining} / {a.quantity_authorized}"),
), exported=(Column("status", _("Status"), (), lambda a: a.get_status_display()),))
