"""No form or API field that takes a holder tells a user who may not see identity numbers whether a number is a
person's: a real and a made-up number get the same answer (issue 18, part 3).

The fields are found by walking every form class of the apps and every write operation of the API schema; the
forms table below only says where each form is posted, and the test fails for a form it does not know."""

import importlib
import json
import re
from datetime import date

import pytest
from django import forms
from django.apps import apps
from django.db import transaction
from django.urls import reverse
from drf_spectacular.generators import SchemaGenerator
from drf_spectacular.settings import spectacular_settings
from rest_framework import relations, serializers
from rest_framework.test import APIClient

from armstrace.conftest import TwoFactorClient
from armstrace.registry.forms import PartyField
from armstrace.registry.models import Event, Party

REAL, FAKE = "ID-ALICE", "ID-NOBODY-404"
TODAY = date.today().isoformat()


def _party_form_fields():
    """{form class: [names of its fields that take a holder]} over the forms modules of every armstrace app."""
    found = {}
    for config in apps.get_app_configs():
        if not config.name.startswith("armstrace."):
            continue
        try:
            module = importlib.import_module(f"{config.name}.forms")
        except ModuleNotFoundError:
            continue
        for obj in vars(module).values():
            if isinstance(obj, type) and issubclass(obj, forms.BaseForm) and obj.__module__ == module.__name__:
                names = [n for n, f in obj.base_fields.items() if _takes_party_form(f)]
                if names:
                    found[obj] = names
    return found


def _takes_party_form(field):
    if isinstance(field, PartyField):
        return True
    return isinstance(field, forms.ModelChoiceField) and field.queryset.model is Party


# Where each form that takes a holder is posted, and the rest of a valid submission.
def _register(w):
    return reverse("registry:item-register"), {
        "how": "registered", "firearm_type": "pistol", "serial_number": "LOOKUP-1", "serial_state": "intact",
        "occurred_on": TODAY}


def _transfer(w):
    return reverse("registry:item-transfer", args=[w.item.pk]), {"occurred_on": TODAY,
                                                                 "expected_seq": w.item.last_event_seq}


def _dispose(w):
    version = type(w.seized).objects.get(pk=w.seized.pk).last_event_seq
    return reverse("custody:item-dispose", args=[w.seized.pk]), {"kind": "return_to_owner", "date": TODAY,
                                                                 "expected_seq": version}


def _authorization(w):
    return reverse("transfers:authorization-create"), {
        "kind": "export", "number": "EXP-LOOKUP", "place_of_issue": "Nairobi", "issued_on": TODAY,
        "expires_on": "2099-01-01", "export_country": "KEN", "import_country": "UGA", "final_recipient": "X",
        "lines-TOTAL_FORMS": "1", "lines-INITIAL_FORMS": "0", "lines-0-category": "firearm",
        "lines-0-description": "Pistols", "lines-0-quantity": "2"}


def _correct(w):
    return reverse("registry:item-correct", args=[w.item.pk]), {"reason": "wrong holder",
                                                                "expected_seq": w.item.last_event_seq}


FORM_POSTS = {
    "RegisterItemForm": _register, "TransferForm": _transfer, "DisposalForm": _dispose,
    "AuthorizationForm": _authorization, "CorrectionForm": _correct,
}


@pytest.fixture
def unseeing(world, make_user):
    """Clients of users who may not see persons' numbers: a customs officer, and an administrator (who may open every
    page) in a customs agency."""
    result = {}
    for name, role in (("lk-customs", "customs"), ("lk-admin", "administrator")):
        client = TwoFactorClient()
        client.force_login(make_user(name, role, agency_kind="customs", two_factor=role == "administrator"))
        result[role] = client
    return result


def _answer(response, value):
    """What a response tells, with the submitted number replaced and the per-request CSRF token dropped."""
    body = response.content.decode()
    if response.get("Content-Type", "").startswith("text/html"):
        form = response.context.get("form") if response.context else None
        body = json.dumps(form.errors if form is not None else {}, sort_keys=True)
    return response.status_code, response.get("Location", ""), body.replace(value, "<number>")


def _submitted(client, method, url, data, value, **kwargs):
    """The answer to one submission and the events it wrote, rolled back afterwards."""
    with transaction.atomic():
        before = Event.objects.count()
        response = getattr(client, method)(url, data, **kwargs)
        answer = (*_answer(response, value), Event.objects.count() - before)
        transaction.set_rollback(True)
    return answer


def test_every_form_that_takes_a_holder_is_known():
    found = {cls.__name__ for cls in _party_form_fields()}
    assert found == set(FORM_POSTS), "a new form takes a holder: add it to FORM_POSTS"


