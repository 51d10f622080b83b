"""Schemathesis over every operation of the OpenAPI schema (/api/schema/), in process through Django's WSGI app.

Positive data (as the schema says): no 5xx, every status code documented, content type and body as the schema says.
Negative data (what the schema refuses: wrong types, out of bounds, too long, missing fields): no 5xx, a documented
status code and content type (some invalid query values are ignored by design, e.g. a bad ?limit= gives the default
page, so "refused" is not checked). Examples per operation are bounded (ARMSTRACE_FUZZ_EXAMPLES, ARMSTRACE_FUZZ_NEGATIVE_EXAMPLES)
to keep `make test` short; bench/api_fuzz.py runs many more, and stateful sequences along the schema's links. The database has a small demo registry (items with
histories, cases, custody) and half of the examples of an operation with an id in its path use ids that exist
(read from the operation's list just before), so that real objects are read and written too."""

import os

import pytest
import schemathesis
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st
from hypothesis.errors import Unsatisfiable
from schemathesis.checks import not_a_server_error
from schemathesis import GenerationMode
from schemathesis.specs.openapi.checks import (
    content_type_conformance, response_schema_conformance, status_code_conformance,
)

FUZZ_EXAMPLES = int(os.environ.get("ARMSTRACE_FUZZ_EXAMPLES", "10"))
NEGATIVE_EXAMPLES = int(os.environ.get("ARMSTRACE_FUZZ_NEGATIVE_EXAMPLES", "6"))
CHECKS = [not_a_server_error, status_code_conformance, content_type_conformance, response_schema_conformance]
NEGATIVE_CHECKS = [not_a_server_error, status_code_conformance, content_type_conformance]


@pytest.fixture
def fuzz_setup(registry, glock, user):
    from django.core.handlers.wsgi import WSGIHandler
    from rest_framework.authtoken.models import Token
    from rest_framework.test import APIClient

    from armstrace.demo import generate_demo

    generate_demo(24, seed=5)
    add_workflow_objects(glock)
    token = Token.objects.create(user=user).key
    schema = schemathesis.openapi.from_wsgi("/api/schema/?format=json", wsgi_app_keeping_connection(WSGIHandler()),
                                            headers={"Authorization": f"Token {token}"})
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Token {token}")
    return schema, token, client


def wsgi_app_keeping_connection(handler):
    """The Django WSGI app, except that the end of a request does not close the test's database connection (inside
    the test's transaction), as with Django's test client: the response is read and closed while the signal is off."""
    from django.core.signals import request_finished, request_started
    from django.db import close_old_connections

    def app(environ, start_response):
        for signal in (request_started, request_finished):
            signal.disconnect(close_old_connections)
        try:
            response = handler(environ, start_response)
            body = b"".join(response)
            response.close()
            return [body]
        finally:
            for signal in (request_started, request_finished):
                signal.connect(close_old_connections)

    return app


def add_workflow_objects(item):
    """A tracing request (one draft, one sent), an export authorization and a broker registration."""
    from datetime import date, timedelta

    from armstrace.registry.models import Party
    from armstrace.tracing import services as tracing
    from armstrace.transfers import services as transfers
    from armstrace.transfers.tests.conftest import auth_input

    request = {"direction": "outgoing", "counterpart_country": "AUT", "identifying_marks": "GLOCK ABC123",
               "reason_illicit": "Seized at a roadblock", "intended_use": "Criminal investigation",
               "requesting_authority": "National Police", "point_of_contact": "desk@police.example"}
    tracing.create_request(dict(request), item=item)
    tracing.send(tracing.create_request(dict(request), item=item))
    transfers.issue_authorization(auth_input())
    broker = Party.objects.create(kind=Party.Kind.BROKER, name="Global Arms Brokers", identifier="BRK-1")
    transfers.register_broker(broker, number="BR-1", issued_on=date.today() - timedelta(days=9),
                              valid_until=date.today() + timedelta(days=900))


