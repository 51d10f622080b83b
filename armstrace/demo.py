"""A realistic synthetic registry for demonstrations, training and benchmarks.

Every item and change goes through the services, so the demo obeys the same rules and
produces the same hash-chained events as real use. Reproducible for a given seed.
"""

import random
from datetime import UTC, date, datetime, timedelta

from django.contrib.auth import get_user_model
from django.db import transaction

from armstrace import demo_showcase as showcase
from armstrace.accounts.constants import TWO_FACTOR_ROLES
from armstrace.accounts.models import Agency, Role, UserProfile
from armstrace.core.actor import SYSTEM, Actor
from armstrace.core.errors import RuleViolation
from armstrace.custody import services as custody
from armstrace.demo_methods import SCENARIO_ITEMS, make_method_scenarios
from armstrace.profile import get_profile
from armstrace.registry import services
from armstrace.registry.holders import holder_with_identifier
from armstrace.registry.models import EventKind, FirearmModel, Item, Licence, Marking, Party
from armstrace.registry.reference_data import serial_from_pattern

DEMO_USER, DEMO_PASSWORD = "demo", "armstrace-demo"
# One demo user per role (all with DEMO_PASSWORD), with the kind of agency the role works in.
DEMO_USERS = [
    (DEMO_USER, Role.REGISTRAR, "registry"),
    ("demo-investigator", Role.INVESTIGATOR, "police"),
    ("demo-customs", Role.CUSTOMS, "customs"),
    ("demo-analyst", Role.ANALYST, "registry"),
    ("demo-auditor", Role.AUDITOR, "prosecution"),
    ("demo-admin", Role.ADMINISTRATOR, "registry"),
]

FIRST_NAMES = ["Amadou", "Fatou", "Jean", "Marie", "Carlos", "Lucía", "John", "Grace", "Ibrahim", "Aïcha", "Pedro",
               "Sofía", "Peter", "Wanjiru", "Moussa", "Awa", "José", "Ana", "David", "Mercy", "Ousmane", "Nadia"]
LAST_NAMES = ["Diallo", "Ndiaye", "Martin", "Dubois", "García", "Hernández", "Otieno", "Kamau", "Traoré", "Sow",
              "López", "Pérez", "Mwangi", "Okafor", "Ba", "Fall", "Moreau", "Ramírez", "Njoroge", "Cissé"]
TOWNS = ["Capital City", "North Province", "Port Town", "Border District", "Lake Region", "Highlands", "Coastal Area",
         "Eastern Province", "Western Province", "Airport Zone"]
COMPANIES = ["Arms & Outdoors", "Hunter's Supply", "Precision Sports", "Frontier Guns", "Savanna Outfitters",
             "Metro Firearms", "Delta Sporting Goods", "Summit Shooting"]
SECURITY = ["Shield Security Services", "Guardian Protection", "Sentinel Guarding", "Atlas Secure"]


def _day(rng, start, end):
    return start + timedelta(days=rng.randrange((end - start).days))


def _at(day):
    return datetime(day.year, day.month, day.day, 12, tzinfo=UTC)


