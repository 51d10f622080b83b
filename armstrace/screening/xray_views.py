"""X-ray pages: upload an image of a consignment, label boxes on it (static/screening/xray.js, through the API),
serve its file, export the confirmed labels as COCO JSON."""

import json

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import FileResponse, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from armstrace.core.errors import RuleViolation
from armstrace.screening import xray
from armstrace.screening.detection import detection_settings
from armstrace.screening.models import XRAY_LABELS, Consignment, XrayImage
from armstrace.screening.profiles import rules_in_force


class XrayUploadForm(forms.Form):
    image = forms.FileField(label=gettext_lazy("X-ray image (PNG or JPEG)"))


@login_required
@require_POST
def upload(request, pk):
    consignment = get_object_or_404(Consignment, pk=pk)
    form = XrayUploadForm(request.POST, request.FILES)
    if not form.is_valid():
        messages.error(request, _("Choose an image file."))
        return redirect("screening:consignment", pk=pk)
    try:
        image = xray.add_image(consignment, form.cleaned_data["image"], request.user)
    except RuleViolation as exc:
        messages.error(request, exc.message)
        return redirect("screening:consignment", pk=pk)
    return redirect("screening:xray", pk=image.pk)


@login_required
def annotate(request, pk):
    image = get_object_or_404(XrayImage.objects.select_related("consignment").prefetch_related("labels"), pk=pk)
    return render(request, "screening/xray.html", {
        "image": image, "c": image.consignment, "labels": list(XRAY_LABELS.items()),
        "detection": bool(detection_settings(rules_in_force()))})


@login_required
def image_file(request, pk):
    image = get_object_or_404(XrayImage, pk=pk)
    response = FileResponse(image.file.open("rb"), content_type=image.content_type)
    response["X-Content-Type-Options"] = "nosniff"
    return response


@login_required
def coco_export(request):
    images = XrayImage.objects.prefetch_related("labels").order_by("pk")
    response = HttpResponse(json.dumps(xray.coco(images), indent=1), content_type="application/json")
    response["Content-Disposition"] = 'attachment; filename="armstrace-xray-coco.json"'
    return response
