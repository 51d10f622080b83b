"""Personal data of persons: show a user only the fields their access allows, and log every read of the others.

Subjects are a natural person held in the registry (`party`: Party of kind "person"; the identity number, date of
birth and address are personal) and a person in a custody case (`case_person`: name, linked party, nationality, age).
Pages use the `{% personal_fields obj as p %}` template tag (accounts/templatetags/access.py), the API the
`PersonalDataMixin` serializer mixin, JSON built by hand `redact_parties()`. Each read is queued on the request and
written as AccessLogEntry rows by AccessPolicyMiddleware once the response is made.
"""

from rest_framework import serializers

from armstrace.accounts.access import access_for
from armstrace.accounts.constants import PERSONAL_FIELDS
from armstrace.accounts.models import AccessLogEntry

PENDING_READS = "_armstrace_personal_reads"
# What a withheld field reads as (keeps the API's types: text fields "", the others null).
WITHHELD = {"date_of_birth": None, "age": None, "party": None}
# subject -> find(number): the ids of that subject's persons with this identity number (a values("pk") query), for
# the access-log search; the app that keeps the subject registers it in its AppConfig.ready() (registry: holders).
PERSON_FINDERS = {}


def _get(obj, name, default=None):
    return obj.get(name, default) if isinstance(obj, dict) else getattr(obj, name, default)


def is_person(subject, obj):
    """Whether `obj` is a natural person; a dealer's or an agency's number and address are not personal data."""
    return subject != "party" or _get(obj, "kind") == "person"


def _user(request):
    return getattr(request, "user", None) if request is not None else None


def record_read(request, subject, obj, fields):
    """Queue one access-log entry: `request` (Django's or DRF's) read `fields` of `obj`."""
    user = _user(request)
    django_request = getattr(request, "_request", request)
    pending = django_request.__dict__.setdefault(PENDING_READS, [])
    subject_id = _get(obj, "id") or _get(obj, "pk")
    for entry in pending:  # one entry per person and request, with every field shown
        if (entry.subject_type, entry.subject_id) == (subject, subject_id):
            entry.fields = sorted(set(entry.fields) | set(fields))
            return
    pending.append(AccessLogEntry(
        user=user if user is not None and user.is_authenticated else None,
        username=user.get_username() if user is not None and user.is_authenticated else "",
        subject_type=subject, subject_id=subject_id, subject_name=str(_get(obj, "name") or "")[:200],
        fields=sorted(fields), path=django_request.get_full_path()[:500], ip=django_request.META.get("REMOTE_ADDR") or None,
    ))


def flush_reads(request):
    """Write the reads queued on `request` (called once per request, after the response is made)."""
    entries = request.__dict__.pop(PENDING_READS, None)
    if entries:
        AccessLogEntry.objects.bulk_create(entries)


def withheld_fields(request, subject, obj):
    """The personal fields of `obj` that the user of `request` may not see (none when `obj` is not a person)."""
    if not is_person(subject, obj):
        return []
    visible = access_for(_user(request)).visible_fields(subject)
    return [f for f in PERSONAL_FIELDS[subject] if f not in visible]


def persons_searchable_by_number(request, parties):
    """`parties` for a look-up by identity number: without the persons, for a user who may not see their numbers
    (else the search would tell which person has a number)."""
    if "identifier" in access_for(_user(request)).visible_fields("party"):
        return parties
    return parties.exclude(kind="person")


class PersonalView(dict):
    """A person's personal fields for a template: the values the user may see, None for the others, and `withheld`."""

    def __init__(self, values, withheld):
        super().__init__(values)
        self.withheld = withheld


def view_of(request, subject, obj, only=None):
    """The personal fields of `obj` as the user of `request` may see them (those in `only`, if given, which the page
    shows); logs the read of those shown."""
    values = {f: _get(obj, f) for f in PERSONAL_FIELDS[subject] if not only or f in only}
    if "party" in values:
        values["party"] = _get(obj, "party_id", values["party"])
    withheld = [f for f in withheld_fields(request, subject, obj) if f in values]
    for name in withheld:
        values[name] = None
    _log_shown(request, subject, obj, values, withheld)
    return PersonalView(values, withheld)


def redact(request, subject, obj, data):
    """Blank the withheld personal fields in `data` (the representation of `obj`); log the read of those left."""
    withheld = withheld_fields(request, subject, obj)
    for name in withheld:
        if name in data:
            data[name] = WITHHELD.get(name, "")
    _log_shown(request, subject, obj, data, withheld)
    return data


def _log_shown(request, subject, obj, values, withheld):
    """Log the read of the personal fields that `values` shows: present, not withheld, not blank."""
    shown = [f for f in PERSONAL_FIELDS[subject] if f in values and f not in withheld
             and values[f] not in (None, "")]
    if shown and is_person(subject, obj):
        record_read(request, subject, obj, shown)


def redact_parties(request, data):
    """Redact every holder (a dict with `id`, `kind` and `identifier`) found anywhere in JSON-ready `data`."""
    if isinstance(data, dict):
        if {"id", "kind", "identifier"} <= data.keys():
            return redact(request, "party", data, dict(data))
        return {k: redact_parties(request, v) for k, v in data.items()}
    if isinstance(data, list):
        return [redact_parties(request, v) for v in data]
    return data


class PersonalDataMixin(serializers.Serializer):
    """Personal fields that your role or agency may not see are blank (or null) and listed in `restricted_fields`;
    each read of the others is written to the personal-data access log."""

    # For a serializer of persons; set `personal_subject` to "party" or "case_person". (The docstring above is what
    # the OpenAPI description of such a serializer shows.)

    personal_subject = "party"
    restricted_fields = serializers.SerializerMethodField(
        help_text="Personal fields withheld from you (blank or null above).")

    def get_restricted_fields(self, obj) -> list[str]:
        return withheld_fields(self.context.get("request"), self.personal_subject, obj)

    def to_representation(self, instance):
        data = super().to_representation(instance)
        return redact(self.context.get("request"), self.personal_subject, instance, data)
