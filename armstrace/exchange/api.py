"""REST API of the case threads: the threads one is a member of, their messages, posting, search, unread counts.
A thread one may not read answers 404, as if it did not exist. Attachments are uploaded through the pages; the API
lists them with their URL."""

from django.contrib.auth import get_user_model
from django.urls import reverse
from drf_spectacular.utils import OpenApiParameter, extend_schema, inline_serializer
from rest_framework import mixins, serializers, status, viewsets
from rest_framework.decorators import action
from rest_framework.exceptions import NotFound
from rest_framework.response import Response

from armstrace.accounts.models import Agency
from armstrace.core import bounds
from armstrace.exchange import access, markup, notifications, panels, services
from armstrace.exchange.models import Message, Thread, ThreadType
from armstrace.exchange.views import log_thread_read, search_threads


class AttachmentSerializer(bounds.Serializer):
    id = serializers.IntegerField()
    file_name = serializers.CharField()
    content_type = serializers.CharField()
    size = serializers.IntegerField()
    url = serializers.SerializerMethodField()

    def get_url(self, attachment) -> str:
        return reverse("exchange:attachment", args=[attachment.pk])


class MessageSerializer(bounds.ModelSerializer):
    sender = serializers.CharField(source="sender.username", read_only=True)
    html = serializers.SerializerMethodField(help_text="The text rendered and sanitised.")
    attachments = AttachmentSerializer(many=True, read_only=True)

    class Meta:
        model = Message
        fields = ["id", "sender", "sent_at", "text_format", "text", "version", "html", "attachments"]

    def get_html(self, message) -> str:
        return str(markup.render(message.text, message.text_format))


class MessageInputSerializer(bounds.Serializer):
    text = serializers.CharField(max_length=20000)
    text_format = serializers.ChoiceField(Message.Format.choices, default="plain")


class ThreadSerializer(bounds.ModelSerializer):
    members = serializers.SerializerMethodField()
    links = serializers.SerializerMethodField()

    class Meta:
        model = Thread
        fields = ["id", "subject", "kind", "holds_personal_data", "created_at", "last_message_at", "archived_at",
                  "members", "links"]

    def get_members(self, thread) -> list[str]:
        return [str(m.user.username if m.user_id else m.agency.code) for m in thread.members.all()]

    def get_links(self, thread) -> list[str]:
        return [f"{panels.kind_of(link.target)}:{link.target_id}" for link in thread.links.all() if link.target]


class ThreadCreateSerializer(MessageInputSerializer):
    subject = serializers.CharField(max_length=200)
    kind = serializers.ChoiceField(ThreadType.choices, default=ThreadType.INFORMATION)
    users = serializers.SlugRelatedField(slug_field="username", many=True, required=False, default=list,
                                         queryset=get_user_model().objects.filter(is_active=True))
    agencies = serializers.SlugRelatedField(slug_field="code", many=True, required=False, default=list,
                                            queryset=Agency.objects.all())
    links = serializers.ListField(child=serializers.CharField(max_length=60), required=False, default=list,
                                  help_text='Records the thread is about, as "item:ID", "seizure_case:ID", '
                                            '"tracing_request:ID".')
    holds_personal_data = serializers.BooleanField(default=False)


class ThreadViewSet(mixins.ListModelMixin, mixins.RetrieveModelMixin, viewsets.GenericViewSet):
    """Case threads of which you are a member (archived ones: auditors)."""

    serializer_class = ThreadSerializer

    def get_queryset(self):
        return access.visible_threads(self.request.user).prefetch_related("members__user", "members__agency",
                                                                          "links")

    def retrieve(self, request, *args, **kwargs):
        thread = self.get_object()
        log_thread_read(request, thread)
        return Response(self.get_serializer(thread).data)

    @extend_schema(request=ThreadCreateSerializer, responses={201: ThreadSerializer})
    def create(self, request):
        data = ThreadCreateSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        v = data.validated_data
        links = []
        for index, reference in enumerate(v["links"]):
            target = panels.resolve_target(request.user, reference)
            if target is None:
                return Response({"links": {str(index): [f"unknown or not visible: {reference}"]}},
                                status=status.HTTP_400_BAD_REQUEST)
            links.append(target)
        thread = services.create_thread(request.user, services.ThreadInput(
            subject=v["subject"], kind=v["kind"], text=v["text"], text_format=v["text_format"], users=v["users"],
            agencies=v["agencies"], links=links, holds_personal_data=v["holds_personal_data"]))
        return Response(ThreadSerializer(thread).data, status=status.HTTP_201_CREATED)

    @extend_schema(methods=["GET"], responses={200: MessageSerializer(many=True)})
    @extend_schema(methods=["POST"], request=MessageInputSerializer, responses={201: MessageSerializer})
    @action(detail=True, methods=["get", "post"], pagination_class=None)
    def messages(self, request, pk=None):
        thread = self.get_object()
        if request.method == "POST":
            data = MessageInputSerializer(data=request.data)
            data.is_valid(raise_exception=True)
            message = services.post_message(thread, request.user, **data.validated_data)
            return Response(MessageSerializer(message).data, status=status.HTTP_201_CREATED)
        log_thread_read(request, thread)
        posts = thread.messages.select_related("sender").prefetch_related("attachments")
        services.mark_read(thread, request.user)
        return Response(MessageSerializer(posts, many=True).data)

    @extend_schema(parameters=[OpenApiParameter("q", str, required=True, description="words (any accents)")],
                   responses={200: ThreadSerializer(many=True)})
    @action(detail=False, methods=["get"], pagination_class=None)
    def search(self, request):
        query = request.query_params.get("q", "")
        if not query.strip():
            return Response({"q": ["Give words to search for."]}, status=status.HTTP_400_BAD_REQUEST)
        return Response(ThreadSerializer([t for t, _hits in search_threads(request.user, query)], many=True).data)

    @extend_schema(responses={200: inline_serializer("UnreadCounts", {
        "threads": serializers.IntegerField(), "total": serializers.IntegerField()})})
    @action(detail=False, methods=["get"], pagination_class=None)
    def unread(self, request):
        return Response(notifications.unread_counts(request.user))

    def get_object(self):
        thread = self.get_queryset().filter(pk=self.kwargs.get("pk")).first() if str(
            self.kwargs.get("pk", "")).isdigit() else None
        if thread is None:
            raise NotFound()
        return thread


def register(router):
    from armstrace.exchange.digest_api import DigestCaseViewSet

    router.register("exchange/threads", ThreadViewSet, basename="exchange-thread")
    router.register("exchange/digest", DigestCaseViewSet, basename="exchange-digest-case")
