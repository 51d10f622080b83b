"""REST API of custody: cases (recorded through the service), depots, facilities, movements, stocktakes, disposals."""

import base64
import binascii

from django.shortcuts import get_object_or_404
from drf_spectacular.utils import extend_schema
from rest_framework import mixins, serializers, viewsets
from rest_framework.decorators import action
from rest_framework.response import Response

from armstrace.accounts.models import Agency
from armstrace.accounts.personal import PersonalDataMixin
from armstrace.core import bounds
from armstrace.core.actor import Actor
from armstrace.core.api import BlankChoicesMixin
from armstrace.core.forms import input_of
from armstrace.core.preconditions import expected_seq, expected_seq_field, item_write, require_each
from armstrace.custody import services
from armstrace.custody.models import (
    BlueprintFile, CaseAmmunition, CaseItem, CaseKind, CasePerson, CustodyMovement, CustodyPosition, Depot, DepotLocation, Disposal,
    Facility, LegalJustification, LocationType, SeizureCase, Stocktake, StocktakeLine, SuspectedOffence,
)
from armstrace.registry import services as registry_services
from armstrace.registry.api import RegisterItemSerializer
from armstrace.registry.method_api import MethodSerializer
from armstrace.registry.models import Calibre, Item, Party


class CaseItemSerializer(BlankChoicesMixin, bounds.ModelSerializer):
    item_status = serializers.CharField(source="item.status", read_only=True)
    item_location = serializers.CharField(source="item.location", read_only=True)
    category = serializers.CharField(source="item.category", read_only=True)
    serial_number = serializers.CharField(source="item.serial_number", read_only=True)
    condition = serializers.CharField(source="item.iafq_condition", read_only=True, allow_null=True,
                                      help_text="The IAFQ condition that the item's manufacture method implies.")
    manufacture_method = serializers.CharField(source="item.manufacture_method", read_only=True, allow_null=True)

    class Meta:
        model = CaseItem
        fields = ["id", "item", "category", "serial_number", "condition", "manufacture_method", "marking_status",
                  "was_registered", "notes", "item_status", "item_location"]


class CaseAmmunitionSerializer(bounds.ModelSerializer):
    class Meta:
        model = CaseAmmunition
        fields = ["id", "calibre", "quantity", "description"]


class CasePersonSerializer(PersonalDataMixin, BlankChoicesMixin, bounds.ModelSerializer):
    personal_subject = "case_person"  # name, party, nationality and age only for personal_data.view, and logged

    class Meta:
        model = CasePerson
        fields = ["id", "party", "name", "role", "nationality", "sex", "age", "arrested", "prosecuted", "convicted",
                  "restricted_fields"]


class BlueprintSerializer(bounds.ModelSerializer):
    class Meta:
        model = BlueprintFile
        fields = ["item", "sha256", "file_type", "file_name", "size", "source_url", "source_platform",
                  "source_device"]
        read_only_fields = fields


class CaseSerializer(BlankChoicesMixin, bounds.ModelSerializer):
    items = CaseItemSerializer(many=True, read_only=True)
    blueprints = BlueprintSerializer(many=True, read_only=True)
    ammunition = CaseAmmunitionSerializer(many=True, read_only=True)
    persons = CasePersonSerializer(many=True, read_only=True)

    class Meta:
        model = SeizureCase
        fields = ["id", "number", "kind", "agency", "occurred_on", "admin_area", "place", "location_type",
                  "legal_justification", "suspected_offences", "route_departure", "route_transit",
                  "route_destination", "notes", "created_at", "items", "ammunition", "persons", "blueprints"]
        read_only_fields = fields


class NewItemSerializer(RegisterItemSerializer):
    """A never-registered item (unmarked, 3D-printed, ...): the registry's item fields, without how/holder."""

    def get_fields(self):
        fields = super().get_fields()
        for name in ("how", "holder", "location", "occurred_at"):
            fields.pop(name, None)
        return fields


