"""Benchmark: IAFQ tables and SDG 16.4.2 for one year with N seized arms (default 1,000,000), on the database
ARMSTRACE_DATABASE_URL points to (SQLite in a temp dir when unset), with a hand-written SQL GROUP BY beside it.

    .venv/bin/python bench/monitoring_bench.py --n 1000000
    tools/with_postgres.sh .venv/bin/python bench/monitoring_bench.py --n 1000000

Rows are bulk-loaded with executemany (SQLite) or COPY (PostgreSQL), not through the ORM. The tracing status of
each arm comes from a stub (status derived from the item id), since the real one belongs to the tracing app.
Not run by pytest.
"""

import argparse
import json
import os
import random
import sys
import tempfile
import time
import uuid
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))


def setup_django():
    if "ARMSTRACE_DATABASE_URL" not in os.environ:
        os.environ["ARMSTRACE_DATA_DIR"] = tempfile.mkdtemp(prefix="armstrace-bench-")
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "armstrace.settings")
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)


def rows_for(model, overrides, n, vary):
    """Value tuples for `model`'s concrete columns: defaults once, then `vary(i)` replaces some columns per row."""
    from django.db import connection

    fields = [f for f in model._meta.concrete_fields if not (f.primary_key and f.name == "id")]
    template = model(**overrides)
    base = {}
    for f in fields:
        value = getattr(template, f.attname)
        base[f.column] = json.dumps(value) if f.get_internal_type() == "JSONField" else f.get_db_prep_save(value, connection)
    columns = ["id", *base]
    for i in range(1, n + 1):
        row = dict(base, id=i)
        row.update(vary(i))
        yield columns, tuple(row[c] for c in columns)


def load(model, overrides, n, vary):
    from django.db import connection, transaction

    table = model._meta.db_table
    gen = rows_for(model, overrides, n, vary)
    columns, first = next(gen)
    with transaction.atomic(), connection.cursor() as cur:
        if connection.vendor == "postgresql":
            with cur.cursor.copy(f"COPY {table} ({', '.join(columns)}) FROM STDIN") as copy:
                copy.write_row(first)
                for _, row in gen:
                    copy.write_row(row)
            cur.execute(f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), {n})")
        else:
            sql = f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({', '.join(['%s'] * len(columns))})"
            batch = [first]
            for _, row in gen:
                batch.append(row)
                if len(batch) == 20000:
                    cur.executemany(sql, batch)
                    batch = []
            if batch:
                cur.executemany(sql, batch)


def populate(n, year):
    from armstrace.custody.models import CaseItem, SeizureCase
    from armstrace.registry.models import Item

    rng = random.Random(42)
    cases = max(n // 5, 1)
    types = ["pistol", "revolver", "rifle", "shotgun", "submachine_gun", "machine_gun", "other_firearm", ""]
    kinds = ["seizure"] * 8 + ["found", "surrender"]
    places = ["national_territory", "land_border", "airport", "harbour", "other", "unknown"]
    just = ["illicit_possession", "illicit_use", "illicit_trafficking", "illicit_manufacture", "altered_markings"]
    offences = [[], ["drug_trafficking"], ["violent_crime", "organised_crime"], ["terrorism"]]
    start = date(year, 1, 1)
    now = datetime(year, 6, 1, tzinfo=UTC)
    t = time.perf_counter()
    load(Item, {"created_at": now}, n, lambda i: {
        "uid": str(uuid.UUID(int=i)), "serial_number": f"B{i}",
        "firearm_type": types[i % len(types)], "category": "part" if i % 50 == 0 else "firearm"})
    load(SeizureCase, {"occurred_on": start, "created_at": now}, cases, lambda i: {
        "number": f"BENCH-{i}", "kind": kinds[i % len(kinds)],
        "occurred_on": start + timedelta(days=rng.randrange(365)),  # every record in the year
        "location_type": places[i % len(places)], "legal_justification": just[i % len(just)],
        "suspected_offences": json.dumps(offences[i % len(offences)]), "admin_area": f"Area {i % 40}"})
    conditions = ["industrial", "converted", "modified", "reactivated", "assembled", "otherwise_illicit", "unknown"]
    markings = ["uniquely_marked", "altered", "no_marking", "unknown"]
    load(CaseItem, {}, n, lambda i: {"case_id": (i - 1) // 5 + 1, "item_id": i,
                                      "condition": conditions[i % 7], "marking_status": markings[i % 4]})
    print(f"loaded {n:,} items and case lines, {cases:,} cases in {time.perf_counter() - t:.1f} s")


def stub_status(item):
    from armstrace.tracing.status import TracingStatus

    statuses = list(TracingStatus)
    return statuses[item.pk % len(statuses)]


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--n", type=int, default=1_000_000)
    parser.add_argument("--year", type=int, default=2024)
    args = parser.parse_args()
    setup_django()
    from django.db import connection

    from armstrace.monitoring import iafq, sdg

    populate(args.n, args.year)
    print(f"database: {connection.vendor}")

    t = time.perf_counter()
    with connection.cursor() as cur:
        cur.execute("""SELECT c.kind, i.firearm_type, ci.condition, ci.marking_status, c.location_type, COUNT(*)
                       FROM custody_caseitem ci JOIN custody_seizurecase c ON c.id = ci.case_id
                       JOIN registry_item i ON i.id = ci.item_id
                       WHERE c.occurred_on >= %s AND c.occurred_on < %s AND i.category = 'firearm'
                       GROUP BY 1, 2, 3, 4, 5""", [date(args.year, 1, 1), date(args.year + 1, 1, 1)])
        groups = cur.fetchall()
    sql_s = time.perf_counter() - t
    arms_sql = sum(g[-1] for g in groups)

    t = time.perf_counter()
    rows = iafq.compute(args.year, tracing_status=stub_status)
    iafq_s = time.perf_counter() - t
    total = sum(r.value for r in rows if r.indicator in ("Arms seized", "Arms found", "Arms surrendered")
                and r.dimension == "by location" and r.category == "Total")
    assert total == arms_sql, (total, arms_sql)

    t = time.perf_counter()
    series = sdg.published_series(iafq.sdg_counts_by_year([args.year], tracing_status=stub_status))
    sdg_s = time.perf_counter() - t

    t = time.perf_counter()
    rows_no_tracing = iafq.compute(args.year, tracing_status=lambda item: None)
    no_tracing_s = time.perf_counter() - t
    print(f"year {args.year}: {arms_sql:,} arms in cases")
    print(f"  hand-written SQL GROUP BY (5 dimensions) : {sql_s:6.2f} s")
    print(f"  IAFQ, all tables (ORM + tracing stub)     : {iafq_s:6.2f} s  ({len(rows)} rows)")
    print(f"  IAFQ, per-item tracing lookup skipped     : {no_tracing_s:6.2f} s  ({len(rows_no_tracing)} rows)")
    print(f"  SDG 16.4.2 (seized arms, per-item status) : {sdg_s:6.2f} s  -> {[(o.year, str(o.value)) for o in series]}")


if __name__ == "__main__":
    main()
