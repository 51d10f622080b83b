"""REST API of tracing: marking search, trace reports and ITI tracing requests."""

from django.shortcuts import get_object_or_404
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import mixins, serializers, status, viewsets
from rest_framework.decorators import action
from rest_framework.response import Response

from armstrace.accounts.personal import redact_parties
from armstrace.core import bounds
from armstrace.core.actor import Actor
from armstrace.core.api import BlankChoicesMixin
from armstrace.registry import services as registry_services
from armstrace.registry.models import Calibre, FirearmModel, FirearmType, Item, Make
from armstrace.tracing import reports
from armstrace.tracing import search as marking_search
from armstrace.tracing import services
from armstrace.tracing.models import TracingRequest
from armstrace.tracing.status import TracingStatus


class SearchQuerySerializer(bounds.Serializer):
    q = serializers.CharField(max_length=200, help_text="Serial number or marking; ? = one unreadable character, * = a run")
    mode = serializers.ChoiceField(marking_search.MODES, default="auto")
    make = serializers.PrimaryKeyRelatedField(queryset=Make.objects.all(), required=False, allow_null=True)
    model = serializers.PrimaryKeyRelatedField(queryset=FirearmModel.objects.all(), required=False, allow_null=True)
    calibre = serializers.PrimaryKeyRelatedField(queryset=Calibre.objects.all(), required=False, allow_null=True)
    firearm_type = serializers.ChoiceField(FirearmType.choices, required=False, allow_blank=True, default="")
    country = serializers.CharField(max_length=3, required=False, allow_blank=True, default="")
    limit = serializers.IntegerField(min_value=1, max_value=200, default=20)


class MarkingSearchViewSet(viewsets.ViewSet):
    """Search serial numbers and markings: exact, partial (? and *) or near matches, each result explained."""

    @extend_schema(parameters=[SearchQuerySerializer], responses={200: OpenApiTypes.OBJECT})
    def list(self, request):
        params = SearchQuerySerializer(data=request.query_params)
        params.is_valid(raise_exception=True)
        v = params.validated_data
        filters = marking_search.Filters(make=v.get("make"), model=v.get("model"), calibre=v.get("calibre"),
                                         firearm_type=v.get("firearm_type", ""), country=v.get("country", ""))
        try:
            response = marking_search.search(v["q"], v["mode"], filters, limit=v["limit"])
            marking_search.searched.send(sender=marking_search.SearchResponse, user=request.user, response=response)
        except marking_search.SearchRefused as exc:
            return Response({"code": "pattern_too_weak", "detail": exc.message, "field": "q"},
                            status=status.HTTP_400_BAD_REQUEST)
        return Response(response.as_dict())


# ---------------------------------------------------------------- trace report (schema of tracing.report)


def _text(**kwargs):
    return serializers.CharField(allow_blank=True, **kwargs)


class ReportPartySerializer(serializers.Serializer):
    id = serializers.IntegerField()
    name = _text()
    identifier = _text(help_text="Blank when withheld from you.")
    kind = _text()
    kind_label = _text()


class ReportLastHolderSerializer(ReportPartySerializer):
    since = _text(allow_null=True)
    until = _text(allow_null=True)
    licensed_then = serializers.BooleanField(allow_null=True)


class ReportMarkingSerializer(serializers.Serializer):
    kind, kind_label, text, position, state, state_label = (_text() for _ in range(6))


class ReportItemSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    uid, category, firearm_type, part_kind, make, model, calibre, serial_number = (_text() for _ in range(8))
    year_of_manufacture = serializers.IntegerField(allow_null=True)
    status, status_label, part_kind_label = _text(), _text(), _text()
    manufacture_method, manufacture_method_label, method_variant, method_material, method_evidence = (
        _text() for _ in range(5))
    current_holder = ReportPartySerializer(allow_null=True)
    location = _text()
    markings = ReportMarkingSerializer(many=True)


class ReportEventSerializer(serializers.Serializer):
    seq = serializers.IntegerField()
    kind, kind_label, occurred_at = _text(), _text(), _text()
    date = _text(allow_null=True)
    holder = ReportPartySerializer(allow_null=True)
    from_holder = ReportPartySerializer(allow_null=True)
    location = _text()
    details = serializers.DictField(help_text="The rest of the event's payload.")
    recorded_by, agency, hash = _text(), _text(), _text()


