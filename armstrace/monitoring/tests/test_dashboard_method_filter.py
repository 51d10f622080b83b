"""The dashboard's method filter narrows the "Arms seized by type" chart as it narrows the method charts."""

import re
from datetime import date

import pytest


@pytest.fixture
def printed_and_factory_pistols(db):
    from armstrace.custody.models import CaseItem, SeizureCase
    from armstrace.registry.models import Item

    case = SeizureCase.objects.create(number="MF-1", kind="seizure", occurred_on=date(2023, 5, 1))
    for method, n in (("3d_printed", 2), ("factory", 5)):
        for _ in range(n):
            CaseItem.objects.create(case=case, item=Item.objects.create(firearm_type="pistol",
                                                                        manufacture_method=method))


def _pistols_in_type_chart(response):
    chart = str(response.context["chart_types"])
    assert "Arms seized by type" in chart
    return [int(n) for n in re.findall(r"<title>2023 · [^:<]+: (\d+)</title>", chart)]


def test_the_type_chart_counts_only_the_chosen_method(client, user, printed_and_factory_pistols):
    client.force_login(user)
    assert _pistols_in_type_chart(client.get("/monitoring/?year=2023")) == [7]
    assert _pistols_in_type_chart(client.get("/monitoring/?year=2023&method=3d_printed")) == [2]
    assert _pistols_in_type_chart(client.get("/monitoring/?year=2023&method=factory")) == [5]
