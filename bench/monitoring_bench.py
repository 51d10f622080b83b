"""Benchmark: IAFQ tables and SDG 16.4.2 for one year with N seizure records (default 1,000,000 case lines), on the
database ARMSTRACE_DATABASE_URL points to (SQLite in a temp dir when unset), with a hand-written SQL GROUP BY over
the same rows beside it.

    .venv/bin/python bench/monitoring_bench.py --n 1000000
    tools/with_postgres.sh .venv/bin/python bench/monitoring_bench.py --n 1000000

Rows are bulk-loaded with executemany (SQLite) or COPY (PostgreSQL), not through the ORM: items, their events
(registered then seized, exported then seized, stolen then found, never registered and seized...), markings, tracing requests (sent, answered with or without an outcome) and licensed, unlicensed and
State holders, in twelve kinds of histories that between them reach every IAFQ tracing status. The event hashes are
placeholders (the chain is not verified here). The tracing status is then set by `projections rebuild`
(registry.projection.rebuild_projections, the code that recomputes it from the events), untimed, and checked
against tracing.services.iafq_tracing_status on a random sample of items. Timed: IAFQ compute + 16.4.2 (counts of
the year and the next, as the dashboard does); beside it, one hand-written GROUP BY over the same rows, whose
counts must equal every tracing cell of the IAFQ tables. Not run by pytest.
"""

import argparse
import json
import os
import random
import shutil
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

    from armstrace.core.signing import create_key

    create_key()  # the registry it builds signs checkpoints
    call_command("migrate", verbosity=0)


def rows_for(model, overrides, varies):
    """Value tuples for `model`'s concrete columns: defaults once, then each dict of `varies` replaces some columns
    of one row (ids 1, 2, ...)."""
    from django.db import connection

    fields = [f for f in model._meta.concrete_fields if not (f.primary_key and f.name == "id")]
    template = model(**overrides)
    base = {}
    for f in fields:
        value = getattr(template, f.attname)
        base[f.column] = json.dumps(value) if f.get_internal_type() == "JSONField" else f.get_db_prep_save(value, connection)
    columns = ["id", *base]
    for i, vary in enumerate(varies, start=1):
        row = dict(base, id=i)
        row.update(vary)
        yield columns, tuple(row[c] for c in columns)


def load(model, overrides, n, vary):
    return load_rows(model, overrides, (vary(i) for i in range(1, n + 1)))


def load_rows(model, overrides, varies):
    from django.db import connection, transaction

    from armstrace.tracing import index

    table = model._meta.db_table
    gen = rows_for(model, overrides, varies)
    columns, first = next(gen)
    n = 1
    with transaction.atomic(), index.triggers_suspended(connection), connection.cursor() as cur:
        if connection.vendor == "postgresql":
            with cur.cursor.copy(f"COPY {table} ({', '.join(columns)}) FROM STDIN") as copy:
                copy.write_row(first)
                for _, row in gen:
                    copy.write_row(row)
                    n += 1
            cur.execute(f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), {n})")
        else:
            sql = f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({', '.join(['%s'] * len(columns))})"
            batch = [first]
            for _, row in gen:
                batch.append(row)
                n += 1
                if len(batch) == 20000:
                    cur.executemany(sql, batch)
                    batch = []
            if batch:
                cur.executemany(sql, batch)
    return n


def db_datetime(value):
    from django.db import connection

    return connection.ops.adapt_datetimefield_value(value) if connection.vendor == "sqlite" else value


