from functools import partial

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.cache import cache
from django.db.models import Count
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from armstrace.accounts.personal import withheld_fields
from armstrace.accounts.policy import may_open
from armstrace.core.actor import Actor
from armstrace.core.extensions import item_links
from armstrace.core.forms import run_service
from armstrace.core.lists import list_page
from armstrace.registry import services
from armstrace.registry.forms import (
    CorrectionForm, CustodyForm, LicenceEditForm, LicenceForm, MarkingForm, MissingReportForm, PartyEditForm,
    PartyForm, RecoverForm, RegisterItemForm, TransferForm, lookups_as,
)
from armstrace.registry.holder_search import find_holders
from armstrace.registry.lists import ITEMS, parties_spec
from armstrace.registry.lookup import exact_serial_ids
from armstrace.registry.method_forms import method_input
from armstrace.registry.models import Event, EventKind, Item, ItemStatus, Licence, Party
from armstrace.registry.payload_display import payload_rows


@login_required
def dashboard(request):
    by_status = status_counts()
    context = {
        "status_counts": [(label, by_status.get(value, 0), value) for value, label in ItemStatus.choices],
        "total_items": sum(by_status.values()),
        "total_parties": Party.objects.count(),
        "recent_events": Event.objects.select_related("item", "item__make").order_by("-seq")[:12],
    }
    return render(request, "registry/dashboard.html", context)


def status_counts():
    """Items per status. Counting a large registry takes a while (~70 ms at 1M items on SQLite) and statuses change
    only with events, so the counts are kept per head of the event log (its seq and hash: same head, same history)."""
    head = Event.objects.order_by("-seq").values_list("seq", "hash").first()
    key = f"registry:status-counts:{head[0]}:{head[1]}" if head else None
    counts = cache.get(key) if key else None
    if counts is None:
        counts = dict(Item.objects.values_list("status").annotate(n=Count("id")))
        if key:
            cache.set(key, counts, 3600)
    return counts


def exact_serial_matches(query):
    """Items whose serial (or any marking) equals the query once normalised; failing that, once confusables are folded."""
    ids, form = exact_serial_ids(query)
    if not form:
        return Item.objects.none(), ""
    return Item.objects.select_related("make", "model", "calibre", "current_holder").filter(pk__in=ids), form


@login_required
def search(request):
    query = request.GET.get("q", "").strip()
    results, mode = exact_serial_matches(query) if query else (Item.objects.none(), "")
    return render(request, "registry/search.html", {"query": query, "results": results[:200], "mode": mode})


@login_required
def item_list(request):
    items = Item.objects.select_related("make", "model", "calibre", "current_holder")
    return list_page(request, items, ITEMS, "registry/item_list.html")


# The item page's own actions: (url name, label, the commands of services.ALLOWED_STATUSES behind it; none: always).
ITEM_ACTIONS = [
    ("registry:item-transfer", gettext_lazy("Record a transfer"), ["transfer"]),
    ("registry:item-missing", gettext_lazy("Report loss or theft"), ["report_missing"]),
    ("registry:item-recover", gettext_lazy("Record recovery"), ["recover"]),
    ("registry:item-custody", gettext_lazy("Record a seizure"), CustodyForm.KINDS),
    ("registry:item-marking", gettext_lazy("Add a marking"), ["mark"]),
    ("registry:item-correct", gettext_lazy("Record a correction"), []),
]
# Payload keys the timeline shows apart (holders as links, the place inline) or elsewhere on the page (identity).
TIMELINE_APART = {"holder", "from_holder", "location", "item", "markings"}


def item_actions(request, item):
    """The actions that the user may open and that the item's status allows."""
    return [{"url": reverse(name, args=[item.pk]), "label": label} for name, label, commands in ITEM_ACTIONS
            if may_open(request.user, name) and (not commands or any(services.allows(item, c) for c in commands))]


@login_required
def item_detail(request, pk):
    item = get_object_or_404(Item.objects.select_related("make", "model", "calibre", "current_holder", "parent"), pk=pk)
    events = list(item.events.select_related("recorded_by").order_by("seq"))
    parties = {p.pk: p for p in Party.objects.filter(pk__in=_party_ids(events))}
    names = {pk: p.name for pk, p in parties.items()}
    timeline = [(e, parties.get(e.payload.get("holder")), parties.get(e.payload.get("from_holder")),
                 payload_rows({k: v for k, v in e.payload.items() if k not in TIMELINE_APART}, names))
                for e in events]
    missing = next((e for e in reversed(events) if e.kind in (EventKind.LOSS_REPORTED, EventKind.THEFT_REPORTED)),
                   None) if item.status in (ItemStatus.LOST, ItemStatus.STOLEN) else None
    return render(request, "registry/item_detail.html", {
        "item": item, "markings": item.markings.all(), "timeline": timeline, "parts": item.parts.all(),
        "actions": item_actions(request, item), "missing_report": missing,
        "item_links": item_links(item, partial(may_open, request.user)),
    })