@pytest.mark.django_db
def test_forms_answer_a_real_and_a_made_up_number_alike(world, unseeing, clients):
    checked = 0
    for cls, names in _party_form_fields().items():
        url, data = FORM_POSTS[cls.__name__](world)
        page = clients["administrator"].get(url)
        assert isinstance(page.context["form"], cls), f"{url} does not show {cls.__name__}"
        for name in names:
            for who, client in unseeing.items():
                real = _submitted(client, "post", url, {**data, name: REAL}, REAL)
                fake = _submitted(client, "post", url, {**data, name: FAKE}, FAKE)
                assert real == fake, f"{cls.__name__}.{name} as {who}: {real} != {fake}"
                checked += 1
    assert checked >= 2 * 6  # RegisterItemForm.holder, TransferForm.to_party, DisposalForm.owner, 3 in authorizations


@pytest.mark.django_db
def test_return_to_owner_by_number_is_refused_to_customs(world, unseeing, clients):
    """The hole as found: a customs officer returned a seized item to a person named by identity number."""
    url, data = _dispose(world)
    response = unseeing["customs"].post(url, {**data, "owner": REAL})
    assert response.status_code == 200 and "owner" in response.context["form"].errors
    assert world.seized.__class__.objects.get(pk=world.seized.pk).current_holder_id is None
    # whoever may see the numbers still names the owner by number
    response = clients["investigator"].post(url, {**data, "owner": REAL})
    assert response.status_code == 302
    assert world.seized.__class__.objects.get(pk=world.seized.pk).current_holder_id == world.alice.pk


def _party_serializer_fields(serializer, path=()):
    """Paths to the fields of `serializer` (nested ones too) that take a holder."""
    for name, field in serializer.fields.items():
        if field.read_only:
            continue
        here = (*path, name)
        child = field.child_relation if isinstance(field, relations.ManyRelatedField) else field
        if isinstance(child, relations.RelatedField) and getattr(child, "queryset", None) is not None \
                and child.queryset.model is Party:
            yield here
        elif isinstance(field, serializers.ListSerializer):
            yield from _party_serializer_fields(field.child, (*here, 0))
        elif isinstance(field, serializers.Serializer):
            yield from _party_serializer_fields(field, here)


def _body(path, value):
    body = value
    for step in reversed(path):
        body = [body] if step == 0 else {step: body}
    return body


def _api_fields(world):
    """(method, url, field path) for every write operation of the schema whose input takes a holder."""
    generator = SchemaGenerator()
    generator._initialise_endpoints()
    for path, _regex, method, view in generator._get_paths_and_endpoints():
        if method not in ("POST", "PUT", "PATCH"):
            continue
        view.request = spectacular_settings.GET_MOCK_REQUEST(method, path, view, None)
        view.schema.view, view.schema.path, view.schema.method = view, path, method
        serializer = view.schema.get_request_serializer()
        if isinstance(serializer, type):  # an @extend_schema(request=...) class
            serializer = serializer()
        if not isinstance(serializer, serializers.Serializer):
            continue
        model = getattr(getattr(view, "queryset", None), "model", None)
        pk = model.objects.order_by("pk").values_list("pk", flat=True).first() if model is not None else None
        url = re.sub(r"{[^}]+}", str(pk or world.item.pk), path)
        for field_path in _party_serializer_fields(serializer):
            yield method, url, field_path


def test_the_api_walk_finds_the_holder_fields(db):
    class W:
        item = type("I", (), {"pk": 1})

    found = {(m, re.sub(r"\d+", "N", u), p) for m, u, p in _api_fields(W)}
    assert ("POST", "/api/items/N/transfer/", ("to_party",)) in found
    assert ("POST", "/api/custody/disposals/", ("owner",)) in found


@pytest.mark.django_db
def test_api_fields_answer_a_real_and_a_made_up_number_alike(world, make_user):
    from rest_framework.authtoken.models import Token

    clients = {}
    for name, role in (("lk-api-customs", "customs"), ("lk-api-admin", "administrator")):
        clients[role] = APIClient()
        user = make_user(name, role, agency_kind="customs")
        clients[role].credentials(HTTP_AUTHORIZATION=f"Token {Token.objects.create(user=user).key}")
    fields = list(_api_fields(world))
    assert len(fields) >= 5, fields  # holder, to_party, case persons' party, broker registrations' party, ...
    for method, url, field_path in fields:
        for who, client in clients.items():
            answers = [_submitted(client, method.lower(), url, _body(field_path, value), value, format="json")
                       for value in (REAL, FAKE)]
            assert answers[0] == answers[1], f"{method} {url} {field_path} as {who}: {answers}"
