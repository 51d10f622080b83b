"""Federation benchmark: two installations on 127.0.0.1 (as the tests start them).

1. Inbox throughput: A's inbox.receive() on N lost/stolen queries signed by B, with every check (signature,
   schema, replay), the evidence log, the handler's registry look-up, the signed receipt and answer (target
   >= 200 messages/s).
2. Lost/stolen round trip: from A, services.check_lost_stolen to B over HTTP and back, M times (target p95 < 100 ms).

    .venv/bin/python bench/federation_bench.py --n 1000 --round-trips 200
"""

import argparse
import json
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
import django  # noqa: E402



THROUGHPUT = """
import time, uuid
from datetime import UTC, datetime
from armstrace.core import signing
from armstrace.federation import inbox, jws
key = signing.load_private_key({key!r}); kid = signing.key_id(key.public_key()); to = signing.key_id()
texts = [jws.sign({{'id': str(uuid.uuid4()), 'type': 'lost-stolen-query', 'version': 1, 'from': kid, 'to': to,
                   'created': datetime.now(UTC).isoformat(), 'body': {{'serial': f'SEN-{{i % 50}}'}}}},
                  kid=kid, issuer='SEN', private_key=key) for i in range({n})]
start = time.perf_counter()
for text in texts:
    inbox.receive(text)
out({{'messages': {n}, 'seconds': time.perf_counter() - start}})
"""

ROUND_TRIP = """
import time, statistics
from armstrace.federation import services
times = []
for i in range({m}):
    start = time.perf_counter()
    query = services.check_lost_stolen('SEN', f'SEN-{{i % 50}}')
    assert services.lost_stolen_answer(query) is not None
    times.append((time.perf_counter() - start) * 1000)
times.sort()
out({{'round_trips': {m}, 'p50_ms': times[len(times) // 2], 'p95_ms': times[int(len(times) * 0.95) - 1],
     'max_ms': times[-1]}})
"""


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--n", type=int, default=1000, help="messages for the inbox throughput")
    parser.add_argument("--round-trips", type=int, default=200)
    args = parser.parse_args()
    import os

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "armstrace.settings")
    django.setup()
    from armstrace.federation.tests import conftest as pair_fixture

    with tempfile.TemporaryDirectory() as tmp:
        pair = pair_fixture.pair.__wrapped__(type("Factory", (), {
            "mktemp": staticmethod(lambda name: Path(tempfile.mkdtemp(prefix=name, dir=tmp)))})())
        a, b = next(pair)
        try:
            b.py("for i in range(50): glock(f'SEN-{i}', stolen=i % 5 == 0)\nout(1)")
            inbox = a.py(THROUGHPUT.format(key=str(b.key_path), n=args.n))
            rate = inbox["messages"] / inbox["seconds"]
            trips = a.py(ROUND_TRIP.format(m=args.round_trips))
        finally:
            next(pair, None)
    print(json.dumps({"inbox_messages_per_s": round(rate, 1), "inbox_target": 200, **trips, "p95_target_ms": 100}))
    print(f"inbox: {rate:.0f} messages/s (target >= 200); lost/stolen round trip p95 {trips['p95_ms']:.1f} ms "
          f"(target < 100 ms)")


if __name__ == "__main__":
    main()
