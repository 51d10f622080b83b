"""REST API of transfers: authorizations with their remaining quantities, shipments, receipt, brokers."""

from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import extend_schema
from rest_framework import mixins, serializers, viewsets
from rest_framework.decorators import action
from rest_framework.response import Response

from armstrace.core import bounds
from armstrace.core.actor import Actor
from armstrace.core.api import BlankChoicesMixin
from armstrace.core.preconditions import require_each
from armstrace.registry.models import Calibre, Item, Party
from armstrace.transfers import services
from armstrace.transfers.models import Authorization, AuthorizationLine, BrokerRegistration, Shipment, ShipmentLine


class LineSerializer(BlankChoicesMixin, bounds.ModelSerializer):
    shipped = serializers.IntegerField(read_only=True)
    remaining = serializers.IntegerField(read_only=True)
    calibre = serializers.PrimaryKeyRelatedField(queryset=Calibre.objects.all(), required=False, allow_null=True)

    class Meta:
        model = AuthorizationLine
        fields = ["id", "category", "firearm_type", "calibre", "description", "quantity", "shipped", "remaining"]
        read_only_fields = ["id", "shipped", "remaining"]


class AuthorizationSerializer(BlankChoicesMixin, bounds.ModelSerializer):
    lines = LineSerializer(many=True)
    quantity_authorized = serializers.IntegerField(read_only=True)
    quantity_remaining = serializers.IntegerField(read_only=True)
    transit_countries = serializers.ListField(child=serializers.CharField(max_length=3), default=list)

    class Meta:
        model = Authorization
        fields = ["id", "kind", "number", "place_of_issue", "issued_on", "expires_on", "export_country",
                  "import_country", "transit_countries", "final_recipient", "final_recipient_party", "exporter",
                  "importer", "importer_party", "broker", "status", "notes", "lines", "quantity_authorized",
                  "quantity_remaining"]
        read_only_fields = ["id", "status", "quantity_authorized", "quantity_remaining"]


class ShipmentLineSerializer(bounds.ModelSerializer):
    class Meta:
        model = ShipmentLine
        fields = ["line", "quantity", "items"]


class ShipmentSerializer(BlankChoicesMixin, bounds.ModelSerializer):
    lines = ShipmentLineSerializer(many=True, read_only=True)

    class Meta:
        model = Shipment
        fields = ["id", "authorization", "shipped_on", "reference", "notes", "received_on", "received_by",
                  "receipt_reference", "lines"]
        read_only_fields = fields


class ShipmentLineInputSerializer(bounds.Serializer):
    line = serializers.PrimaryKeyRelatedField(queryset=AuthorizationLine.objects.all())
    quantity = serializers.IntegerField(min_value=0, default=0)
    items = serializers.PrimaryKeyRelatedField(queryset=Item.objects.all(), many=True, default=list)


class ShipmentInputSerializer(bounds.Serializer):
    shipped_on = serializers.DateField()
    reference = serializers.CharField(max_length=120, allow_blank=True, default="")
    notes = serializers.CharField(allow_blank=True, default="")
    lines = ShipmentLineInputSerializer(many=True)
    expected_seqs = serializers.DictField(
        child=serializers.IntegerField(min_value=0), default=dict,
        help_text="Item id → its last_event_seq as you read it, for every item listed; 428 if one is missing, "
                  "409 if one moved on.")

    def validate_expected_seqs(self, value):
        if any(not key.isdigit() or len(key) > 18 for key in value):
            raise serializers.ValidationError(_("The keys are item ids."))
        return {int(key): seq for key, seq in value.items()}


class ReceiptSerializer(bounds.Serializer):
    received_on = serializers.DateField()
    received_by = serializers.CharField(max_length=200)
    reference = serializers.CharField(max_length=120, allow_blank=True, default="")


class AuthorizationViewSet(mixins.CreateModelMixin, viewsets.ReadOnlyModelViewSet):
    """Export, import and transit authorizations (Firearms Protocol art. 10). Over-shipment and expiry are refused."""

    queryset = Authorization.objects.prefetch_related("lines")
    serializer_class = AuthorizationSerializer
    filterset_fields = ["kind", "status", "export_country", "import_country", "broker"]

    def create(self, request, *args, **kwargs):
        s = AuthorizationSerializer(data=request.data)
        s.is_valid(raise_exception=True)
        v = dict(s.validated_data)
        v.pop("status", None)
        lines = [services.LineInput(**line) for line in v.pop("lines")]
        auth = services.issue_authorization(services.AuthorizationInput(lines=lines, **v),
                                            actor=Actor.of(request.user))
        return Response(AuthorizationSerializer(self.get_queryset().get(pk=auth.pk)).data, status=201)

    @extend_schema(request=ShipmentInputSerializer, responses={201: ShipmentSerializer})
    @action(detail=True, methods=["post"])
    def ship(self, request, pk=None):
        s = ShipmentInputSerializer(data=request.data)
        s.is_valid(raise_exception=True)
        v = dict(s.validated_data)
        lines = [services.ShipmentLineInput(line["line"], line["quantity"], items=list(line["items"]))
                 for line in v.pop("lines")]
        require_each(v["expected_seqs"], [item.pk for line in lines for item in line.items])
        shipment = services.record_shipment(self.get_object(), lines=lines, actor=Actor.of(request.user), **v)
        return Response(ShipmentSerializer(shipment).data, status=201)


class ShipmentViewSet(viewsets.ReadOnlyModelViewSet):
    queryset = Shipment.objects.prefetch_related("lines__items")
    serializer_class = ShipmentSerializer
    filterset_fields = ["authorization"]

    @extend_schema(request=ReceiptSerializer, responses={200: ShipmentSerializer})
    @action(detail=True, methods=["post"])
    def receipt(self, request, pk=None):
        s = ReceiptSerializer(data=request.data)
        s.is_valid(raise_exception=True)
        shipment = services.confirm_receipt(self.get_object(), **s.validated_data)
        return Response(ShipmentSerializer(shipment).data)


class BrokerRegistrationSerializer(BlankChoicesMixin, bounds.ModelSerializer):
    party = serializers.PrimaryKeyRelatedField(queryset=Party.objects.all())

    class Meta:
        model = BrokerRegistration
        fields = ["id", "party", "number", "issued_on", "valid_until", "status", "activities"]
        read_only_fields = ["id", "status"]


class BrokerRegistrationViewSet(mixins.CreateModelMixin, viewsets.ReadOnlyModelViewSet):
    """Registrations of brokers (registry parties of kind `broker`)."""

    queryset = BrokerRegistration.objects.all()
    serializer_class = BrokerRegistrationSerializer
    filterset_fields = ["party", "status"]

    def create(self, request, *args, **kwargs):
        s = BrokerRegistrationSerializer(data=request.data)
        s.is_valid(raise_exception=True)
        v = dict(s.validated_data)
        reg_ = services.register_broker(v.pop("party"), **v)
        return Response(BrokerRegistrationSerializer(reg_).data, status=201)


def register(router):
    router.register("transfers/authorizations", AuthorizationViewSet, basename="transfers-authorization")
    router.register("transfers/shipments", ShipmentViewSet, basename="transfers-shipment")
    router.register("transfers/broker-registrations", BrokerRegistrationViewSet, basename="transfers-broker")