def _party_ids(events):
    ids = set()
    for e in events:
        for key in ("holder", "from_holder", "previous_holder"):
            if isinstance(e.payload.get(key), int):
                ids.add(e.payload[key])
        corrected = e.payload.get("fields") if e.kind == EventKind.CORRECTION else None
        if isinstance(corrected, dict) and isinstance(corrected.get("holder"), int):
            ids.add(corrected["holder"])
    return ids


@login_required
def register_item(request):
    form = lookups_as(request, RegisterItemForm(request.POST or None))
    if request.method == "POST" and form.is_valid():
        d = form.cleaned_data
        markings = []
        if d["serial_number"]:
            markings.append(services.MarkingInput("serial", d["serial_number"], d["serial_position"], d["serial_state"]))
        if d["import_mark"]:
            markings.append(services.MarkingInput("import", d["import_mark"], d["import_mark_position"]))
        data = services.FirearmInput(
            serial_number=d["serial_number"], make=d["make"], model=d["model"], calibre=d["calibre"],
            firearm_type=d["firearm_type"], country_of_manufacture=d["country_of_manufacture"],
            year_of_manufacture=d["year_of_manufacture"], description=d["description"], markings=markings,
            method=method_input(d),
        )
        item = run_service(form, lambda: services.create_item(
            data, how=d["how"], holder=d["holder"], location=d["location"],
            occurred_at=services.as_datetime(d["occurred_on"]), actor=Actor.of(request.user)))
        if item:
            messages.success(request, _("Item recorded."))
            return redirect("registry:item-detail", pk=item.pk)
    return render(request, "registry/form.html", {"form": form, "title": _("Record a firearm")})


def _item_command(request, pk, form_class, title, call, form_kwargs=None):
    item = get_object_or_404(Item, pk=pk)
    form = lookups_as(request, form_class(request.POST or None, initial={"expected_seq": item.last_event_seq},
                                          **(form_kwargs(item) if form_kwargs else {})))  # ItemVersionForm
    if request.method == "POST" and form.is_valid():
        if run_service(form, lambda: call(item, form.cleaned_data, Actor.of(request.user))):
            messages.success(request, _("Event recorded."))
            return redirect("registry:item-detail", pk=item.pk)
    return render(request, "registry/form.html", {"form": form, "title": title, "item": item})


@login_required
def transfer(request, pk):
    return _item_command(
        request, pk, TransferForm, _("Record a transfer"),
        lambda item, d, actor: services.transfer(
            item, d["to_party"], occurred_at=services.as_datetime(d["occurred_on"]), actor=actor,
            location=d["location"] or None, reference=d["reference"], expected_seq=d["expected_seq"]),
    )


@login_required
def report_missing(request, pk):
    return _item_command(
        request, pk, MissingReportForm, _("Report a loss or theft"),
        lambda item, d, actor: services.report_missing(
            item, d["kind"], occurred_at=services.as_datetime(d["occurred_on"]), actor=actor, location=d["location"],
            circumstances=d["circumstances"], police_reference=d["police_reference"], expected_seq=d["expected_seq"]),
    )


@login_required
def custody(request, pk):
    return _item_command(
        request, pk, CustodyForm, _("Record a seizure, find or surrender"),
        lambda item, d, actor: services.take_into_custody(
            item, d["kind"], occurred_at=services.as_datetime(d["occurred_on"]), actor=actor, location=d["location"],
            case_reference=d["case_reference"], circumstances=d["circumstances"], expected_seq=d["expected_seq"]),        form_kwargs=lambda item: {"item": item},
    )


@login_required
def recover(request, pk):
    return _item_command(
        request, pk, RecoverForm, _("Record the recovery of a lost or stolen item"),
        lambda item, d, actor: services.recover(
            item, occurred_at=services.as_datetime(d["occurred_on"]), actor=actor, location=d["location"],
            police_reference=d["police_reference"], case_reference=d["case_reference"],
            circumstances=d["circumstances"], expected_seq=d["expected_seq"]),
    )


@login_required
def correct(request, pk):
    return _item_command(
        request, pk, CorrectionForm, _("Record a correction"),
        lambda item, d, actor: services.correct(
            item, fields=d["fields"], reason=d["reason"], corrects_seq=d["corrects_seq"],
            actor=actor, expected_seq=d["expected_seq"]),
        form_kwargs=lambda item: {"item": item},
    )


