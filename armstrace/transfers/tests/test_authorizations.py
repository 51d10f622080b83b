"""Issuing art. 10 authorizations and registering brokers: content and refusals."""

from datetime import date, timedelta

import pytest

from armstrace.registry.models import Party
from armstrace.registry.services import RuleViolation
from armstrace.transfers import services
from armstrace.transfers.models import Authorization
from armstrace.transfers.tests.conftest import auth_input


def test_authorization_carries_article_10_content(export_auth):
    a = Authorization.objects.get(pk=export_auth.pk)
    assert (a.place_of_issue, a.export_country, a.import_country, a.transit_countries) == ("Nairobi", "KEN", "UGA",
                                                                                          ["TZA"])
    assert a.final_recipient == "Uganda Police Force" and a.expires_on > a.issued_on
    assert [(line.description, line.quantity) for line in a.lines.all()] == [("Pistols, 9 mm", 3),
                                                                            ("Cartridges 9 mm", 1000)]
    assert a.quantity_authorized == 1003 and a.quantity_remaining == 1003


@pytest.mark.parametrize("kw, code", [
    ({"kind": "loan"}, "bad_kind"),
    ({"number": " "}, "number_required"),
    ({"place_of_issue": ""}, "place_required"),
    ({"final_recipient": ""}, "recipient_required"),
    ({"issued_on": date.today() + timedelta(days=1), "expires_on": date.today() + timedelta(days=9)}, "future_date"),
    ({"expires_on": date.today() - timedelta(days=31)}, "bad_expiry"),
    ({"import_country": "QQQ"}, "bad_country"),
    ({"transit_countries": ["TZA", "XX"]}, "bad_country"),
    ({"import_country": "KEN"}, "same_country"),
    ({"export_country": "UGA", "import_country": "TZA"}, "wrong_country"),
    ({"kind": "import", "export_country": "KEN", "import_country": "UGA"}, "wrong_country"),
    ({"kind": "transit", "export_country": "UGA", "import_country": "TZA", "transit_countries": []}, "wrong_country"),
    ({"lines": []}, "lines_required"),
    ({"lines": [services.LineInput("Rifles", 0)]}, "bad_line"),
])
def test_authorization_refusals(registry, kw, code):
    with pytest.raises(RuleViolation) as exc:
        services.issue_authorization(auth_input(**kw))
    assert exc.value.code == code
    assert not Authorization.objects.exists()


def test_duplicate_number_is_refused(export_auth):
    with pytest.raises(RuleViolation) as exc:
        services.issue_authorization(auth_input())
    assert exc.value.code == "duplicate_number"


def test_broker_needs_a_valid_registration(registry, broker):
    a = services.issue_authorization(auth_input(broker=broker))
    assert a.broker == broker
    unregistered = Party.objects.create(kind=Party.Kind.BROKER, name="Shady Brokers", identifier="BRK-2")
    with pytest.raises(RuleViolation) as exc:
        services.issue_authorization(auth_input(number="EXP-2", broker=unregistered))
    assert exc.value.code == "broker_not_registered"
    with pytest.raises(RuleViolation) as exc:
        services.issue_authorization(auth_input(number="EXP-3", broker=registry.alice))
    assert exc.value.code == "not_a_broker"
    expired = Party.objects.create(kind=Party.Kind.BROKER, name="Old Brokers", identifier="BRK-3")
    services.register_broker(expired, number="BR-OLD", issued_on=date(2000, 1, 1), valid_until=date(2001, 1, 1))
    with pytest.raises(RuleViolation) as exc:
        services.issue_authorization(auth_input(number="EXP-4", broker=expired))
    assert exc.value.code == "broker_not_registered"


def test_broker_registration_refusals(registry, broker):
    with pytest.raises(RuleViolation) as exc:
        services.register_broker(registry.alice, number="X", issued_on=date(2020, 1, 1))
    assert exc.value.code == "not_a_broker"
    with pytest.raises(RuleViolation) as exc:
        services.register_broker(broker, number="BR-2020-1", issued_on=date(2020, 1, 1))
    assert exc.value.code == "duplicate_number"
    with pytest.raises(RuleViolation) as exc:
        services.register_broker(broker, number="BR-9", issued_on=date(2020, 1, 1), valid_until=date(2019, 1, 1))
    assert exc.value.code == "bad_expiry"
