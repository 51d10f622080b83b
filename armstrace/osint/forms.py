from django import forms
from django.utils.translation import gettext_lazy as _

from armstrace.core import bounds
from armstrace.osint.models import FieldDecision, RecordStatus

FIELD_DECISIONS = [(FieldDecision.ACCEPTED, _("Accept")), (FieldDecision.EDITED, _("Edit")),
                   (FieldDecision.REJECTED, _("Reject"))]
RECORD_DECISIONS = [(RecordStatus.ACCEPTED, _("Accept record")), (RecordStatus.REJECTED, _("Reject record"))]


class FieldReviewForm(bounds.Form):
    decision = forms.ChoiceField(label=_("Decision"), choices=FIELD_DECISIONS)
    value = forms.CharField(label=_("Value"), max_length=500, required=False)
    version = forms.IntegerField(min_value=0, max_value=10**9, required=False, widget=forms.HiddenInput)


class RecordReviewForm(bounds.Form):
    decision = forms.ChoiceField(label=_("Decision"), choices=RECORD_DECISIONS)
    version = forms.IntegerField(min_value=0, max_value=10**9, required=False, widget=forms.HiddenInput)


class UploadForm(bounds.Form):
    file = forms.FileField(label=_("File"), help_text=_(
        "An HTML page, a plain-text file or a JSONL file (one object a line with text and optional title, "
        "source_url, published, language); at most 5 MB."))
    publisher = forms.CharField(label=_("Publisher"), max_length=200, required=False)
    source_url = forms.URLField(label=_("Source URL"), max_length=1000, required=False, assume_scheme="https")
