"""Tracing fixtures: a factory of registered firearms by make and serial number, and faster set-up."""

import pytest

from armstrace.conftest import at


@pytest.fixture(autouse=True)
def _fast_password_hashing(settings):
    """Argon2 costs most of a test's set-up here; these tests are not about passwords."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture
def _bulk_reference_data(db, monkeypatch):
    """The same reference data as load_reference_data(), in three bulk inserts instead of ~500 get_or_create."""
    from armstrace.registry import reference, reference_data
    from armstrace.registry.models import Calibre, FirearmModel, Make

    if not Make.objects.exists():
        calibres = {c.name: c for c in Calibre.objects.bulk_create([Calibre(name=n) for n in reference_data.CALIBRES])}
        makes = {m.name: m for m in Make.objects.bulk_create(
            [Make(name=m["name"], country=m["country"], serial_patterns=m["serial_patterns"]) for m in reference_data.MAKES])}
        FirearmModel.objects.bulk_create([
            FirearmModel(make=makes[m["make"]], name=m["name"], firearm_type=m["type"], calibre=calibres[m["calibre"]])
            for m in reference_data.MODELS])
    monkeypatch.setattr(reference, "load_reference_data", lambda: 0)


@pytest.fixture
def registry(_bulk_reference_data, registry):
    return registry


@pytest.fixture
def firearm(registry):
    """firearm(serial, make="Glock", how="registered", holder=None, **input) -> Item, through the registry services."""
    from armstrace.registry import services
    from armstrace.registry.models import EventKind, FirearmModel, Make

    def make_firearm(serial, make="Glock", how=EventKind.REGISTERED, holder=None, occurred_at=None, markings=(), **kw):
        make_obj = Make.objects.get(name=make)
        model = FirearmModel.objects.filter(make=make_obj).order_by("pk").first()
        data = services.FirearmInput(serial_number=serial, make=make_obj, model=model, markings=list(markings), **kw)
        holds = how in (EventKind.REGISTERED, EventKind.MANUFACTURED, EventKind.IMPORTED)
        return services.create_item(data, how=how, holder=(holder or registry.dealer) if holds else None,
                                    location="Capital City", occurred_at=occurred_at or at(2015, 1, 10))

    return make_firearm


@pytest.fixture
def make(db):
    from armstrace.registry.models import Make

    return lambda name: Make.objects.get(name=name)