class CaseItemInputSerializer(bounds.Serializer):
    item = serializers.PrimaryKeyRelatedField(queryset=Item.objects.all(), required=False, allow_null=True,
                                              help_text="A registered item; or give `new`.")
    new = NewItemSerializer(required=False, allow_null=True)
    method = MethodSerializer(required=False, allow_null=True, help_text="How the item was made or changed.")
    condition = serializers.ChoiceField(CaseItem.Condition.choices, allow_blank=True, default="",
                                        help_text="An IAFQ condition, standing for a method where none is given.")
    marking_status = serializers.ChoiceField(CaseItem.MarkingStatus.choices,
                                             default=CaseItem.MarkingStatus.UNIQUELY_MARKED)
    notes = serializers.CharField(max_length=300, allow_blank=True, default="")
    expected_seq = expected_seq_field()


class AmmunitionInputSerializer(bounds.Serializer):
    calibre = serializers.PrimaryKeyRelatedField(queryset=Calibre.objects.all(), required=False, allow_null=True)
    quantity = serializers.IntegerField(min_value=1)
    description = serializers.CharField(max_length=300, allow_blank=True, default="")


class PersonInputSerializer(bounds.Serializer):
    party = serializers.PrimaryKeyRelatedField(queryset=Party.objects.all(), required=False, allow_null=True)
    name = serializers.CharField(max_length=200, allow_blank=True, default="")
    role = serializers.ChoiceField(CasePerson.Role.choices, default=CasePerson.Role.SUSPECT)
    nationality = serializers.CharField(max_length=3, allow_blank=True, default="")
    sex = serializers.ChoiceField(CasePerson.Sex.choices, default=CasePerson.Sex.UNKNOWN)
    age = serializers.IntegerField(min_value=0, max_value=130, required=False, allow_null=True)
    arrested = serializers.BooleanField(default=False)
    prosecuted = serializers.BooleanField(default=False)
    convicted = serializers.BooleanField(default=False)


class BlueprintInputSerializer(bounds.Serializer):
    content = serializers.CharField(max_length=280_000_000, help_text="The file, base64-encoded (STL, 3MF, G-code).")
    file_name = serializers.CharField(max_length=200, allow_blank=True, default="")
    source_url = serializers.CharField(max_length=500, allow_blank=True, default="")
    source_platform = serializers.CharField(max_length=120, allow_blank=True, default="")
    source_device = serializers.CharField(max_length=200, allow_blank=True, default="")

    def validate_content(self, value):
        try:
            return base64.b64decode(value, validate=True)
        except (binascii.Error, ValueError):
            raise serializers.ValidationError("Not base64.") from None


class CaseInputSerializer(bounds.Serializer):
    number = serializers.CharField(max_length=64, allow_blank=True, default="")
    kind = serializers.ChoiceField(CaseKind.choices, default=CaseKind.SEIZURE)
    agency = serializers.PrimaryKeyRelatedField(queryset=Agency.objects.all(), required=False, allow_null=True)
    occurred_on = serializers.DateField()
    admin_area = serializers.CharField(max_length=120, allow_blank=True, default="")
    place = serializers.CharField(max_length=200, allow_blank=True, default="")
    location_type = serializers.ChoiceField(LocationType.choices, default=LocationType.NATIONAL_TERRITORY)
    legal_justification = serializers.ChoiceField(LegalJustification.choices,
                                                  default=LegalJustification.ILLICIT_POSSESSION)
    suspected_offences = serializers.ListField(child=serializers.ChoiceField(SuspectedOffence.choices), default=list)
    route_departure = serializers.CharField(max_length=3, allow_blank=True, default="")
    route_transit = serializers.ListField(child=serializers.CharField(max_length=3), default=list)
    route_destination = serializers.CharField(max_length=3, allow_blank=True, default="")
    notes = serializers.CharField(allow_blank=True, default="")
    items = CaseItemInputSerializer(many=True, default=list)
    ammunition = AmmunitionInputSerializer(many=True, default=list)
    persons = PersonInputSerializer(many=True, default=list)
    blueprints = BlueprintInputSerializer(many=True, default=list)
    depot = serializers.PrimaryKeyRelatedField(queryset=Depot.objects.all(), required=False, allow_null=True)
    shelf = serializers.PrimaryKeyRelatedField(queryset=DepotLocation.objects.all(), required=False, allow_null=True)
    handed_over_by = serializers.CharField(max_length=200, allow_blank=True, default="")
    received_by = serializers.CharField(max_length=200, allow_blank=True, default="")

    def to_input(self) -> services.CaseInput:
        v = self.validated_data
        return input_of(
            services.CaseInput, v,
            items=[input_of(services.CaseItemInput, i, new=_new_item(i.get("new")),
                            method=MethodSerializer.to_method(i.get("method"))) for i in v["items"]],
            blueprints=[input_of(services.BlueprintInput, b) for b in v["blueprints"]],
            ammunition=[input_of(services.AmmunitionInput, a) for a in v["ammunition"]],
            persons=[input_of(services.PersonInput, p) for p in v["persons"]])


