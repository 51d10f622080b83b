"""Screening API: POST a consignment (CN22/CN23 data, lines nested) and get its score at once; read stored ones."""

from drf_spectacular.utils import extend_schema
from rest_framework import mixins, serializers, status, viewsets
from rest_framework.decorators import action
from rest_framework.response import Response

from armstrace.core import bounds
from armstrace.screening import services, xray
from armstrace.screening.models import XRAY_LABELS, Consignment, ContentLine, XrayImage, XrayLabel
from armstrace.screening.profiles import rules_in_force


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
                  "addressee_country", "route", "category", "declared_weight_kg", "measured_weight_kg", "office", "lines",
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
    office = serializers.CharField(max_length=80, required=False, allow_blank=True)
    lines = LineInputSerializer(many=True, allow_empty=False)


class ConsignmentViewSet(mixins.CreateModelMixin, viewsets.ReadOnlyModelViewSet):
    queryset = Consignment.objects.prefetch_related("lines")
    serializer_class = ConsignmentSerializer

    def get_queryset(self):
        queryset, params = self.queryset, self.request.query_params
        if params.get("band"):
            queryset = queryset.filter(band=params["band"])
        if params.get("office"):
            queryset = queryset.filter(office=params["office"])
        return queryset

    @extend_schema(request=ConsignmentInputSerializer, responses={201: ConsignmentSerializer})
    def create(self, request, *args, **kwargs):
        body = ConsignmentInputSerializer(data=request.data)
        body.is_valid(raise_exception=True)
        raw = {k: v for k, v in body.validated_data.items() if k != "lines"}
        raw["lines"] = [dict(line) for line in body.validated_data["lines"]]
        stored = services.submit(raw)
        return Response(ConsignmentSerializer(stored).data, status=status.HTTP_201_CREATED)


class XrayLabelSerializer(bounds.ModelSerializer):
    label = serializers.ChoiceField(choices=list(XRAY_LABELS))

    class Meta:
        model = XrayLabel
        fields = ["id", "image", "label", "x", "y", "width", "height", "source", "score", "confirmed", "created_at"]
        read_only_fields = ["id", "source", "score", "confirmed", "created_at"]


class XrayLabelViewSet(mixins.CreateModelMixin, viewsets.ReadOnlyModelViewSet):
    """Boxes on X-ray images: an officer's (confirmed) or the detection model's (to confirm)."""

    queryset = XrayLabel.objects.select_related("image")
    serializer_class = XrayLabelSerializer

    def get_queryset(self):
        image = self.request.query_params.get("image")
        return self.queryset.filter(image_id=image) if image and image.isdigit() else self.queryset

    def create(self, request, *args, **kwargs):
        body = XrayLabelSerializer(data=request.data)
        body.is_valid(raise_exception=True)
        data = body.validated_data
        label = xray.add_label(data["image"], data["label"], data["x"], data["y"], data["width"], data["height"],
                               request.user)
        return Response(XrayLabelSerializer(label).data, status=status.HTTP_201_CREATED)

    @extend_schema(request=None, responses={200: XrayLabelSerializer})
    @action(detail=True, methods=["post"])
    def confirm(self, request, pk=None):
        return Response(XrayLabelSerializer(xray.confirm_label(self.get_object(), request.user)).data)


class XrayImageSerializer(serializers.ModelSerializer):
    labels = XrayLabelSerializer(many=True, read_only=True)

    class Meta:
        model = XrayImage
        fields = ["id", "consignment", "inspection", "name", "content_type", "size", "width", "height",
                  "uploaded_at", "labels"]
        read_only_fields = fields


class XrayImageViewSet(viewsets.ReadOnlyModelViewSet):
    queryset = XrayImage.objects.prefetch_related("labels")
    serializer_class = XrayImageSerializer

    @extend_schema(request=None, responses={200: XrayLabelSerializer(many=True)})
    @action(detail=True, methods=["post"])
    def detect(self, request, pk=None):
        """Run the profile's detection model on the image: its boxes are stored as suggestions to confirm."""
        found = xray.suggest(self.get_object(), rules_in_force(), request.user)
        return Response(XrayLabelSerializer(found, many=True).data)


def register(router):
    router.register("screening/consignments", ConsignmentViewSet, basename="screening-consignment")
    router.register("screening/xray-labels", XrayLabelViewSet, basename="screening-xray-label")
    router.register("screening/xray-images", XrayImageViewSet, basename="screening-xray-image")
