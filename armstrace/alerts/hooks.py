"""The registry's own alerts: a lost or stolen item seized, found or surrendered (on the event's commit), a
marking search whose top result is such an item (a "hit", once per user and item), stocktake gaps and overdue
tracing requests (`scan`: `armstrace alerts scan`, the background thread of `armstrace serve`, the inbox)."""

from datetime import timedelta

from django.db import transaction
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone

from armstrace.accounts.constants import CUSTODY_VIEW, REGISTRY_EDIT, TRACING_EDIT
from armstrace.accounts.models import Agency
from armstrace.alerts.models import Alert, AlertKind
from armstrace.alerts.services import Staff, raise_alert
from armstrace.custody.models import Stocktake
from armstrace.registry.models import Event, EventKind, ItemStatus
from armstrace.tracing import services as tracing_services

REPORTS = (EventKind.THEFT_REPORTED, EventKind.LOSS_REPORTED)
RECOVERIES = (EventKind.SEIZED, EventKind.FOUND, EventKind.SURRENDERED)
MISSING = (ItemStatus.STOLEN, ItemStatus.LOST)
RECENT_DAYS = 30  # how far back `scan` looks for recoveries whose alert was not raised at their commit


def _report_before(item_id, seq):
    """The theft or loss report still standing when the event `seq` came: the item's last report or recovery
    before it, if that is a report."""
    last = (Event.objects.filter(item_id=item_id, seq__lt=seq, kind__in=REPORTS + RECOVERIES)
            .order_by("-seq").first())
    return last if last is not None and last.kind in REPORTS else None


def _reporting_staff(report):
    """The registry staff of the agency that reported the item missing (of every agency if it is unknown)."""
    agency = Agency.objects.filter(code=report.agency).first() if report.agency else None
    return Staff(REGISTRY_EDIT, agency)


def _item_params(item, report):
    agency = Agency.objects.filter(code=report.agency).first() if report.agency else None
    return {"item": str(item), "report": report.kind, "reported_on": report.occurred_at.date().isoformat(),
            "agency": agency.name if agency else report.agency}


def missing_recovered(event):
    """The alert of a seizure, find or surrender of an item reported lost or stolen, to its recorder and to the
    reporting agency's registry staff; None when the item was not missing."""
    report = _report_before(event.item_id, event.seq)
    if report is None:
        return None
    item = event.item
    return raise_alert(AlertKind.MISSING_RECOVERED, f"missing_recovered:{event.pk}",
                       params={**_item_params(item, report), "event": event.kind}, item=item,
                       url=reverse("registry:item-detail", args=[item.pk]),
                       users=[event.recorded_by], staff=[_reporting_staff(report)])


def event_saved(sender, instance, created, **kwargs):
    """post_save of registry.Event: once the recovery commits, raise its alert."""
    if created and instance.kind in RECOVERIES and instance.item_id:
        event = instance
        transaction.on_commit(lambda: missing_recovered(event))


def blueprint_matched(sender=None, blueprint=None, cases=(), **kwargs):
    """custody's `blueprint_matched`: the users who may see custody cases learn that a case holds a blueprint file
    already seized in other cases."""
    case = blueprint.case
    return raise_alert(AlertKind.BLUEPRINT_MATCH, f"blueprint:{blueprint.sha256}:{case.pk}",
                       params={"sha": blueprint.sha256[:12], "case": case.number,
                               "others": ", ".join(c.number for c in cases)},
                       url=reverse("custody:case", args=[case.pk]), staff=[Staff(CUSTODY_VIEW)])


def marking_searched(sender, user, response, **kwargs):
    """tracing.search.searched: a hit when the top result is an item reported lost or stolen."""
    top = response.results[0].item if response.results else None
    if top is None or top.status not in MISSING or not getattr(user, "is_authenticated", False):
        return None
    report = Event.objects.filter(item=top, kind__in=REPORTS).order_by("-seq").first()
    if report is None:
        return None
    return raise_alert(AlertKind.MARKING_HIT, f"marking_hit:{top.pk}:{user.pk}",
                       params={**_item_params(top, report), "query": response.query[:100], "status": top.status},
                       item=top, url=reverse("registry:item-detail", args=[top.pk]),
                       users=[user], staff=[_reporting_staff(report)])


# ---------------------------------------------------------------- scans of the registry's state


def _known(prefix):
    return set(Alert.objects.filter(key__startswith=prefix).values_list("key", flat=True))


def scan_stocktake_gaps():
    """One alert per stocktake that found items missing or extra, to its depot's agency's custody staff and
    to whoever recorded it."""
    known, raised = _known("stocktake_gap:"), 0
    gaps = Stocktake.objects.filter(Q(missing_count__gt=0) | Q(extra_count__gt=0))
    for take in gaps.select_related("depot__agency", "recorded_by"):
        if f"stocktake_gap:{take.pk}" in known:
            continue
        params = {"depot": take.depot.code, "date": timezone.localtime(take.counted_at).date().isoformat(),
                  "missing": take.missing_count, "extra": take.extra_count}
        raised += bool(raise_alert(AlertKind.STOCKTAKE_GAP, f"stocktake_gap:{take.pk}", params=params,
                                   url=reverse("custody:stocktake", args=[take.pk]), users=[take.recorded_by],
                                   staff=[Staff(CUSTODY_VIEW, take.depot.agency)]))
    return raised


def scan_overdue_tracing(today=None):
    """One alert per tracing request and due date once it is past, to its author and the tracing staff of their
    agency (of every agency when it has no author)."""
    known, raised = _known("tracing_overdue:"), 0
    for request in tracing_services.overdue(today).select_related("created_by__profile__agency"):
        key = f"tracing_overdue:{request.pk}:{request.due_date.isoformat()}"
        if key in known:
            continue
        author = request.created_by
        agency = getattr(getattr(author, "profile", None), "agency", None) if author else None
        params = {"ref": str(request), "country": request.counterpart_country, "due": request.due_date.isoformat()}
        raised += bool(raise_alert(AlertKind.TRACING_OVERDUE, key, params=params,
                                   url=reverse("tracing:request-detail", args=[request.pk]), item=request.item,
                                   users=[author], staff=[Staff(TRACING_EDIT, agency)]))
    return raised


def recoveries_missed():
    """Recent recoveries of missing items whose alert was not raised at their commit (the process stopped in
    between): their alerts, raised now."""
    reported = Event.objects.filter(kind__in=REPORTS).values("item_id")
    since = timezone.now() - timedelta(days=RECENT_DAYS)
    events = (Event.objects.filter(kind__in=RECOVERIES, item_id__in=reported, recorded_at__gte=since)
              .select_related("item", "recorded_by").order_by("seq"))
    known = _known("missing_recovered:")
    return sum(bool(missing_recovered(e)) for e in events if f"missing_recovered:{e.pk}" not in known)


def scan(today=None):
    """Raise every alert that the registry's state calls for now; the number raised. Idempotent."""
    return scan_stocktake_gaps() + scan_overdue_tracing(today) + recoveries_missed()


def scan_in_background():
    scan()