class DemoBuilder:
    def __init__(self, seed=1):
        self.rng = random.Random(seed)
        self.profile = get_profile()
        self.licence_types = sorted(self.profile.acquisition_licence_types)
        self.licence_no = 0

    def _licence(self, party, kind, valid_from, status=Licence.Status.VALID, years=10):
        self.licence_no += 1
        licence = services.issue_licence(
            party, licence_type=kind, number=f"L-{valid_from.year}-{self.licence_no:07d}",
            issued_by=self.profile.agencies[0]["name"] if self.profile.agencies else "",
            valid_from=valid_from, valid_until=valid_from + timedelta(days=365 * years),
        )
        if status != Licence.Status.VALID:
            services.change_licence(licence, {"status": status}, reason="demo")

    def _party(self, kind, name, number, **extra):
        """The holder with that number: the one already recorded (a demo added to a registry), else a new one."""
        existing = holder_with_identifier(number)
        if existing is not None:
            return existing
        return services.register_party(kind=kind, name=name, identifier=number, country=self.profile.country, **extra)

    def make_parties(self, n_persons):
        rng, start = self.rng, date(2010, 1, 1)
        dealer_type = next((t for t in self.licence_types if "DEAL" in t or "ARMUR" in t or "COMER" in t), self.licence_types[0])
        self.state = [self._party(Party.Kind.STATE_AGENCY, a["name"], f"GOV-{a['code']}") for a in self.profile.agencies
                      if a["kind"] in ("police", "military", "customs")] or [self._party(Party.Kind.STATE_AGENCY, "Police", "GOV-POL")]
        self.manufacturer = self._party(Party.Kind.MANUFACTURER, "National Arms Factory", "MFR-0001")
        self._licence(self.manufacturer, dealer_type, start, years=30)
        self.dealers = []
        for i, name in enumerate(COMPANIES):
            dealer = self._party(Party.Kind.DEALER, name, f"DLR-{i + 1:04d}", address=f"{rng.randint(1, 200)} Market Street, {rng.choice(TOWNS)}")
            self._licence(dealer, dealer_type, start, years=30)
            self.dealers.append(dealer)
        self.security = []
        for i, name in enumerate(SECURITY):
            company = self._party(Party.Kind.SECURITY_COMPANY, name, f"PSC-{i + 1:04d}")
            self._licence(company, self.licence_types[-1], start, years=30)
            self.security.append(company)
        self._party(Party.Kind.BROKER, "Global Brokerage Ltd", "BRK-0001")
        self.persons = []
        for i in range(n_persons):
            person = self._party(
                Party.Kind.PERSON, f"{rng.choice(FIRST_NAMES)} {rng.choice(LAST_NAMES)}", f"ID{rng.randrange(10**8):08d}{i:05d}",
                nationality=self.profile.country, date_of_birth=_day(rng, date(1950, 1, 1), date(2000, 1, 1)),
                address=f"{rng.randint(1, 999)} {rng.choice(['Avenue', 'Road', 'Street'])} {rng.randint(1, 40)}, {rng.choice(TOWNS)}",
            )
            status = rng.choices([Licence.Status.VALID, Licence.Status.SUSPENDED, Licence.Status.REVOKED], [0.93, 0.04, 0.03])[0]
            self._licence(person, rng.choice(self.licence_types), _day(rng, start, date(2016, 1, 1)), status=status, years=15)
            self.persons.append(person)
        self.licensed = [p for p in self.persons if p.licences.filter(status=Licence.Status.VALID).exists()]

    def make_item(self, models):
        rng = self.rng
        model = rng.choice(models)
        pattern = rng.choice(model.make.serial_patterns or ["AA99999"])
        serial = serial_from_pattern(pattern, rng)
        while Item.objects.filter(make=model.make, serial_normalized=services.normalize_serial(serial)).exists():
            serial = serial_from_pattern(pattern, rng)
        day = _day(rng, date(2012, 1, 1), date(2020, 1, 1))
        imported = model.make.country != self.profile.country
        markings = [services.MarkingInput(Marking.Kind.SERIAL, serial, rng.choice(["frame, left side", "slide, right side", "receiver", "barrel"])),
                    services.MarkingInput(Marking.Kind.MANUFACTURER, model.make.name, "slide" if model.firearm_type == "pistol" else "receiver")]
        if imported:
            markings.append(services.MarkingInput(Marking.Kind.IMPORT, f"{self.profile.country} {day.year % 100:02d}", "frame, right side"))
        data = services.FirearmInput(serial_number=serial, make=model.make, model=model, year_of_manufacture=day.year - rng.randint(0, 3),
                                     country_of_import=self.profile.country if imported else "", markings=markings)
        first_holder = rng.choice(self.dealers)
        item = services.create_item(data, how=EventKind.IMPORTED if imported else EventKind.REGISTERED, holder=first_holder,
                                    location=rng.choice(TOWNS), occurred_at=_at(day))
        self.live_history(item, day)
        return item

    def live_history(self, item, day):
        """Transfers to licensed holders, then sometimes a loss, theft, seizure, surrender or destruction."""
        rng = self.rng
        end = date(2025, 12, 31)
        for _ in range(rng.choices([0, 1, 2, 3], [0.15, 0.5, 0.25, 0.1])[0]):
            day = day + timedelta(days=rng.randint(20, 900))
            if day > end:
                return
            pool = self.licensed if rng.random() < 0.8 else self.security
            try:
                services.transfer(item, rng.choice(pool), occurred_at=_at(day), location=rng.choice(TOWNS))
            except RuleViolation:
                continue  # the registry refused it (e.g. licence not yet valid), as it would in real life
        day = day + timedelta(days=rng.randint(30, 1500))
        if day > end:
            return
        fate = rng.choices(["keep", "theft", "loss", "surrender", "seize", "destroy"], [0.70, 0.10, 0.04, 0.05, 0.07, 0.04])[0]
        place = rng.choice(TOWNS)
        if fate == "theft":
            services.report_missing(item, EventKind.THEFT_REPORTED, occurred_at=_at(day), location=place, circumstances="Burglary at home")
            if rng.random() < 0.35:
                later = day + timedelta(days=rng.randint(10, 700))
                if later <= end:
                    self.custody_case(later, item=item, place=rng.choice(TOWNS))
        elif fate == "loss":
            services.report_missing(item, EventKind.LOSS_REPORTED, occurred_at=_at(day), location=place)
        elif fate == "surrender":
            self.custody_case(day, item=item, place=place, kind="surrender")
        elif fate == "seize":
            self.custody_case(day, item=item, place=place)
        elif fate == "destroy":
            services.take_into_custody(item, EventKind.SURRENDERED, occurred_at=_at(day), location=place)
            services.destroy(item, method="cutting and melting", witnesses=["Registry officer", "Police officer"],
                             occurred_at=_at(day + timedelta(days=60)), location="Central destruction facility")

    def make_unregistered_seizure(self, models):
        rng = self.rng
        model = rng.choice(models)
        day = _day(rng, date(2016, 1, 1), date(2025, 12, 1))
        obliterated = rng.random() < 0.4
        serial = "" if obliterated else serial_from_pattern(rng.choice(model.make.serial_patterns or ["AA99999"]), rng)
        while serial and services.registered_with_serial(services.FirearmInput(serial_number=serial, make=model.make)):
            serial = serial_from_pattern(rng.choice(model.make.serial_patterns or ["AA99999"]), rng)  # never registered
        markings = [services.MarkingInput(Marking.Kind.SERIAL, serial, "frame",
                                          Marking.State.OBLITERATED if obliterated else Marking.State.INTACT)]
        data = services.FirearmInput(serial_number=serial, make=model.make, model=model, markings=markings)
        self.custody_case(day, new=data, place=rng.choice(TOWNS), kind=rng.choice(["seizure", "seizure", "found"]),
                          marking_status="altered" if obliterated else "uniquely_marked")

    def stolen_then_seized(self, models):
        """A pistol that the demo registrar reports stolen and the demo investigator then seizes: an alert to both."""
        users = {u.username: u for u in get_user_model().objects.filter(username__in=[DEMO_USER, "demo-investigator"])}
        model = next((m for m in models if m.firearm_type == "pistol"), models[0])
        pattern = (model.make.serial_patterns or ["AA99999"])[0]
        serial = serial_from_pattern(pattern, self.rng)
        while Item.objects.filter(make=model.make, serial_normalized=services.normalize_serial(serial)).exists():
            serial = serial_from_pattern(pattern, self.rng)
        data = services.FirearmInput(serial_number=serial, make=model.make, model=model, markings=[
            services.MarkingInput(Marking.Kind.SERIAL, serial, "frame, left side")])
        item = services.create_item(data, holder=self.rng.choice(self.licensed or self.dealers), location=TOWNS[0],
                                    occurred_at=_at(date(2024, 5, 2)))
        stolen_on = date(2025, 3, 14)
        services.report_missing(item, EventKind.THEFT_REPORTED, occurred_at=_at(stolen_on), location=TOWNS[0],
                                circumstances="Stolen from a parked car", actor=Actor.of(users.get(DEMO_USER)))
        self.custody_case(stolen_on + timedelta(days=30), item=item, place=TOWNS[1],
                          actor=Actor.of(users.get("demo-investigator")))
        return item

    def custody_case(self, day, *, place, item=None, new=None, kind="seizure", marking_status="uniquely_marked",
                     actor=SYSTEM):
        """A seizure, find or surrender case as the custody app records it, with the IAFQ details."""
        rng = self.rng
        seizure = kind == "seizure"
        line = custody.CaseItemInput(
            item=item, new=new, marking_status=marking_status,
            condition=rng.choices(["industrial", "converted", "modified", "assembled", "otherwise_illicit"],
                                  [0.8, 0.07, 0.05, 0.04, 0.04])[0] if new else "industrial")
        persons = [custody.PersonInput(
            name=f"{rng.choice(FIRST_NAMES)} {rng.choice(LAST_NAMES)}", sex=rng.choices(["male", "female"], [0.85, 0.15])[0],
            age=rng.randint(17, 65), nationality=self.profile.country, arrested=True, prosecuted=rng.random() < 0.6,
            convicted=rng.random() < 0.3) for _ in range(rng.choice([0, 1, 1, 2]))] if seizure else []
        calibre = (item or new).calibre if (item or new).calibre else None
        ammunition = [custody.AmmunitionInput(quantity=rng.randint(5, 250), calibre=calibre)] if seizure and rng.random() < 0.5 else []
        neighbours = ["UGA", "TZA", "ETH", "SOM", "SSD"]
        location_type = rng.choices(["national_territory", "land_border", "airport", "harbour"], [0.75, 0.15, 0.05, 0.05])[0]
        depot, shelf, handed_over_by, received_by = showcase.intake(rng, self.depots)
        custody.record_case(custody.CaseInput(
            occurred_on=day, kind=kind, admin_area=place, place=showcase.case_place(rng, location_type),
            agency=showcase.seizing_agency(location_type), location_type=location_type,
            depot=depot, shelf=shelf, handed_over_by=handed_over_by, received_by=received_by,
            legal_justification=rng.choice(["illicit_possession", "illicit_use", "illicit_trafficking"]) if seizure else "other",
            suspected_offences=rng.sample(["violent_crime", "drug_trafficking", "organised_crime", "firearms_trafficking"],
                                          rng.choice([0, 1, 1, 2])) if seizure else [],
            route_departure=rng.choice(neighbours) if seizure and rng.random() < 0.2 else "",
            items=[line], ammunition=ammunition, persons=persons), actor=actor)


