from django.contrib import messages
from django.core.cache import cache
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from armstrace.alerts import hooks, services
from armstrace.alerts.forms import ChangeForm
from armstrace.alerts.lists import ALERTS
from armstrace.core.actor import Actor
from armstrace.core.forms import run_service
from armstrace.core.lists import list_page

SCAN_EVERY_SECONDS = 300


def _scan_if_due():
    """Raise the registry's alerts at most every few minutes (besides `armstrace alerts scan` and `serve`)."""
    if cache.add("alerts-scan", 1, SCAN_EVERY_SECONDS):
        hooks.scan()


def _visible(user, pk):
    alert = services.visible_alerts(user).filter(pk=pk).first()
    if alert is None:
        raise Http404  # an alert addressed to others does not exist for this user
    return alert


def inbox(request):
    _scan_if_due()
    alerts = services.visible_alerts(request.user).select_related("acknowledged_by", "resolved_by")
    return list_page(request, alerts, ALERTS, "alerts/inbox.html", {"new": services.new_count(request.user)})


def detail(request, pk):
    alert = _visible(request.user, pk)
    return render(request, "alerts/detail.html", {
        "alert": alert, "changes": alert.changes.select_related("by"), "form": ChangeForm()})


def _change(request, pk, command, done):
    alert = _visible(request.user, pk)
    form = ChangeForm(request.POST)
    if form.is_valid() and run_service(form, lambda: command(alert, Actor.of(request.user),
                                                               form.cleaned_data["note"])):
        messages.success(request, done)
        return redirect("alerts:detail", pk=alert.pk)
    return render(request, "alerts/detail.html", {
        "alert": alert, "changes": alert.changes.select_related("by"), "form": form}, status=400)


@require_POST
def acknowledge(request, pk):
    return _change(request, pk, services.acknowledge, _("Alert acknowledged."))


@require_POST
def resolve(request, pk):
    return _change(request, pk, services.resolve, _("Alert resolved."))
