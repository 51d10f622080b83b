import json
from functools import partial

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from armstrace.accounts.personal import redact_parties
from armstrace.core.actor import Actor
from armstrace.accounts.policy import may_open
from armstrace.core.errors import RuleViolation
from armstrace.core.extensions import REQUEST_LINKS, item_links
from armstrace.core.forms import run_service
from armstrace.core.lists import list_page
from armstrace.registry import services as registry_services
from armstrace.registry.models import Item
from armstrace.tracing import documents, reports
from armstrace.tracing import search as marking_search
from armstrace.tracing import services
from armstrace.tracing.forms import (
    AnswerForm, AnswerImportForm, CloseForm, SearchForm, StepDateForm, TracingRequestForm,
)
from armstrace.tracing.lists import REQUESTS
from armstrace.tracing.models import TracingRequest


@login_required
def search(request):
    form = SearchForm(request.GET or None)
    response, refused = None, ""
    if form.is_bound and form.is_valid() and form.cleaned_data["q"].strip():
        try:
            response = marking_search.search(form.cleaned_data["q"], form.cleaned_data["mode"] or "auto",
                                              form.filters(), limit=50)
            marking_search.searched.send(sender=marking_search.SearchResponse, user=request.user, response=response)
        except marking_search.SearchRefused as exc:
            refused = exc.message
    return render(request, "tracing/search.html", {"form": form, "response": response, "refused": refused})


def _report_context(item):
    report = documents.readable_report(reports.trace_report(item))
    return {"item": item, "report": report, "generated": timezone.localtime()}


@login_required
def trace_report(request, pk):
    item = get_object_or_404(Item, pk=pk)
    return render(request, "tracing/trace_report.html", _report_context(item))


@login_required
def trace_report_pdf(request, pk):
    item = get_object_or_404(Item, pk=pk)
    seq, chain_hash = documents.last_event_covered(item)
    context = {**_report_context(item), "covered_seq": seq, "covered_hash": chain_hash}
    return documents.pdf_response(request, "tracing/trace_report_pdf.html", context,
                                  f"trace-report-{_file_part(item.serial_number or str(item.pk))}.pdf")


def _file_part(text):
    return "".join(c if c.isalnum() or c in "-_" else "-" for c in text)[:60] or "document"


@login_required
def trace_report_json(request, pk):
    item = get_object_or_404(Item, pk=pk)
    report = redact_parties(request, reports.trace_report(item))  # holders' numbers: personal_data.view, logged
    return JsonResponse(report, json_dumps_params={"ensure_ascii": False, "indent": 2})


@login_required
def request_list(request):
    requests = TracingRequest.objects.select_related("item", "item__make")
    today = timezone.localdate()
    return list_page(request, requests, REQUESTS, "tracing/request_list.html", {
        "overdue": [(r, (today - r.due_date).days) for r in services.overdue()], "today": today,
    })


def _save_request(request, form, item=None, instance=None):
    data = {k: v for k, v in form.cleaned_data.items()}
    if instance is not None:
        return run_service(form, lambda: services.update_request(instance, data, actor=Actor.of(request.user)))
    return run_service(form, lambda: services.create_request(data, item=item, actor=Actor.of(request.user)))


@login_required
def request_create(request):
    item = None
    if request.GET.get("item", "").isdigit():
        item = get_object_or_404(Item, pk=int(request.GET["item"]))
    form = TracingRequestForm(request.POST or None, initial=services.prefill_from_item(item) if item else None)
    if request.method == "POST" and form.is_valid():
        saved = _save_request(request, form, item=item)
        if saved:
            messages.success(request, _("Tracing request %(ref)s saved as a draft.") % {"ref": saved.reference})
            return redirect("tracing:request-detail", pk=saved.pk)
    return render(request, "tracing/request_form.html", {"form": form, "item": item, "title": _("New tracing request")})


@login_required
def request_for_item(request, pk):
    return redirect(f"{_url('tracing:request-create')}?item={pk}")


def _url(name, *args):
    from django.urls import reverse

    return reverse(name, args=args)


@login_required
def request_edit(request, pk):
    tracing_request = get_object_or_404(TracingRequest, pk=pk)
    form = TracingRequestForm(request.POST or None, instance=tracing_request)
    if request.method == "POST" and form.is_valid():
        if _save_request(request, form, instance=tracing_request):
            messages.success(request, _("Draft updated."))
            return redirect("tracing:request-detail", pk=pk)
    return render(request, "tracing/request_form.html", {"form": form, "item": tracing_request.item,
                                                          "title": _("Edit %(ref)s") % {"ref": tracing_request.reference}})


