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
from armstrace.screening.seizure import FoundGoods

QUEUE_BANDS = ("physical_inspection", "xray", "document_check", "release")


@login_required
def queue(request):
    """The consignments of one band (physical inspection by default) at one office (all by default), highest score
    first."""
    band = request.GET.get("band")
    band = band if band in BANDS else QUEUE_BANDS[0]
    office = request.GET.get("office", "")
    stored = Consignment.objects.filter(office=office) if office else Consignment.objects.all()
    counts = dict(stored.values_list("band").annotate(n=Count("id")).order_by())
    tabs = [{"band": b, "label": BAND_LABELS[b], "count": counts.get(b, 0)} for b in QUEUE_BANDS]
    offices = list(Consignment.objects.exclude(office="").values_list("office", flat=True).distinct().order_by("office"))
    page = Paginator(stored.filter(band=band).order_by("-risk_score", "accepted_at", "pk"), 50).get_page(
        request.GET.get("page"))
    return render(request, "screening/queue.html", {"page": page, "band": band, "band_label": BAND_LABELS[band],
                                                    "tabs": tabs, "office": office, "offices": offices})


@login_required
def consignment_detail(request, pk):
    consignment = get_object_or_404(Consignment.objects.prefetch_related("lines", "inspections__case", "xray_images"), pk=pk)
    return render(request, "screening/consignment.html", {"c": consignment})


@login_required
def inspect(request, pk):
    consignment = get_object_or_404(Consignment, pk=pk)
    form = InspectionForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        found = FoundGoods(firearm_type=data["firearm_type"], part_kind=data["part_kind"],
                           ammunition_quantity=data["ammunition_quantity"], description=data["notes"].strip()[:300])
        done = run_service(form, lambda: services.record_inspection(
            consignment, data["outcome"], data["notes"], request.user, found))
        if done and done.case_id:
            messages.success(request, _("Inspection outcome recorded; seizure case %(number)s opened.")
                             % {"number": done.case.number})
            return redirect("custody:case", pk=done.case_id)
        if done:
            messages.success(request, _("Inspection outcome recorded."))
            return redirect("screening:consignment", pk=consignment.pk)
    return render(request, "transfers/form.html", {
        "form": form, "back": reverse("screening:consignment", args=[consignment.pk]),
        "title": _("Inspection outcome of %(tracking)s") % {"tracking": consignment.tracking_id}})
