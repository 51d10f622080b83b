"""`services.bulk_load` (the benchmark's fast seeding) writes the rows that `import_file` writes."""

import pytest

from armstrace.screening import models as m
from armstrace.screening.services import bulk_load, import_file
from armstrace.screening.simulator import write_csv
from armstrace.screening.tests.test_import import _rows
from armstrace.screening.tests.test_reader import GOOD, csv_text

pytestmark = pytest.mark.django_db

SKIPPED = {"id", "consignment", "scored_at"}


def _snapshot():
    """Every stored row of the three tables, by consignment id, without database ids and times."""
    def values(model):
        return [f.attname for f in model._meta.concrete_fields if f.name not in SKIPPED]

    consignments = {c["consignment_id"]: c for c in m.Consignment.objects.values(*values(m.Consignment))}
    lines = sorted(m.ContentLine.objects.values_list("consignment__consignment_id", *values(m.ContentLine)))
    hits = sorted(m.RuleHit.objects.values_list("consignment__consignment_id", "rule"))
    return consignments, lines, hits


def _both_ways(path, count):
    assert import_file(path).created == count
    imported = _snapshot()
    m.Consignment.objects.all().delete()
    result = bulk_load(path, batch_size=64)
    assert result.created == count and not result.errors
    loaded = _snapshot()
    assert loaded == imported and len(loaded[0]) == count and len(loaded[1]) >= count
    return {rule for _, rule in loaded[2]}


def test_bulk_load_stores_the_rows_of_an_import(tmp_path):
    path = tmp_path / "sim.csv"
    write_csv(path, 300, seed=5, per_day=300)
    fired = _both_ways(path, 300)
    assert {"first_time_high_risk_flow", "new_addressee_many_senders", "cover_heading"} <= fired


def test_bulk_load_sees_velocity_within_the_file_as_the_import_does(tmp_path):
    path = tmp_path / "in.csv"
    path.write_text(csv_text(*_rows(3)), encoding="utf-8")
    assert "velocity_addressee" in _both_ways(path, 3)


def test_bulk_load_refuses_a_file_with_a_bad_row(tmp_path):
    path = tmp_path / "bad.csv"
    path.write_text(csv_text(GOOD, {**GOOD, "consignment_id": "C9", "hs_code": "12"}), encoding="utf-8")
    result = bulk_load(path)
    assert result.created == 0 and [(e.line, e.column) for e in result.errors] == [(3, "hs_code")]
    assert not m.Consignment.objects.exists()