class ReportDiversionSerializer(serializers.Serializer):
    kind, label = _text(), _text()
    identified = serializers.BooleanField()
    event_seq = serializers.IntegerField()
    date = _text(allow_null=True)
    location, circumstances, destination_country = _text(), _text(), _text()
    export_event_seq = serializers.IntegerField(required=False, help_text="After a legal export: the export event.")


class ReportCountrySerializer(serializers.Serializer):
    code, name = _text(), _text()
    year = serializers.IntegerField(allow_null=True)


class ReportImportSerializer(serializers.Serializer):
    country, country_name = _text(), _text()
    date = _text(allow_null=True)
    from_country = _text()
    from_country_name = _text(required=False)
    event_seq = serializers.IntegerField(allow_null=True)


class ReportExportSerializer(serializers.Serializer):
    destination_country = _text()
    date = _text(allow_null=True)
    event_seq = serializers.IntegerField()


class ReportStatusSerializer(serializers.Serializer):
    code = _text(help_text="An IAFQ tracing status (the values of tracing requests' outcome).")
    label, reason = _text(), _text()


class ReportRequestSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    reference, direction, direction_label, status, status_label, counterpart_country, outcome, outcome_label = (
        _text() for _ in range(8))


class ReportPartnerCheckSerializer(serializers.Serializer):
    """A lost/stolen check of the item with a partner State (federation), and its answer once it came."""

    asked_at, partner, serial, make, state = _text(), _text(), _text(), _text(), _text()
    result = _text(allow_null=True, help_text="no_record, recorded or reported_lost_stolen; null before the answer")
    reported_on, contact_point = _text(allow_null=True), _text(allow_null=True)


class ReportPartSerializer(serializers.Serializer):
    item = ReportItemSerializer()
    events = ReportEventSerializer(many=True)


class ReportSourceSerializer(serializers.Serializer):
    relation, relation_label = _text(), _text()
    report = serializers.DictField(help_text="The source item's trace report (this same schema).")


class TraceReportSerializer(serializers.Serializer):
    """The trace report of an item (tracing.report.trace_report)."""

    generated_at, registry_country = _text(), _text()
    item = ReportItemSerializer()
    events = ReportEventSerializer(many=True)
    entered_registry_by, entered_registry_by_label = _text(), _text()
    last_legitimate_holder = ReportLastHolderSerializer(allow_null=True)
    point_of_diversion = ReportDiversionSerializer(allow_null=True)
    country_of_manufacture = ReportCountrySerializer()
    last_legal_import = ReportImportSerializer(allow_null=True)
    last_export = ReportExportSerializer(allow_null=True)
    tracing_status = ReportStatusSerializer()
    tracing_requests = ReportRequestSerializer(many=True)
    partner_checks = ReportPartnerCheckSerializer(many=True)
    source = ReportSourceSerializer(allow_null=True, help_text="The item it was converted or reactivated from.")
    parts = ReportPartSerializer(many=True)


class TraceReportViewSet(viewsets.ViewSet):
    """The trace report of an item: history, last legitimate holder, point of diversion, IAFQ tracing status."""

    @extend_schema(responses={200: TraceReportSerializer},
                   parameters=[OpenApiParameter("id", OpenApiTypes.INT, OpenApiParameter.PATH, description="item id")])
    def retrieve(self, request, pk=None):
        return Response(redact_parties(request, reports.trace_report(get_object_or_404(Item, pk=pk))))


class TracingRequestSerializer(BlankChoicesMixin, bounds.ModelSerializer):
    class Meta:
        model = TracingRequest
        fields = ["id", "reference", "direction", "item", *[f for f in services.REQUEST_FIELDS if f != "direction"],
                  "status", "created_at", "sent_at", "acknowledged_at", "answered_at", "closed_at", "due_date",
                  "outcome", "answer", "closing_note"]
        read_only_fields = ["id", "reference", "status", "created_at", "sent_at", "acknowledged_at", "answered_at",
                            "closed_at", "due_date", "outcome", "answer", "closing_note"]


