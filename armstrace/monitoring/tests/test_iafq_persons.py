"""Persons tables: "Individuals arrested/suspected" by type of offences and "Individuals targeted by criminal justice
system", on hand-built cases whose answers are worked out by hand."""

import csv
from datetime import date

import pytest

from armstrace.monitoring import codelist as cl
from armstrace.monitoring import iafq
from armstrace.monitoring.tests.conftest import TIDY_2024

BY_OFFENCE = ("Individuals arrested/suspected", "by type of offences")
TARGETED = ("Individuals targeted by criminal justice system due to illicit trafficking in weapons", "Total", "Total")


@pytest.mark.parametrize("offences, justification, expected", [
    ([], "illicit_trafficking", "Only for illicit trafficking in arms"),
    (["firearms_trafficking"], "unknown", "Only for illicit trafficking in arms"),
    (["firearms_trafficking"], "other", "Only for illicit trafficking in arms"),
    (["drug_trafficking"], "illicit_trafficking", "Illicit trafficking of arms and drug trafficking"),
    (["terrorism", "violent_crime", "drug_trafficking"], "illicit_use", "Illicit trafficking of arms and terrorism"),
    (["violent_crime", "drug_trafficking"], "illicit_possession", "Illicit trafficking of arms and violent crime"),
    (["other_trafficking", "organised_crime"], "illicit_trafficking",
     "Illicit trafficking of arms and other types of trafficking"),
    (["organised_crime", "other_arms_offences"], "illicit_possession", "Illicit trafficking of arms and other offences"),
    (["other"], "illicit_trafficking", "Illicit trafficking of arms and other offences"),
    (["other_arms_offences"], "illicit_use", "Illicit trafficking andIllicit possession/use of arms"),
    ([], "illicit_possession", "Illicit trafficking andIllicit possession/use of arms"),
    (["other_arms_offences"], "illicit_trafficking", "Illicit trafficking and other arms offences"),
    ([], "altered_markings", "Illicit trafficking and other arms offences"),
    ([], "illicit_manufacture", "Illicit trafficking and other arms offences"),
    (["unknown_code"], "illicit_trafficking", "Only for illicit trafficking in arms"),
    (None, "", "Only for illicit trafficking in arms"),
])
def test_category_of_a_combination_of_offences(offences, justification, expected):
    assert iafq.person_offence_category(offences, justification) == expected


@pytest.fixture
def persons_2023(db):
    from armstrace.custody.models import CasePerson, SeizureCase

    def case(number, day, offences, justification, kind="seizure"):
        return SeizureCase.objects.create(number=number, kind=kind, occurred_on=day, suspected_offences=offences,
                                          legal_justification=justification)

    def person(case_, sex="unknown", **flags):
        CasePerson.objects.create(case=case_, sex=sex, **flags)

    only = case("P1", date(2023, 2, 1), ["firearms_trafficking"], "illicit_trafficking")
    person(only, "male", arrested=True, prosecuted=True, convicted=True)  # targeted once, not three times
    person(only, "female", arrested=True)
    person(only, "male", role="witness")  # neither arrested, prosecuted nor convicted
    terror = case("P2", date(2023, 3, 1), ["terrorism", "drug_trafficking"], "illicit_possession")
    person(terror, "male", arrested=True)
    possession = case("P3", date(2023, 4, 1), [], "illicit_possession", kind="found")  # any kind of case
    person(possession, "female", arrested=True)
    person(possession, "female", prosecuted=True)  # prosecuted without an arrest recorded: targeted, not arrested
    markings = case("P4", date(2023, 12, 31), ["other_arms_offences"], "altered_markings")
    person(markings, arrested=True)
    other_year = case("P0", date(2022, 12, 31), ["violent_crime"], "illicit_use")
    person(other_year, "male", arrested=True, convicted=True)
    return iafq.compute(2023, tracing_status=lambda item: None)


def _cells(rows):
    return {(r.indicator, r.dimension, r.category, r.sex, r.age): r.value for r in rows}


def test_persons_by_type_of_offences(persons_2023):
    cells = _cells(persons_2023)
    by_offence = {k[2]: v for k, v in cells.items() if k[:2] == BY_OFFENCE}
    assert by_offence == {
        "Only for illicit trafficking in arms": 2,
        "Illicit trafficking of arms and terrorism": 1,
        "Illicit trafficking andIllicit possession/use of arms": 1,
        "Illicit trafficking and other arms offences": 1,
        "Illicit trafficking of arms and violent crime": 0,  # only in 2022
        "Illicit trafficking of arms and drug trafficking": 0,  # P2's drug trafficking is under terrorism
        "Illicit trafficking of arms and other types of trafficking": 0,
        "Illicit trafficking of arms and other offences": 0,
    }
    # one category per arrested person: the table sums to the arrested total
    assert sum(by_offence.values()) == cells[(cl.PERSONS_ARRESTED, "Total", "Total", "Total", "Total")] == 5
    assert {(k[3], k[4]) for k in cells if k[:2] == BY_OFFENCE} == {("Total", "Total")}


def test_persons_targeted_by_the_criminal_justice_system(persons_2023):
    cells = _cells(persons_2023)
    assert cells[(*TARGETED, "Total", "Total")] == 6  # 5 arrested + 1 prosecuted only; the witness is out
    assert [k for k in cells if k[:3] == TARGETED] == [(*TARGETED, "Total", "Total")]
    cells_2022 = _cells(iafq.compute(2022, tracing_status=lambda item: None))
    assert cells_2022[(*TARGETED, "Total", "Total")] == 1
    assert cells_2022[(*BY_OFFENCE, "Illicit trafficking of arms and violent crime", "Total", "Total")] == 1


def test_every_key_is_one_the_portal_publishes(persons_2023):
    with open(TIDY_2024, encoding="utf-8") as f:
        published = {(r["Indicator"], r["Dimension"], r["Category"], r["Sex"], r["Age"]) for r in csv.DictReader(f)}
    emitted = {(r.indicator, r.dimension, r.category, r.sex, r.age) for r in persons_2023}
    assert emitted - published == set()
