"""An event's payload as labelled, translated values for people: holders by name, statuses, kinds and countries by
their labels, places by their text; never a Python dict, an internal id or an enum code."""

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from armstrace.core.countries import country_name
from armstrace.registry.models import FirearmType, Item, ItemStatus, Marking, Party

LABELS = {
    "holder": gettext_lazy("Holder"), "from_holder": gettext_lazy("Previous holder"),
    "previous_holder": gettext_lazy("Previous holder"), "previous_status": gettext_lazy("Previous status"),
    "location": gettext_lazy("Location"), "last_known_location": gettext_lazy("Last known location"),
    "circumstances": gettext_lazy("Circumstances"), "police_reference": gettext_lazy("Police reference"),
    "case_reference": gettext_lazy("Case"), "reference": gettext_lazy("Transfer reference"),
    "reason": gettext_lazy("Reason"), "note": gettext_lazy("Note"), "item": gettext_lazy("Item"),
    "markings": gettext_lazy("Markings"), "marking": gettext_lazy("Marking"),
    "destination_country": gettext_lazy("Destination country"), "origin_country": gettext_lazy("Country of origin"),
    "counterpart_country": gettext_lazy("Other country"), "country_of_manufacture": gettext_lazy("Country of manufacture"),
    "authorization": gettext_lazy("Authorization"), "standard": gettext_lazy("Deactivation standard"),
    "certificate_number": gettext_lazy("Certificate number"), "method": gettext_lazy("Method"),
    "witnesses": gettext_lazy("Witnesses"), "fields": gettext_lazy("Corrected fields"),
    "corrects_seq": gettext_lazy("Corrects event"), "from": gettext_lazy("From"), "to": gettext_lazy("To"),
    "handed_over_by": gettext_lazy("Handed over by"), "received_by": gettext_lazy("Received by"),
    "request": gettext_lazy("Tracing request"), "direction": gettext_lazy("Direction"),
    "responding_authority": gettext_lazy("Responding authority"), "answered_on": gettext_lazy("Answered on"),
    "outcome": gettext_lazy("Outcome"), "findings": gettext_lazy("Findings"), "purpose": gettext_lazy("Purpose"),
    "category": gettext_lazy("Category"), "type": gettext_lazy("Type"), "make": gettext_lazy("Make"),
    "model": gettext_lazy("Model"), "calibre": gettext_lazy("Calibre"), "serial_number": gettext_lazy("Serial number"),
    "kind": gettext_lazy("Kind"), "text": gettext_lazy("Text"), "position": gettext_lazy("Position"),
    "state": gettext_lazy("State"), "status": gettext_lazy("Status"),
    "recovered": gettext_lazy("Recovered after a loss or theft"),
}
HOLDER_KEYS = {"holder", "from_holder", "previous_holder"}
COUNTRY_KEYS = {"destination_country", "origin_country", "counterpart_country", "country_of_manufacture",
                "country", "nationality"}
CHOICES = {"previous_status": ItemStatus, "status": ItemStatus, "type": FirearmType, "category": Item.Category,
           "state": Marking.State}


def label_of(key):
    return str(LABELS.get(key) or key.replace("_", " ").capitalize())


def country_label(code):
    return country_name(code) if code else ""


def _choice(enum, value):
    try:
        return str(enum(value).label)
    except ValueError:
        return str(value)


def _place(value):
    return value.get("text") or value.get("label") or value.get("depot") or value.get("facility") or ""


def _marking(value):
    parts = [_choice(Marking.Kind, value.get("kind", "")), value.get("text", "")]
    extra = ", ".join(filter(None, [value.get("position", ""), _choice(Marking.State, value.get("state", ""))
                                    if value.get("state") else ""]))
    return " ".join(filter(None, parts)) + (f" ({extra})" if extra else "")


def value_text(key, value, holders):
    """One payload value as text (nested dicts become "Label: value" lists; see `payload_rows`)."""
    if value in (None, "", [], {}):
        return ""
    if key in HOLDER_KEYS:
        return holders.get(value, _("a holder no longer on file"))
    if key in COUNTRY_KEYS:
        return country_label(value)
    if key in CHOICES:
        return _choice(CHOICES[key], value)
    if key in ("from", "to") and isinstance(value, dict):
        return _place(value)
    if key == "corrects_seq":
        return _("event no. %(seq)s") % {"seq": value}
    if key in ("markings", "marking"):
        values = value if isinstance(value, list) else [value]
        return "; ".join(_marking(v) if isinstance(v, dict) else str(v) for v in values)
    if isinstance(value, bool):
        return _("Yes") if value else _("No")
    if isinstance(value, dict):
        return "; ".join(f"{label_of(k)}: {text}" for k, v in value.items()
                         if (text := value_text(k, v, holders)))
    if isinstance(value, list):
        return "; ".join(filter(None, (value_text(key, v, holders) for v in value)))
    return str(value)


def holder_names(events):
    """{party pk: name} of every holder named in the payloads of `events` (one query)."""
    pks = {e.payload.get(k) for e in events for k in HOLDER_KEYS if isinstance(e.payload, dict)}
    pks = {pk for pk in pks if isinstance(pk, int)}
    return dict(Party.objects.filter(pk__in=pks).values_list("pk", "name")) if pks else {}


def payload_rows(payload, holders):
    """[(label, text)] of the payload's filled fields, in a stable order; internal ids (`*_id`) are left out, and a
    value given twice under two names (a case's `case` and `case_reference`) is shown once."""
    rows = []
    for key, value in (payload or {}).items():
        text = "" if key.endswith("_id") else value_text(key, value, holders)
        if text and (label_of(key), text) not in rows:
            rows.append((label_of(key), text))
    return rows


def attach_rows(events):
    """Set `event.rows` (payload_rows) on each event of a page."""
    holders = holder_names(events)
    for event in events:
        event.rows = payload_rows(event.payload, holders)
    return events