class AnswerSerializer(bounds.Serializer):
    responding_authority = serializers.CharField(max_length=200, allow_blank=True, default="")
    answered_on = serializers.DateField(required=False, allow_null=True)
    outcome = serializers.ChoiceField([("", "—")] + TracingStatus.choices, allow_blank=True, default="")
    findings = serializers.DictField(child=serializers.CharField(allow_blank=True), default=dict)


class StepDateSerializer(bounds.Serializer):
    """The day a request was sent (or received) or acknowledged; now unless given."""

    on = serializers.DateField(required=False, allow_null=True)

    @classmethod
    def instant(cls, data):
        step = cls(data=data)
        step.is_valid(raise_exception=True)
        return registry_services.as_datetime(step.validated_data.get("on"))


class CloseSerializer(bounds.Serializer):
    note = serializers.CharField(allow_blank=True, default="")


class TracingRequestViewSet(mixins.CreateModelMixin, mixins.UpdateModelMixin, viewsets.ReadOnlyModelViewSet):
    """ITI tracing requests. Workflow: draft → sent → acknowledged → answered → closed (actions below)."""

    queryset = TracingRequest.objects.all()
    serializer_class = TracingRequestSerializer
    filterset_fields = ["direction", "status", "item", "counterpart_country"]

    def perform_create(self, serializer):
        data = dict(serializer.validated_data)
        item = data.pop("item", None)
        serializer.instance = services.create_request(data, item=item, actor=Actor.of(self.request.user))

    def perform_update(self, serializer):
        data = dict(serializer.validated_data)
        item = {"item": data.pop("item")} if "item" in data else {}
        serializer.instance = services.update_request(serializer.instance, data, actor=Actor.of(self.request.user),
                                                      **item)

    def _done(self, request_obj, code=200):
        return Response(TracingRequestSerializer(request_obj).data, status=code)

    @extend_schema(request=StepDateSerializer, responses={200: TracingRequestSerializer})
    @action(detail=True, methods=["post"])
    def send(self, request, pk=None):
        at = StepDateSerializer.instant(request.data)
        return self._done(services.send(self.get_object(), at=at, actor=Actor.of(request.user)))

    @extend_schema(request=StepDateSerializer, responses={200: TracingRequestSerializer})
    @action(detail=True, methods=["post"])
    def acknowledge(self, request, pk=None):
        at = StepDateSerializer.instant(request.data)
        return self._done(services.acknowledge(self.get_object(), at=at, actor=Actor.of(request.user)))

    @extend_schema(request=AnswerSerializer, responses={200: TracingRequestSerializer})
    @action(detail=True, methods=["post"])
    def answer(self, request, pk=None):
        data = AnswerSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        answer = dict(data.validated_data)
        if answer.get("answered_on"):
            answer["answered_on"] = answer["answered_on"].isoformat()
        return self._done(services.record_answer(self.get_object(), answer, actor=Actor.of(request.user)))

    @extend_schema(request=OpenApiTypes.OBJECT, responses={200: TracingRequestSerializer})
    @action(detail=True, methods=["post"], url_path="import-answer")
    def import_answer(self, request, pk=None):
        """Record an answer given in the exchange format (armstrace-tracing-answer/1)."""
        return self._done(services.import_answer(request.data, request=self.get_object(), actor=Actor.of(request.user)))

    @extend_schema(request=CloseSerializer, responses={200: TracingRequestSerializer})
    @action(detail=True, methods=["post"])
    def close(self, request, pk=None):
        data = CloseSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        return self._done(services.close(self.get_object(), note=data.validated_data["note"], actor=Actor.of(request.user)))

    @extend_schema(responses={200: OpenApiTypes.OBJECT})
    @action(detail=True, methods=["get"])
    def export(self, request, pk=None):
        """The request in the exchange format (armstrace-tracing-request/1)."""
        return Response(services.export_request(self.get_object()))

    @extend_schema(responses={200: TracingRequestSerializer(many=True)})
    @action(detail=False, methods=["get"], pagination_class=None)
    def overdue(self, request):
        return Response(TracingRequestSerializer(services.overdue(), many=True).data)


def register(router):
    router.register("tracing/search", MarkingSearchViewSet, basename="tracing-search")
    router.register("tracing/reports", TraceReportViewSet, basename="tracing-report")
    router.register("tracing/requests", TracingRequestViewSet, basename="tracing-request")
