"""Officers with screening.rules edit the weights and switches; an invalid edit is refused and the rules stay; an
approved suggestion writes the weights, with who and when; the YAML stays the default."""

import pytest

from armstrace.core.errors import RuleViolation
from armstrace.screening import services
from armstrace.screening.models import RuleWeights
from armstrace.screening.profiles import rules_in_force, save_weights
from armstrace.screening.ruleset import load_rules
from armstrace.screening.tests.test_queue_views import stored

pytestmark = pytest.mark.django_db


def edit_form(rules, **changes):
    data = {f"weight_{r}": s["weight"] for r, s in rules.rules.items()}
    data |= {f"enabled_{r}": "on" for r, s in rules.rules.items() if s["enabled"]}
    for key, value in changes.items():
        if value is None:
            data.pop(key, None)
        else:
            data[key] = value
    return data


def test_an_edit_puts_weights_and_switches_in_force_and_scores_follow(user, client):
    client.force_login(user)
    default = load_rules()
    assert rules_in_force().rules["arms_heading"]["weight"] == default.rules["arms_heading"]["weight"]
    response = client.post("/screening/rules-edit/", edit_form(rules_in_force(), weight_arms_heading=5,
                                                                enabled_gun_part_words=None, note="trial"))
    assert response.status_code == 302
    saved = RuleWeights.objects.get()
    assert (saved.source, saved.approved_by, saved.note) == ("edit", user, "trial")
    rules = rules_in_force()
    assert rules.rules["arms_heading"]["weight"] == 5 and not rules.rules["gun_part_words"]["enabled"]
    assert rules.rules["arms_heading"]["explanation"] == default.rules["arms_heading"]["explanation"]
    slide = stored("E1", "Pistol slide", "930591")
    assert [r["rule"] for r in slide.reasons if r["rule"] == "arms_heading"] == ["arms_heading"]
    assert {r["rule"]: r["weight"] for r in slide.reasons}["arms_heading"] == 5
    assert "gun_part_words" not in {r["rule"] for r in slide.reasons}
    assert load_rules().rules["arms_heading"]["weight"] == default.rules["arms_heading"]["weight"]  # YAML untouched


def test_an_invalid_edit_is_refused_naming_the_key_and_the_rules_stay(user, client):
    client.force_login(user)
    before = rules_in_force().rules["arms_heading"]["weight"]
    page = client.post("/screening/rules-edit/", edit_form(rules_in_force(), weight_arms_heading=5000))
    assert page.status_code == 200 and "screening/rules/arms_heading/weight" in page.content.decode()
    page = client.post("/screening/rules-edit/", edit_form(rules_in_force(), weight_cover_heading="heavy"))
    assert page.status_code == 200 and not RuleWeights.objects.exists()
    with pytest.raises(RuleViolation):
        save_weights({"no_such_rule": {"weight": 1}}, "edit")
    assert rules_in_force().rules["arms_heading"]["weight"] == before


def test_customs_may_not_edit_rules(client, make_user):
    client.force_login(make_user("officer", "customs", agency_kind="customs"))
    assert client.get("/screening/rules-edit/").status_code == 403
    assert client.post("/screening/weights/approve/", {"mark": "x"}).status_code == 403
    assert client.get("/screening/feedback/").status_code == 200


def test_feedback_page_and_approving_the_suggested_weights(user, client):
    client.force_login(user)
    for i in range(12):
        services.record_inspection(stored(f"S{i}", "Pistol slide", "930591"), "parts")
    for i in range(12):
        services.record_inspection(stored(f"N{i}", "Paperback novel", "490199", addressee_address=f"Box {i}",
                                          addressee_phone="", declared_weight_kg=0.42), "nothing")
    page = client.get("/screening/feedback/").content.decode()
    assert "arms_heading" in page and "Approve the suggested weights" in page
    mark = page.split('name="mark" value="')[1].split('"')[0]
    detail = client.get("/screening/rules/arms_heading/").content.decode()
    assert "12 of 24 consignments" in detail
    stale = client.post("/screening/weights/approve/", {"mark": "0-0"})
    assert stale.status_code == 302 and not RuleWeights.objects.exists()
    assert client.post("/screening/weights/approve/", {"mark": mark}).status_code == 302
    approved = RuleWeights.objects.get()
    assert (approved.source, approved.approved_by) == ("regression", user) and approved.approved_at
    assert "24 inspected, 12 findings" in approved.note
    weights = rules_in_force().rules
    assert weights["arms_heading"]["weight"] > 0
    assert weights["arms_heading"]["weight"] == approved.rules["arms_heading"]["weight"]
