"""REST API of the registry: read items, markings, parties, licences and events; write through the services."""

import django_filters
import pycountry
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import extend_schema
from rest_framework import mixins, serializers, viewsets
from rest_framework.decorators import action
from rest_framework.response import Response

from armstrace.accounts.personal import PersonalDataMixin, persons_searchable_by_number, redact, withheld_fields
from armstrace.core import bounds
from armstrace.core.actor import Actor
from armstrace.core.api import BlankChoicesMixin
from armstrace.core.preconditions import expected_seq, expected_seq_field, item_etag, item_write
from armstrace.profile import get_profile
from armstrace.registry import conversions, services
from armstrace.registry.method_api import ConvertSerializer, MethodSerializer, ReactivateSerializer
from armstrace.registry.methods import M
from armstrace.registry.models import (
    Calibre, Event, EventKind, FirearmModel, FirearmType, Item, ItemStatus, Licence, Make, ManufactureMethod, Marking,
    Party,
)
from armstrace.registry.serials import normalize_serial


class MakeSerializer(bounds.ModelSerializer):
    class Meta:
        model = Make
        fields = ["id", "name", "country"]


class CalibreSerializer(bounds.ModelSerializer):
    class Meta:
        model = Calibre
        fields = ["id", "name"]


class FirearmModelSerializer(bounds.ModelSerializer):
    make_name = serializers.CharField(source="make.name", read_only=True)

    class Meta:
        model = FirearmModel
        fields = ["id", "make", "make_name", "name", "firearm_type", "calibre"]


class MarkingSerializer(BlankChoicesMixin, bounds.ModelSerializer):
    class Meta:
        model = Marking
        fields = ["id", "item", "kind", "position", "text", "normalized", "state", "event"]
        read_only_fields = fields


class MarkingInputSerializer(bounds.Serializer):
    kind = serializers.ChoiceField(Marking.Kind.choices)
    text = serializers.CharField(max_length=200, allow_blank=True, default="")
    position = serializers.CharField(max_length=120, allow_blank=True, default="")
    state = serializers.ChoiceField(Marking.State.choices, default=Marking.State.INTACT)


class ItemSerializer(BlankChoicesMixin, bounds.ModelSerializer):
    make_name = serializers.CharField(source="make.name", read_only=True, default="")
    model_name = serializers.CharField(source="model.name", read_only=True, default="")
    calibre_name = serializers.CharField(source="calibre.name", read_only=True, default="")
    markings = MarkingSerializer(many=True, read_only=True)

    class Meta:
        model = Item
        fields = [
            "id", "uid", "category", "firearm_type", "part_kind", "make", "make_name", "model", "model_name",
            "calibre", "calibre_name", "serial_number", "serial_normalized", "country_of_manufacture",
            "year_of_manufacture", "country_of_import", "parent", "lot_number", "headstamp", "quantity",
            "description", "custom_fields", "status", "current_holder", "location", "last_event_seq", "markings",
            "manufacture_method", "method_variant", "method_material", "method_evidence", "source_item",
            "iafq_condition",
        ]
        read_only_fields = fields


