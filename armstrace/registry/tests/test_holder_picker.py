"""The holder picker's fragment: holders by part of a name, the start of a number or #id, with date of birth and
town to tell them apart, under the personal-data rules (no person found by number, and no personal field shown, for
a user who may not see them; each read logged); bounded input; and the field works as a plain one without script."""

import pytest
from django.urls import reverse

from armstrace.accounts.models import AccessLogEntry
from armstrace.accounts.tests.conftest import TwoFactorClient
from armstrace.registry import services
from armstrace.registry.forms import TransferForm
from armstrace.registry.holder_search import town_of

URL = reverse("registry:party-picker")


@pytest.fixture
def twins(registry):
    """Two persons of one name, told apart by birth date and town."""
    from datetime import date

    return [services.register_party(kind="person", name="Juma Otieno", identifier=f"ID-JUMA-{n}",
                                    date_of_birth=date(1970 + n, 1, 2), address=f"{n} Lake Road, {town}")
            for n, town in ((1, "Kisumu"), (2, "Nakuru"))]


def _as(make_user, role, agency_kind=None):
    client = TwoFactorClient()
    client.force_login(make_user(f"picker-{role}-{agency_kind}", role, agency_kind=agency_kind,
                                 two_factor=role == "administrator"))
    return client


def test_part_of_a_name_lists_each_holder_with_birth_date_and_town(twins, make_user):
    html = _as(make_user, "registrar").get(URL, {"q": "juma ot"}).content.decode()
    for party, born, town in zip(twins, ("1971-01-02", "1972-01-02"), ("Kisumu", "Nakuru")):
        assert f'data-pick-value="#{party.pk}"' in html
        item = html[html.index(f'data-pick-value="#{party.pk}"'):]
        item = item[:item.index("</li>")]
        assert f"born {born}" in item and town in item and party.identifier in item
    assert AccessLogEntry.objects.filter(subject_id__in=[p.pk for p in twins]).count() == 2


def test_the_start_of_a_number_and_an_id_find_the_holder(twins, registry, make_user):
    client = _as(make_user, "registrar")
    assert f'#{twins[1].pk}"' in client.get(URL, {"q": "ID-JUMA-2"}).content.decode()
    by_prefix = client.get(URL, {"q": "dlr-"}).content.decode()
    assert f'#{registry.dealer.pk}"' in by_prefix and "Metro Firearms" in by_prefix
    assert f'#{registry.bob.pk}"' in client.get(URL, {"q": f"#{registry.bob.pk}"}).content.decode()
    assert "No holder matches" in client.get(URL, {"q": "zz-nobody"}).content.decode()


def test_customs_find_no_person_by_number_and_see_no_personal_field(twins, registry, make_user):
    client = _as(make_user, "customs", agency_kind="customs")
    assert "Juma" not in client.get(URL, {"q": "ID-JUMA"}).content.decode()
    by_name = client.get(URL, {"q": "Juma"}).content.decode()
    assert "Juma Otieno" in by_name and "ID-JUMA" not in by_name and "born" not in by_name
    assert "Kisumu" not in by_name  # the town is part of the withheld address
    assert "DLR-1" in client.get(URL, {"q": "DLR"}).content.decode()  # a dealer's number is not personal data


def test_the_input_is_bounded_and_short_queries_list_nothing(registry, make_user):
    client = _as(make_user, "registrar")
    assert client.get(URL, {"q": "A"}).content.decode().count("data-pick-value") == 0
    assert client.get(URL, {"q": "x" * 100_000}).status_code == 200
    assert client.get(URL, {"q": "#" + "9" * 40}).status_code == 200


def test_the_field_renders_the_picker_and_still_takes_a_plain_number(registry, glock):
    form = TransferForm({"to_party": "DLR-1", "occurred_on": "2020-01-01", "expected_seq": glock.last_event_seq})
    html = str(form["to_party"])
    assert f'data-party-picker="{URL}"' in html and 'role="listbox"' in html and 'maxlength="64"' in html
    assert "registry/pickers.js" in str(form.media)
    assert form.is_valid(), form.errors  # no script needed: the number as typed
    assert form.cleaned_data["to_party"] == registry.dealer
    too_long = TransferForm({"to_party": "X" * 65, "occurred_on": "2020-01-01", "expected_seq": 1})
    assert not too_long.is_valid() and "at most 64" in too_long.errors["to_party"][0]


def test_town_of_an_address():
    assert town_of("12 Lake Road, Kisumu") == "Kisumu" and town_of("PO Box 1\nNakuru") == "Nakuru"
    assert town_of("Kisumu") == "" and town_of("") == ""  # a single line is no "street, town"
