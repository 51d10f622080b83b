from datetime import date, timedelta

import pytest


@pytest.fixture
def broker(registry):
    from armstrace.registry.models import Party
    from armstrace.transfers import services

    party = Party.objects.create(kind=Party.Kind.BROKER, name="Global Arms Brokers", identifier="BRK-1")
    services.register_broker(party, number="BR-2020-1", issued_on=date(2020, 1, 1), valid_until=date(2040, 1, 1))
    return party


def auth_input(**kw):
    from armstrace.transfers import services

    base = dict(
        kind="export", number="EXP-1", place_of_issue="Nairobi", issued_on=date.today() - timedelta(days=30),
        expires_on=date.today() + timedelta(days=60), export_country="KEN", import_country="UGA",
        transit_countries=["TZA"], final_recipient="Uganda Police Force",
        lines=[services.LineInput("Pistols, 9 mm", 3, firearm_type="pistol"),
               services.LineInput("Cartridges 9 mm", 1000, category="ammunition")],
    )
    base.update(kw)
    return services.AuthorizationInput(**base)


@pytest.fixture
def export_auth(registry):
    from armstrace.transfers import services

    return services.issue_authorization(auth_input())
