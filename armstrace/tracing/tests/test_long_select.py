"""The search form's fast select renders what Django's template-rendered Select does (whitespace aside)."""

import re

from django import forms

from armstrace.registry.widgets import ModelOfMakeSelect
from armstrace.tracing.forms import SearchForm


def without_whitespace(html):
    """The HTML without whitespace between tags, a selected option's `data-make` written before `selected` (the
    order flatatt writes boolean attributes in)."""
    return re.sub(r' selected( data-make="\d+")', r'\1 selected', re.sub(r">\s+<", "><", html).strip())


def test_long_select_renders_as_djangos_select(registry):
    from armstrace.registry.models import FirearmModel

    model = FirearmModel.objects.select_related("make").first()
    form = SearchForm({"q": "x", "make": str(model.make.pk), "model": str(model.pk), "country": "AUT"})
    assert form.is_valid()
    fast = {name: str(form[name]) for name in ("make", "model", "calibre", "country")}
    assert 'selected>Austria</option>' in fast["country"]
    assert f'value="{model.pk}" data-make="{model.make_id}" selected' in fast["model"]  # follows the make
    for name in fast:
        plain = ModelOfMakeSelect(form.fields[name].widget.attrs) if name == "model" else forms.Select()
        plain.choices, plain.is_required = form.fields[name].choices, False
        form.fields[name].widget = plain
        assert without_whitespace(str(form[name])) == without_whitespace(fast[name])
