"""The documents a State sends abroad (trace report, tracing request) for people and as PDF (WeasyPrint): every
value labelled and translated, the letterhead and signature block from the country profile (`documents:`), a
classification marking and page numbers on every page, and the chain hash of the last event the document covers."""

from django.contrib.staticfiles import finders
from django.http import HttpResponse
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.translation import gettext as _

from armstrace.accounts.models import Agency
from armstrace.profile import get_profile
from armstrace.registry.eventlog import chain_head
from armstrace.registry.models import Event
from armstrace.registry.payload_display import country_label, payload_rows

SHOWN_APART = ("location", "last_known_location")  # in the history's own "Place" column


def letterhead():
    profile = get_profile()
    docs = profile.documents
    registry = next((a["name"] for a in profile.agencies if a.get("kind") == "registry"), "")
    return {
        "state": country_label(profile.country), "authority": docs.get("authority") or registry,
        "address": docs.get("address", ""), "classification": docs.get("classification") or _("RESTRICTED"),
        "signatory_name": docs.get("signatory_name", ""), "signatory_title": docs.get("signatory_title", ""),
        "generated": timezone.localtime(),
    }


def last_event_covered(item):
    """(seq, hash) of the item's last event, or of the chain head for a document about no registered item."""
    if item is not None:
        last = Event.objects.filter(item=item).order_by("-seq").values_list("seq", "hash").first()
        if last:
            return last
    return chain_head()


def readable_report(report):
    """The trace report with what people read added: each event's details as (label, value) rows and its agency's
    name, the export's country name."""
    agencies = dict(Agency.objects.values_list("code", "name"))
    for event in report["events"]:
        details = {k: v for k, v in event["details"].items() if k not in SHOWN_APART}
        event["detail_rows"] = payload_rows(details, {})
        event["agency_name"] = agencies.get(event["agency"], event["agency"])
    if report.get("last_export"):
        report["last_export"]["destination_country_name"] = country_label(report["last_export"]["destination_country"])
    for tracing_request in report["tracing_requests"]:
        tracing_request["counterpart_country_name"] = country_label(tracing_request.get("counterpart_country"))
    diversion = report.get("point_of_diversion")
    if diversion and diversion.get("destination_country"):
        diversion["destination_country_name"] = country_label(diversion["destination_country"])
    return report


def readable_request(tracing_request, data):
    """Country names and labels of a tracing request's export (tracing.services.export_request)."""
    weapon = data["weapon"]
    return {
        "requesting_state": country_label(data["requesting_state"]),
        "requested_state": country_label(data["requested_state"]),
        "country_of_manufacture": country_label(weapon["country_of_manufacture"]),
        "country_of_import": country_label(weapon["country_of_import"]),
        "direction": tracing_request.get_direction_display(),
    }


def pdf_response(request, template, context, filename):
    """Render `template` (extending tracing/pdf_base.html) to a PDF download."""
    from weasyprint import CSS, HTML  # imported here: loading Pango takes a moment, and only PDFs need it

    head = context.get("letterhead") or letterhead()
    html = render_to_string(template, {**context, "letterhead": head}, request=request)
    stylesheets = [CSS(filename=finders.find("armstrace/pdf.css")), CSS(string=_page_rules(head["classification"]))]
    pdf = HTML(string=html, url_fetcher=_fetch_nothing).write_pdf(stylesheets=stylesheets)
    response = HttpResponse(pdf, content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


def _fetch_nothing(url, *args, **kwargs):
    """The documents load nothing from anywhere (their stylesheets are given as files)."""
    raise ValueError(f"not fetched: {url}")


def _css_text(value):
    return '"' + str(value).replace("\\", "\\\\").replace('"', '\\"').replace("\n", " ") + '"'


def _page_rules(marking):
    page = _("Page %(page)s of %(pages)s") % {"page": '" counter(page) "', "pages": '" counter(pages) "'}
    return (f"@page {{ @top-center {{ content: {_css_text(marking)}; }} "
            f"@bottom-center {{ content: {_css_text(marking)}; }} "
            f"@bottom-right {{ content: \"{page}\"; }} }}")
