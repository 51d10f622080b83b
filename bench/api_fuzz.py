"""API fuzzing at length (`make bench`; never run by pytest): schemathesis over every operation of /api/schema/.

    python bench/api_fuzz.py [--examples 200] [--negative 100] [--stateful 100] [--steps 12] [--items 200]

1. A database (SQLite in a temporary directory unless ARMSTRACE_DATABASE_URL names an empty PostgreSQL one) gets
   the reference data, a demo registry of ITEMS items and the workflow objects of the pytest fuzz test, and an
   administrator with a token.
2. Every operation gets EXAMPLES positive cases (as the schema says) and NEGATIVE negative ones (what it refuses),
   half of them on ids that exist: no 5xx, every status code and content type documented, bodies as the schema says
   (positive).
3. STATEFUL sequences of up to STEPS calls follow the schema's links (armstrace.core.api.document_links): an object
   created is read and written on, an item read is written with its ETag as If-Match. No 5xx, status codes
   documented.
Prints the failures per operation and exits 1 if there is any (the last line is a JSON summary).
"""

import argparse
import json
import os
import shutil
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))


def setup(items):
    if "ARMSTRACE_DATABASE_URL" not in os.environ:
        os.environ["ARMSTRACE_DATA_DIR"] = tempfile.mkdtemp(prefix="armstrace-fuzz-")
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "armstrace.settings")
    import django

    django.setup()
    from django.core.management import call_command
    from rest_framework.authtoken.models import Token

    from armstrace.accounts.management.commands.users import create_user
    from armstrace.demo import generate_demo
    from armstrace.registry.models import Item
    from armstrace.tests.test_api_schema_fuzz import add_workflow_objects

    call_command("init", "--password", "fuzz-admin-password", verbosity=0)
    generate_demo(items, seed=5)
    add_workflow_objects(Item.objects.filter(category="firearm").order_by("pk").first())
    return Token.objects.create(user=create_user("fuzzer", "administrator", agency=None,
                                                 password="fuzzer-password-1")).key


def stateful(schema, token, examples, steps):
    """Failures of the link-following sequences (an empty dict when none)."""
    from hypothesis import HealthCheck, settings
    from schemathesis.checks import not_a_server_error
    from schemathesis.specs.openapi.checks import status_code_conformance

    base = schema.as_state_machine()

    class Machine(base):
        def get_call_kwargs(self, case):
            return {"headers": {"Authorization": f"Token {token}"}}

        def validate_response(self, response, case, **kwargs):
            case.validate_response(response, checks=[not_a_server_error, status_code_conformance])

    try:
        Machine.run(settings=settings(max_examples=examples, stateful_step_count=steps, deadline=None,
                                      database=None, suppress_health_check=list(HealthCheck)))
    except (Exception, BaseExceptionGroup) as exc:
        return {"stateful sequences": exc}
    return {}


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--examples", type=int, default=200)
    parser.add_argument("--negative", type=int, default=100)
    parser.add_argument("--stateful", type=int, default=100)
    parser.add_argument("--steps", type=int, default=12)
    parser.add_argument("--items", type=int, default=200)
    args = parser.parse_args()
    token = setup(args.items)

    import schemathesis
    from django.core.handlers.wsgi import WSGIHandler
    from rest_framework.test import APIClient
    from schemathesis import GenerationMode

    from armstrace.tests.test_api_schema_fuzz import CHECKS, NEGATIVE_CHECKS, fuzz

    schema = schemathesis.openapi.from_wsgi("/api/schema/?format=json", WSGIHandler(),
                                            headers={"Authorization": f"Token {token}"})
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Token {token}")
    started, failures = time.monotonic(), {}
    for mode, examples, checks in ((GenerationMode.POSITIVE, args.examples, CHECKS),
                                   (GenerationMode.NEGATIVE, args.negative, NEGATIVE_CHECKS)):
        failures |= {f"{label} ({mode.value})": exc for label, exc in
                     fuzz(schema, token, client, mode, examples, checks).items()}
        print(f"[api fuzz] {mode.value}: {examples} examples per operation, {time.monotonic() - started:.0f} s",
              file=sys.stderr, flush=True)
    if args.stateful:
        failures |= stateful(schema, token, args.stateful, args.steps)
    for label, exc in failures.items():
        print(f"== {label}\n{exc}\n")
    print(json.dumps({"examples": args.examples, "negative": args.negative, "stateful": args.stateful,
                      "seconds": round(time.monotonic() - started), "failures": sorted(failures)}))
    return 1 if failures else 0


if __name__ == "__main__":
    temporary = "ARMSTRACE_DATABASE_URL" not in os.environ
    try:
        code = main()
    finally:
        if temporary and os.environ.get("ARMSTRACE_DATA_DIR", "").startswith(tempfile.gettempdir()):
            shutil.rmtree(os.environ["ARMSTRACE_DATA_DIR"], ignore_errors=True)
    sys.exit(code)
