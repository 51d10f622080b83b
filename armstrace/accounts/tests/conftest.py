"""Accounts fixtures: one user per role (auditors and administrators with an authenticator), logged-in clients,
and a small world with one object of every kind a URL can name."""

from datetime import date, timedelta

import pytest

from armstrace.conftest import TwoFactorClient

# role -> (user name, agency kind); "norole" is a user without a profile, "anonymous" no user at all.
ROLES = {
    "registrar": ("t-registrar", "registry"),
    "investigator": ("t-investigator", "police"),
    "customs": ("t-customs", "customs"),
    "analyst": ("t-analyst", "registry"),
    "auditor": ("t-auditor", "prosecution"),
    "administrator": ("t-admin", "registry"),
}


@pytest.fixture
def fast_password_hashing(settings):
    """For tests about access, not password hashing (argon2 is tested in test_security_baseline)."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture
def role_users(fast_password_hashing, make_user, django_user_model):
    users = {role: make_user(name, role, agency_kind=kind, two_factor=role in ("auditor", "administrator"))
             for role, (name, kind) in ROLES.items()}
    users["norole"] = django_user_model.objects.create_user("t-norole", password="t-norole-pass-1")
    return users


@pytest.fixture
def clients(role_users):
    """role -> a test client logged in as that role (two-factor step done where there is one), plus "anonymous"."""
    result = {"anonymous": TwoFactorClient()}
    for role, user in role_users.items():
        result[role] = TwoFactorClient()
        result[role].force_login(user)
    return result


@pytest.fixture
def world(registry, glock, settings, tmp_path):
    """A person holding a firearm, a seizure case with a suspect, a depot with a stocktake, an export authorization
    with a shipment, a tracing request, a portal dataset, and a case thread about the item with a photo, whose
    members are the agencies of the role users."""
    from armstrace.custody import services as custody
    from armstrace.monitoring.models import PortalDataset, PortalValue
    from armstrace.registry import services as reg
    from armstrace.registry.models import Party
    from armstrace.tracing import services as tracing
    from armstrace.transfers import services as transfers

    alice = Party.objects.get(pk=registry.alice.pk)
    alice.address, alice.date_of_birth = "12 Acacia Road, Capital City", date(1980, 5, 17)
    alice.save()
    conftest_at = reg.as_datetime(date(2016, 3, 1))
    reg.transfer(glock, alice, occurred_at=conftest_at)
    depot = custody.create_depot(code="DEP-W", name="World depot", shelves=["A1"])
    case = custody.record_case(custody.CaseInput(
        occurred_on=date(2024, 3, 5), kind="seizure", place="Harbour", location_type="harbour",
        items=[custody.CaseItemInput(new=reg.FirearmInput(serial_number="SZ-77", firearm_type="pistol"))],
        depot=depot, shelf=depot.locations.get(code="A1"),
        handed_over_by="Sgt. A", received_by="Clerk B",
        persons=[custody.PersonInput(name="John Suspect", role="suspect", nationality="UGA", sex="male", age=34,
                                     arrested=True)]))
    stocktake = custody.record_stocktake(depot, custody.parse_counts("A1; SZ-77"), counted_by="Clerk B")
    auth = transfers.issue_authorization(transfers.AuthorizationInput(
        kind="export", number="EXP-W", place_of_issue="Nairobi", issued_on=date.today() - timedelta(days=10),
        expires_on=date.today() + timedelta(days=60), export_country="KEN", import_country="UGA",
        final_recipient="Uganda Police Force", lines=[transfers.LineInput("Cartridges", 100, category="ammunition")]))
    shipment = transfers.record_shipment(auth, shipped_on=date.today(),
                                         lines=[transfers.ShipmentLineInput(auth.lines.get(), 10)])
    request = tracing.create_request({**tracing.prefill_from_item(glock), "counterpart_country": "AUT",
                                      "reason_illicit": "Found at a crime scene", "intended_use": "Investigation",
                                      "requesting_authority": "National Police", "point_of_contact": "Desk"},
                                     item=glock)
    from armstrace.screening import services as screening

    consignment = screening.submit({
        "consignment_id": "W-1", "operator": "DHL Express", "mail_class": "express", "tracking_id": "JD0001",
        "accepted_at": "2026-11-02T09:30:00Z", "sender_name": "Li Wei", "sender_country": "CN",
        "addressee_name": "Amina Njeri", "addressee_address": "Plot 7, Ngong Road", "addressee_country": "KE",
        "category": "gift", "declared_weight_kg": 0.4, "measured_weight_kg": 1.2,
        "lines": [{"description": "Parts", "hs_code": "", "quantity": 1, "value": 5, "currency": "USD"}]})
    dataset = PortalDataset.objects.create(name="Portal", file_name="portal.csv", file_sha256="0" * 64)
    PortalValue.objects.create(dataset=dataset, line=1, iso3="KEN", country="Kenya", indicator="Arms seized",
                               dimension="Total", category="Total", sex="Total", age="Total", year=2022,
                               unit="Counts", value=3)

    thread, message = _world_thread(settings, tmp_path, glock)

    class World:
        pass

    world = World()
    world.__dict__.update(alice=alice, dealer=registry.dealer, item=glock, seized=case.items.get().item, case=case,
                          person=case.persons.get(), depot=depot, stocktake=stocktake, authorization=auth,
                          shipment=shipment, request=request, dataset=dataset, consignment=consignment,
                          thread=thread, message=message, attachment=message.attachments.get(),
                          digest_case=_world_digest_case(case))
    return world


def _world_thread(settings, tmp_path, item):
    from django.core.files.uploadedfile import SimpleUploadedFile

    from armstrace.accounts.models import Agency
    from armstrace.conftest import create_user
    from armstrace.exchange import services as exchange

    settings.ARMSTRACE_ATTACHMENTS_DIR = str(tmp_path / "attachments")
    agencies = [Agency.objects.get_or_create(code=f"T-{kind.upper()}", defaults={"name": f"Test {kind}", "kind": kind})[0]
                for kind in {kind for _name, kind in ROLES.values()}]
    owner = create_user("w-thread-owner", "investigator", agency_kind="police")
    photo = SimpleUploadedFile("photo.png", b"\x89PNG\r\n\x1a\n" + bytes(32), content_type="image/png")
    thread = exchange.create_thread(owner, exchange.ThreadInput(
        subject="World thread", text="About the **item**", text_format="markdown", agencies=agencies, links=[item],
        files=[photo]))
    return thread, thread.messages.get()


def _world_digest_case(seizure_case):
    from armstrace.exchange import digest

    return digest.save_case({"country": "KEN", "court": "World court", "year": 2024, "case_number": "W-1",
                             "stage": "judgment", "summary": "A world case", "offences": ["illicit_trafficking"],
                             "access_level": "internal", "seizure_cases": [seizure_case.number]})
