"""REST API of the open-source seizures: documents, proposed records with their fields, review actions, incidents."""

from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import mixins, serializers, viewsets
from rest_framework.decorators import action
from rest_framework.response import Response

from armstrace.core import bounds
from armstrace.core.actor import Actor
from armstrace.core.api import BlankChoicesMixin
from armstrace.osint import services
from armstrace.osint.extraction import RECORD_KEYS
from armstrace.osint.models import (
    Document, FieldDecision, Incident, OpenSourceSeizure, ProposedField, ProposedRecord, RecordStatus,
)


class DocumentSerializer(bounds.ModelSerializer):
    record = serializers.PrimaryKeyRelatedField(read_only=True, allow_null=True, default=None)
    source_url = serializers.CharField(read_only=True)  # may be blank, so not a "uri" in the schema

    class Meta:
        model = Document
        fields = ["id", "title", "text", "source_url", "publisher", "language", "published", "retrieved_at",
                  "origin", "content_hash", "relevance", "relevant", "duplicate_of", "near_duplicate", "record"]
        read_only_fields = fields


class DocumentInputSerializer(bounds.Serializer):
    text = serializers.CharField(max_length=services.MAX_BYTES, help_text="The article's text (at most 5 MB).")
    title = serializers.CharField(max_length=500, allow_blank=True, default="")
    source_url = serializers.URLField(max_length=1000, allow_blank=True, default="")
    publisher = serializers.CharField(max_length=200, allow_blank=True, default="")
    language = serializers.ChoiceField(["", "en", "fr", "es"], default="")
    published = serializers.DateField(required=False, allow_null=True, default=None)

    def to_input(self):
        return services.DocumentInput(origin="api", **self.validated_data)


class IngestedSerializer(bounds.Serializer):
    outcome = serializers.ChoiceField(["stored", "irrelevant", "duplicate", "near_duplicate"])
    document = DocumentSerializer()


class FieldSerializer(BlankChoicesMixin, bounds.ModelSerializer):
    class Meta:
        model = ProposedField
        fields = ["key", "extracted", "spans", "confidence", "value", "decision"]
        read_only_fields = fields


class SeizureSerializer(bounds.ModelSerializer):
    source_url = serializers.CharField(read_only=True)
    class Meta:
        model = OpenSourceSeizure
        fields = ["id", "incident", "occurred_on", "countries", "location", "firearms_total", "ammunition_rounds",
                  "arrests", "source_url", "publisher", "retrieved_at", "reviewer", "accepted_at"]
        read_only_fields = fields


class RecordSerializer(BlankChoicesMixin, bounds.ModelSerializer):
    fields = FieldSerializer(many=True, read_only=True)
    seizure = SeizureSerializer(read_only=True, allow_null=True, default=None)

    class Meta:
        model = ProposedRecord
        fields = ["id", "document", "incident", "status", "reviewed_by", "reviewed_at", "version", "fields",
                  "seizure"]
        read_only_fields = fields


class FieldReviewSerializer(bounds.Serializer):
    key = serializers.ChoiceField(list(RECORD_KEYS))
    decision = serializers.ChoiceField([FieldDecision.ACCEPTED, FieldDecision.EDITED, FieldDecision.REJECTED])
    value = serializers.JSONField(required=False, allow_null=True, default=None,
                                  help_text="The edited value (decision `edited`), in the record's type.")
    version = serializers.IntegerField(min_value=0, required=False, allow_null=True, default=None,
                                       help_text="The record's version as read; 409 if it moved on.")


class RecordReviewSerializer(bounds.Serializer):
    decision = serializers.ChoiceField([RecordStatus.ACCEPTED, RecordStatus.REJECTED])
    version = serializers.IntegerField(min_value=0, required=False, allow_null=True, default=None,
                                       help_text="The record's version as read; 409 if it moved on.")


class IncidentSerializer(bounds.ModelSerializer):
    records = serializers.PrimaryKeyRelatedField(many=True, read_only=True)
    seizures = serializers.PrimaryKeyRelatedField(many=True, read_only=True)

    class Meta:
        model = Incident
        fields = ["id", "occurred_on", "country", "location", "firearms_total", "official_case", "matched_at",
                  "records", "seizures"]
        read_only_fields = fields


class DocumentViewSet(mixins.CreateModelMixin, viewsets.ReadOnlyModelViewSet):
    """Documents; irrelevant ones and copies are left out unless `all=true`. Creating one ingests it."""

    serializer_class = DocumentSerializer
    filterset_fields = ["language", "relevant"]

    def get_queryset(self):
        qs = Document.objects.select_related("record").order_by("-id")
        if self.action == "list" and self.request.query_params.get("all") != "true":
            qs = qs.filter(relevant=True, duplicate_of=None)
        return qs

    @extend_schema(parameters=[OpenApiParameter("all", bool, description="include irrelevant documents and copies")])
    def list(self, request, *args, **kwargs):
        return super().list(request, *args, **kwargs)

    @extend_schema(request=DocumentInputSerializer, responses={201: IngestedSerializer})
    def create(self, request, *args, **kwargs):
        s = DocumentInputSerializer(data=request.data)
        s.is_valid(raise_exception=True)
        result = services.ingest(s.to_input(), Actor.of(request.user))
        document = self.get_queryset().get(pk=result.document.pk)
        return Response(IngestedSerializer({"outcome": result.outcome, "document": document}).data, status=201)


class RecordViewSet(viewsets.ReadOnlyModelViewSet):
    """Proposed records with each field's value, span and confidence; the review actions."""

    queryset = (ProposedRecord.objects.select_related("seizure").prefetch_related("fields").order_by("-id"))
    serializer_class = RecordSerializer
    filterset_fields = ["status", "incident"]

    @extend_schema(request=FieldReviewSerializer, responses={200: RecordSerializer})
    @action(detail=True, methods=["post"], url_path="review-field")
    def review_field(self, request, pk=None):
        s = FieldReviewSerializer(data=request.data)
        s.is_valid(raise_exception=True)
        v = s.validated_data
        services.review_field(self.get_object(), v["key"], v["decision"], v["value"], Actor.of(request.user),
                              v["version"])
        return Response(RecordSerializer(self.get_queryset().get(pk=pk)).data)

    @extend_schema(request=RecordReviewSerializer, responses={200: RecordSerializer})
    @action(detail=True, methods=["post"])
    def review(self, request, pk=None):
        s = RecordReviewSerializer(data=request.data)
        s.is_valid(raise_exception=True)
        services.review_record(self.get_object(), s.validated_data["decision"], Actor.of(request.user),
                               s.validated_data["version"])
        return Response(RecordSerializer(self.get_queryset().get(pk=pk)).data)


class IncidentViewSet(viewsets.ReadOnlyModelViewSet):
    queryset = Incident.objects.prefetch_related("records", "seizures").order_by("-id")
    serializer_class = IncidentSerializer
    filterset_fields = ["country"]


def register(router):
    router.register("osint/documents", DocumentViewSet, basename="osint-document")
    router.register("osint/records", RecordViewSet, basename="osint-record")
    router.register("osint/incidents", IncidentViewSet, basename="osint-incident")
