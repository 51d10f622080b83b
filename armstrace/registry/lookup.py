"""Items by serial number: the exact look-up that the top-bar search and tracing's marking search share."""

from armstrace.registry.models import Item, Marking
from armstrace.registry.serials import fold_serial, normalize_serial


def exact_serial_ids(query) -> tuple[set, str]:
    """(ids, form): the items whose serial (or any marking) equals the query once normalised (form "normalized");
    failing that, once look-alike characters are folded ("folded"). No serial characters: (set(), "")."""
    normalized = normalize_serial(query)
    if not normalized:
        return set(), ""
    if ids := marked_item_ids(normalized=normalized):
        return ids, "normalized"
    return marked_item_ids(folded=fold_serial(query)), "folded"


def marked_item_ids(**form):
    """Ids of the items whose serial, or one of whose markings, has this form (normalized= or folded=): two index
    look-ups (an OR across the join would scan every item)."""
    (name, value), = form.items()
    ids = set(Item.objects.filter(**{f"serial_{name}": value}).values_list("pk", flat=True))
    return ids | set(Marking.objects.filter(**{name: value}).values_list("item_id", flat=True))
