"""The model lists of the register form and the marking search follow the chosen make: each option carries its
make and the select names the make field (registry/pickers.js then offers only that make's models); without the
script a model of another make is refused by the form."""

import re

from django.urls import reverse

from armstrace.registry.forms import RegisterItemForm
from armstrace.registry.models import FirearmModel
from armstrace.tracing.forms import SearchForm


def _makes_of_options(html):
    return {int(pk): int(make) for pk, make in re.findall(r'<option value="(\d+)" data-make="(\d+)"', html)}


def test_each_model_option_carries_its_make(registry):
    for form in (RegisterItemForm(), SearchForm()):
        html = str(form["model"])
        assert 'data-make-field="id_make"' in html and "registry/pickers.js" in str(form.media)
        expected = dict(FirearmModel.objects.values_list("pk", "make_id"))
        assert _makes_of_options(html.replace(" selected", "")) == expected


def test_a_model_of_another_make_is_refused(registry, client, user):
    client.force_login(user)
    glock = FirearmModel.objects.filter(make__name="Glock").first()
    beretta = FirearmModel.objects.filter(make__name="Beretta").first()
    response = client.post(reverse("registry:item-register"), {
        "how": "registered", "make": beretta.make_id, "model": glock.pk, "serial_number": "MIX-1",
        "serial_state": "intact", "holder": "DLR-1", "occurred_on": "2020-01-01"})
    assert response.status_code == 200
    assert "This model is not made by the chosen make." in response.context["form"].errors["model"]
    page = client.get(reverse("registry:item-register")).content.decode()
    assert "/static/registry/pickers.js" in page
