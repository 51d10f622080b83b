"""Screening API: POST a consignment (CN22/CN23 data, lines nested) and get its score at once; read stored ones."""

from drf_spectacular.utils import extend_schema
from rest_framework import mixins, serializers, status, viewsets
from rest_framework.response import Response

from armstrace.core import bounds
from armstrace.screening import services
from armstrace.screening.models import Consignment, ContentLine


class ContentLineSerializer(bounds.ModelSerializer):
    class Meta:
        model = ContentLine
        fields = ["description", "hs_code", "quantity", "value", "currency"]


class ConsignmentSerializer(bounds.ModelSerializer):
    lines = ContentLineSerializer(many=True, read_only=True)

    class Meta:
        model = Consignment
        fields = ["id", "consignment_id", "operator", "mail_class", "tracking_id", "accepted_at", "sender_name",
                  "sender_address", "sender_country", "addressee_name", "addressee_address", "addressee_phone",
                  "addressee_country", "route", "category", "declared_weight_kg", "measured_weight_kg", "lines",
                  "risk_score", "band", "reasons", "scored_at"]
        read_only_fields = fields


class LineInputSerializer(bounds.Serializer):
    description = serializers.CharField(max_length=300)
    hs_code = serializers.CharField(max_length=20, required=False, allow_blank=True)
    quantity = serializers.IntegerField()
    value = serializers.FloatField()
    currency = serializers.CharField(max_length=3)


class ConsignmentInputSerializer(bounds.Serializer):
    """The shape of the body; the fields' meaning is checked by the screening reader (countries, HS codes…)."""

    consignment_id = serializers.CharField(max_length=64)
    operator = serializers.CharField(max_length=120)
    mail_class = serializers.CharField(max_length=10)
    tracking_id = serializers.CharField(max_length=64)
    accepted_at = serializers.CharField(max_length=40)
    sender_name = serializers.CharField(max_length=200)
    sender_address = serializers.CharField(max_length=300, required=False, allow_blank=True)
    sender_country = serializers.CharField(max_length=3)
    addressee_name = serializers.CharField(max_length=200)
    addressee_address = serializers.CharField(max_length=300)
    addressee_phone = serializers.CharField(max_length=40, required=False, allow_blank=True)
    addressee_country = serializers.CharField(max_length=3)
    route = serializers.CharField(max_length=200, required=False, allow_blank=True)
    category = serializers.CharField(max_length=20)
    declared_weight_kg = serializers.FloatField()
    measured_weight_kg = serializers.FloatField(required=False, allow_null=True)
    lines = LineInputSerializer(many=True, allow_empty=False)


class ConsignmentViewSet(mixins.CreateModelMixin, viewsets.ReadOnlyModelViewSet):
    queryset = Consignment.objects.prefetch_related("lines")
    serializer_class = ConsignmentSerializer

    def get_queryset(self):
        band = self.request.query_params.get("band")
        return self.queryset.filter(band=band) if band else self.queryset

    @extend_schema(request=ConsignmentInputSerializer, responses={201: ConsignmentSerializer})
    def create(self, request, *args, **kwargs):
        body = ConsignmentInputSerializer(data=request.data)
        body.is_valid(raise_exception=True)
        raw = {k: v for k, v in body.validated_data.items() if k != "lines"}
        raw["lines"] = [dict(line) for line in body.validated_data["lines"]]
        stored = services.submit(raw)
        return Response(ConsignmentSerializer(stored).data, status=status.HTTP_201_CREATED)


def register(router):
    router.register("screening/consignments", ConsignmentViewSet, basename="screening-consignment")
