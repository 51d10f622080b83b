"""Pages that record a conversion or a reactivation of an item (registry.conversions)."""

from django.contrib.auth.decorators import login_required
from django.utils.translation import gettext as _

from armstrace.registry import conversions, services
from armstrace.registry.method_forms import ConvertForm, ReactivateForm, method_input
from armstrace.registry.methods import M
from armstrace.registry.views import _item_command


@login_required
def convert(request, pk):
    return _item_command(
        request, pk, ConvertForm, _("Record a conversion"),
        lambda item, d, actor: conversions.convert(
            item, method_input(d, M.CONVERTED, d["source"]), firearm_type=d["firearm_type"],
            occurred_at=services.as_datetime(d["occurred_on"]), note=d["note"], actor=actor,
            expected_seq=d["expected_seq"]))


@login_required
def reactivate(request, pk):
    return _item_command(
        request, pk, ReactivateForm, _("Record a reactivation"),
        lambda item, d, actor: conversions.reactivate(
            item, method_input(d, M.REACTIVATED, d["source"]), occurred_at=services.as_datetime(d["occurred_on"]),
            note=d["note"], actor=actor, expected_seq=d["expected_seq"]))