# The histories, one per item in turn: (name, events before the case's own event, [serial, custom fields, markings,
# tracing request]). "L" is a licensed person, "U" an unlicensed one, "S" a State agency.
HISTORIES = [
    ("held by a licensed person, then taken", [("registered", {"holder": "L"})], {}),
    ("held by an unlicensed person, then taken", [("registered", {"holder": "U"})], {}),
    ("exported, then taken here", [("registered", {"holder": "L"}),
                                   ("exported", {"destination_country": "UGA", "from_holder": "L"})], {}),
    ("stolen, then taken", [("registered", {"holder": "L"}), ("theft_reported", {})], {}),
    ("held by a State agency, then taken", [("registered", {"holder": "S"})], {}),
    ("never registered", [], {}),
    ("never registered, request sent", [], {"request": ("sent", "")}),
    ("never registered, request answered", [], {"request": ("answered", "")}),
    ("never registered, traced abroad", [], {"request": ("answered", "illegitimate_owner_foreign")}),
    ("no serial number", [], {"serial": False}),
    ("serial obliterated", [], {"serial": False, "obliterated": True}),
    ("illicitly manufactured", [], {"custom_fields": {"illicitly_manufactured": True}}),
]
ENTRY = {"seizure": "seized", "found": "found", "surrender": "surrendered"}
STATUS_BEFORE = {"registered": "active", "exported": "exported", "theft_reported": "stolen"}