class RegisterItemSerializer(bounds.Serializer):
    how = serializers.ChoiceField(
        [(k, EventKind(k).label) for k in sorted(services.ENTRY_KINDS)], default=EventKind.REGISTERED
    )
    category = serializers.ChoiceField(Item.Category.choices, default=Item.Category.FIREARM)
    firearm_type = serializers.ChoiceField(FirearmType.choices, required=False, allow_blank=True, default="")
    part_kind = serializers.ChoiceField(Item.PartKind.choices, required=False, allow_blank=True, default="")
    make = serializers.PrimaryKeyRelatedField(queryset=Make.objects.all(), required=False, allow_null=True)
    model = serializers.PrimaryKeyRelatedField(queryset=FirearmModel.objects.all(), required=False, allow_null=True)
    calibre = serializers.PrimaryKeyRelatedField(queryset=Calibre.objects.all(), required=False, allow_null=True)
    serial_number = serializers.CharField(max_length=64, allow_blank=True, default="")
    country_of_manufacture = serializers.CharField(max_length=3, allow_blank=True, default="")
    year_of_manufacture = serializers.IntegerField(min_value=1800, max_value=2100, required=False, allow_null=True)
    parent = serializers.PrimaryKeyRelatedField(queryset=Item.objects.all(), required=False, allow_null=True)
    lot_number = serializers.CharField(max_length=64, allow_blank=True, default="")
    headstamp = serializers.CharField(max_length=64, allow_blank=True, default="")
    quantity = serializers.IntegerField(min_value=1, required=False, allow_null=True)
    description = serializers.CharField(allow_blank=True, default="")
    custom_fields = serializers.DictField(required=False, default=dict)
    markings = MarkingInputSerializer(many=True, required=False, default=list)
    holder = serializers.PrimaryKeyRelatedField(queryset=Party.objects.all(), required=False, allow_null=True)
    location = serializers.CharField(max_length=200, allow_blank=True, default="")
    occurred_at = serializers.DateTimeField(required=False, allow_null=True)
    method = MethodSerializer(required=False, allow_null=True, help_text="How it was made; default: factory for a "
                                                                         "registered item, unknown for a seized one.")

    def validate_country_of_manufacture(self, value):
        return _country(value)


def _country(value):
    if value and pycountry.countries.get(alpha_3=value.upper()) is None:
        raise serializers.ValidationError("Not an ISO 3166-1 alpha-3 country code.")
    return value.upper()


class TransferSerializer(bounds.Serializer):
    to_party = serializers.PrimaryKeyRelatedField(queryset=Party.objects.all())
    occurred_at = serializers.DateTimeField(required=False, allow_null=True)
    location = serializers.CharField(max_length=200, required=False, allow_null=True, default=None)
    reference = serializers.CharField(max_length=120, allow_blank=True, default="")
    expected_seq = expected_seq_field()


class MissingReportSerializer(bounds.Serializer):
    occurred_at = serializers.DateTimeField(required=False, allow_null=True)
    location = serializers.CharField(max_length=200, allow_blank=True, default="")
    circumstances = serializers.CharField(allow_blank=True, default="")
    police_reference = serializers.CharField(max_length=120, allow_blank=True, default="")
    expected_seq = expected_seq_field()


class CustodySerializer(bounds.Serializer):
    kind = serializers.ChoiceField([(k, EventKind(k).label) for k in ("seized", "found", "surrendered")], default="seized")
    occurred_at = serializers.DateTimeField(required=False, allow_null=True)
    location = serializers.CharField(max_length=200, allow_blank=True, default="")
    case_reference = serializers.CharField(max_length=120, allow_blank=True, default="")
    circumstances = serializers.CharField(allow_blank=True, default="")
    expected_seq = expected_seq_field()


class CorrectedFieldsSerializer(bounds.Serializer):
    """What a correction may set, typed: an unknown key is refused by name."""

    status = serializers.ChoiceField(ItemStatus.choices, required=False)
    holder = serializers.PrimaryKeyRelatedField(queryset=Party.objects.all(), required=False, allow_null=True,
                                                help_text="A party id, or null for no holder.")
    location = serializers.CharField(max_length=200, required=False, allow_blank=True)

    def to_internal_value(self, data):
        if isinstance(data, dict) and (unknown := sorted(set(data) - set(self.fields))):
            raise serializers.ValidationError({name: [_("This field cannot be corrected.")] for name in unknown})
        values = super().to_internal_value(data)
        if "holder" in values:
            values["holder"] = values["holder"].pk if values["holder"] is not None else None
        return values


class CorrectionSerializer(bounds.Serializer):
    fields = CorrectedFieldsSerializer()
    reason = serializers.CharField()
    corrects_seq = serializers.IntegerField(required=False, allow_null=True)
    expected_seq = expected_seq_field()


class AddMarkingSerializer(MarkingInputSerializer):
    expected_seq = expected_seq_field()


