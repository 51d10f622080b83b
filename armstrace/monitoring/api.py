"""REST API of monitoring (read only): the registry's IAFQ rows of a year, its SDG 16.4.2 series, hotspot warnings,
and the imported UNODC portal datasets with their rows. Error answers (400 for a bad query parameter, 404, 401/403)
are documented for every operation by armstrace.core.api.document_error_responses."""

from datetime import date

from django.db.models import Max
from drf_spectacular.utils import extend_schema, extend_schema_serializer
from rest_framework import serializers, viewsets
from rest_framework.decorators import action
from rest_framework.exceptions import ValidationError
from rest_framework.response import Response

from armstrace.core import bounds
from armstrace.custody.models import CaseItem
from armstrace.monitoring import codelist as cl
from armstrace.monitoring import export, hotspots, iafq, sdg
from armstrace.monitoring.models import PortalDataset, PortalValue
from armstrace.profile import get_profile
from armstrace.registry.models import ManufactureMethod

MAX_SDG_YEARS = 50


def _last_year():
    return date.today().year - 1  # the IAFQ reports on the last complete calendar year


def _query(serializer_class, request):
    params = serializer_class(data=request.query_params)
    params.is_valid(raise_exception=True)
    return params.validated_data


# ---------------------------------------------------------------- IAFQ


class IafqQuerySerializer(bounds.Serializer):
    year = serializers.IntegerField(min_value=1900, max_value=2100, required=False,
                                    help_text="Reporting year (default: last year).")
    indicator = serializers.ChoiceField(cl.INDICATORS, required=False, help_text="Only this indicator's rows.")
    dimension = serializers.ChoiceField(cl.DIMENSIONS, required=False, help_text="Only this dimension's rows.")
    method = serializers.ChoiceField(ManufactureMethod.choices, required=False,
                                     help_text="Count only the arms and parts made this way (3D-printed, converted...).")


class IafqRowSerializer(bounds.Serializer):
    indicator = serializers.CharField()
    dimension = serializers.CharField()
    category = serializers.CharField(help_text="The code list's label, exactly (typos included).")
    sex = serializers.CharField(help_text='"na" except for persons.')
    age = serializers.CharField(help_text='"na" except for persons.')
    unit = serializers.CharField(default=cl.UNIT)
    value = serializers.IntegerField(min_value=0)


@extend_schema_serializer(many=False)
class IafqTablesSerializer(bounds.Serializer):
    year = serializers.IntegerField()
    iso3 = serializers.CharField()
    country = serializers.CharField()
    region = serializers.CharField(allow_blank=True)
    subregion = serializers.CharField(allow_blank=True)
    count = serializers.IntegerField(help_text="Number of rows.")
    rows = IafqRowSerializer(many=True)


class IafqViewSet(viewsets.ViewSet):
    """The registry's IAFQ tables of one year, in the UNODC portal's long layout (counting rules: monitoring.iafq)."""

    @extend_schema(parameters=[IafqQuerySerializer], responses={200: IafqTablesSerializer})
    def list(self, request):
        q = _query(IafqQuerySerializer, request)
        year = q.get("year") or _last_year()
        rows = [r for r in iafq.compute(year, method=q.get("method"))
                if q.get("indicator", r.indicator) == r.indicator and q.get("dimension", r.dimension) == r.dimension]
        profile = get_profile()
        iso3, country, region, subregion = export.country_columns(profile.country, profile.name)
        return Response(IafqTablesSerializer({
            "year": year, "iso3": iso3, "country": country, "region": region, "subregion": subregion,
            "count": len(rows),
            "rows": [{"indicator": r.indicator, "dimension": r.dimension, "category": r.category, "sex": r.sex,
                      "age": r.age, "unit": cl.UNIT, "value": r.value} for r in rows],
        }).data)


# ---------------------------------------------------------------- SDG 16.4.2


class SdgQuerySerializer(bounds.Serializer):
    first = serializers.IntegerField(min_value=1900, max_value=2100, required=False,
                                     help_text="First year (default: last year - 4).")
    last = serializers.IntegerField(min_value=1900, max_value=2100, required=False,
                                    help_text="Last year (default: last year).")

    def validate(self, attrs):
        last = attrs.get("last", _last_year())
        first = attrs.get("first", min(last, _last_year()) - 4)
        if first > last:
            raise ValidationError({"first": ["must not be after last"]})
        if last - first >= MAX_SDG_YEARS:
            raise ValidationError({"first": [f"at most {MAX_SDG_YEARS} years at a time"]})
        return {"first": first, "last": last}


SDG_PERCENT = {"max_digits": 5, "decimal_places": 2, "allow_null": True}


class SdgObservationSerializer(bounds.Serializer):
    year = serializers.IntegerField()
    numerator = serializers.IntegerField(min_value=0, help_text="Seized arms traced (illegitimate owner or diversion).")
    denominator = serializers.IntegerField(min_value=0, help_text="Numerator + tracing unsuccessful/pending/not begun.")
    value = serializers.DecimalField(**SDG_PERCENT, help_text="Percentage of this year alone; null when the "
                                                              "denominator is 0.")
    published_value = serializers.DecimalField(**SDG_PERCENT, help_text="Mean of the defined ratios of this year and "
                                                                        "the next, as the SDG database publishes it.")
    years_averaged = serializers.ListField(child=serializers.IntegerField())
    footnote = serializers.CharField(allow_blank=True)


