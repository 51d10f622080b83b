"""The screening API's latency with many consignments stored: run by bench/screening_bench.py in a child process.

    .venv/bin/python bench/screening_api.py SIMULATED.csv --stored N [--requests 200] [--rate 20]

Into a fresh SQLite database (migrated here; or the PostgreSQL one of tools/with_postgres.sh), the first N/20
consignments of the simulated file are stored by `services.bulk_load` (the rows and indexes of `screening import`
in multi-row inserts; velocity from within the file, as `screening score` sees it), and `requests` of the
consignments after the N-th are POSTed to /api/screening/consignments/ at `rate` a second, in-process (Django's
test client as a logged-in customs officer: middleware, authentication and DRF included, no HTTP server): that is
the same run's baseline. Then the rest of the N are loaded, 1 in 500 marked as a finding (the watch list then
holds their parties), and as many more are POSTed; the p95 ratio says what the stored rows cost. One more POST and
a GET are EXPLAINed (screening/tests/query_plans.py): any statement that
reads a stored table whole is printed, since its cost would grow with the rows stored.
"""

import argparse
import csv
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))


def as_body(c):
    return {"consignment_id": c.consignment_id, "operator": c.operator, "mail_class": c.mail_class,
            "tracking_id": c.tracking_id, "accepted_at": c.accepted_at.isoformat(), "sender_name": c.sender_name,
            "sender_address": c.sender_address, "sender_country": c.sender_country,
            "addressee_name": c.addressee_name, "addressee_address": c.addressee_address,
            "addressee_phone": c.addressee_phone, "addressee_country": c.addressee_country,
            "route": ">".join(c.route), "category": c.category, "declared_weight_kg": c.declared_weight_kg,
            "measured_weight_kg": c.measured_weight_kg,
            "lines": [{"description": line.description, "hs_code": line.hs_code, "quantity": line.quantity,
                       "value": line.value, "currency": line.currency} for line in c.lines]}


WARM_UP = 5


def part(source, start, stop, target):
    """Consignments start..stop-1 of `source` (whole consignments, the header kept) into `target`."""
    with open(source, newline="", encoding="utf-8") as stream, open(target, "w", newline="", encoding="utf-8") as out:
        reader, writer = csv.reader(stream), csv.writer(out, lineterminator="\n")
        writer.writerow(next(reader))
        seen, last = -1, None
        for row in reader:
            if row[0] != last:
                seen, last = seen + 1, row[0]
                if seen >= stop:
                    break
            if seen >= start:
                writer.writerow(row)
    return target


def split(source, baseline, stored, directory, requests):
    """The first `baseline` consignments and the next ones up to `stored` into two CSVs to load, and the next
    2 × `requests` + WARM_UP + 1 as API bodies."""
    from armstrace.screening.reader import open_records

    files = part(source, 0, baseline, directory / "first.csv"), part(source, baseline, stored, directory / "rest.csv")
    wanted = 2 * requests + WARM_UP + 1
    posted = part(source, stored, stored + wanted, directory / "posted.csv")
    bodies = [as_body(record.consignment) for record in open_records(posted)[0]]
    if len(bodies) < wanted:
        raise SystemExit(f"{source} has {len(bodies)} consignments after the {stored:,} stored; {wanted} are POSTed")
    return files, bodies


def measure(client, bodies, rate):
    """(wall-clock latencies, CPU times of this process) in ms, sorted: on a shared machine the CPU time is the
    figure that other jobs do not inflate."""
    latencies, cpu, interval, start = [], [], 1.0 / rate, time.perf_counter()
    for i, body in enumerate(bodies):
        wait = start + i * interval - time.perf_counter()
        if wait > 0:
            time.sleep(wait)
        began, began_cpu = time.perf_counter(), time.process_time()
        response = client.post("/api/screening/consignments/", body, content_type="application/json")
        latencies.append((time.perf_counter() - began) * 1000)
        cpu.append((time.process_time() - began_cpu) * 1000)
        if response.status_code != 201:
            raise SystemExit(f"POST answered {response.status_code}: {response.content[:300]!r}")
    return sorted(latencies), sorted(cpu)


