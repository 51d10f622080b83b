from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.db.models import Count
from django.shortcuts import get_object_or_404, render

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