def populate(n, year):
    from django.db import connection

    from armstrace.custody.models import CaseItem, SeizureCase
    from armstrace.registry.models import Event, Item, Licence, Make, Marking, Party
    from armstrace.tracing.models import TracingRequest

    rng = random.Random(42)
    cases = max(n // 5, 1)
    types = ["pistol", "revolver", "rifle", "shotgun", "submachine_gun", "machine_gun", "other_firearm", ""]
    kinds = ["seizure"] * 8 + ["found", "surrender"]
    places = ["national_territory", "land_border", "airport", "harbour", "other", "unknown"]
    just = ["illicit_possession", "illicit_use", "illicit_trafficking", "illicit_manufacture", "altered_markings"]
    offences = [[], ["drug_trafficking"], ["violent_crime", "organised_crime"], ["terrorism"]]
    start = date(year, 1, 1)
    now = datetime(year + 1, 2, 1, tzinfo=UTC)
    t = time.perf_counter()

    make = Make.objects.create(name="Bench", country="AUT")
    holders = {"L": Party.objects.create(kind="person", name="Licensed", identifier="B-L"),
               "U": Party.objects.create(kind="person", name="Unlicensed", identifier="B-U"),
               "S": Party.objects.create(kind="state_agency", name="Police", identifier="B-S")}
    Licence.objects.create(party=holders["L"], licence_type="POSSESSION", number="B-1", valid_from=date(2000, 1, 1))
    case_days = [start + timedelta(days=rng.randrange(365)) for _ in range(cases)]  # every record in the year
    case_kinds = [kinds[c % len(kinds)] for c in range(1, cases + 1)]

    def history(i):
        return HISTORIES[i % len(HISTORIES)]

    def item_row(i):
        _, _, extra = history(i)
        serial = f"B{i}" if extra.get("serial", True) else ""
        return {"uid": str(uuid.UUID(int=i)), "serial_number": serial, "serial_normalized": serial,
                "make_id": make.pk, "custom_fields": json.dumps(extra.get("custom_fields", {})),
                "firearm_type": types[i % len(types)], "category": "part" if i % 50 == 0 else "firearm"}

    load(Item, {"created_at": now}, n, item_row)

    def events():
        seq = 0
        for i in range(1, n + 1):
            _, before, extra = history(i)
            case = (i - 1) // 5
            taken = datetime.combine(case_days[case], datetime.min.time(), tzinfo=UTC) + timedelta(hours=12)
            status, holder = "", None
            steps = [(kind, {k: holders[v].pk if k in ("holder", "from_holder") else v for k, v in p.items()},
                      datetime(2015 + k, 3, 1, tzinfo=UTC)) for k, (kind, p) in enumerate(before)]
            for kind, payload, _ in steps:
                status, holder = STATUS_BEFORE[kind], payload.get("holder", holder)
            entry = ENTRY[case_kinds[case]]
            steps.append((entry, {"location": "Bench", "previous_holder": holder, "previous_status": status}
                          if steps else {"holder": None, "location": "Bench"}, taken))
            if extra.get("request", ("", ""))[1]:
                steps.append(("trace_recorded", {"request": f"TR-B-{i}", "direction": "outgoing",
                                                 "outcome": extra["request"][1]}, taken + timedelta(days=1)))
            for kind, payload, occurred in steps:
                seq += 1
                yield {"seq": seq, "kind": kind, "occurred_at": db_datetime(occurred), "recorded_at": db_datetime(now),
                       "recorded_by_name": "bench", "item_id": i, "item_uid": str(uuid.UUID(int=i)),
                       "payload": json.dumps(payload), "prev_hash": f"{seq - 1:064x}", "hash": f"{seq:064x}"}

    n_events = load_rows(Event, {"occurred_at": now, "recorded_at": now}, events())
    obliterated = [i for i in range(1, n + 1) if history(i)[2].get("obliterated")]
    load_rows(Marking, {"kind": "serial", "state": "obliterated"}, ({"item_id": i, "position": "frame"}
                                                                     for i in obliterated))
    asked = [(i, *history(i)[2]["request"]) for i in range(1, n + 1) if "request" in history(i)[2]]
    n_requests = len(asked)
    if asked:
        load_rows(TracingRequest, {"created_at": now, "counterpart_country": "CHN", "identifying_marks": "B",
                                   "reason_illicit": "seized", "intended_use": "statistics",
                                   "requesting_authority": "Police", "point_of_contact": "desk"},
                  ({"reference": f"TR-B-{i}", "item_id": i, "status": status, "outcome": outcome,
                    "sent_at": db_datetime(now)} for i, status, outcome in asked))
    load(SeizureCase, {"occurred_on": start, "created_at": now}, cases, lambda i: {
        "number": f"BENCH-{i}", "kind": case_kinds[i - 1], "occurred_on": case_days[i - 1],
        "location_type": places[i % len(places)], "legal_justification": just[i % len(just)],
        "suspected_offences": json.dumps(offences[i % len(offences)]), "admin_area": f"Area {i % 40}"})
    conditions = ["industrial", "converted", "modified", "reactivated", "assembled", "otherwise_illicit", "unknown"]
    markings = ["uniquely_marked", "altered", "no_marking", "unknown"]
    load(CaseItem, {}, n, lambda i: {"case_id": (i - 1) // 5 + 1, "item_id": i,
                                      "condition": conditions[i % 7], "marking_status": markings[i % 4]})
    with connection.cursor() as cur:
        cur.execute("ANALYZE")
    print(f"loaded {n:,} items and case lines, {n_events:,} events, {len(obliterated):,} markings, "
          f"{n_requests:,} tracing requests, {cases:,} cases in {time.perf_counter() - t:.1f} s")


def set_tracing_status(sample):
    """`projections rebuild`, then the stored status of `sample` random items against the per-item function."""
    from django.db import connection, transaction

    from armstrace.registry.models import Item
    from armstrace.registry.projection import rebuild_projections
    from armstrace.tracing.services import iafq_tracing_status

    t = time.perf_counter()
    with transaction.atomic():
        rewritten = len(rebuild_projections(write=True))
    if connection.vendor == "postgresql":
        with connection.cursor() as cur:
            cur.execute("VACUUM ANALYZE registry_item")
    print(f"projections rebuild: {rewritten:,} items written in {time.perf_counter() - t:.1f} s")
    ids = random.Random(7).sample(range(1, Item.objects.count() + 1), sample)
    wrong = [i.pk for i in Item.objects.filter(pk__in=ids) if i.tracing_status != iafq_tracing_status(i)]
    assert not wrong, f"stored tracing status differs from iafq_tracing_status for items {wrong[:10]}"
    print(f"stored tracing status == iafq_tracing_status(item) on a random sample of {sample} items")


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--n", type=int, default=1_000_000)
    parser.add_argument("--year", type=int, default=2024)
    parser.add_argument("--sample", type=int, default=500, help="items checked against the per-item status function")
    args = parser.parse_args()
    setup_django()
    from collections import Counter

    from django.db import connection

    from armstrace.monitoring import codelist as cl
    from armstrace.monitoring import iafq, sdg
    from armstrace.tracing.status import TracingStatus

    populate(args.n, args.year)
    set_tracing_status(min(args.sample, args.n))
    print(f"database: {connection.vendor}")

    t = time.perf_counter()
    with connection.cursor() as cur:
        cur.execute("""SELECT c.kind, i.firearm_type, ci.condition, ci.marking_status, c.location_type,
                              i.tracing_status, COUNT(*)
                       FROM custody_caseitem ci JOIN custody_seizurecase c ON c.id = ci.case_id
                       JOIN registry_item i ON i.id = ci.item_id
                       WHERE c.occurred_on >= %s AND c.occurred_on < %s AND i.category = 'firearm'
                       GROUP BY 1, 2, 3, 4, 5, 6""", [date(args.year, 1, 1), date(args.year + 1, 1, 1)])
        groups = cur.fetchall()
    sql_s = time.perf_counter() - t
    arms_sql = sum(g[-1] for g in groups)

    t = time.perf_counter()
    rows = iafq.compute(args.year)
    iafq_s = time.perf_counter() - t
    t = time.perf_counter()
    counts = iafq.sdg_counts_by_year([args.year, args.year + 1])
    series = sdg.published_series(counts)
    sdg_s = time.perf_counter() - t

    # Every tracing cell of the three arms tables equals the hand-written GROUP BY.
    by_sql = Counter()
    for kind, *_, status, n in groups:
        by_sql[(cl.ARMS_INDICATOR[kind], cl.TRACING[TracingStatus(status)] if status else cl.TRACING_UNKNOWN)] += n
    cells = {(r.indicator, r.category): r.value for r in rows if r.dimension == cl.BY_LOCATION}
    for indicator in cl.ARMS_INDICATOR.values():
        for status in TracingStatus:
            assert cells[(indicator, cl.TRACING[status])] == by_sql[(indicator, cl.TRACING[status])], (indicator, status)
        assert cells[(indicator, cl.TRACING_UNKNOWN)] == by_sql[(indicator, cl.TRACING_UNKNOWN)] == 0
    total = sum(cells[(i, cl.TOTAL)] for i in cl.ARMS_INDICATOR.values())
    assert total == arms_sql, (total, arms_sql)
    assert counts[args.year] == {s: by_sql[(cl.ARMS_SEIZED, cl.TRACING[s])] for s in TracingStatus}

    both = iafq_s + sdg_s
    print(f"year {args.year}: {arms_sql:,} arms in cases; seized arms by tracing status: "
          f"{ {s.value: n for s, n in counts[args.year].items()} }")
    print(f"  hand-written SQL GROUP BY (6 dimensions)  : {sql_s:6.2f} s")
    print(f"  IAFQ, all tables (stored tracing status)  : {iafq_s:6.2f} s  ({len(rows)} rows)")
    print(f"  SDG 16.4.2 (counts of {args.year} and {args.year + 1})    : {sdg_s:6.2f} s  -> "
          f"{[(o.year, str(o.value)) for o in series]}")
    print(f"  IAFQ + 16.4.2                             : {both:6.2f} s  = {both / sql_s:.1f} x the GROUP BY")


if __name__ == "__main__":
    temporary = "ARMSTRACE_DATABASE_URL" not in os.environ
    try:
        main()
    finally:
        if temporary and os.environ.get("ARMSTRACE_DATA_DIR", "").startswith(tempfile.gettempdir()):
            shutil.rmtree(os.environ["ARMSTRACE_DATA_DIR"], ignore_errors=True)  # the SQLite database (~1.4 GB at 1 M)
