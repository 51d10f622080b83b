"""A part is a way back to its firearm: a marking-search hit on a slide's serial shows the firearm it is fitted
to, and the firearm's trace report lists its parts with their histories."""

import pytest

from armstrace.conftest import at
from armstrace.registry import services
from armstrace.registry.models import Item, Make
from armstrace.tracing import search
from armstrace.tracing.reports import trace_report


@pytest.fixture
def slide(registry, glock):
    return services.create_item(
        services.FirearmInput(serial_number="SLD-7781", make=Make.objects.get(name="Glock"),
                              category=Item.Category.PART, part_kind=Item.PartKind.SLIDE, parent=glock),
        holder=registry.dealer, occurred_at=at(2016, 1, 1))


def test_a_parts_serial_finds_its_firearm(slide, glock, client, user):
    response = search.search("SLD-7781")
    hit = next(r for r in response.results if r.item.pk == slide.pk)
    assert hit.firearm.pk == glock.pk
    assert hit.as_dict()["fitted_to"]["item"] == glock.pk
    client.force_login(user)
    page = client.get("/tracing/search/?q=SLD-7781").content.decode()
    assert 'class="fitted-to"' in page and f'href="/registry/items/{glock.pk}/"' in page


def test_the_firearms_trace_report_lists_its_parts_and_their_histories(slide, glock, registry):
    services.transfer(slide, registry.alice, occurred_at=at(2017, 1, 1))
    report = trace_report(glock)
    (part,) = report["parts"]
    assert part["item"]["id"] == slide.pk and part["item"]["part_kind"] == "slide"
    assert [e["kind"] for e in part["events"]] == ["registered", "transferred"]


def test_the_report_page_names_the_part_kind_in_words(slide, glock, client, user):
    client.force_login(user)
    page = client.get(f"/tracing/items/{glock.pk}/report/").content.decode()
    assert ">Slide <code>SLD-7781</code>" in page


def test_a_firearm_hit_has_no_firearm(glock):
    hit = search.search("ABC123").results[0]
    assert hit.item.pk == glock.pk and hit.firearm is None and hit.as_dict()["fitted_to"] is None
