from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db import transaction
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from armstrace.core.actor import Actor
from armstrace.core.forms import run_service
from armstrace.registry import services as registry_services
from armstrace.registry.forms import lookups_as
from armstrace.registry.models import Party
from armstrace.transfers import services
from armstrace.core.lists import list_page
from armstrace.transfers import forms as f
from armstrace.transfers.lists import AUTHORIZATIONS
from armstrace.transfers.models import Authorization, Shipment


@login_required
def authorization_list(request):
    auths = Authorization.objects.prefetch_related("lines")
    return list_page(request, auths, AUTHORIZATIONS, "transfers/authorization_list.html")


@login_required
def authorization_create(request):
    post = request.POST if request.method == "POST" else None
    form = lookups_as(request, f.AuthorizationForm(post))
    lines = f.LineFormSet(post, prefix="lines")
    if post is not None and form.is_valid() and lines.is_valid():
        d = form.cleaned_data
        data = services.AuthorizationInput(
            kind=d["kind"], number=d["number"], place_of_issue=d["place_of_issue"], issued_on=d["issued_on"],
            expires_on=d["expires_on"], export_country=d["export_country"], import_country=d["import_country"],
            transit_countries=d["transit_countries"], final_recipient=d["final_recipient"],
            final_recipient_party=d["final_recipient_party"], exporter=d["exporter"], importer=d["importer"],
            importer_party=d["importer_party"], broker=d["broker"], notes=d["notes"],
            lines=[services.LineInput(description=r["description"], quantity=r["quantity"] or 0,
                                      category=r["category"], firearm_type=r["firearm_type"], calibre=r["calibre"])
                   for r in (row.cleaned_data for row in lines) if r.get("description") or r.get("quantity")],
        )
        auth = run_service(form, lambda: services.issue_authorization(data, actor=Actor.of(request.user)))
        if auth:
            messages.success(request, _("Authorization recorded."))
            return redirect(auth)
    return render(request, "transfers/authorization_form.html", {"form": form, "lines": lines})


@login_required
def authorization_detail(request, pk):
    auth = get_object_or_404(Authorization.objects.select_related("broker", "importer_party",
                                                                  "final_recipient_party"), pk=pk)
    lines = list(auth.lines.select_related("calibre"))
    authorized, remaining = sum(line.quantity for line in lines), sum(line.remaining for line in lines)
    return render(request, "transfers/authorization_detail.html", {
        "auth": auth, "lines": lines, "authorized": authorized, "remaining": remaining,
        "shipped": authorized - remaining,
        "shipments": auth.shipments.prefetch_related("lines__line", "lines__items"),
        "expired": auth.is_expired(),
    })


@login_required
def shipment_create(request, pk):
    auth = get_object_or_404(Authorization, pk=pk)
    form = f.ShipmentForm(request.POST or None, authorization=auth)
    if request.method == "POST" and form.is_valid():
        d = form.cleaned_data

        def call():
            with transaction.atomic():
                lines = []
                for line in auth.lines.all():
                    items = services.items_by_serials(d.get(f"items_{line.pk}", ""))
                    qty = d.get(f"qty_{line.pk}") or 0
                    if qty or items:
                        lines.append(services.ShipmentLineInput(line, qty, items=items))
                return services.record_shipment(auth, shipped_on=d["shipped_on"], lines=lines,
                                                reference=d["reference"], notes=d["notes"],
                                                actor=Actor.of(request.user))

        if run_service(form, call):
            messages.success(request, _("Shipment recorded."))
            return redirect(auth)
    return render(request, "transfers/form.html", {
        "form": form, "title": _("Shipment under %(auth)s") % {"auth": auth}, "back": auth.get_absolute_url()})


@login_required
def shipment_receipt(request, pk):
    shipment = get_object_or_404(Shipment.objects.select_related("authorization"), pk=pk)
    form = f.ReceiptForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        d = form.cleaned_data
        if run_service(form, lambda: services.confirm_receipt(shipment, received_on=d["received_on"],
                                                              received_by=d["received_by"],
                                                              reference=d["reference"])):
            messages.success(request, _("Receipt confirmed."))
            return redirect(shipment.authorization)
    return render(request, "transfers/form.html", {
        "form": form, "title": _("Importer's confirmation of receipt: %(s)s") % {"s": shipment},
        "back": shipment.authorization.get_absolute_url()})


@login_required
def broker_list(request):
    brokers = Party.objects.filter(kind=Party.Kind.BROKER).prefetch_related("broker_registrations")
    return render(request, "transfers/broker_list.html", {"brokers": brokers})


@login_required
def broker_create(request):
    form = f.BrokerForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        d = form.cleaned_data

        def call():
            with transaction.atomic():
                party = Party.objects.filter(kind=Party.Kind.BROKER, identifier=d["identifier"]).first()
                if party is None:
                    party = registry_services.register_party(
                        kind=Party.Kind.BROKER, name=d["name"], identifier=d["identifier"], country=d["country"],
                        address=d["address"], actor=Actor.of(request.user))
                return services.register_broker(party, number=d["number"], issued_on=d["issued_on"],
                                                valid_until=d["valid_until"], activities=d["activities"])

        if run_service(form, call):
            messages.success(request, _("Broker registered."))
            return redirect("transfers:broker-list")
    return render(request, "transfers/form.html", {"form": form, "title": _("Register a broker"),
                                                   "back": "../"})