def full_scans(client, body):
    """The statements of one POST and one GET whose plan reads a stored screening table whole."""
    from django.db import transaction

    from armstrace.screening.tests.query_plans import recorded

    with transaction.atomic(), recorded() as plans:
        created = client.post("/api/screening/consignments/", body, content_type="application/json").json()
        client.get(f"/api/screening/consignments/{created['id']}/")
    with transaction.atomic():
        return plans.full_scans(("screening_consignment", "screening_contentline", "screening_rulehit",
                                 "screening_inspection"))


def slowest_statements(client, bodies):
    """The statements that took longest, in total, over these POSTs (which are rolled back)."""
    from django.db import transaction

    from armstrace.screening.tests.query_plans import recorded

    with transaction.atomic(), recorded() as plans:
        for body in bodies:  # stored already: posted again under a new id, so that they are scored, not refused
            again = {**body, "consignment_id": f"{body['consignment_id']}-again"}
            response = client.post("/api/screening/consignments/", again, content_type="application/json")
            if response.status_code != 201:
                raise SystemExit(f"POST answered {response.status_code}: {response.content[:300]!r}")
        transaction.set_rollback(True)
    return plans.slowest()


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("source")
    parser.add_argument("--stored", type=int, default=20000)
    parser.add_argument("--requests", type=int, default=200)
    parser.add_argument("--rate", type=float, default=20.0)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="armstrace-screening-api-") as tmp:
        directory = Path(tmp)
        if not os.environ.get("ARMSTRACE_DATABASE_URL", "").startswith("postgres"):
            os.environ["ARMSTRACE_DATABASE_URL"] = f"sqlite:///{directory / 'api.db'}"
        os.environ.setdefault("DJANGO_SETTINGS_MODULE", "armstrace.settings")
        import django

        django.setup()
        from django.core.management import call_command
        from django.test import Client

        from armstrace.conftest import create_user
        from armstrace.screening import models as m
        from armstrace.screening.services import bulk_load

        call_command("migrate", verbosity=0)
        baseline = min(args.stored, max(200, args.stored // 20))
        (first, rest), bodies = split(args.source, baseline, args.stored, directory, args.requests)
        client = Client()
        client.force_login(create_user("bench-customs", "customs", agency_kind="customs"))
        bulk_load(first)
        measure(client, bodies[:WARM_UP], args.rate)  # the first requests build caches (watch list, URLs)
        bodies = bodies[WARM_UP:]
        few, few_cpu = measure(client, bodies[:args.requests], args.rate)
        started = time.perf_counter()
        bulk_load(rest)
        loaded = time.perf_counter() - started
        stored = m.Consignment.objects.count()
        picked = m.Consignment.objects.order_by("pk").values_list("pk", flat=True)[::500]
        m.Inspection.objects.bulk_create(m.Inspection(consignment_id=pk, outcome="parts") for pk in picked)
        latencies, cpu = measure(client, bodies[args.requests:-1], args.rate)
        slow = slowest_statements(client, bodies[-21:-1])
        scans = full_scans(client, bodies[-1])
    load = " ".join(f"{v:.2f}" for v in os.getloadavg())
    print(f"API, {args.requests} POSTs at {args.rate:g}/s in-process each time (load average {load}):")
    print(f"  baseline, {baseline:,} stored: median {statistics.median(few):.1f} ms, p95 {p95(few):.1f} ms; "
          f"CPU median {statistics.median(few_cpu):.1f} ms, p95 {p95(few_cpu):.1f} ms")
    print(f"  {stored:,} stored (loaded in {loaded:.0f} s, {(stored - baseline) / loaded:,.0f}/s), "
          f"{len(picked)} findings: median "
          f"{statistics.median(latencies):.1f} ms, p95 {p95(latencies):.1f} ms, max {latencies[-1]:.1f} ms; "
          f"p95 ratio to the baseline {p95(latencies) / p95(few):.2f}; CPU median {statistics.median(cpu):.1f} ms, "
          f"p95 {p95(cpu):.1f} ms, ratio {p95(cpu) / p95(few_cpu):.2f}")
    print(f"query plans of a POST and a GET: {len(scans)} statements read a stored table whole")
    for sql, plan in scans:
        print(f"  {sql[:200]}\n    {plan}")
    print("slowest statements of the last 20 POSTs again (rolled back), total ms / runs:")
    for total, runs, sql in slow:
        print(f"  {total:7.1f} ms / {runs:3d}  {sql[:150]}")


def p95(latencies):
    return latencies[max(0, int(len(latencies) * 0.95) - 1)]


if __name__ == "__main__":
    main()
