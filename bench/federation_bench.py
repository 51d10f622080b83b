"""Federation benchmark: two installations on 127.0.0.1 (as the tests start them), each `armstrace serve` on SQLite.

1. Inbox throughput: A's inbox.receive() on N lost/stolen queries signed by B, with every check (signature,
   schema, replay), the evidence log, the handler's registry look-up, the signed receipt and answer (target
   >= 200 messages/s). Baseline, same run and process: the signature and schema checks of the same messages
   alone (no database), so the ratio says what share of the crypto-only rate the whole inbox keeps. The SQL
   statements of one accepted message are counted (django CaptureQueriesContext).
2. Lost/stolen round trip: from A, services.check_lost_stolen to B over HTTP and back, M times (target
   p95 < 100 ms). Baseline, same run: M HTTP requests to B that Django answers with no database work (a GET of the
   inbox, 405) over one kept-alive connection, so the ratio is the round trip's cost in plain HTTP requests.

The machine's load average is printed with the figures: on a shared machine compare the ratios, not the rates.

    .venv/bin/python bench/federation_bench.py --n 1000 --round-trips 200
"""

import argparse
import json
import os
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
import django  # noqa: E402

THROUGHPUT = """
import time, uuid
from datetime import UTC, datetime
from django.db import connection
from django.test.utils import CaptureQueriesContext
from armstrace.core import signing
from armstrace.federation import inbox, jws, schemas
key = signing.load_private_key({key!r}); kid = signing.key_id(key.public_key()); to = signing.key_id()
def query(i):
    return jws.sign({{'id': str(uuid.uuid4()), 'type': 'lost-stolen-query', 'version': 1, 'from': kid, 'to': to,
                     'created': datetime.now(UTC).isoformat(), 'body': {{'serial': f'SEN-{{i % 50}}'}}}},
                    kid=kid, issuer='SEN', private_key=key)
texts = [query(i) for i in range({n})]
from armstrace.federation.models import PartnerKey
public = signing.load_public_key(PartnerKey.objects.get(partner__country='SEN', valid_until=None).public_key)
start = time.perf_counter()
for text in texts:
    parsed = jws.Parsed(text)
    assert parsed.verify(public) and not schemas.errors(schemas.ENVELOPE, parsed.payload)
    assert not schemas.errors(schemas.BODIES[('lost-stolen-query', 1)], parsed.payload['body'])
checks = time.perf_counter() - start
with CaptureQueriesContext(connection) as queries:
    inbox.receive(query(0))
start = time.perf_counter()
for text in texts:
    inbox.receive(text)
out({{'messages': {n}, 'seconds': time.perf_counter() - start, 'checks_seconds': checks,
     'queries_per_message': len(queries.captured_queries)}})
"""

ROUND_TRIP = """
import http.client, time, urllib.parse
from armstrace.federation import services
def p(times, q):
    times = sorted(times)
    return times[max(0, int(len(times) * q) - 1)]
floor, url = [], urllib.parse.urlsplit({inbox!r})
connection = http.client.HTTPConnection(url.hostname, url.port, timeout=10)
for i in range({m}):
    start = time.perf_counter()
    connection.request('GET', url.path)
    response = connection.getresponse(); response.read()
    assert response.status == 405, response.status
    floor.append((time.perf_counter() - start) * 1000)
times = []
for i in range({m}):
    start = time.perf_counter()
    query = services.check_lost_stolen('SEN', f'SEN-{{i % 50}}')
    assert services.lost_stolen_answer(query) is not None
    times.append((time.perf_counter() - start) * 1000)
out({{'round_trips': {m}, 'p50_ms': p(times, 0.5), 'p95_ms': p(times, 0.95), 'max_ms': max(times),
     'floor_p50_ms': p(floor, 0.5), 'floor_p95_ms': p(floor, 0.95)}})
"""


def load():
    return " ".join(f"{v:.2f}" for v in os.getloadavg())


def run(n, round_trips):
    from armstrace.federation.tests import conftest as pair_fixture

    with tempfile.TemporaryDirectory() as tmp:
        pair = pair_fixture.pair.__wrapped__(type("Factory", (), {
            "mktemp": staticmethod(lambda name: Path(tempfile.mkdtemp(prefix=name, dir=tmp)))})())
        a, b = next(pair)
        try:
            b.py("for i in range(50): glock(f'SEN-{i}', stolen=i % 5 == 0)\nout(1)")
            load_before = load()
            inbox = a.py(THROUGHPUT.format(key=str(b.key_path), n=n))
            trips = a.py(ROUND_TRIP.format(m=round_trips, inbox=b.inbox))
        finally:
            next(pair, None)
    return inbox, trips, load_before


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--n", type=int, default=1000, help="messages for the inbox throughput")
    parser.add_argument("--round-trips", type=int, default=200)
    args = parser.parse_args()
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "armstrace.settings")
    django.setup()
    inbox, trips, load_before = run(args.n, args.round_trips)
    rate = inbox["messages"] / inbox["seconds"]
    checks_rate = inbox["messages"] / inbox["checks_seconds"]
    print(json.dumps({"inbox_messages_per_s": round(rate, 1), "inbox_target": 200,
                      "checks_only_per_s": round(checks_rate, 1), "inbox_over_checks": round(rate / checks_rate, 3),
                      "queries_per_message": inbox["queries_per_message"], **trips,
                      "round_trip_over_floor_p95": round(trips["p95_ms"] / trips["floor_p95_ms"], 1),
                      "p95_target_ms": 100, "load_average": f"{load_before} -> {load()}", "cpus": os.cpu_count()}))
    print(f"inbox: {rate:.0f} messages/s (target >= 200), {inbox['queries_per_message']} SQL statements a message; "
          f"the checks alone {checks_rate:.0f}/s (ratio {rate / checks_rate:.2f})")
    print(f"lost/stolen round trip: p50 {trips['p50_ms']:.1f} ms, p95 {trips['p95_ms']:.1f} ms (target < 100 ms); "
          f"an HTTP request without database work: p95 {trips['floor_p95_ms']:.1f} ms "
          f"(ratio {trips['p95_ms'] / trips['floor_p95_ms']:.1f}); load average {load_before} -> {load()}")


if __name__ == "__main__":
    main()
