"""The feedback pages (per rule: firing, hit rate, lift, precision; suggested weights to approve) and the rule
edit page."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from armstrace.core.errors import RuleViolation
from armstrace.core.forms import run_service
from armstrace.screening.feedback import MIN_INSPECTED, suggest_weights
from armstrace.screening.forms import RuleEditForm
from armstrace.screening.models import Inspection, RuleWeights
from armstrace.screening.profiles import latest_weights, rules_in_force, save_weights
from armstrace.screening.rule_hits import inspected_samples, stored_statistics


def _evidence_mark():
    """Changes whenever an outcome is recorded: an approval must be of the suggestion the officer saw."""
    last = Inspection.objects.order_by("-pk").values_list("pk", flat=True).first()
    return f"{Inspection.objects.count()}-{last or 0}"


def _suggestion(rules, samples):
    return suggest_weights(samples, {r: s["weight"] for r, s in rules.rules.items()})


@login_required
def feedback(request):
    rules = rules_in_force()
    stats, base, total, samples = stored_statistics(rules.rules)
    suggestion = _suggestion(rules, samples)
    rows = [{"stats": s, "settings": rules.rules[s.rule],
             "suggested": suggestion.weights[s.rule] if suggestion else None} for s in stats]
    return render(request, "screening/feedback.html", {
        "rows": rows, "base": base, "total": total, "suggestion": suggestion, "mark": _evidence_mark(),
        "min_inspected": MIN_INSPECTED, "latest": latest_weights(),
        "history": RuleWeights.objects.select_related("approved_by")[:10]})


@login_required
def rule_detail(request, rule_id):
    rules = rules_in_force()
    if rule_id not in rules.rules:
        raise Http404(rule_id)
    (stats,), base, total, _samples = stored_statistics([rule_id])
    return render(request, "screening/rule.html", {"rule_id": rule_id, "settings": rules.rules[rule_id],
                                                    "s": stats, "base": base, "total": total})


@login_required
@require_POST
def approve_weights(request):
    rules = rules_in_force()
    if request.POST.get("mark") != _evidence_mark():
        messages.error(request, _("New outcomes were recorded since the suggestion was shown: review it again."))
        return redirect("screening:feedback")
    suggestion = _suggestion(rules, inspected_samples())
    if suggestion is None:
        messages.error(request, _("There are not enough outcomes to suggest weights."))
        return redirect("screening:feedback")
    try:
        save_weights({r: {"weight": w} for r, w in suggestion.weights.items()}, RuleWeights.Source.REGRESSION,
                     request.user, _("%(n)d inspected, %(k)d findings") % {"n": suggestion.inspected,
                                                                         "k": suggestion.findings})
    except RuleViolation as exc:
        messages.error(request, exc.message)
        return redirect("screening:feedback")
    messages.success(request, _("The suggested weights are in force."))
    return redirect("screening:feedback")


@login_required
def edit_rules(request):
    rules = rules_in_force()
    form = RuleEditForm(rules, request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        done = run_service(form, lambda: save_weights(form.weights(), RuleWeights.Source.EDIT, request.user,
                                                      form.cleaned_data["note"]))
        if done:
            messages.success(request, _("The rules are saved and in force."))
            return redirect("screening:feedback")
    return render(request, "screening/rules_edit.html", {"form": form})