class EventSerializer(BlankChoicesMixin, bounds.ModelSerializer):
    """An event of the log. A holder's event shows the personal fields of a person only to whom may see them
    (withheld: null), and the read is logged."""

    item_id = serializers.IntegerField(read_only=True, allow_null=True)
    party_id = serializers.IntegerField(read_only=True, allow_null=True)

    class Meta:
        model = Event
        fields = ["seq", "kind", "occurred_at", "recorded_at", "recorded_by_name", "agency", "item_id", "item_uid",
                  "party_id", "payload", "prev_hash", "hash", "hash_formula"]
        read_only_fields = fields

    def to_representation(self, instance):
        data = super().to_representation(instance)
        fields = data["payload"].get("fields") if "party" in data["payload"] else None
        if isinstance(fields, dict):
            data["payload"] = redact_holder_payload(self.context.get("request"), data["payload"])
        return data


def redact_holder_payload(request, payload):
    """The payload of a holder's event with the person's withheld fields null (in `fields` and `changes`)."""
    fields = payload["fields"]
    person = {"id": payload["party"], "kind": fields.get("kind"), "name": fields.get("name")}
    withheld = set(withheld_fields(request, "party", person))
    changes = payload.get("changes") or {}
    redact(request, "party", person, dict(fields))  # logs the read of the personal fields shown
    return {**payload, "fields": {k: None if k in withheld else v for k, v in fields.items()},
            "changes": {k: [None, None] if k in withheld else v for k, v in changes.items()}}


class PartySerializer(PersonalDataMixin, bounds.ModelSerializer):
    """A holder; a natural person's identifier, date of birth and address need personal_data.view, and are logged."""

    class Meta:
        model = Party
        fields = ["id", "uid", "kind", "name", "identifier", "nationality", "date_of_birth", "address", "country",
                  "restricted_fields"]

    validate_nationality = staticmethod(_country)
    validate_country = staticmethod(_country)


class LicenceSerializer(bounds.ModelSerializer):
    effective_status = serializers.CharField(read_only=True)

    class Meta:
        model = Licence
        fields = ["id", "party", "licence_type", "number", "issued_by", "valid_from", "valid_until", "status",
                  "effective_status"]

    def validate_licence_type(self, value):
        codes = {code for code, _ in get_profile().licence_type_choices()}
        if value not in codes:
            raise serializers.ValidationError(f"Unknown licence type; the country profile allows: {', '.join(sorted(codes))}.")
        return value

    def validate(self, attrs):
        start, end = attrs.get("valid_from"), attrs.get("valid_until")
        if start and end and end < start:
            raise serializers.ValidationError({"valid_until": "The licence cannot end before it starts."})
        return attrs


class ItemFilter(django_filters.FilterSet):
    serial = django_filters.CharFilter(method="filter_serial", label="Serial number (exact, separators ignored)")
    status = django_filters.ChoiceFilter(choices=ItemStatus.choices)
    manufacture_method = django_filters.ChoiceFilter(choices=ManufactureMethod.choices)

    class Meta:
        model = Item
        fields = ["category", "firearm_type", "make", "model", "calibre", "current_holder", "status",
                  "manufacture_method"]

    def filter_serial(self, queryset, name, value):
        return queryset.filter(serial_normalized=normalize_serial(value))


class EventFilter(django_filters.FilterSet):
    seq_after = django_filters.NumberFilter(field_name="seq", lookup_expr="gt")

    class Meta:
        model = Event
        fields = ["kind", "item", "agency"]


def _event_response(event, status=201):
    return Response(EventSerializer(event).data, status=status)


