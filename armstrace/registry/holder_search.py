"""The holder picker's search: holders whose name holds the text typed, or whose number starts with it, under the
personal-data rules (a user who may not see persons' numbers finds no person by number, and sees only the personal
fields their access allows; each read is logged)."""

from django.db.models import Q

from armstrace.accounts.personal import persons_searchable_by_number, view_of
from armstrace.registry.models import Party

MOST = 10
QUERY_LENGTH = 64  # the longest number a holder has (Party.identifier)


def town_of(address):
    """The town of an address written as "street, town" (its last part), or ""."""
    lines = [line.strip() for line in (address or "").replace("\n", ",").split(",") if line.strip()]
    return lines[-1] if len(lines) > 1 else ""


def find_holders(request, query):
    """[(party, personal view, town)] of at most MOST holders matching `query` (2 characters at least; "#id" is the
    holder with that id), by name."""
    text = (query or "").strip()[:QUERY_LENGTH]
    if len(text) < 2:
        return []
    if text.startswith("#") and text[1:].isdigit():
        parties = Party.objects.filter(pk=int(text[1:][:18]))
    else:
        by_number = persons_searchable_by_number(request, Party.objects.filter(identifier__istartswith=text))
        parties = Party.objects.filter(Q(name__icontains=text) | Q(pk__in=by_number.values("pk"))).order_by("name", "pk")
    rows = []
    for party in parties[:MOST]:
        personal = view_of(request, "party", party, only=("identifier", "date_of_birth", "address"))
        rows.append((party, personal, town_of(personal.get("address"))))
    return rows