def _new_item(data):
    if not data:
        return None
    data = dict(data)
    markings = [registry_services.MarkingInput(**m) for m in data.pop("markings", [])]
    method = MethodSerializer.to_method(data.pop("method", None))
    return registry_services.FirearmInput(markings=markings, method=method, **data)


class CaseViewSet(mixins.CreateModelMixin, viewsets.ReadOnlyModelViewSet):
    """Seizure, found and surrender cases. Creating one records all its items in one transaction."""

    queryset = SeizureCase.objects.prefetch_related("items__item", "ammunition", "persons")
    serializer_class = CaseSerializer
    filterset_fields = ["kind", "agency", "location_type", "legal_justification"]

    @extend_schema(request=CaseInputSerializer, responses={201: CaseSerializer})
    def create(self, request, *args, **kwargs):
        s = CaseInputSerializer(data=request.data)
        s.is_valid(raise_exception=True)
        registered = [i for i in s.validated_data["items"] if i.get("item") is not None]
        require_each({i["item"].pk: i["expected_seq"] for i in registered if i.get("expected_seq") is not None},
                     [i["item"].pk for i in registered])
        case = services.record_case(s.to_input(), actor=Actor.of(request.user))
        return Response(CaseSerializer(self.get_queryset().get(pk=case.pk), context=self.get_serializer_context()).data,
                        status=201)


class DepotLocationSerializer(bounds.ModelSerializer):
    class Meta:
        model = DepotLocation
        fields = ["id", "depot", "code", "description"]


class DepotSerializer(bounds.ModelSerializer):
    locations = DepotLocationSerializer(many=True, read_only=True)

    class Meta:
        model = Depot
        fields = ["id", "code", "name", "agency", "address", "admin_area", "locations"]


class PositionSerializer(bounds.ModelSerializer):
    place = serializers.SerializerMethodField()

    class Meta:
        model = CustodyPosition
        fields = ["item", "depot", "shelf", "facility", "label", "since", "case", "place"]

    def get_place(self, obj) -> str:
        return services.Place.of(obj).text


class DepotViewSet(mixins.CreateModelMixin, viewsets.ReadOnlyModelViewSet):
    queryset = Depot.objects.prefetch_related("locations")
    serializer_class = DepotSerializer

    @extend_schema(responses={200: PositionSerializer(many=True)})
    @action(detail=True, methods=["get"], pagination_class=None)
    def inventory(self, request, pk=None):
        positions = CustodyPosition.objects.filter(depot=self.get_object()).select_related("depot", "shelf", "facility")
        return Response(PositionSerializer(positions, many=True).data)


class DepotLocationViewSet(mixins.CreateModelMixin, viewsets.ReadOnlyModelViewSet):
    queryset = DepotLocation.objects.all()
    serializer_class = DepotLocationSerializer
    filterset_fields = ["depot"]


