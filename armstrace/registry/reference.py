"""Loading of reference data (makes, models, calibres) and of the profile's agencies."""

from django.db import transaction

from armstrace.accounts.models import Agency
from armstrace.profile import get_profile
from armstrace.registry import reference_data
from armstrace.registry.models import Calibre, FirearmModel, Make


@transaction.atomic
def load_reference_data():
    """Idempotent: adds what is missing, changes nothing that exists. Returns the number of rows added."""
    added = 0
    calibres = {}
    for name in reference_data.CALIBRES:
        calibres[name], created = Calibre.objects.get_or_create(name=name)
        added += created
    makes = {}
    for make in reference_data.MAKES:
        makes[make["name"]], created = Make.objects.get_or_create(
            name=make["name"], defaults={"country": make["country"], "serial_patterns": make["serial_patterns"]}
        )
        added += created
    for model in reference_data.MODELS:
        _, created = FirearmModel.objects.get_or_create(
            make=makes[model["make"]], name=model["name"],
            defaults={"firearm_type": model["type"], "calibre": calibres[model["calibre"]]},
        )
        added += created
    return added


@transaction.atomic
def sync_agencies():
    for agency in get_profile().agencies:
        Agency.objects.update_or_create(code=agency["code"], defaults={"name": agency["name"], "kind": agency["kind"]})
