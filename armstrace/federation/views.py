"""Federation pages: the inbox partners POST to, and the pages of users and administrators."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.template.loader import render_to_string
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST

from armstrace.core.actor import Actor
from armstrace.core.errors import RuleViolation
from armstrace.core.forms import run_service
from armstrace.core.signing import SigningKeyError
from armstrace.federation import evidence, partners, services
from armstrace.federation.forms import CheckForm, SendRequestForm
from armstrace.federation.inbox import Refused, receive
from armstrace.federation.models import Evidence, Message, Partner, PartnerQuery, Refusal
from armstrace.registry.models import Item
from armstrace.tracing.models import TracingRequest


@csrf_exempt
@require_POST
def inbox(request):
    """POST a compact JWS: 200 {"status": "accepted", "receipt", "replies"} or 4xx {"status": "refused", "code"}."""
    try:
        text = request.body.decode("ascii")
    except UnicodeDecodeError:
        text = "\x00"
    try:
        accepted = receive(text, transport="https", remote=request.META.get("REMOTE_ADDR", ""))
    except Refused as refusal:
        return JsonResponse(refusal.as_dict(), status=refusal.status)
    return JsonResponse({"status": "accepted", "message_id": accepted.message.message_id,
                         "receipt": accepted.receipt.jws if accepted.receipt else "",
                         "replies": [reply.jws for reply in accepted.replies]})


# ---------------------------------------------------------------- pages


@login_required
def overview(request):
    """Partners, outbox, inbox, refused messages and the evidence log."""
    outgoing = Message.objects.filter(direction="out").select_related("partner")
    return render(request, "federation/overview.html", {
        "partners": Partner.objects.prefetch_related("keys"), "identity": _identity_or_none(),
        "outbox": outgoing.exclude(state=Message.State.DELIVERED)[:100], "sent": outgoing.filter(
            state=Message.State.DELIVERED)[:50],
        "inbox": Message.objects.filter(direction="in").select_related("partner")[:100],
        "refusals": Refusal.objects.all()[:100], "evidence": Evidence.objects.all()[:100],
        "queries": PartnerQuery.objects.select_related("partner")[:100], "verified": request.session.pop(
            "federation_verified", None),
    })


def _identity_or_none():
    try:
        return partners.identity()
    except (RuleViolation, SigningKeyError):
        return None


@login_required
@require_POST
def verify(request):
    report = evidence.verify()
    request.session["federation_verified"] = report.__dict__
    return redirect("federation:overview")


@login_required
def request_exchange(request, pk):
    """A tracing request's messages with its partner; send the request (outgoing) or our answer (incoming)."""
    tracing_request = get_object_or_404(TracingRequest, pk=pk)
    form = SendRequestForm(request.POST or None)
    if request.method == "POST":
        try:
            if tracing_request.direction == TracingRequest.Direction.OUTGOING and form.is_valid():
                message = services.send_tracing_request(tracing_request, legal_basis=form.cleaned_data["legal_basis"],
                                                        actor=Actor.of(request.user))
            else:
                message = services.send_tracing_answer(tracing_request)
        except RuleViolation as exc:
            messages.error(request, exc.message)
        else:
            messages.success(request, _("Message sent to %(c)s: %(state)s.") % {
                "c": message.partner.country, "state": message.get_state_display()})
            return redirect("tracing:request-detail", pk=tracing_request.pk)
    return render(request, "federation/request_exchange.html", {
        "r": tracing_request, "form": form, "exchange": services.request_messages(tracing_request),
        "partner": Partner.objects.filter(country=tracing_request.counterpart_country).first()})


@login_required
def check_item(request, pk):
    """Ask a partner whether this serial is in its registry and was reported lost or stolen."""
    item = get_object_or_404(Item.objects.select_related("make"), pk=pk)
    form = CheckForm(request.POST or None, initial={"serial": item.serial_number, "make": item.make.name if item.make else "",
                                                   "country": item.country_of_import or item.country_of_manufacture})
    if request.method == "POST" and form.is_valid():
        query = run_service(form, lambda: services.check_lost_stolen(
            form.cleaned_data["country"], form.cleaned_data["serial"], form.cleaned_data["make"], item=item))
        if query is not None:
            if services.lost_stolen_answer(query) is None:
                messages.warning(request, _("The partner has not answered yet; the query stays in the outbox."))
            return redirect("registry:item-detail", pk=item.pk)
    return render(request, "federation/check_item.html", {"item": item, "form": form,
                                                          "checks": services.item_checks(item)})


def item_panel(request, item):
    """The partners' lost/stolen answers about `item`, for its page and its trace report."""
    checks = services.item_checks(item)
    if not checks:
        return ""
    return render_to_string("federation/item_panel.html", {"checks": checks}, request=request)
