"""REST API of accounts: the personal-data access log, read-only, for auditors."""

import django_filters
from rest_framework import serializers, viewsets

from armstrace.accounts.constants import PERSON_SUBJECTS
from armstrace.accounts.models import AccessLogEntry
from armstrace.accounts.views import filter_access_log
from armstrace.core import bounds


class AccessLogEntrySerializer(bounds.ModelSerializer):
    class Meta:
        model = AccessLogEntry
        fields = ["id", "at", "user", "username", "subject_type", "subject_id", "subject_name", "fields", "path", "ip"]
        read_only_fields = fields


class AccessLogFilter(django_filters.FilterSet):
    username = django_filters.CharFilter(method="filter_log", label="User name")
    person = django_filters.CharFilter(method="filter_log", label="Person: name, identity number or id")
    subject_type = django_filters.ChoiceFilter(choices=list(PERSON_SUBJECTS.items()))
    subject_id = django_filters.NumberFilter()
    date_from = django_filters.DateFilter(method="filter_log", label="From this day (inclusive)")
    date_to = django_filters.DateFilter(method="filter_log", label="To this day (inclusive)")

    class Meta:
        model = AccessLogEntry
        fields = ["user", "username", "person", "subject_type", "subject_id", "date_from", "date_to"]

    def filter_log(self, queryset, name, value):
        return filter_access_log(queryset, **{"user" if name == "username" else name: value})


class AccessLogViewSet(viewsets.ReadOnlyModelViewSet):
    """Every read of a person's personal data, newest first. Auditors only."""

    queryset = AccessLogEntry.objects.all()
    serializer_class = AccessLogEntrySerializer
    filterset_class = AccessLogFilter


def register(router):
    router.register("access-log", AccessLogViewSet, basename="access-log")
