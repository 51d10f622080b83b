"""An accepted incident that matches a seizure case of the registry (country, date window, counts, serial numbers)
is linked to it and counted once; the export gives each seizure one source: official, open source or both."""

import csv
import io
from datetime import date

import pytest

from armstrace.osint import export, merge
from armstrace.osint.tests.conftest import EN, FR, OTHER_SEIZURE


def _case(number, day, pistols, serial_prefix):
    from armstrace.custody import services
    from armstrace.registry.services import FirearmInput

    return services.record_case(services.CaseInput(
        occurred_on=day, kind="seizure", number=number, place="Mombasa port",
        items=[services.CaseItemInput(new=FirearmInput(serial_number=f"{serial_prefix}{i:03d}", firearm_type="pistol"))
               for i in range(pistols)]))


@pytest.fixture
def official(registry):
    return _case("SZ-2025-1", date(2025, 3, 4), 12, "KPX")


@pytest.mark.django_db
def test_the_matching_incident_is_linked_and_not_counted_twice(official, ingest, accept):
    english = ingest(EN).document.record
    french = ingest(FR).document.record
    assert english.incident_id == french.incident_id
    accept(english)
    accept(french)
    english.incident.refresh_from_db()
    assert english.incident.official_case == official
    other = ingest(OTHER_SEIZURE, published=date(2025, 8, 21)).document.record
    accept(other)
    other.incident.refresh_from_db()
    assert other.incident.official_case is None
    (row,) = merge.counts(2025, 2025)
    assert (row.official, row.open_source, row.overlap, row.open_source_only) == (1, 2, 1, 1)
    assert (row.official_firearms, row.open_source_firearms, row.overlap_firearms) == (12, 52, 12)

    lines = list(csv.DictReader(io.StringIO(export.to_csv(2025, 2025))))
    got = {(r["source"], r["Indicator"]): int(r["VALUE"]) for r in lines}
    assert got == {("both", "Instances/cases of seizures"): 1, ("both", "Arms seized"): 12,
                   ("open source", "Instances/cases of seizures"): 1, ("open source", "Arms seized"): 40}
    assert {r["Iso3_code"] for r in lines} == {"KEN"} and {r["Year"] for r in lines} == {"2025"}


@pytest.mark.django_db
def test_no_match_outside_the_window_or_with_other_counts(official, ingest, accept):
    far = ingest("Kenyan police seized 12 pistols at the port of Mombasa on 28 March 2025.",
                 published=date(2025, 3, 29)).document.record
    accept(far)
    other_count = ingest("Police in Mombasa, Kenya, seized 30 pistols on 5 March 2025 and arrested one man.")
    accept(other_count.document.record)
    (row,) = merge.counts(2025, 2025)
    assert (row.official, row.open_source, row.overlap) == (1, 2, 0)


@pytest.mark.django_db
def test_a_serial_number_in_the_text_matches_beyond_the_window(official, ingest, accept):
    text = ("Police in Mombasa, Kenya, said on 2 April 2025 that a pistol with serial number KPX007 recovered on "
            "1 April 2025 was among 3 pistols seized there.")
    record = ingest(text, published=date(2025, 4, 2)).document.record
    accept(record)
    record.incident.refresh_from_db()
    assert record.incident.official_case == official
    (row,) = merge.counts(2025, 2025)
    assert (row.official, row.open_source, row.overlap, row.open_source_only) == (1, 1, 1, 0)


@pytest.mark.django_db
def test_export_neutralises_formula_like_text(official, ingest, accept, client, user):
    client.force_login(user)
    response = client.get("/osint/export.csv?from=2025&to=2025")
    assert response.status_code == 200 and response["Content-Type"] == "text/csv"
    header = response.content.decode().splitlines()[0].split(",")
    assert header[-1] == "source" and header[0] == "Iso3_code"
    rows = list(csv.DictReader(io.StringIO(response.content.decode())))
    assert [(r["source"], r["VALUE"]) for r in rows] == [("official", "1"), ("official", "12")]
    assert client.get("/osint/export.csv?from=x").status_code == 404


@pytest.mark.django_db
def test_an_edit_that_moves_the_record_away_unlinks_the_case(official, ingest, accept, reviewer):
    from armstrace.core.actor import Actor
    from armstrace.osint import services

    record = ingest(EN).document.record
    accept(record)
    record.incident.refresh_from_db()
    assert record.incident.official_case == official
    services.review_field(record, "country", "edited", "TZA", Actor.of(reviewer))
    record.refresh_from_db()
    assert record.incident.official_case is None and record.incident.country == "TZA"
    rows = {r.country: r for r in merge.counts(2025, 2025)}
    assert (rows["KEN"].official, rows["KEN"].overlap, rows["TZA"].open_source_only) == (1, 0, 1)
    again = ingest(FR).document.record  # the French report of the Kenyan seizure can now take the case
    accept(again)
    again.incident.refresh_from_db()
    assert again.incident.official_case == official


@pytest.mark.django_db
def test_a_printed_seizure_sets_the_method_of_the_matched_case_firearms(official, ingest, accept, reviewer):
    from armstrace.core.actor import Actor
    from armstrace.osint import services
    from armstrace.registry.models import EventKind, Item

    record = ingest(EN).document.record
    services.review_field(record, "3d_printed", "edited", "true", Actor.of(reviewer))
    accept(record)
    record.incident.refresh_from_db()
    assert record.incident.official_case == official
    firearms = Item.objects.filter(case_links__case=official)
    assert firearms.count() == 12 and set(firearms.values_list("manufacture_method", flat=True)) == {"3d_printed"}
    correction = firearms.first().events.order_by("-seq").first()
    assert correction.kind == EventKind.CORRECTION and "Accepted open-source record" in correction.payload["reason"]


@pytest.mark.django_db
def test_a_seizure_not_printed_leaves_the_method(official, ingest, accept):
    from armstrace.registry.models import Item

    accept(ingest(EN).document.record)
    assert not Item.objects.filter(case_links__case=official, manufacture_method="3d_printed").exists()
