import csv
from datetime import date

import pytest

from armstrace.conftest import SHARED_DATA

IAFQ = SHARED_DATA / "iafq"
TIDY_2024 = IAFQ / "data_iafq_firearms_trafficking__2024-08-26_release__tidy.csv"
RELEASE_2022 = IAFQ / "data_iafq_firearms_trafficking__MReynolds3148_FIT3179_2022.csv"
CODELIST = IAFQ / "codelist_indicator_dimension_category__2024_release.csv"
SDG_RECORDS = SHARED_DATA / "sdg" / "VC_ARM_SZTRACE_records.csv"
ATF_BY_STATE = SHARED_DATA / "atf" / "2011tracingdatabystate__lf.csv"


@pytest.fixture(scope="session")
def shared_sdg_records():
    with open(SDG_RECORDS, encoding="utf-8") as f:
        return list(csv.DictReader(f))


@pytest.fixture(scope="session")
def codelist_combos():
    with open(CODELIST, encoding="utf-8") as f:
        return {(r["Indicator"], r["Dimension"], r["Category"]) for r in csv.DictReader(f)}


class HandBuilt:
    """A small registry for 2023 with known IAFQ answers (see test_iafq_tables.py), plus cases on 31/12/2022 and
    1/1/2024 that must not be counted. `status` maps each item to the tracing status the stub service returns."""


def _case(number, kind, day, **kw):
    from armstrace.custody.models import SeizureCase

    return SeizureCase.objects.create(number=number, kind=kind, occurred_on=day, **kw)


@pytest.fixture
def hand_built(db):
    from datetime import date

    from armstrace.custody.models import CaseAmmunition, CaseItem, CasePerson
    from armstrace.registry.models import FirearmModel, Item, Make
    from armstrace.tracing.status import TracingStatus as T

    make = Make.objects.create(name="Monitoring Test Arms", country="BEL")
    revolver_model = FirearmModel.objects.create(make=make, name="R1", firearm_type="revolver")
    status = {}
    serial = iter(range(1, 1000))

    def arm(case_, firearm_type="", tracing=None, category=Item.Category.FIREARM, model=None, **kw):
        item = Item.objects.create(category=category, firearm_type=firearm_type, model=model,
                                   serial_number=f"MT{next(serial)}",
                                   part_kind=Item.PartKind.BARREL if category == Item.Category.PART else "",
                                   iafq_condition=kw.get("condition", CaseItem.Condition.INDUSTRIAL))  # the item's
        CaseItem.objects.create(case=case_, item=item, **kw)
        status[item.pk] = tracing
        return item

    s1 = _case("S1", "seizure", date(2023, 1, 1), location_type="land_border", legal_justification="illicit_trafficking",
              suspected_offences=["drug_trafficking", "organised_crime"], admin_area="North")
    arm(s1, "pistol", T.ILLEGITIMATE_OWNER_NATIONAL, condition="industrial", marking_status="uniquely_marked")
    arm(s1, "rifle", T.ALTERED_MARKING, condition="converted", marking_status="altered")
    arm(s1, category=Item.Category.PART)
    CaseAmmunition.objects.create(case=s1, quantity=100)
    CaseAmmunition.objects.create(case=s1, quantity=20)
    CasePerson.objects.create(case=s1, sex="male", arrested=True, prosecuted=True)
    CasePerson.objects.create(case=s1, sex="female", arrested=True)

    s2 = _case("S2", "seizure", date(2023, 12, 31), location_type="airport", legal_justification="illicit_possession",
              suspected_offences=["drug_trafficking"], admin_area="South")
    arm(s2, "", None, model=revolver_model, condition="unknown", marking_status="unknown")
    arm(s2, "light_weapon", T.PENDING, condition="otherwise_illicit", marking_status="no_marking")
    arm(s2, "", T.ILLICITLY_MANUFACTURED, condition="assembled", marking_status="no_marking")
    CaseAmmunition.objects.create(case=s2, quantity=5)
    CasePerson.objects.create(case=s2, sex="unknown", arrested=True, prosecuted=True, convicted=True)
    CasePerson.objects.create(case=s2, sex="male", role="witness")

    f1 = _case("F1", "found", date(2023, 6, 1), admin_area="North")
    arm(f1, "shotgun", T.LEGITIMATE_OWNER_NATIONAL, marking_status="uniquely_marked")

    u1 = _case("U1", "surrender", date(2023, 6, 2), admin_area="North")
    arm(u1, "submachine_gun", T.NO_INFORMATION, marking_status="no_marking")
    arm(u1, "machine_gun", T.NOT_INITIATED, marking_status="uniquely_marked")

    s0 = _case("S0", "seizure", date(2022, 12, 31), location_type="harbour", admin_area="North")
    arm(s0, "pistol", T.POINT_OF_DIVERSION)
    CaseAmmunition.objects.create(case=s0, quantity=1000)
    CasePerson.objects.create(case=s0, sex="female", arrested=True, convicted=True)
    s3 = _case("S3", "seizure", date(2024, 1, 1), location_type="harbour", admin_area="South")
    arm(s3, "pistol", T.NO_POINT_OF_DIVERSION)
    arm(s3, category=Item.Category.PART)

    built = HandBuilt()
    built.status = status
    built.tracing = lambda item: status[item.pk]
    return built


@pytest.fixture
def seizures(registry):
    """North jumps in March 2024 (flagged); South stays at its baseline (tested, not flagged)."""
    from armstrace.custody.models import CaseItem, SeizureCase
    from armstrace.registry.models import Item

    def seize(area, day, n):
        case = SeizureCase.objects.create(number=f"{area}-{day}", kind="seizure", occurred_on=day, admin_area=area)
        for _ in range(n):
            CaseItem.objects.create(case=case, item=Item.objects.create(firearm_type="pistol"))

    for month in range(1, 13):
        seize("North", date(2023, month, 10), 2)
        seize("South", date(2023, month, 10), 2)
    seize("North", date(2024, 3, 5), 12)
    seize("South", date(2024, 3, 5), 3)
