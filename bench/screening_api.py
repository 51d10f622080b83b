"""The screening API's latency with many consignments stored: run by bench/screening_bench.py in a child process.

    .venv/bin/python bench/screening_api.py SIMULATED.csv --stored N [--requests 200] [--rate 20]

Into a fresh SQLite database (migrated here), the first N consignments of the simulated file are imported through
`screening import`'s service (scored, velocity from the database), and 1 in 500 of them marked as a finding (the
watch list then holds their parties). Then the next consignments are POSTed to /api/screening/consignments/ at
`rate` a second, in-process (Django's test client as a logged-in customs officer: middleware, authentication and
DRF included, no HTTP server), and the latency of each answer is measured.
"""

import argparse
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


def split(source, stored, directory, requests):
    """The first `stored` consignments into a CSV to import, and the next `requests` as API bodies."""
    from bench.screening_bench import head
    from armstrace.screening.reader import open_records

    first = head(source, stored, directory / "stored.csv")
    records, _ = open_records(source)
    bodies = []
    for i, record in enumerate(records):
        if i >= stored and record.consignment is not None:
            bodies.append(as_body(record.consignment))
            if len(bodies) >= requests:
                break
    return first, bodies


def measure(client, bodies, rate):
    latencies, interval, start = [], 1.0 / rate, time.perf_counter()
    for i, body in enumerate(bodies):
        wait = start + i * interval - time.perf_counter()
        if wait > 0:
            time.sleep(wait)
        began = time.perf_counter()
        response = client.post("/api/screening/consignments/", body, content_type="application/json")
        latencies.append((time.perf_counter() - began) * 1000)
        if response.status_code != 201:
            raise SystemExit(f"POST answered {response.status_code}: {response.content[:300]!r}")
    return latencies


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("source")
    parser.add_argument("--stored", type=int, default=20000)
    parser.add_argument("--requests", type=int, default=200)
    parser.add_argument("--rate", type=float, default=20.0)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="armstrace-screening-api-") as tmp:
        directory = Path(tmp)
        os.environ["ARMSTRACE_DATABASE_URL"] = f"sqlite:///{directory / 'api.db'}"
        os.environ.setdefault("DJANGO_SETTINGS_MODULE", "armstrace.settings")
        import django

        django.setup()
        from django.core.management import call_command
        from django.test import Client

        from armstrace.conftest import create_user
        from armstrace.screening import models as m
        from armstrace.screening.services import import_file

        call_command("migrate", verbosity=0)
        first, bodies = split(args.source, args.stored, directory, args.requests)
        started = time.perf_counter()
        result = import_file(first)
        loaded = time.perf_counter() - started
        picked = m.Consignment.objects.order_by("pk").values_list("pk", flat=True)[::500]
        m.Inspection.objects.bulk_create(m.Inspection(consignment_id=pk, outcome="parts") for pk in picked)
        client = Client()
        client.force_login(create_user("bench-customs", "customs", agency_kind="customs"))
        latencies = sorted(measure(client, bodies, args.rate))
    p95 = latencies[max(0, int(len(latencies) * 0.95) - 1)]
    print(f"API: {result.created:,} consignments stored (imported in {loaded:.0f} s), {len(picked)} findings; "
          f"{len(latencies)} POSTs at {args.rate:g}/s in-process: median {statistics.median(latencies):.1f} ms, "
          f"p95 {p95:.1f} ms, max {latencies[-1]:.1f} ms")


if __name__ == "__main__":
    main()
