"""The alerts' badge in the top bar (core.extensions.TOPBAR_ITEMS)."""

from django.template.loader import render_to_string

from armstrace.accounts.policy import may_open
from armstrace.alerts.services import new_count


def alert_badge(request):
    user = request.user
    if not user.is_authenticated or not may_open(user, "alerts:inbox"):
        return ""
    return render_to_string("alerts/_badge.html", {"count": new_count(user)}, request=request)
