"""Stocktakes: parse what was counted on a depot's shelves, resolve each reference to an item, and reconcile the
count against the items kept there (re-exported by custody.services, the public entry point)."""

from dataclasses import dataclass
from datetime import timedelta

from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _

from armstrace.core.actor import SYSTEM
from armstrace.core.errors import RuleViolation
from armstrace.custody.models import Alert, CustodyPosition, Stocktake, StocktakeLine
from armstrace.registry.models import Item
from armstrace.registry.serials import normalize_serial


def user_of(actor):
    """The authenticated user behind an actor, kept as `recorded_by` (None for the system or anonymous)."""
    return actor.user if actor.user is not None and actor.user.is_authenticated else None


@dataclass
class Count:
    """One item counted: the shelf code where it was found and the reference read (serial, #id or uid)."""

    reference: str
    shelf: str = ""


def parse_counts(text):
    """Lines `SHELF; reference` (or just `reference`) as typed or scanned into the stocktake form."""
    counts = []
    for raw in (text or "").splitlines():
        line = raw.strip()
        if not line:
            continue
        shelf, sep, ref = line.partition(";")
        counts.append(Count(ref.strip(), shelf.strip()) if sep else Count(line))
    return counts


def resolve_reference(reference, candidates=None):
    """The item a counted reference designates: `#id`, a uid, or a serial number (among `candidates` first)."""
    ref = reference.strip()
    if ref.startswith("#") and ref[1:].isdigit():
        return Item.objects.filter(pk=int(ref[1:])).first()
    if len(ref) == 36 and ref.count("-") == 4:
        hit = Item.objects.filter(uid=ref).first()
        if hit:
            return hit
    serial = normalize_serial(ref)
    if not serial:
        return None
    if candidates is not None:
        for item in candidates:
            if item.serial_normalized == serial:
                return item
    matches = list(Item.objects.filter(Q(serial_normalized=serial) | Q(markings__normalized=serial)).distinct()[:2])
    return matches[0] if len(matches) == 1 else None


def record_stocktake(depot, counts, *, counted_by="", counted_at=None, notes="", actor=SYSTEM):
    """Reconcile the items counted on a depot's shelves against the items expected there; keep the result,
    list missing and extra items, and raise an alert on any discrepancy."""
    counted_at = counted_at or timezone.now()
    if counted_at > timezone.now() + timedelta(minutes=5):
        raise RuleViolation("future_date", _("The stocktake date is in the future."), "counted_at")
    shelves = {s.code.casefold(): s for s in depot.locations.all()}
    with transaction.atomic():
        expected = {
            p.item_id: p for p in CustodyPosition.objects.select_for_update(of=("self",)).filter(depot=depot)
            .select_related("item", "shelf")
        }
        candidates = [p.item for p in expected.values()]
        take = Stocktake.objects.create(
            depot=depot, counted_at=counted_at, counted_by=counted_by, notes=notes, expected_count=len(expected),
            counted_count=len(counts),
            recorded_by=user_of(actor))
        lines, seen = [], set()
        for c in counts:
            shelf = shelves.get(c.shelf.casefold()) if c.shelf else None
            if c.shelf and shelf is None:
                raise RuleViolation("unknown_shelf", _("Depot %(depot)s has no shelf “%(shelf)s”.")
                                    % {"depot": depot.code, "shelf": c.shelf}, "counts")
            item = resolve_reference(c.reference, candidates)
            if item is None:
                lines.append(StocktakeLine(stocktake=take, counted_shelf=shelf, reference=c.reference,
                                           result=StocktakeLine.Result.UNKNOWN))
                continue
            if item.pk in seen:
                raise RuleViolation("counted_twice", _("%(ref)s was counted twice.") % {"ref": c.reference}, "counts")
            seen.add(item.pk)
            pos = expected.get(item.pk)
            if pos is None:
                result = StocktakeLine.Result.EXTRA
            elif shelf is not None and pos.shelf_id is not None and pos.shelf_id != shelf.pk:
                result = StocktakeLine.Result.MISPLACED
            else:
                result = StocktakeLine.Result.PRESENT
            lines.append(StocktakeLine(stocktake=take, item=item, expected_shelf=pos.shelf if pos else None,
                                       counted_shelf=shelf, reference=c.reference, result=result))
        for item_id, pos in expected.items():
            if item_id not in seen:
                lines.append(StocktakeLine(stocktake=take, item_id=item_id, expected_shelf=pos.shelf,
                                           result=StocktakeLine.Result.MISSING))
        StocktakeLine.objects.bulk_create(lines)
        R = StocktakeLine.Result
        take.missing_count = sum(1 for line in lines if line.result == R.MISSING)
        take.extra_count = sum(1 for line in lines if line.result in (R.EXTRA, R.UNKNOWN))
        take.misplaced_count = sum(1 for line in lines if line.result == R.MISPLACED)
        take.save(update_fields=["missing_count", "extra_count", "misplaced_count"])
        if take.missing_count or take.extra_count:
            Alert.objects.create(
                kind=Alert.Kind.STOCKTAKE_DISCREPANCY, depot=depot, stocktake=take,
                message=_("Stocktake of %(depot)s: %(missing)d missing, %(extra)d extra.")
                % {"depot": depot.code, "missing": take.missing_count, "extra": take.extra_count},
            )
    return take