class ItemViewSet(mixins.CreateModelMixin, viewsets.ReadOnlyModelViewSet):
    """Firearms, parts and ammunition lots. Every write is an event."""

    queryset = Item.objects.select_related("make", "model", "calibre").prefetch_related("markings")
    filterset_class = ItemFilter

    def get_serializer_class(self):
        return RegisterItemSerializer if self.action == "create" else ItemSerializer

    @extend_schema(request=RegisterItemSerializer, responses={201: ItemSerializer})
    def create(self, request, *args, **kwargs):
        data = RegisterItemSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        v = dict(data.validated_data)
        markings = [services.MarkingInput(**m) for m in v.pop("markings")]
        how, holder, location, occurred_at = v.pop("how"), v.pop("holder", None), v.pop("location"), v.pop("occurred_at", None)
        method = MethodSerializer.to_method(v.pop("method", None))
        item = services.create_item(
            services.FirearmInput(markings=markings, method=method, **v),
            how=how, holder=holder, location=location, occurred_at=occurred_at, actor=Actor.of(request.user),
        )
        return Response(ItemSerializer(Item.objects.get(pk=item.pk)).data, status=201)

    def _item(self, pk):
        return get_object_or_404(Item, pk=pk)

    def _input(self, serializer_class, request, pk):
        """The validated body of a write on item `pk`, with the version it was decided on (428 if none)."""
        self._item(pk)  # 404 before anything else
        data = serializer_class(data=request.data)
        data.is_valid(raise_exception=True)
        values = dict(data.validated_data)
        values["expected_seq"] = expected_seq(request, values.get("expected_seq"), pk)
        return values

    def retrieve(self, request, *args, **kwargs):
        item = self.get_object()
        return Response(self.get_serializer(item).data, headers={"ETag": item_etag(item)})

    @item_write
    @extend_schema(request=TransferSerializer, responses={201: EventSerializer})
    @action(detail=True, methods=["post"])
    def transfer(self, request, pk=None):
        v = self._input(TransferSerializer, request, pk)
        return _event_response(services.transfer(self._item(pk), v.pop("to_party"), actor=Actor.of(request.user), **v))

    @item_write
    @extend_schema(request=MissingReportSerializer, responses={201: EventSerializer})
    @action(detail=True, methods=["post"], url_path="report-loss")
    def report_loss(self, request, pk=None):
        v = self._input(MissingReportSerializer, request, pk)
        return _event_response(services.report_missing(self._item(pk), EventKind.LOSS_REPORTED, actor=Actor.of(request.user), **v))

    @item_write
    @extend_schema(request=MissingReportSerializer, responses={201: EventSerializer})
    @action(detail=True, methods=["post"], url_path="report-theft")
    def report_theft(self, request, pk=None):
        v = self._input(MissingReportSerializer, request, pk)
        return _event_response(services.report_missing(self._item(pk), EventKind.THEFT_REPORTED, actor=Actor.of(request.user), **v))

    @item_write
    @extend_schema(request=CustodySerializer, responses={201: EventSerializer})
    @action(detail=True, methods=["post"])
    def seize(self, request, pk=None):
        v = self._input(CustodySerializer, request, pk)
        return _event_response(services.take_into_custody(self._item(pk), v.pop("kind"), actor=Actor.of(request.user), **v))

    @item_write
    @extend_schema(request=ConvertSerializer, responses={201: EventSerializer})
    @action(detail=True, methods=["post"])
    def converted(self, request, pk=None):
        method, v = ConvertSerializer.split(self._input(ConvertSerializer, request, pk), M.CONVERTED,
                                            converted_from="")
        return _event_response(conversions.convert(self._item(pk), method, actor=Actor.of(request.user), **v))

    @item_write
    @extend_schema(request=ReactivateSerializer, responses={201: EventSerializer})
    @action(detail=True, methods=["post"])
    def reactivated(self, request, pk=None):
        method, v = ReactivateSerializer.split(self._input(ReactivateSerializer, request, pk), M.REACTIVATED)
        return _event_response(conversions.reactivate(self._item(pk), method, actor=Actor.of(request.user), **v))

    @item_write
    @extend_schema(request=AddMarkingSerializer, responses={201: EventSerializer})
    @action(detail=True, methods=["post"], url_path="markings")
    def add_marking(self, request, pk=None):
        v = self._input(AddMarkingSerializer, request, pk)
        seq = v.pop("expected_seq")
        return _event_response(services.add_marking(self._item(pk), services.MarkingInput(**v),
                                                    actor=Actor.of(request.user), expected_seq=seq))

    @item_write
    @extend_schema(request=CorrectionSerializer, responses={201: EventSerializer})
    @action(detail=True, methods=["post"])
    def correct(self, request, pk=None):
        v = self._input(CorrectionSerializer, request, pk)
        return _event_response(services.correct(self._item(pk), actor=Actor.of(request.user), **v))

    @extend_schema(responses={200: EventSerializer(many=True)})
    @action(detail=True, methods=["get"], pagination_class=None)
    def events(self, request, pk=None):
        return Response(EventSerializer(self._item(pk).events.order_by("seq"), many=True).data)