@login_required
def request_detail(request, pk, answer_form=None, import_form=None, close_form=None):
    tracing_request = get_object_or_404(TracingRequest.objects.select_related("item", "item__make"), pk=pk)
    return render(request, "tracing/request_detail.html", {
        "r": tracing_request, "answer_form": answer_form or AnswerForm(), "import_form": import_form or AnswerImportForm(),
        "close_form": close_form or CloseForm(), "send_form": StepDateForm(prefix="send"),
        "acknowledge_form": StepDateForm(prefix="acknowledge"), "overdue_days": services.days_overdue(tracing_request, timezone.localdate()),
        "answer_fields": tracing_request.answer.get("findings", {}) if tracing_request.answer else {},
        "request_links": item_links(tracing_request, partial(may_open, request.user), REQUEST_LINKS),
    })


ACTIONS = {"send", "acknowledge", "answer", "import", "close"}


@login_required
@require_POST
def request_action(request, pk, action):
    if action not in ACTIONS:
        raise Http404
    tracing_request = get_object_or_404(TracingRequest, pk=pk)
    actor = Actor.of(request.user)
    answer_form = import_form = close_form = None
    try:
        if action in ("send", "acknowledge"):
            date_form = StepDateForm(request.POST, prefix=action)
            if not date_form.is_valid():
                raise ValueError("; ".join(e for errors in date_form.errors.values() for e in errors))
            at = registry_services.as_datetime(date_form.cleaned_data["on"]) or timezone.now()
        if action == "send":
            services.send(tracing_request, at=at, actor=actor)
            messages.success(request, _("Request marked as sent; answer due in %(n)d days.") % {"n": services.response_due_days()})
        elif action == "acknowledge":
            services.acknowledge(tracing_request, at=at, actor=actor)
            messages.success(request, _("Acknowledgement recorded."))
        elif action == "answer":
            answer_form = AnswerForm(request.POST)
            if not answer_form.is_valid():
                return request_detail(request, pk, answer_form=answer_form)
            services.record_answer(tracing_request, answer_form.answer(), actor=actor)
            messages.success(request, _("Answer recorded."))
        elif action == "import":
            import_form = AnswerImportForm(request.POST, request.FILES)
            if not import_form.is_valid():
                return request_detail(request, pk, import_form=import_form)
            services.import_answer(_read_json(import_form), request=tracing_request, actor=actor)
            messages.success(request, _("Answer imported."))
        elif action == "close":
            close_form = CloseForm(request.POST)
            close_form.is_valid()
            services.close(tracing_request, note=close_form.cleaned_data.get("note", ""), actor=actor)
            messages.success(request, _("Request closed."))
    except (RuleViolation, ValueError) as exc:
        messages.error(request, getattr(exc, "message", str(exc)))
    return redirect("tracing:request-detail", pk=pk)


def _read_json(form):
    try:
        return json.loads(form.cleaned_data["answer_file"].read().decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise ValueError(_("The file is not valid JSON: %(e)s") % {"e": exc}) from exc


@login_required
def import_answer_any(request):
    """Import an answer file for whichever request its `request_reference` names."""
    form = AnswerImportForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        try:
            tracing_request = services.import_answer(_read_json(form), actor=Actor.of(request.user))
        except (RuleViolation, ValueError) as exc:
            form.add_error("answer_file", getattr(exc, "message", str(exc)))
        else:
            messages.success(request, _("Answer imported."))
            return redirect("tracing:request-detail", pk=tracing_request.pk)
    return render(request, "tracing/request_form.html", {"form": form, "title": _("Import an answer"), "multipart": True})


def _download(data, name):
    response = JsonResponse(data, json_dumps_params={"ensure_ascii": False, "indent": 2})
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response


@login_required
def request_export(request, pk):
    tracing_request = get_object_or_404(TracingRequest, pk=pk)
    return _download(services.export_request(tracing_request), f"{tracing_request.reference}.json")


@login_required
def answer_export(request, pk):
    tracing_request = get_object_or_404(TracingRequest, pk=pk)
    if tracing_request.answered_at is None:
        raise Http404
    return _download(services.export_answer(tracing_request), f"{tracing_request.reference}-answer.json")


@login_required
def request_print(request, pk):
    tracing_request = get_object_or_404(TracingRequest.objects.select_related("item"), pk=pk)
    return render(request, "tracing/request_print.html", _request_context(tracing_request))


def _request_context(tracing_request):
    data = services.export_request(tracing_request)
    return {"r": tracing_request, "data": data, "names": documents.readable_request(tracing_request, data)}


@login_required
def request_pdf(request, pk):
    tracing_request = get_object_or_404(TracingRequest.objects.select_related("item"), pk=pk)
    seq, chain_hash = documents.last_event_covered(tracing_request.item)
    context = {**_request_context(tracing_request), "covered_seq": seq, "covered_hash": chain_hash}
    return documents.pdf_response(request, "tracing/request_pdf.html", context,
                                  f"tracing-request-{_file_part(tracing_request.reference)}.pdf")
