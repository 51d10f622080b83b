"""After a random sequence of 1,000 commands, projections rebuilt from the event log equal the live ones
(and both equal an independent model of what each successful command should have done)."""

from datetime import timedelta

from django.core.management import CommandError, call_command
from django.db import transaction
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st

from armstrace.conftest import at
from armstrace.registry import services
from armstrace.registry.eventlog import verify_chain
from armstrace.registry.models import FirearmModel, Item
from armstrace.registry.projection import rebuild_projections

ACTIONS = ["register", "transfer", "theft", "loss", "seize", "found", "surrender", "export", "reimport",
           "deactivate", "destroy", "mark", "correct"]
commands = st.lists(
    st.tuples(st.sampled_from(ACTIONS), st.integers(0, 10**6), st.integers(0, 10**6)), min_size=1000, max_size=1000
)


class Rollback(Exception):
    pass


# One fresh random script a run; no shrinking (a 1,000-command script shrinks for many minutes).
# A failure prints the seed that reproduces it.
@settings(max_examples=1, deadline=None, phases=[Phase.explicit, Phase.generate],
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow,
                                 HealthCheck.data_too_large, HealthCheck.large_base_example])
@given(commands)
def test_rebuild_equals_live_after_1000_random_commands(registry, script):
    try:
        with transaction.atomic():
            run_script(registry, script)
            raise Rollback  # each example starts from the same registry
    except Rollback:
        pass


def run_script(registry, script):
    model = FirearmModel.objects.filter(make__name="Glock").first()
    parties = [registry.dealer, registry.alice, registry.bob, registry.unlicensed, registry.police]
    items, expected = [], {}
    day0 = at(2000, 1, 1)
    accepted = refused = 0
    for n, (action, a, b) in enumerate(script):
        when = day0 + timedelta(days=n)
        item = items[a % len(items)] if items else None
        party = parties[b % len(parties)]
        try:
            if action == "register" or item is None:
                data = services.FirearmInput(serial_number=f"HX{n:05d}", make=model.make, model=model)
                item = services.create_item(data, holder=party, occurred_at=when)
                items.append(item)
                outcome = ("active", party.pk)
            elif action == "transfer":
                services.transfer(item, party, occurred_at=when)
                outcome = ("active", party.pk)
            elif action in ("theft", "loss"):
                services.report_missing(item, "theft_reported" if action == "theft" else "loss_reported", occurred_at=when)
                outcome = ("stolen" if action == "theft" else "lost", expected[item.pk][1])
            elif action in ("seize", "found", "surrender"):
                kind = {"seize": "seized", "found": "found", "surrender": "surrendered"}[action]
                services.take_into_custody(item, kind, occurred_at=when, location="Depot")
                outcome = (kind, None)
            elif action == "export":
                services.export_item(item, destination_country="UGA", occurred_at=when)
                outcome = ("exported", None)
            elif action == "reimport":
                services.reimport_item(item, holder=party, origin_country="UGA", occurred_at=when)
                outcome = ("active", party.pk)
            elif action == "deactivate":
                services.deactivate(item, standard="EU 2018/337", certificate_number=f"D{n}", occurred_at=when)
                outcome = ("deactivated", expected[item.pk][1])
            elif action == "destroy":
                services.destroy(item, method="melting", occurred_at=when)
                outcome = ("destroyed", None)
            elif action == "mark":
                services.add_marking(item, services.MarkingInput("proof", f"P{n}"), occurred_at=when)
                outcome = expected[item.pk]
            else:
                status = ["active", "stolen", "seized"][b % 3]
                services.correct(item, fields={"status": status, "holder": party.pk}, reason="audit finding")
                outcome = (status, party.pk)
            expected[item.pk] = outcome
            accepted += 1
        except services.RuleViolation:
            refused += 1
    assert accepted > 0 and accepted + refused == len(script)
    live = {i.pk: (i.status, i.current_holder_id) for i in Item.objects.filter(pk__in=expected)}
    assert live == expected
    assert rebuild_projections(write=False) == []
    assert verify_chain().ok
    check_rebuild_repairs(items[0], expected)


def check_rebuild_repairs(victim, expected):
    """A projection tampered with is reported by the rebuild's check, and the rebuild restores it."""
    Item.objects.filter(pk=victim.pk).update(status="destroyed" if victim.status != "destroyed" else "active")
    differences = rebuild_projections(write=False)
    assert [pk for pk, _, _ in differences] == [victim.pk]
    try:
        call_command("projections", "rebuild", "--check", "--quiet")
        raise AssertionError("projections rebuild --check did not fail")
    except CommandError as exc:
        assert "1 projections differ" in str(exc)
    call_command("projections", "rebuild", "--quiet")
    assert rebuild_projections(write=False) == []
    assert Item.objects.get(pk=victim.pk).status == expected[victim.pk][0]
