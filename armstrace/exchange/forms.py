from django import forms
from django.contrib.auth import get_user_model
from django.utils.translation import gettext_lazy as _

from armstrace.accounts.models import Agency
from armstrace.core import bounds
from armstrace.exchange.models import Message, Preference, ThreadType


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    def __init__(self, *args, **kwargs):
        kwargs.setdefault("widget", MultipleFileInput())
        kwargs.setdefault("required", False)
        super().__init__(*args, **kwargs)

    def clean(self, data, initial=None):
        if isinstance(data, (list, tuple)):
            return [super(MultipleFileField, self).clean(d, initial) for d in data if d]
        return [super().clean(data, initial)] if data else []


def _users():
    return get_user_model().objects.filter(is_active=True, profile__isnull=False).order_by("username")


class UsernameChoiceField(forms.ModelMultipleChoiceField):
    def label_from_instance(self, user):
        agency = getattr(getattr(user, "profile", None), "agency", None)
        return f"{user.get_username()} ({agency})" if agency else user.get_username()


class MessageForm(bounds.Form):
    text = forms.CharField(label=_("Message"), widget=forms.Textarea(attrs={"rows": 5}), max_length=20000)
    text_format = forms.ChoiceField(label=_("Format"), choices=Message.Format.choices, initial="plain")
    attachments = MultipleFileField(label=_("Attachments"), help_text=_(
        "Photos (JPEG, PNG, GIF, WebP), PDF or text files; the kind is read from the file itself."))


class ThreadForm(MessageForm):
    subject = forms.CharField(label=_("Subject"), max_length=200)
    kind = forms.ChoiceField(label=_("Type"), choices=ThreadType.choices)
    users = UsernameChoiceField(label=_("Members (users)"), queryset=_users(), required=False)
    agencies = forms.ModelMultipleChoiceField(label=_("Members (whole agencies)"), queryset=Agency.objects.all(),
                                              required=False)
    holds_personal_data = forms.BooleanField(label=_("Holds personal data"), required=False, help_text=_(
        "Every read of the thread is then written to the personal-data access log."))
    link = forms.CharField(widget=forms.HiddenInput, required=False)
    field_order = ["subject", "kind", "users", "agencies", "holds_personal_data", "text", "text_format",
                   "attachments", "link"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["users"].queryset = _users()


class EditForm(bounds.Form):
    text = forms.CharField(label=_("Message"), widget=forms.Textarea(attrs={"rows": 5}), max_length=20000)
    text_format = forms.ChoiceField(label=_("Format"), choices=Message.Format.choices)


class MembersForm(bounds.Form):
    users = UsernameChoiceField(label=_("Users"), queryset=_users(), required=False)
    agencies = forms.ModelMultipleChoiceField(label=_("Agencies"), queryset=Agency.objects.all(), required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["users"].queryset = _users()


class SearchForm(bounds.Form):
    q = forms.CharField(label=_("Words"), max_length=200)


class PreferenceForm(bounds.ModelForm):
    class Meta:
        model = Preference
        fields = ["email"]
