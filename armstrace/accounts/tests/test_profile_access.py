"""The country profile's `access:` section redefines roles and the fields an agency kind never sees; an invalid one
is refused like any profile error, naming the key at fault."""

import pytest
from django.urls import reverse

from armstrace.accounts.models import AccessLogEntry
from armstrace.conftest import REPO
from armstrace.profile import ProfileError, get_profile, load_profile

DEFAULT = (REPO / "armstrace" / "profiles" / "default.yaml").read_text(encoding="utf-8")


def profile_with(tmp_path, access_yaml):
    path = tmp_path / "profile.yaml"
    path.write_text(DEFAULT + "access:\n" + access_yaml, encoding="utf-8")
    return path


@pytest.fixture
def use_profile(settings, tmp_path):
    def use(access_yaml):
        settings.ARMSTRACE_PROFILE = str(profile_with(tmp_path, access_yaml))
        get_profile.cache_clear()

    yield use
    get_profile.cache_clear()


def test_profile_gives_the_analyst_the_registry_and_customs_the_trace_reports(use_profile, clients, world):
    assert clients["analyst"].get(reverse("registry:item-list")).status_code == 403
    use_profile("  roles:\n"
                "    analyst: [monitoring.view, registry.view]\n"
                "    customs: [registry.view, tracing.view]\n")
    assert clients["analyst"].get(reverse("registry:item-list")).status_code == 200
    assert clients["analyst"].get("/api/items/").status_code == 200
    assert clients["analyst"].post("/api/items/", {}, content_type="application/json").status_code == 403
    assert clients["customs"].get(reverse("custody:case-list")).status_code == 403  # replaced, not added to

    report = clients["customs"].get(reverse("tracing:trace-report-json", args=[world.item.pk])).json()
    holder = report["item"]["current_holder"]
    assert (holder["name"], holder["identifier"]) == ("Alice Otieno", "")  # no personal_data.view: withheld
    assert not AccessLogEntry.objects.exists()


def test_profile_hides_fields_from_an_agency_kind(use_profile, clients, world):
    use_profile("  hidden_fields:\n    police: [address]\n    customs: []\n")
    police = clients["investigator"].get(reverse("registry:party-detail", args=[world.alice.pk])).content.decode()
    assert "12 Acacia Road" not in police and "<dd>ID-ALICE</dd>" in police
    assert AccessLogEntry.objects.get().fields == ["date_of_birth", "identifier"]


def test_administrators_keep_every_capability(use_profile, clients):
    use_profile("  roles:\n    auditor: [audit.view]\n")
    assert clients["auditor"].get("/registry/items/").status_code == 403
    assert clients["auditor"].get("/accounts/access-log/").status_code == 200
    assert clients["administrator"].get("/registry/items/").status_code == 200


@pytest.mark.parametrize("access_yaml, named", [
    ("  roles:\n    analist: [monitoring.view]\n", "'analist'"),
    ("  roles:\n    analyst: [monitoring.veiw]\n", "access/roles/analyst/0: 'monitoring.veiw'"),
    ("  roles:\n    analyst: [admin]\n", "access/roles/analyst/0: 'admin'"),
    ("  roles:\n    administrator: [registry.view]\n", "'administrator'"),
    ("  hidden_fields:\n    customs: [home_address]\n", "access/hidden_fields/customs/0: 'home_address'"),
    ("  hidden_fields:\n    coastguard: [address]\n", "'coastguard'"),
    ("  role:\n    analyst: [monitoring.view]\n", "'role' was unexpected"),
])
def test_an_invalid_access_section_is_refused_naming_the_key(tmp_path, access_yaml, named):
    with pytest.raises(ProfileError) as error:
        load_profile(profile_with(tmp_path, access_yaml))
    assert "access" in str(error.value) and named in str(error.value)


def test_shipped_profiles_load_without_an_access_section():
    for name in ("default", "senegal", "mexico"):
        assert load_profile(REPO / "armstrace" / "profiles" / f"{name}.yaml").access == {}
