"""Pages of the case digest: browse with facets and full text, a case, and a PDF of the cases selected."""

from django.http import HttpResponse
from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from armstrace.exchange import digest, digest_search, markup
from armstrace.exchange.digest_forms import DigestCaseForm
from armstrace.exchange.digest_pdf import digest_pdf
from armstrace.exchange.models import DigestCase


def _query(request):
    filters = {facet: request.GET.get(facet, "") for facet in digest_search.FACETS}
    sort = request.GET.get("sort") if request.GET.get("sort") in digest_search.SORTS else "relevance"
    return request.GET.get("q", "")[:200], filters, sort


def _label(facet, value):
    if facet == "offence":
        known = digest.PROTOCOL_OFFENCES.get(value)
        return known[1] if known else digest.national_offences().get(value, {}).get("label", value)
    if facet == "modus_operandi":
        return digest.MODUS_OPERANDI.get(value, value)
    return value


def digest_list(request):
    query, filters, sort = _query(request)
    result = digest_search.search(query, filters, sort)
    params = request.GET.copy()
    facets = []
    for facet, counts in result.facets.items():
        links = []
        for value, count in counts:
            chosen = params.copy()
            chosen[facet] = "" if filters.get(facet) == value else value
            links.append({"value": value, "label": _label(facet, value), "count": count,
                          "selected": filters.get(facet) == value, "query": chosen.urlencode()})
        facets.append((facet, links))
    return render(request, "exchange/digest_list.html", {
        "cases": result.cases, "facets": facets, "q": query, "sort": sort, "filters": filters})


def digest_case(request, pk):
    case = get_object_or_404(DigestCase, pk=pk)
    texts = {name: markup.render(getattr(case, name)) for name in ("summary", "outcome", "lessons")}
    offences = [_label("offence", o) for o in case.offences]
    modus = [_label("modus_operandi", m) for m in case.modus_operandi]
    return render(request, "exchange/digest_case.html", {"case": case, "texts": texts, "offences": offences,
                                                         "modus": modus})


def digest_print(request):
    """The PDF of the cases checked on the list (`case=ID` repeated), or of every case found by the query."""
    ids = [int(pk) for pk in request.GET.getlist("case") if pk.isdigit()]
    if ids:
        by_pk = DigestCase.objects.in_bulk(ids)
        cases = [by_pk[pk] for pk in ids if pk in by_pk]
    else:
        query, filters, sort = _query(request)
        cases = digest_search.search(query, filters, sort).cases
    response = HttpResponse(digest_pdf(cases), content_type="application/pdf")
    response["Content-Disposition"] = 'inline; filename="case-digest.pdf"'
    return response


def digest_create(request):
    form = DigestCaseForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        case = digest.save_case(form.record())
        messages.success(request, _("Case recorded."))
        return redirect("exchange:digest-case", pk=case.pk)
    return render(request, "exchange/digest_form.html", {"form": form})
