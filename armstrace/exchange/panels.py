"""What the exchange adds to other apps' pages (core.extensions): the threads about a record, and the unread badge
in the top bar. `LINK_TARGETS` names what a thread can be linked to; another app adds its own kind (e.g. an OSINT
record) with its model and its page's URL name."""

from django.apps import apps
from django.template.loader import render_to_string

from armstrace.accounts.policy import may_open
from armstrace.exchange import notifications

# kind -> (model label, URL name of its page, which takes the pk)
LINK_TARGETS = {
    "item": ("registry.Item", "registry:item-detail"),
    "seizure_case": ("custody.SeizureCase", "custody:case"),
    "tracing_request": ("tracing.TracingRequest", "tracing:request-detail"),
}
LINKABLE = tuple(LINK_TARGETS)


def kind_of(obj):
    for kind, (label, _page) in LINK_TARGETS.items():
        if obj._meta.label == label:
            return kind
    return None


def resolve_target(user, reference):
    """The record named "kind:pk" if `user` may open its page, else None."""
    kind, _sep, pk = (reference or "").partition(":")
    if kind not in LINK_TARGETS or not pk.isdigit() or not may_open(user, LINK_TARGETS[kind][1]):
        return None
    return apps.get_model(LINK_TARGETS[kind][0]).objects.filter(pk=int(pk)).first()


def thread_panel(request, obj):
    from armstrace.exchange.services import threads_about

    user = request.user
    if not may_open(user, "exchange:inbox"):
        return ""
    return render_to_string("exchange/_panel.html", {
        "threads": threads_about(user, obj)[:20], "target": f"{kind_of(obj)}:{obj.pk}"}, request=request)


def unread_badge(request):
    user = request.user
    if not user.is_authenticated or not may_open(user, "exchange:inbox"):
        return ""
    return render_to_string("exchange/_badge.html", {"counts": notifications.unread_counts(user)}, request=request)