class MarkingViewSet(viewsets.ReadOnlyModelViewSet):
    queryset = Marking.objects.all()
    serializer_class = MarkingSerializer
    filterset_fields = ["item", "kind", "state"]


class EventViewSet(viewsets.ReadOnlyModelViewSet):
    """The append-only event log, in chain order."""

    queryset = Event.objects.all()
    serializer_class = EventSerializer
    filterset_class = EventFilter
    lookup_field = "seq"


class HolderWritesMixin:
    """Creates and changes go through the holder services, which record their events (registry.holders)."""

    create_command = change_command = None

    def perform_create(self, serializer):
        serializer.instance = self.create_command(actor=Actor.of(self.request.user), **serializer.validated_data)

    def perform_update(self, serializer):
        changes = {name: value for name, value in serializer.validated_data.items()
                   if getattr(serializer.instance, name) != value}
        serializer.instance = self.change_command(serializer.instance, changes, actor=Actor.of(self.request.user))


class PartyViewSet(HolderWritesMixin, mixins.CreateModelMixin, mixins.UpdateModelMixin, viewsets.ReadOnlyModelViewSet):
    """Holders. A create is a `party_registered` event, a change a `party_changed` event with the old values."""

    queryset = Party.objects.all()
    serializer_class = PartySerializer
    filterset_fields = ["kind", "identifier"]
    create_command = staticmethod(services.register_party)
    change_command = staticmethod(services.change_party)

    def get_queryset(self):
        if "identifier" in self.request.query_params:  # no look-up of persons by a number the user may not see
            return persons_searchable_by_number(self.request, super().get_queryset())
        return super().get_queryset()


class LicenceViewSet(HolderWritesMixin, mixins.CreateModelMixin, mixins.UpdateModelMixin,
                     viewsets.ReadOnlyModelViewSet):
    """Licences. Issuing, changing, suspending, revoking and reinstating are events of the holder's history."""

    queryset = Licence.objects.all()
    serializer_class = LicenceSerializer
    filterset_fields = ["party", "licence_type", "status"]
    change_command = staticmethod(services.change_licence)

    @staticmethod
    def create_command(*, party, actor, **values):
        return services.issue_licence(party, actor=actor, **values)


class MakeViewSet(viewsets.ReadOnlyModelViewSet):
    queryset = Make.objects.all()
    serializer_class = MakeSerializer
    pagination_class = None


class CalibreViewSet(viewsets.ReadOnlyModelViewSet):
    queryset = Calibre.objects.all()
    serializer_class = CalibreSerializer
    pagination_class = None


class FirearmModelViewSet(viewsets.ReadOnlyModelViewSet):
    queryset = FirearmModel.objects.select_related("make")
    serializer_class = FirearmModelSerializer
    filterset_fields = ["make", "firearm_type"]


def register(router):
    router.register("items", ItemViewSet)
    router.register("markings", MarkingViewSet)
    router.register("events", EventViewSet)
    router.register("parties", PartyViewSet)
    router.register("licences", LicenceViewSet)
    router.register("makes", MakeViewSet)
    router.register("calibres", CalibreViewSet)
    router.register("models", FirearmModelViewSet)