class FacilitySerializer(bounds.ModelSerializer):
    class Meta:
        model = Facility
        fields = ["id", "kind", "name", "address"]


class FacilityViewSet(mixins.CreateModelMixin, viewsets.ReadOnlyModelViewSet):
    queryset = Facility.objects.all()
    serializer_class = FacilitySerializer


class MovementSerializer(BlankChoicesMixin, bounds.ModelSerializer):
    event_seq = serializers.IntegerField(source="event.seq", read_only=True, default=None)

    class Meta:
        model = CustodyMovement
        fields = ["id", "item", "case", "from_depot", "from_shelf", "from_facility", "from_label", "to_depot",
                  "to_shelf", "to_facility", "to_label", "handed_over_by", "received_by", "moved_at", "purpose",
                  "event_seq"]
        read_only_fields = fields


class MoveInputSerializer(bounds.Serializer):
    item = serializers.PrimaryKeyRelatedField(queryset=Item.objects.all())
    from_depot = serializers.PrimaryKeyRelatedField(queryset=Depot.objects.all(), required=False, allow_null=True)
    from_shelf = serializers.PrimaryKeyRelatedField(queryset=DepotLocation.objects.all(), required=False,
                                                    allow_null=True)
    from_facility = serializers.PrimaryKeyRelatedField(queryset=Facility.objects.all(), required=False,
                                                       allow_null=True)
    from_label = serializers.CharField(max_length=200, allow_blank=True, required=False,
                                       help_text="Give a from_* place to have the move refused unless the item is there.")
    to_depot = serializers.PrimaryKeyRelatedField(queryset=Depot.objects.all(), required=False, allow_null=True)
    to_shelf = serializers.PrimaryKeyRelatedField(queryset=DepotLocation.objects.all(), required=False, allow_null=True)
    to_facility = serializers.PrimaryKeyRelatedField(queryset=Facility.objects.all(), required=False, allow_null=True)
    to_label = serializers.CharField(max_length=200, allow_blank=True, default="")
    handed_over_by = serializers.CharField(max_length=200)
    received_by = serializers.CharField(max_length=200)
    moved_at = serializers.DateTimeField(required=False, allow_null=True)
    purpose = serializers.CharField(max_length=200, allow_blank=True, default="")
    expected_seq = expected_seq_field()


class MovementViewSet(mixins.CreateModelMixin, viewsets.ReadOnlyModelViewSet):
    """The chain of custody. POST records a movement (a custody_moved event)."""

    queryset = CustodyMovement.objects.select_related("event")
    serializer_class = MovementSerializer
    filterset_fields = ["item", "case", "to_depot", "to_facility"]

    @item_write
    @extend_schema(request=MoveInputSerializer, responses={201: MovementSerializer})
    def create(self, request, *args, **kwargs):
        s = MoveInputSerializer(data=request.data)
        s.is_valid(raise_exception=True)
        v = s.validated_data
        seq = expected_seq(request, v.get("expected_seq"), v["item"].pk)
        given = any(v.get(k) for k in ("from_depot", "from_shelf", "from_facility", "from_label"))
        from_place = services.Place(v.get("from_depot"), v.get("from_shelf"), v.get("from_facility"),
                                    v.get("from_label", "")) if given else None
        to = services.Place(v.get("to_depot"), v.get("to_shelf"), v.get("to_facility"), v.get("to_label", ""))
        m = services.move(v["item"], to, from_place=from_place, handed_over_by=v["handed_over_by"],
                          received_by=v["received_by"], moved_at=v.get("moved_at"), purpose=v["purpose"],
                          actor=Actor.of(request.user), expected_seq=seq)
        return Response(MovementSerializer(m).data, status=201)


class StocktakeLineSerializer(BlankChoicesMixin, bounds.ModelSerializer):
    class Meta:
        model = StocktakeLine
        fields = ["item", "reference", "expected_shelf", "counted_shelf", "result"]


