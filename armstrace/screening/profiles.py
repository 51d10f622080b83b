"""The rule set in force: the profile's rule set (default YAML with the country profile laid over it) with the
latest weights and switches approved in the database laid over that. The YAML stays the default."""

import copy
import json
from functools import lru_cache

from django.conf import settings
from django.db import transaction

from armstrace.core.errors import RuleViolation
from armstrace.screening.models import RuleWeights
from armstrace.screening.ruleset import RulesError, load_rules, profile_section


def _section(path, weights):
    section = copy.deepcopy(profile_section(path) or {})
    rules = section.setdefault("rules", {})
    for rule_id, change in weights.items():
        rules[rule_id] = {**(rules.get(rule_id) or {}), **change}
    return section


@lru_cache(maxsize=4)
def _loaded(path, version, weights_json):
    return load_rules(_section(path, json.loads(weights_json)))


def latest_weights():
    """The RuleWeights row in force, or None while the profile's own weights are."""
    return RuleWeights.objects.order_by("-pk").first()


def rules_in_force():
    latest = latest_weights()
    if latest is None:
        return _loaded(str(settings.ARMSTRACE_PROFILE), 0, "{}")
    return _loaded(str(settings.ARMSTRACE_PROFILE), latest.pk, json.dumps(latest.rules, sort_keys=True))


def save_weights(weights, source, user=None, note=""):
    """Put new weights and switches ({rule: {"weight", "enabled"}}) in force. An invalid set is refused with the
    key it breaks (RuleViolation), and the rules in force stay as they were."""
    current = rules_in_force()
    unknown = sorted(set(weights) - set(current.rules))
    if unknown:
        raise RuleViolation("unknown_rule", f"screening/rules/{unknown[0]}: no such rule", field=unknown[0])
    merged = {rule_id: {"weight": current.rules[rule_id]["weight"], "enabled": current.rules[rule_id]["enabled"]}
              for rule_id in current.rules}
    for rule_id, change in weights.items():
        merged[rule_id].update(change)
    try:
        load_rules(_section(str(settings.ARMSTRACE_PROFILE), merged))
    except RulesError as exc:
        key = str(exc).split(":")[0].split("/")
        raise RuleViolation("invalid_rules", str(exc), field=key[2] if len(key) > 2 else None) from None
    with transaction.atomic():
        return RuleWeights.objects.create(rules=merged, source=source, note=note[:300],
                                          approved_by=user if user is not None and user.is_authenticated else None)
