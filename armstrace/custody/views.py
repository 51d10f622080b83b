from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db.models import Count
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from armstrace.core.actor import Actor
from armstrace.core.forms import run_service
from armstrace.core.lists import list_page
from armstrace.custody import blueprints
from armstrace.custody import forms as f
from armstrace.custody import services
from armstrace.custody.lists import CASES
from armstrace.custody.models import (
    CustodyMovement, CustodyPosition, Depot, DepotLocation, Disposal, Facility, SeizureCase, Stocktake,
)
from armstrace.custody.services import Place
from armstrace.registry.forms import lookups_as
from armstrace.registry.models import Item


@login_required
def case_list(request):
    cases = SeizureCase.objects.select_related("agency").annotate(n_items=Count("items", distinct=True))
    return list_page(request, cases, CASES, "custody/case_list.html")


@login_required
def case_create(request):
    entry = f.CaseEntry(request.POST if request.method == "POST" else None,
                        request.FILES if request.method == "POST" else None)
    if entry.is_valid():
        data = entry.to_input()
        case = run_service(entry.form, lambda: services.record_case(data, actor=Actor.of(request.user)))
        if case:
            messages.success(request, _("Case %(n)s recorded.") % {"n": case.number})
            return redirect(case)
    return render(request, "custody/case_form.html", entry.context())


@login_required
def case_detail(request, pk):
    case = get_object_or_404(SeizureCase.objects.select_related("agency"), pk=pk)
    rows = case.items.select_related("item", "item__make", "item__model", "item__calibre")
    positions = {p.item_id: Place.of(p) for p in CustodyPosition.objects.filter(item__in=[r.item_id for r in rows])
                 .select_related("depot", "shelf", "facility")}
    item_rows = [(r, positions.get(r.item_id)) for r in rows]
    movements = (CustodyMovement.objects.filter(item__case_links__case=case)
                 .select_related("item", "item__make", "from_depot", "from_shelf", "from_facility", "to_depot",
                                 "to_shelf", "to_facility").order_by("moved_at", "id"))
    return render(request, "custody/case_detail.html", {
        "case": case, "item_rows": item_rows, "ammunition": case.ammunition.select_related("calibre"),
        "persons": case.persons.all(), "timeline": [(m, _place_from(m), Place.of_movement_to(m)) for m in movements],
        "disposals": case.disposals.select_related("item", "owner"),
        "blueprints": case.blueprints.all(), "linked_cases": blueprints.linked_cases(case),
    })


def _place_from(m):
    return Place(m.from_depot, m.from_shelf, m.from_facility, m.from_label)


@login_required
def item_move(request, pk):
    item = get_object_or_404(Item, pk=pk)
    position = CustodyPosition.objects.select_related("depot", "shelf", "facility").filter(item=item).first()
    here = Place.of(position) if position else None
    initial = {"expected_seq": item.last_event_seq}
    if here:
        initial |= {"from_depot": position.depot_id, "from_shelf": position.shelf_id,
                   "from_facility": position.facility_id, "from_label": position.label}
    form = f.MoveForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        d = form.cleaned_data
        from_place = Place(
            depot=Depot.objects.filter(pk=d["from_depot"]).first() if d["from_depot"] else None,
            shelf=DepotLocation.objects.filter(pk=d["from_shelf"]).first() if d["from_shelf"] else None,
            facility=Facility.objects.filter(pk=d["from_facility"]).first() if d["from_facility"] else None,
            label=d["from_label"] or "",
        )
        to = Place(depot=d["to_depot"], shelf=d["to_shelf_obj"], facility=d["to_facility"], label=d["to_label"])
        moved = run_service(form, lambda: services.move(
            item, to, from_place=from_place, handed_over_by=d["handed_over_by"], received_by=d["received_by"],
            moved_at=d["moved_at"], purpose=d["purpose"], actor=Actor.of(request.user),
            expected_seq=d["expected_seq"]))
        if moved:
            messages.success(request, _("Movement recorded."))
            return redirect(moved.case or item_redirect(item))
    return render(request, "custody/move_form.html", {"form": form, "item": item, "here": here,
                                                       "case": position.case if position else None})


def item_redirect(item):
    from django.urls import reverse

    return reverse("registry:item-detail", args=[item.pk])


