"""Demo cases of how arms are made or changed (registry.methods): 3D-printed pistols, alarm pistols converted to
fire live rounds and traced to their source import, a reactivated rifle, and a case holding a blueprint file.
Everything goes through the services, like the rest of the demo (armstrace.demo)."""

import struct
from datetime import UTC, date, datetime

from armstrace.custody import services as custody
from armstrace.demo_showcase import seizing_agency
from armstrace.registry import conversions, services
from armstrace.registry.methods import MethodInput
from armstrace.registry.models import FirearmModel, Item, Make


SCENARIO_ITEMS = 10  # items the scenarios enter: 3 printed pistols, 2 blueprints, 2 alarm and 2 converted pistols, a rifle


def _at(day):
    return datetime(day.year, day.month, day.day, 12, tzinfo=UTC)


def demo_stl(name):
    """A small binary STL (two triangles) whose header names the part: the same name gives the same hash."""
    header = f"ArmsTrace demo blueprint {name}".encode()[:80].ljust(80, b"\0")
    return header + struct.pack("<I", 2) + bytes(100)


def _seize(day, place, new, method, blueprints=()):
    return custody.record_case(custody.CaseInput(
        occurred_on=day, admin_area=place, place="Industrial area", agency=seizing_agency("national_territory"),
        legal_justification="illicit_manufacture",
        items=[custody.CaseItemInput(new=new, method=method, marking_status="no_marking")] if new else [],
        blueprints=list(blueprints)))


def printed_pistols(year):
    for n, (place, extent) in enumerate([("Capital City", "full"), ("Port Town", "essential_parts"),
                                         ("Capital City", "full")]):
        blueprint = [custody.BlueprintInput(demo_stl("FGC-9 frame"), file_name="fgc9_frame.stl",
                                            source_url="https://files.example/fgc9", source_platform="forum",
                                            source_device="USB stick")] if n < 2 else []
        _seize(date(year, 3 + n, 10), place, services.FirearmInput(
            serial_number="", firearm_type="pistol", description="3D-printed pistol (FGC-9 type)"),
            MethodInput("3d_printed", material="PLA+", printed=extent, evidence="layer lines, printed frame"),
            blueprint)


def converted_alarm_pistols(builder, year):
    make, _ = Make.objects.get_or_create(name="Zoraki", defaults={"country": "TUR"})
    for n in range(2):
        alarm = services.create_item(
            services.FirearmInput(serial_number=f"ZK-91{n}-{builder.rng.randrange(10**5):05d}", make=make,
                                  category=Item.Category.ALARM_SIGNAL, description="Alarm pistol 9 mm P.A.K."),
            how="imported", holder=builder.dealers[0], occurred_at=_at(date(year - 3, 4, 2 + n)))
        case = _seize(date(year, 6, 5 + n), "Border District", services.FirearmInput(
            serial_number="", firearm_type="pistol", description="Converted alarm pistol"), None)
        conversions.convert(case.items.get().item, MethodInput(converted_from="alarm_blank", source=alarm,
                                                               evidence="barrel obstruction drilled out"),
                            occurred_at=_at(date(year, 6, 6 + n)), note="Laboratory report")


def reactivated_rifle(builder, year):
    model = FirearmModel.objects.filter(firearm_type="rifle").select_related("make").first()
    if model is None:
        return
    rifle = services.create_item(
        services.FirearmInput(serial_number=f"RA-{builder.rng.randrange(10**6):06d}", make=model.make, model=model),
        holder=builder.dealers[0], occurred_at=_at(date(year - 5, 1, 15)))
    services.deactivate(rifle, standard="EU 2018/337", certificate_number="DEACT-DEMO-1",
                        occurred_at=_at(date(year - 4, 2, 1)))
    conversions.reactivate(rifle, MethodInput(evidence="barrel plug removed, new bolt"),
                           occurred_at=_at(date(year, 1, 20)))
    custody.record_case(custody.CaseInput(occurred_on=date(year, 2, 3), admin_area="Highlands",
                                          place="Main road checkpoint", agency=seizing_agency("national_territory"),
                                          items=[custody.CaseItemInput(item=rifle)]))


def make_method_scenarios(builder, year=None):
    year = year or date.today().year - 1
    printed_pistols(year)
    converted_alarm_pistols(builder, year)
    reactivated_rifle(builder, year)
