"""Widgets of the registry's forms that a small script (static registry/pickers.js, no CDN) makes easier to use,
and that work as plain form fields without it: the holder picker and the model list filtered by make."""

from django import forms
from django.urls import reverse_lazy
from django.utils.translation import gettext_lazy as _

PICKER_MEDIA = forms.Media(js=["registry/pickers.js"], css={"all": ["registry/pickers.css"]})


class PartyPicker(forms.TextInput):
    """A text input for a holder's number or #id; with the script, typing part of a name, an identity or a
    registration number lists the matching holders (the `registry:party-picker` fragment) to pick from."""

    template_name = "registry/widgets/party_picker.html"
    media = PICKER_MEDIA

    def get_context(self, name, value, attrs):
        context = super().get_context(name, value, attrs)
        widget = context["widget"]
        widget["results_id"] = f"{widget['attrs'].get('id', name)}-results"
        widget["attrs"].update({
            "data-party-picker": str(reverse_lazy("registry:party-picker")), "autocomplete": "off",
            "role": "combobox", "aria-autocomplete": "list", "aria-expanded": "false",
            "aria-controls": widget["results_id"],
        })
        widget["chosen"] = self.chosen_name(value)
        widget["hint"] = _("Type part of a name, an identity or a registration number, then pick the holder.")
        return context

    @staticmethod
    def chosen_name(value):
        """The name of the holder a value `#id` names (names are not personal data), for the line under the input."""
        from armstrace.registry.models import Party

        text = str(value or "")
        if text.startswith("#") and text[1:].isdigit() and len(text) < 20:
            return Party.objects.filter(pk=int(text[1:])).values_list("name", flat=True).first() or ""
        return ""


class MakeOfModelOptions:
    """Select options that carry their model's make (`data-make`); the select names the make field to follow with
    `data-make-field` (set by the form), and the script then offers only that make's models."""

    media = PICKER_MEDIA

    def create_option(self, name, value, label, selected, index, subindex=None, attrs=None):
        option = super().create_option(name, value, label, selected, index, subindex, attrs)
        instance = getattr(value, "instance", None)
        if instance is not None and getattr(instance, "make_id", None):
            option["attrs"]["data-make"] = str(instance.make_id)
        return option


class ModelOfMakeSelect(MakeOfModelOptions, forms.Select):
    pass


def follow_make(form, model_field="model", make_field="make"):
    """Let `form`'s model list follow its make field."""
    form.fields[model_field].widget.attrs["data-make-field"] = form[make_field].auto_id