def ensure_demo_users():
    """Create the demo users that are missing (existing users are left as they are)."""
    User = get_user_model()
    for username, role, agency_kind in DEMO_USERS:
        admin = role == Role.ADMINISTRATOR
        user, created = User.objects.get_or_create(username=username, defaults={"is_staff": admin, "is_superuser": admin})
        if created:
            user.set_password(DEMO_PASSWORD)
            user.save()
            UserProfile.objects.create(user=user, role=role, agency=Agency.objects.filter(kind=agency_kind).first())


def demo_logins():
    """The lines `armstrace demo` and `armstrace serve` print: the demo logins and their roles."""
    two_factor = [name for name, role, _kind in DEMO_USERS if role in TWO_FACTOR_ROLES]
    return [
        f"Demo login: {DEMO_USER} / {DEMO_PASSWORD}  (registrar)",
        "Other roles, same password: " + ", ".join(f"{name} ({role.label})" for name, role, _kind in DEMO_USERS[1:]),
        f"{' and '.join(two_factor)} set up an authenticator app (TOTP) at their first login: the page shows the key.",
    ]


def generate_demo(n_items, seed=1, progress=None):
    builder = DemoBuilder(seed)
    models = list(FirearmModel.objects.exclude(firearm_type="light_weapon").select_related("make", "calibre"))
    if not models:
        raise RuntimeError("no reference data: run `armstrace init` first")
    with transaction.atomic():
        builder.make_parties(max(10, n_items // 3))
        builder.depots, builder.laboratory = showcase.make_depots()
    scenarios = n_items >= 30  # the last SCENARIO_ITEMS items: how arms are made or changed (demo_methods)
    regular = n_items - 1 - (SCENARIO_ITEMS if scenarios else 0)  # 1: the stolen-then-seized pistol
    for i in range(max(regular, 0)):
        with transaction.atomic():
            if i % 12 == 11:
                builder.make_unregistered_seizure(models)
            else:
                builder.make_item(models)
        if progress:
            progress(1)
    with transaction.atomic():
        builder.stolen_then_seized(models)
        showcase.send_some_to_the_laboratory(builder.rng, builder.laboratory)
        showcase.make_tracing_requests()
    if scenarios:
        with transaction.atomic():
            make_method_scenarios(builder)
    return builder