class StocktakeSerializer(BlankChoicesMixin, bounds.ModelSerializer):
    lines = StocktakeLineSerializer(many=True, read_only=True)

    class Meta:
        model = Stocktake
        fields = ["id", "depot", "counted_at", "counted_by", "expected_count", "counted_count", "missing_count",
                  "extra_count", "misplaced_count", "notes", "lines"]
        read_only_fields = fields


class CountSerializer(bounds.Serializer):
    reference = serializers.CharField(max_length=200, help_text="Serial number, #id or uid read on the item.")
    shelf = serializers.CharField(max_length=32, allow_blank=True, default="")


class StocktakeInputSerializer(bounds.Serializer):
    depot = serializers.PrimaryKeyRelatedField(queryset=Depot.objects.all())
    counted_by = serializers.CharField(max_length=200, allow_blank=True, default="")
    counted_at = serializers.DateTimeField(required=False, allow_null=True)
    notes = serializers.CharField(allow_blank=True, default="")
    counts = CountSerializer(many=True)


class StocktakeViewSet(mixins.CreateModelMixin, viewsets.ReadOnlyModelViewSet):
    queryset = Stocktake.objects.prefetch_related("lines")
    serializer_class = StocktakeSerializer
    filterset_fields = ["depot"]

    @extend_schema(request=StocktakeInputSerializer, responses={201: StocktakeSerializer})
    def create(self, request, *args, **kwargs):
        s = StocktakeInputSerializer(data=request.data)
        s.is_valid(raise_exception=True)
        v = dict(s.validated_data)
        counts = [services.Count(**c) for c in v.pop("counts")]
        take = services.record_stocktake(v.pop("depot"), counts, actor=Actor.of(request.user), **v)
        return Response(StocktakeSerializer(self.get_queryset().get(pk=take.pk)).data, status=201)


class DisposalSerializer(bounds.ModelSerializer):
    expected_seq = expected_seq_field(write_only=True)

    class Meta:
        model = Disposal
        fields = ["id", "kind", "item", "case", "date", "method", "witnesses", "standard", "certificate_number",
                  "owner", "expected_seq"]


class DisposalViewSet(mixins.CreateModelMixin, viewsets.ReadOnlyModelViewSet):
    """Destruction (method, witnesses), deactivation (standard, certificate_number) or return to owner (owner)."""

    queryset = Disposal.objects.all()
    serializer_class = DisposalSerializer
    filterset_fields = ["kind", "item", "case"]

    @item_write
    def create(self, request, *args, **kwargs):
        s = DisposalSerializer(data=request.data)
        s.is_valid(raise_exception=True)
        v = s.validated_data
        item, actor, on = get_object_or_404(Item, pk=v["item"].pk), Actor.of(request.user), v["date"]
        seq = expected_seq(request, v.get("expected_seq"), item.pk)
        if v["kind"] == Disposal.Kind.DESTRUCTION:
            d = services.destroy(item, method=v.get("method", ""), witnesses=v.get("witnesses") or [], on=on,
                                 actor=actor, expected_seq=seq)
        elif v["kind"] == Disposal.Kind.DEACTIVATION:
            d = services.deactivate(item, standard=v.get("standard", ""),
                                    certificate_number=v.get("certificate_number", ""), on=on, actor=actor,
                                    expected_seq=seq)
        else:
            d = services.return_to_owner(item, owner=v.get("owner"), on=on, actor=actor, expected_seq=seq)
        return Response(DisposalSerializer(d).data, status=201)


def register(router):
    router.register("custody/cases", CaseViewSet, basename="custody-case")
    router.register("custody/depots", DepotViewSet, basename="custody-depot")
    router.register("custody/depot-locations", DepotLocationViewSet, basename="custody-depot-location")
    router.register("custody/facilities", FacilityViewSet, basename="custody-facility")
    router.register("custody/movements", MovementViewSet, basename="custody-movement")
    router.register("custody/stocktakes", StocktakeViewSet, basename="custody-stocktake")
    router.register("custody/disposals", DisposalViewSet, basename="custody-disposal")
