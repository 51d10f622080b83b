"""REST API of the alerts: the alerts addressed to you or your agency's staff (others answer 404), the count of new
ones, acknowledge and resolve (each records who and when in the alert's append-only history)."""

from drf_spectacular.utils import OpenApiParameter, extend_schema, inline_serializer
from rest_framework import mixins, serializers, status, viewsets
from rest_framework.decorators import action
from rest_framework.exceptions import NotFound
from rest_framework.response import Response

from armstrace.alerts import services
from armstrace.alerts.models import Alert, AlertChange, AlertKind, AlertState
from armstrace.core import bounds
from armstrace.core.actor import Actor
from armstrace.core.errors import RuleViolation


class ChangeSerializer(bounds.ModelSerializer):
    by = serializers.CharField(source="by_name", read_only=True)

    class Meta:
        model = AlertChange
        fields = ["state", "by", "at", "note"]


class AlertSerializer(bounds.ModelSerializer):
    title = serializers.SerializerMethodField(help_text="In the language of the request.")
    acknowledged_by = serializers.SlugRelatedField(slug_field="username", read_only=True, allow_null=True)
    resolved_by = serializers.SlugRelatedField(slug_field="username", read_only=True, allow_null=True)
    changes = ChangeSerializer(many=True, read_only=True)

    class Meta:
        model = Alert
        fields = ["id", "kind", "title", "url", "item", "state", "created_at", "acknowledged_by", "acknowledged_at",
                  "resolved_by", "resolved_at", "changes"]

    def get_title(self, alert) -> str:
        return str(alert)


class ChangeInputSerializer(bounds.Serializer):
    note = serializers.CharField(max_length=500, required=False, default="", allow_blank=True)


class AlertViewSet(mixins.ListModelMixin, mixins.RetrieveModelMixin, viewsets.GenericViewSet):
    """Alerts addressed to you or to your agency's staff, newest first."""

    serializer_class = AlertSerializer

    def get_queryset(self):
        alerts = services.visible_alerts(self.request.user).select_related(
            "acknowledged_by", "resolved_by").prefetch_related("changes")
        state, kind = self.request.query_params.get("state"), self.request.query_params.get("kind")
        if state in AlertState.values:
            alerts = alerts.filter(state=state)
        if kind in AlertKind.values:
            alerts = alerts.filter(kind=kind)
        return alerts

    @extend_schema(parameters=[
        OpenApiParameter("state", str, enum=AlertState.values, description="only alerts in this state"),
        OpenApiParameter("kind", str, enum=AlertKind.values, description="only alerts of this kind")])
    def list(self, request, *args, **kwargs):
        return super().list(request, *args, **kwargs)

    def get_object(self):
        pk = str(self.kwargs.get("pk", ""))
        alert = self.get_queryset().filter(pk=int(pk)).first() if pk.isdigit() else None
        if alert is None:
            raise NotFound()
        return alert

    def _change(self, request, command):
        alert = self.get_object()
        data = ChangeInputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        try:
            alert = command(alert, Actor.of(request.user), data.validated_data["note"])
        except RuleViolation as exc:
            return Response({"code": exc.code, "detail": exc.message, "field": exc.field},
                            status=status.HTTP_409_CONFLICT)
        return Response(AlertSerializer(self.get_queryset().get(pk=alert.pk)).data)

    @extend_schema(request=ChangeInputSerializer, responses={200: AlertSerializer})
    @action(detail=True, methods=["post"])
    def acknowledge(self, request, pk=None):
        """Take the alert in hand (new -> acknowledged); 409 when it is not new."""
        return self._change(request, services.acknowledge)

    @extend_schema(request=ChangeInputSerializer, responses={200: AlertSerializer})
    @action(detail=True, methods=["post"])
    def resolve(self, request, pk=None):
        """Settle the alert (-> resolved), recording who and when; 409 when it is resolved already."""
        return self._change(request, services.resolve)

    @extend_schema(responses={200: inline_serializer("NewAlerts", {"new": serializers.IntegerField()})})
    @action(detail=False, methods=["get"], pagination_class=None)
    def count(self, request):
        """The number of new alerts (the badge)."""
        return Response({"new": services.new_count(request.user)})


def register(router):
    router.register("alerts", AlertViewSet, basename="alert")
