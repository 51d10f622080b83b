"""REST API of the case digest: browse (full text, facets, sort), read, and record a case (the digest file's
JSON Schema, as `armstrace digest import` validates it)."""

from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import mixins, serializers, status, viewsets
from rest_framework.decorators import action
from rest_framework.response import Response

from armstrace.core import bounds
from armstrace.exchange import digest, digest_search
from armstrace.exchange.models import DigestCase

QUERY_PARAMETERS = [OpenApiParameter("q", str, description="words, in any of EN/FR/ES, accents ignored"),
                    OpenApiParameter("sort", str, enum=list(digest_search.SORTS))] + [
    OpenApiParameter(facet, str, description=f"only cases with this {facet}") for facet in digest_search.FACETS]


class DigestCaseSerializer(bounds.ModelSerializer):
    seizure_cases = serializers.SlugRelatedField(slug_field="number", many=True, read_only=True)

    class Meta:
        model = DigestCase
        fields = ["id", "country", "court", "year", "case_number", "stage", "language", "offences", "articles",
                  "modus_operandi", "firearms", "persons", "summary", "outcome", "legal_sources", "lessons",
                  "access_level", "seizure_cases"]


class DigestCaseViewSet(mixins.ListModelMixin, mixins.RetrieveModelMixin, viewsets.GenericViewSet):
    """Cases of the digest (persons by role only)."""

    serializer_class = DigestCaseSerializer
    queryset = DigestCase.objects.prefetch_related("seizure_cases")

    def _result(self):
        params = self.request.query_params
        sort = params.get("sort") if params.get("sort") in digest_search.SORTS else "relevance"
        filters = {facet: params.get(facet, "") for facet in digest_search.FACETS}
        return digest_search.search(params.get("q", "")[:200], filters, sort)

    @extend_schema(parameters=QUERY_PARAMETERS)
    def list(self, request):
        page = self.paginate_queryset(self._result().cases)
        return self.get_paginated_response(self.get_serializer(page, many=True).data)

    @extend_schema(request=OpenApiTypes.OBJECT, responses={201: DigestCaseSerializer},
                   description="A case as in a digest file (see `armstrace digest schema`); 400 lists the problems.")
    def create(self, request):
        errors = digest.case_errors(request.data) if isinstance(request.data, dict) else ["(case): not an object"]
        if errors:
            return Response({"code": "bad_case", "detail": "; ".join(errors)}, status=status.HTTP_400_BAD_REQUEST)
        return Response(self.get_serializer(digest.save_case(dict(request.data))).data, status=status.HTTP_201_CREATED)

    @extend_schema(parameters=QUERY_PARAMETERS, responses={200: OpenApiTypes.OBJECT},
                   description="Facet -> [[value, count], ...] over the cases found.")
    @action(detail=False, methods=["get"], pagination_class=None)
    def facets(self, request):
        return Response({facet: [[value, count] for value, count in counts]
                         for facet, counts in self._result().facets.items()})