@login_required
def add_marking(request, pk):
    return _item_command(
        request, pk, MarkingForm, _("Add a marking"),
        lambda item, d, actor: services.add_marking(
            item, services.MarkingInput(d["kind"], d["text"], d["position"], d["state"]), actor=actor,
            expected_seq=d["expected_seq"]),
    )


@login_required
def party_list(request):
    parties = Party.objects.annotate(n_items=Count("items"))
    return list_page(request, parties, parties_spec(request), "registry/party_list.html")


@login_required
def party_picker(request):
    """The holder picker's list of matches, a fragment for registry/pickers.js (?q=, at most 200 characters)."""
    rows = find_holders(request, request.GET.get("q", "")[:200])
    return render(request, "registry/party_picker.html", {"rows": rows, "q": request.GET.get("q", "")[:200]})


@login_required
def party_detail(request, pk):
    party = get_object_or_404(Party, pk=pk)
    return render(request, "registry/party_detail.html", {
        "party": party, "licences": party.licences.all(),
        "items": party.items.select_related("make", "model", "calibre").order_by("-id")[:500],
        "history": holder_history(request, party),
    })


def holder_history(request, party):
    """The holder's events (its record and its licences), newest first, each with its changes as
    (label, old, new); personal fields the user may not see read as None."""
    withheld = set(withheld_fields(request, "party", party))
    rows = []
    for event in party.events.order_by("-seq")[:200]:
        model = Party if "party" in event.payload else Licence
        changes = [(_label(model, name), None if name in withheld else old, None if name in withheld else new,
                    name in withheld)
                   for name, (old, new) in (event.payload.get("changes") or {}).items()]
        rows.append((event, event.payload.get("fields", {}).get("number") if model is Licence else "", changes))
    return rows


def _label(model, name):
    return model._meta.get_field(name.removesuffix("_id")).verbose_name


def _holder_form(request, form, title, call, party):
    context = {"form": form, "title": title}
    if request.method == "POST" and form.is_valid():
        if run_service(form, _refusing_duplicates(lambda: call(form.cleaned_data, Actor.of(request.user)), context)):
            messages.success(request, _("Change recorded."))
            return redirect("registry:party-detail", pk=party.pk)
    return render(request, "registry/form.html", context)


def _refusing_duplicates(call, context):
    """Run a holder command; a number that another holder has puts that holder in `context` for the page's link."""
    def run():
        try:
            return call()
        except services.DuplicateIdentifier as exc:
            context["existing_party"] = Party.objects.filter(pk=exc.party_id).first()
            raise
    return run


@login_required
def party_create(request):
    form = PartyForm(request.POST or None)
    context = {"form": form, "title": _("New holder")}
    if request.method == "POST" and form.is_valid():
        party = run_service(form, _refusing_duplicates(
            lambda: services.register_party(actor=Actor.of(request.user), **form.cleaned_data), context))
        if party:
            messages.success(request, _("Holder recorded."))
            return redirect("registry:party-detail", pk=party.pk)
    return render(request, "registry/form.html", context)


@login_required
def party_edit(request, pk):
    party = get_object_or_404(Party, pk=pk)
    form = PartyEditForm(request.POST or None, instance=Party.objects.get(pk=pk))
    return _holder_form(request, form, _("Change the record of %(party)s") % {"party": party}, lambda d, actor: (
        services.change_party(party, _changed(party, d, PartyForm.Meta.fields), actor=actor, reason=d["reason"])),
        party)


@login_required
def licence_create(request, pk):
    party = get_object_or_404(Party, pk=pk)
    form = LicenceForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        licence = run_service(form, lambda: services.issue_licence(
            party, actor=Actor.of(request.user),
            **{name: form.cleaned_data[name] for name in LicenceForm.Meta.fields}))
        if licence:
            messages.success(request, _("Licence recorded."))
            return redirect("registry:party-detail", pk=party.pk)
    return render(request, "registry/form.html", {"form": form, "title": _("New licence for %(party)s") % {"party": party}})


@login_required
def licence_edit(request, pk):
    licence = get_object_or_404(Licence, pk=pk)
    form = LicenceEditForm(request.POST or None, instance=Licence.objects.get(pk=pk))
    return _holder_form(request, form, _("Change licence %(licence)s") % {"licence": licence}, lambda d, actor: (
        services.change_licence(licence, _changed(licence, d, LicenceForm.Meta.fields), actor=actor,
                                reason=d["reason"])),
        licence.party)


def _changed(obj, data, fields):
    """The fields of `data` whose value differs from `obj`'s."""
    return {name: data[name] for name in fields if getattr(obj, name) != data[name]}
