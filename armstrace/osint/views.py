import tempfile
from datetime import date
from pathlib import Path

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse, StreamingHttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from armstrace.core.actor import Actor
from armstrace.core.forms import run_service
from armstrace.osint import batch, export, feedback, services, sources
from armstrace.osint.forms import FieldReviewForm, RecordReviewForm, UploadForm
from armstrace.osint.highlight import as_text, segments
from armstrace.osint.models import Document, Incident, ProposedRecord, RecordStatus

PAGE = 100


@login_required
def queue(request):
    status = request.GET.get("status") or RecordStatus.PENDING
    if status not in RecordStatus.values:
        raise Http404
    records = (ProposedRecord.objects.filter(status=status).select_related("document", "incident")
               .prefetch_related("fields").order_by("-id")[:PAGE])
    rows = [{"record": r, "values": r.values()} for r in records]
    return render(request, "osint/queue.html", {"rows": rows, "status": status, "statuses": RecordStatus.choices})


@login_required
def documents(request):
    show_all = request.GET.get("all") == "1"
    qs = Document.objects.select_related("duplicate_of")
    if not show_all:
        qs = qs.filter(relevant=True, duplicate_of=None)
    return render(request, "osint/documents.html", {
        "documents": qs[:PAGE], "show_all": show_all,
        "hidden": Document.objects.exclude(relevant=True, duplicate_of=None).count()})


def _field_rows(record):
    return [{"field": f, "text": as_text(f.value), "extracted": as_text(f.extracted),
             "form": FieldReviewForm(initial={"value": as_text(f.value), "version": record.version},
                                     auto_id=f"id_{f.key}_%s")}
            for f in record.fields.all()]


@login_required
def record_detail(request, pk):
    record = get_object_or_404(ProposedRecord.objects.select_related("document", "incident", "reviewed_by"), pk=pk)
    fields = list(record.fields.all())
    return render(request, "osint/record.html", {
        "record": record, "document": record.document, "segments": segments(record.document.text, fields),
        "field_rows": _field_rows(record), "record_form": RecordReviewForm(initial={"version": record.version}),
        "seizure": getattr(record, "seizure", None),
        "copies": record.document.copies.all()})


@require_POST
@login_required
def review_field(request, pk, key):
    record = get_object_or_404(ProposedRecord, pk=pk)
    form = FieldReviewForm(request.POST)
    if form.is_valid():
        data = form.cleaned_data
        done = run_service(form, lambda: services.review_field(
            record, key, data["decision"], data["value"], Actor.of(request.user), data["version"]))
        if done:
            messages.success(request, _("Field %(key)s: %(decision)s.") % {
                "key": key, "decision": dict(FieldReviewForm.base_fields["decision"].choices)[data["decision"]]})
            return redirect("osint:record", pk=pk)
    messages.error(request, "; ".join(e for errors in form.errors.values() for e in errors))
    return redirect("osint:record", pk=pk)


@require_POST
@login_required
def review_record(request, pk):
    record = get_object_or_404(ProposedRecord, pk=pk)
    form = RecordReviewForm(request.POST)
    if form.is_valid():
        data = form.cleaned_data
        done = run_service(form, lambda: services.review_record(record, data["decision"], Actor.of(request.user),
                                                                data["version"]))
        if done:
            messages.success(request, _("Record accepted.") if done.status == RecordStatus.ACCEPTED
                             else _("Record rejected."))
            return redirect("osint:record", pk=pk)
    messages.error(request, "; ".join(e for errors in form.errors.values() for e in errors))
    return redirect("osint:record", pk=pk)


@login_required
def incidents(request):
    qs = (Incident.objects.select_related("official_case").prefetch_related("records__document", "seizures")
          .order_by("-occurred_on", "-id")[:PAGE])
    return render(request, "osint/incidents.html", {"incidents": qs})


@login_required
def incident_detail(request, pk):
    incident = get_object_or_404(Incident.objects.select_related("official_case"), pk=pk)
    records = incident.records.select_related("document", "reviewed_by").prefetch_related("fields")
    return render(request, "osint/incident.html", {
        "incident": incident, "rows": [{"record": r, "values": r.values()} for r in records]})


@login_required
def upload(request):
    form = UploadForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        report = _ingest_upload(form.cleaned_data, Actor.of(request.user))
        for problem in report.problems:
            messages.error(request, str(problem))
        messages.success(request, _("Ingested: %(summary)s.") % {"summary": report.summary()})
        stored = [d for d in report.documents if hasattr(d, "record") and d.duplicate_of_id is None]
        if len(stored) == 1:
            return redirect("osint:record", pk=stored[0].record.pk)
        return redirect("osint:queue")
    return render(request, "osint/upload.html", {"form": form})


def _ingest_upload(data, actor):
    upload_file = data["file"]
    name = Path(upload_file.name).name or "upload.txt"
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / name
        with open(path, "wb") as out:
            for chunk in upload_file.chunks():
                out.write(chunk)

        def named(docs):
            for doc in docs:
                if isinstance(doc, sources.Problem):
                    doc.where = doc.where.replace(str(path), name)
                else:
                    doc.origin = doc.origin.replace(str(path), name)
                    doc.publisher = doc.publisher or data["publisher"]
                    doc.source_url = doc.source_url or data["source_url"]
                yield doc

        return batch.ingest_all(named(sources.read_file(path)), actor)


@login_required
def export_csv(request):
    this = date.today().year
    try:
        first, last = int(request.GET.get("from", this - 4)), int(request.GET.get("to", this))
    except ValueError as exc:
        raise Http404 from exc
    if not 1900 <= first <= last <= 2100:
        raise Http404
    response = HttpResponse(export.to_csv(first, last), content_type="text/csv")
    response["Content-Disposition"] = f'attachment; filename="iafq_open_sources_{first}-{last}.csv"'
    return response


@login_required
def accuracy(request):
    return render(request, "osint/accuracy.html", {"accuracy": feedback.accuracy()})


@login_required
def labels(request):
    response = StreamingHttpResponse(feedback.labelled_lines(), content_type="application/x-ndjson; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="osint_reviewed_documents.jsonl"'
    return response
