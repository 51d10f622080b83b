"""The auditor's pages: the hash-chained event log (filters, keyset pagination by seq) and the chain verifications
(registry.verify_jobs)."""

from django.contrib import messages
from django.db.models import Q
from django.http import HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from armstrace.accounts.models import Agency
from armstrace.core.lists import Column, ListError, ListSpec, export_response, filter_date_range, form_problems
from armstrace.registry import verify_jobs
from armstrace.registry.audit_forms import EventLogFilterForm
from armstrace.registry.lookup import exact_serial_ids
from armstrace.registry.models import Event, VerifyJob
from armstrace.registry.payload_display import attach_rows, holder_names, payload_rows

PAGE_SIZE = 50


def filter_events(events, *, kind="", user="", agency="", item="", date_from=None, date_to=None):
    """The events of a kind, recorded by a user (user name) or an agency (code or name), on an item (its serial or
    any marking), recorded in a date range."""
    if kind:
        events = events.filter(kind=kind)
    if user:
        events = events.filter(recorded_by_name=user.strip())
    if agency:
        codes = Agency.objects.filter(Q(code__iexact=agency.strip()) | Q(name__iexact=agency.strip()))
        events = events.filter(agency__in=list(codes.values_list("code", flat=True)) or [agency.strip()])
    if item:
        ids, _form = exact_serial_ids(item)
        events = events.filter(item_id__in=list(ids))
    return filter_date_range(events, "recorded_at", date_from, date_to)


def _int(value):
    return int(value) if value and value.isdigit() else None


def keyset_page(events, *, before=None, after=None):
    """PAGE_SIZE events, newest first, older than seq `before` or newer than seq `after`; and whether there are
    newer and older ones. Walks the seq index only: no COUNT and no OFFSET, as fast on page 10,000 as on page 1."""
    if after is not None:
        rows = list(events.filter(seq__gt=after).order_by("seq")[:PAGE_SIZE + 1])
        has_newer, rows = len(rows) > PAGE_SIZE, rows[:PAGE_SIZE][::-1]
        has_older = bool(rows) and events.filter(seq__lt=rows[-1].seq).exists()
        return rows, has_newer, has_older
    if before is not None:
        events_before = events.filter(seq__lt=before)
    else:
        events_before = events
    rows = list(events_before.order_by("-seq")[:PAGE_SIZE + 1])
    has_older, rows = len(rows) > PAGE_SIZE, rows[:PAGE_SIZE]
    has_newer = before is not None and bool(rows) and events.filter(seq__gt=rows[0].seq).exists()
    return rows, has_newer, has_older


def event_log(request):
    filters = request.GET.copy()
    for key in ("before", "after", "export"):
        filters.pop(key, None)
    form = EventLogFilterForm(filters or None)
    events = Event.objects.select_related("item", "item__make")
    if form.is_bound and form.is_valid():
        events = filter_events(events, **form.cleaned_data)
    elif form.is_bound:
        events = events.none()
    if request.GET.get("export"):
        return _export_events(request, form, events)
    rows, has_newer, has_older = keyset_page(events, before=_int(request.GET.get("before")),
                                             after=_int(request.GET.get("after")))
    agencies = dict(Agency.objects.filter(code__in={e.agency for e in rows}).values_list("code", "name"))
    for event in attach_rows(rows):
        event.agency_name = agencies.get(event.agency, event.agency)
    return render(request, "registry/event_log.html", {
        "form": form, "events": rows, "has_newer": has_newer, "has_older": has_older,
        "filter_query": filters.urlencode(), "latest_job": VerifyJob.objects.first(),
    }, status=400 if form.is_bound and not form.is_valid() else 200)


def _details(event):
    rows = payload_rows(event.payload, holder_names([event]))
    return "; ".join(f"{label}: {text}" for label, text in rows)


EVENTS = ListSpec(name="event_log", default_sort="-seq", columns=(
    Column("seq", gettext_lazy("No.")),
    Column("recorded_at", gettext_lazy("Recorded")),
    Column("occurred_at", gettext_lazy("Occurred")),
    Column("kind", gettext_lazy("Event"), (), lambda e: e.get_kind_display()),
    Column("item", gettext_lazy("Item"), (), lambda e: str(e.item) if e.item_id else ""),
    Column("details", gettext_lazy("Details"), (), _details),
    Column("recorded_by", gettext_lazy("Recorded by"), (), "recorded_by_name"),
    Column("agency", gettext_lazy("Agency")),
    Column("hash", gettext_lazy("Hash")),
    Column("prev_hash", gettext_lazy("Previous hash")),
))


def _export_events(request, form, events):
    """The filtered events, newest first, as CSV or XLSX (core.lists); 400 on a bad filter or format."""
    try:
        if form.is_bound and not form.is_valid():
            raise ListError("filters", "; ".join(form_problems(form)))
        return export_response(events.order_by("-seq"), EVENTS, request.GET["export"])
    except ListError as error:
        return HttpResponse(str(error), status=400, content_type="text/plain; charset=utf-8")


def verifications(request):
    verify_jobs.running_job()  # closes a job left behind by a stopped server
    jobs = list(VerifyJob.objects.select_related("requested_by")[:100])
    for job in jobs:
        job.read = verify_jobs.progress(job)
    unfinished = (VerifyJob.Status.QUEUED, VerifyJob.Status.RUNNING)
    running = next((job for job in jobs if job.status in unfinished), None)  # from the same rows as the table
    return render(request, "registry/verifications.html", {"jobs": jobs, "running": running})


@require_POST
def verify_start(request):
    job = verify_jobs.start(request.user)
    if job.status in (VerifyJob.Status.QUEUED, VerifyJob.Status.RUNNING):
        messages.info(request, _("The verification of the chain is running; its progress is shown below."))
    return redirect("registry:verifications")


def verification_status(request, pk):
    """The progress of one verification, as JSON, for the page's progress bar."""
    job = get_object_or_404(VerifyJob, pk=pk)
    return JsonResponse({"status": job.status, "status_label": job.get_status_display(),
                         "read": verify_jobs.progress(job), "total": job.total, "head_seq": job.head_seq, "head_hash": job.head_hash,
                         "failures": job.failures})