@extend_schema_serializer(many=False)
class SdgSeriesSerializer(bounds.Serializer):
    series = serializers.CharField()
    iso3 = serializers.CharField()
    observations = SdgObservationSerializer(many=True)


class SdgViewSet(viewsets.ViewSet):
    """SDG indicator 16.4.2 (VC_ARM_SZTRACE) from the registry's seized arms, one observation per year (monitoring.sdg)."""

    @extend_schema(parameters=[SdgQuerySerializer], responses={200: SdgSeriesSerializer})
    def list(self, request):
        q = _query(SdgQuerySerializer, request)
        first, last = q["first"], q["last"]
        counts = iafq.sdg_counts_by_year(range(first, last + 2))
        ratios = sdg.per_year(counts)
        observations = []
        for year in range(first, last + 1):
            ratio = ratios[year]
            mean, years = sdg.two_year_mean(ratios, year)
            observation = sdg.Observation(year, None, mean, years, ratio)
            observations.append({
                "year": year, "numerator": ratio.numerator, "denominator": ratio.denominator,
                "value": sdg.round_published(ratio.value) if ratio.value is not None else None,
                "published_value": sdg.round_published(mean) if mean is not None else None,
                "years_averaged": list(years), "footnote": observation.footnote,
            })
        return Response(SdgSeriesSerializer({"series": sdg.SERIES, "iso3": get_profile().country,
                                              "observations": observations}).data)


# ---------------------------------------------------------------- hotspots


class HotspotQuerySerializer(bounds.Serializer):
    year = serializers.IntegerField(min_value=1900, max_value=2100, required=False,
                                    help_text="Year whose months are tested (default: the latest year with a seizure).")
    flagged = serializers.BooleanField(required=False, default=False, help_text="Only the flagged area-months.")


class HotspotSerializer(bounds.Serializer):
    area = serializers.CharField()
    period = serializers.CharField(help_text="YYYY-MM")
    count = serializers.IntegerField(min_value=0, help_text="Arms seized in the area that month.")
    baseline = serializers.FloatField(help_text="Mean monthly count over the window before.")
    p_value = serializers.FloatField(help_text="P(X >= count), X ~ Poisson(baseline).")
    flagged = serializers.BooleanField()


@extend_schema_serializer(many=False)
class HotspotListSerializer(bounds.Serializer):
    year = serializers.IntegerField(allow_null=True)
    hotspots = HotspotSerializer(many=True)


class HotspotViewSet(viewsets.ViewSet):
    """Area-months whose arms seized are significantly above their own baseline (monitoring.hotspots)."""

    @extend_schema(parameters=[HotspotQuerySerializer], responses={200: HotspotListSerializer})
    def list(self, request):
        q = _query(HotspotQuerySerializer, request)
        year = q.get("year")
        if year is None:
            latest = CaseItem.objects.filter(case__kind="seizure", item__category="firearm").aggregate(
                d=Max("case__occurred_on"))["d"]
            year = latest.year if latest else None
        found = hotspots.registry_hotspots(year) if year is not None else []
        if q["flagged"]:
            found = [h for h in found if h.flagged]
        return Response(HotspotListSerializer({"year": year, "hotspots": [h.__dict__ for h in found]}).data)


# ---------------------------------------------------------------- portal datasets


class PortalDatasetSerializer(bounds.ModelSerializer):
    class Meta:
        model = PortalDataset
        fields = ["id", "name", "file_name", "file_sha256", "release", "row_count", "renamed_count", "imported_at"]


class PortalValueSerializer(bounds.ModelSerializer):
    class Meta:
        model = PortalValue
        fields = ["line", "iso3", "country", "region", "subregion", "indicator", "dimension", "category",
                  "original_category", "sex", "age", "year", "unit", "value", "source"]


class PortalRowsQuerySerializer(bounds.Serializer):
    iso3 = serializers.RegexField(r"^[A-Z]{3}$", required=False, help_text="ISO 3166-1 alpha-3 country code.")
    year = serializers.IntegerField(min_value=1900, max_value=2100, required=False)
    indicator = serializers.CharField(max_length=120, required=False)
    dimension = serializers.CharField(max_length=80, required=False)
    category = serializers.CharField(max_length=120, required=False)
    sex = serializers.CharField(max_length=10, required=False)


class PortalDatasetViewSet(viewsets.ReadOnlyModelViewSet):
    """UNODC data portal files imported with `armstrace monitoring import-portal` (2024-release labels)."""

    queryset = PortalDataset.objects.all()
    serializer_class = PortalDatasetSerializer

    @extend_schema(parameters=[PortalRowsQuerySerializer], responses={200: PortalValueSerializer(many=True)})
    @action(detail=True, methods=["get"])
    def rows(self, request, pk=None):
        """The dataset's values in file order, filtered by the query parameters."""
        dataset = self.get_object()
        q = _query(PortalRowsQuerySerializer, request)
        values = dataset.values.filter(**q).order_by("line")
        page = self.paginate_queryset(values)
        return self.get_paginated_response(PortalValueSerializer(page, many=True).data)


def register(router):
    router.register("monitoring/iafq", IafqViewSet, basename="monitoring-iafq")
    router.register("monitoring/sdg-16-4-2", SdgViewSet, basename="monitoring-sdg")
    router.register("monitoring/hotspots", HotspotViewSet, basename="monitoring-hotspot")
    router.register("monitoring/datasets", PortalDatasetViewSet, basename="monitoring-dataset")
