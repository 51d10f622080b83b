from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.db.models import Count
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _

from armstrace.core.forms import run_service
from armstrace.screening import services
from armstrace.screening.forms import InspectionForm
from armstrace.screening.models import BAND_LABELS, Consignment
from armstrace.screening.ruleset import BANDS

QUEUE_BANDS = ("physical_inspection", "xray", "document_check", "release")


@login_required
def queue(request):
    """The consignments of one band (physical inspection by default), highest score first."""
    band = request.GET.get("band")
    band = band if band in BANDS else QUEUE_BANDS[0]
    counts = dict(Consignment.objects.values_list("band").annotate(n=Count("id")).order_by())
    tabs = [{"band": b, "label": BAND_LABELS[b], "count": counts.get(b, 0)} for b in QUEUE_BANDS]
    page = Paginator(Consignment.objects.filter(band=band).order_by("-risk_score", "accepted_at"), 50).get_page(
        request.GET.get("page"))
    return render(request, "screening/queue.html",
                  {"page": page, "band": band, "band_label": BAND_LABELS[band], "tabs": tabs})


@login_required
def consignment_detail(request, pk):
    consignment = get_object_or_404(Consignment.objects.prefetch_related("lines", "inspections"), pk=pk)
    return render(request, "screening/consignment.html", {"c": consignment})


@login_required
def inspect(request, pk):
    consignment = get_object_or_404(Consignment, pk=pk)
    form = InspectionForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        done = run_service(form, lambda: services.record_inspection(
            consignment, form.cleaned_data["outcome"], form.cleaned_data["notes"], request.user))
        if done:
            messages.success(request, _("Inspection outcome recorded."))
            return redirect("screening:consignment", pk=consignment.pk)
    return render(request, "transfers/form.html", {
        "form": form, "back": reverse("screening:consignment", args=[consignment.pk]),
        "title": _("Inspection outcome of %(tracking)s") % {"tracking": consignment.tracking_id}})