@login_required
def item_dispose(request, pk):
    item = get_object_or_404(Item, pk=pk)
    position = CustodyPosition.objects.select_related("case").filter(item=item).first()
    form = lookups_as(request, f.DisposalForm(request.POST or None, initial={"expected_seq": item.last_event_seq}))
    if request.method == "POST" and form.is_valid():
        d = form.cleaned_data
        actor, seq = Actor.of(request.user), d["expected_seq"]
        calls = {
            Disposal.Kind.DESTRUCTION: lambda: services.destroy(
                item, method=d["method"], on=d["date"], witnesses=d["witnesses"].splitlines(), actor=actor,
                expected_seq=seq),
            Disposal.Kind.DEACTIVATION: lambda: services.deactivate(
                item, standard=d["standard"], certificate_number=d["certificate_number"], on=d["date"], actor=actor,
                expected_seq=seq),
            Disposal.Kind.RETURN_TO_OWNER: lambda: services.return_to_owner(
                item, owner=d["owner"], on=d["date"], actor=actor, expected_seq=seq),
        }
        done = run_service(form, calls[d["kind"]])
        if done:
            messages.success(request, _("Disposal recorded."))
            return redirect(done.case or item_redirect(item))
    return render(request, "custody/simple_form.html", {
        "form": form, "item": item, "title": _("Dispose of an item in custody"),
        "back": position.case.get_absolute_url() if position and position.case else item_redirect(item)})


@login_required
def depot_list(request):
    depots = Depot.objects.annotate(n_items=Count("positions", distinct=True), n_shelves=Count("locations",
                                                                                                 distinct=True))
    return render(request, "custody/depot_list.html", {"depots": depots, "facilities": Facility.objects.all()})


@login_required
def depot_create(request):
    form = f.DepotForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        d = form.cleaned_data
        depot = run_service(form, lambda: services.create_depot(
            code=d["code"], name=d["name"], agency=d["agency"], admin_area=d["admin_area"], address=d["address"],
            shelves=d["shelves"].split(",")))
        if depot:
            messages.success(request, _("Depot recorded."))
            return redirect(depot)
    return render(request, "custody/simple_form.html", {"form": form, "title": _("New depot")})


@login_required
def depot_detail(request, pk):
    depot = get_object_or_404(Depot, pk=pk)
    shelves_form = f.ShelvesForm(request.POST or None)
    if request.method == "POST" and shelves_form.is_valid():
        for code in shelves_form.cleaned_data["shelves"].split(","):
            if code.strip():
                DepotLocation.objects.get_or_create(depot=depot, code=code.strip())
        messages.success(request, _("Shelves added."))
        return redirect(depot)
    inventory = (CustodyPosition.objects.filter(depot=depot)
                 .select_related("item", "item__make", "item__model", "shelf", "case").order_by("shelf__code", "item_id"))
    return render(request, "custody/depot_detail.html", {
        "depot": depot, "inventory": inventory, "shelves": depot.locations.all(), "shelves_form": shelves_form,
        "stocktakes": depot.stocktakes.all()[:50], "alerts": depot.alerts.filter(resolved=False)[:20],
    })


@login_required
def stocktake_create(request, pk):
    depot = get_object_or_404(Depot, pk=pk)
    form = f.StocktakeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        d = form.cleaned_data
        take = run_service(form, lambda: services.record_stocktake(
            depot, services.parse_counts(d["counts"]), counted_by=d["counted_by"], notes=d["notes"],
            actor=Actor.of(request.user)))
        if take:
            if take.balanced:
                messages.success(request, _("Stocktake recorded: everything is where expected."))
            else:
                messages.error(request, _("Stocktake recorded with discrepancies: an alert was raised."))
            return redirect(take)
    return render(request, "custody/simple_form.html", {
        "form": form, "title": _("Stocktake of %(depot)s") % {"depot": depot}, "back": depot.get_absolute_url()})


@login_required
def stocktake_detail(request, pk):
    take = get_object_or_404(Stocktake.objects.select_related("depot"), pk=pk)
    lines = take.lines.select_related("item", "item__make", "item__model", "expected_shelf", "counted_shelf")
    return render(request, "custody/stocktake_detail.html", {"take": take, "lines": lines})


@login_required
def facility_create(request):
    form = f.FacilityForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, _("Facility recorded."))
        return redirect("custody:depot-list")
    return render(request, "custody/simple_form.html", {"form": form, "title": _("New laboratory, court or facility")})