def existing_ids(client, path, name):
    """Ids of objects that exist for a `{name}` path parameter: those of the collection the path is under.
    A path without a list of its own (trace reports) falls back to items, the only objects those are about."""
    for list_path in (path.split("/{")[0] + "/", "/api/items/"):
        response = client.get(list_path, {"limit": 20})
        if response.status_code == 200:
            body = response.json()
            rows = body["results"] if isinstance(body, dict) else body
            ids = [row.get(name, row.get("id")) for row in rows if isinstance(row, dict)]
            if ids := [i for i in ids if i is not None]:
                return ids
    return []


def cases_of(operation, client, mode=GenerationMode.POSITIVE):
    generated = operation.as_strategy(generation_mode=mode)
    names = [p.name for p in operation.path_parameters]
    if len(names) != 1 or not (ids := existing_ids(client, operation.path, names[0])):
        return generated

    def on_existing(pair):
        case, existing = pair
        case.path_parameters = {**(case.path_parameters or {}), names[0]: existing}
        return case

    return st.one_of(generated, st.tuples(generated, st.sampled_from(ids)).map(on_existing))


def fuzz(schema, token, client, mode, examples, checks):
    """Run `examples` cases of every operation; the failures by operation (all of them, not just the first)."""
    failures, operations = {}, 0
    for result in schema.get_all_operations():
        operation = result.ok()  # raises if schemathesis cannot read an operation of the schema
        operations += 1

        @given(case=cases_of(operation, client, mode))
        @settings(max_examples=examples, deadline=None, derandomize=True, database=None,
                  suppress_health_check=list(HealthCheck), phases=[Phase.explicit, Phase.generate])
        def call(case):
            case.call_and_validate(headers={"Authorization": f"Token {token}"}, checks=checks)

        try:
            call()
        except Unsatisfiable:  # nothing to get wrong: an operation without parameters or body, in negative mode
            continue
        except (Exception, BaseExceptionGroup) as exc:
            failures[operation.label] = exc
    assert operations > 40, "the schema lost its operations"
    return failures


def test_api_conforms_to_its_schema_and_refuses_what_it_does_not_allow(fuzz_setup):
    schema, token, client = fuzz_setup
    failures = {f"{label} (positive)": exc for label, exc in
                fuzz(schema, token, client, GenerationMode.POSITIVE, FUZZ_EXAMPLES, CHECKS).items()}
    failures |= {f"{label} (negative)": exc for label, exc in
                 fuzz(schema, token, client, GenerationMode.NEGATIVE, NEGATIVE_EXAMPLES, NEGATIVE_CHECKS).items()}
    assert not failures, "\n\n".join(f"== {label}\n{exc}" for label, exc in failures.items())


def test_federation_inbox_never_fails(db, signing_key):
    """The inbox (armstrace/federation/openapi.py): generated bodies and real signed messages, valid, tampered
    and replayed, get a documented answer and never a 5xx."""
    from django.core.handlers.wsgi import WSGIHandler

    from armstrace.federation.openapi import inbox_openapi
    from armstrace.federation.tests.test_inbox_in_process import from_partner, partner_key_of

    key = partner_key_of()
    valid = from_partner(key)
    header, payload, signature = valid.split(".")
    examples = [valid, valid, f"{header}.{payload}.{signature[:-4]}AAAA", from_partner(key, {"serial": ""}),
                f"{header}.{payload}", "a.b.c"]
    schema = schemathesis.openapi.from_dict(inbox_openapi(examples))
    schema.app = wsgi_app_keeping_connection(WSGIHandler())
    failures = {}
    for result in schema.get_all_operations():
        operation = result.ok()

        @given(case=operation.as_strategy())
        @settings(max_examples=max(FUZZ_EXAMPLES, 20), deadline=None, derandomize=True, database=None,
                  suppress_health_check=list(HealthCheck), phases=[Phase.explicit, Phase.generate])
        def call(case):
            case.call_and_validate(checks=CHECKS)

        try:
            call()
        except (Exception, BaseExceptionGroup) as exc:
            failures[operation.label] = exc
    assert not failures, "\n\n".join(f"== {label}\n{exc}" for label, exc in failures.items())
    from armstrace.federation.models import Message, Refusal

    assert Message.objects.filter(direction="in").count() == 1  # the valid message, once
    assert {"replay", "malformed"} <= set(Refusal.objects.values_list("code", flat=True))
