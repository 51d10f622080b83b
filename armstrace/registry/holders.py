"""Holder and licence commands: the rows of Party and Licence are projections of their events.

Each command writes the row and appends its event (`party_registered`, `party_changed`, `licence_issued`,
`licence_changed`, `licence_suspended`, `licence_revoked`, `licence_reinstated`) in one transaction. An event's
payload holds the record's whole state after the command (`fields`) and what it changed (`changes`: field ->
[old, new]), so that `projections rebuild --check` can compare every row with its last event
(registry.integrity). The tracing status handlers (tracing.services) see the row's save as before.
"""

import json

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from armstrace.core.actor import SYSTEM
from armstrace.core.errors import RuleViolation
from armstrace.profile import get_profile
from armstrace.registry.eventlog import append_event, canonical_json, lock_chain
from armstrace.registry.models import Event, EventKind, Licence, Party

K = EventKind
# The columns an event records, in the order the history shows them.
PARTY_FIELDS = ("uid", "kind", "name", "identifier", "nationality", "date_of_birth", "address", "country", "created_at")
LICENCE_FIELDS = ("party_id", "licence_type", "number", "issued_by", "valid_from", "valid_until", "status")
PARTY_EDITABLE = PARTY_FIELDS[1:8]
LICENCE_EDITABLE = ("party", *LICENCE_FIELDS[1:])
PARTY_KINDS = {K.PARTY_REGISTERED, K.PARTY_CHANGED}
LICENCE_KINDS = {K.LICENCE_ISSUED, K.LICENCE_CHANGED, K.LICENCE_SUSPENDED, K.LICENCE_REVOKED, K.LICENCE_REINSTATED}


def snapshot(obj, fields) -> dict:
    """The record's values as its event stores them (canonical JSON: dates as ISO text, uuids as text)."""
    return json.loads(canonical_json({name: getattr(obj, name) for name in fields}))


def _violation(error: ValidationError):
    field, messages = next(iter(error.message_dict.items()))
    return RuleViolation("invalid", f"{field}: {' '.join(messages)}" if field != "__all__" else " ".join(messages),
                         None if field == "__all__" else field)


def _validate(obj, exclude=()):
    try:
        obj.full_clean(exclude=list(exclude))
    except ValidationError as exc:
        raise _violation(exc) from exc


def _check_licence(licence):
    codes = {code for code, _label in get_profile().licence_type_choices()}
    if licence.licence_type not in codes:
        raise RuleViolation("bad_licence_type", _("Unknown licence type; the country profile allows: %(types)s.")
                            % {"types": ", ".join(sorted(codes))}, "licence_type")
    if licence.valid_until and licence.valid_from and licence.valid_until < licence.valid_from:
        raise RuleViolation("licence_dates", _("The licence cannot end before it starts."), "valid_until")


def _last_fields(subject, pk):
    """`fields` of the last event of a party or licence (`subject` is "party" or "licence"), or None."""
    kinds = PARTY_KINDS if subject == "party" else LICENCE_KINDS
    events = Event.objects.filter(item__isnull=True, kind__in=[*kinds, K.BASELINE], **{f"payload__{subject}": pk})
    last = events.order_by("-seq").values_list("payload", flat=True).first()
    return last["fields"] if last else None


def _changes(old, new):
    return {name: [old.get(name), value] for name, value in new.items() if old.get(name) != value}


def _record(kind, subject, obj, party, before, actor, reason):
    fields = snapshot(obj, PARTY_FIELDS if subject == "party" else LICENCE_FIELDS)
    changes = _changes(_last_fields(subject, obj.pk) or before, fields)
    payload = {subject: obj.pk, "fields": fields, "changes": changes, "reason": reason}
    return append_event(kind, payload=payload, user=actor.user, agency=actor.agency, party=party)


def _actor(actor):
    return actor or SYSTEM


SUBJECTS = {Party: ("party", PARTY_FIELDS, PARTY_EDITABLE), Licence: ("licence", LICENCE_FIELDS, LICENCE_EDITABLE)}


class DuplicateIdentifier(RuleViolation):
    """A holder would get the identity or registration number that another holder already has."""

    def __init__(self, existing):
        super().__init__(
            "duplicate_identifier",
            _("The number %(number)s is already the number of holder %(name)s (#%(id)s): open that holder instead "
              "of recording a new one.") % {"number": existing.identifier, "name": existing.name, "id": existing.pk},
            "identifier")
        self.party_id = existing.pk


def holder_with_identifier(identifier, exclude_pk=None):
    """The holder (lowest id) whose number is `identifier`, ignoring surrounding spaces and letter case, or None.
    The look-up stays on the identifier index: it asks for the number as given, upper- and lower-cased."""
    number = (identifier or "").strip()
    if not number:
        return None
    parties = Party.objects.filter(identifier__in={number, number.upper(), number.lower()})
    if exclude_pk is not None:
        parties = parties.exclude(pk=exclude_pk)
    return next((p for p in parties.order_by("pk") if p.identifier.strip().casefold() == number.casefold()), None)


def _check_unique_identifier(party):
    """Refuse a number another holder has. Called under the chain's lock (taken first in the transaction), so two
    concurrent registrations of one number run one after the other and the second sees the first."""
    party.identifier = (party.identifier or "").strip()
    existing = holder_with_identifier(party.identifier, exclude_pk=party.pk)
    if existing is not None:
        raise DuplicateIdentifier(existing)


def _party_of(obj):
    return obj if isinstance(obj, Party) else obj.party


def _create(obj, kind, actor, reason):
    """Write a new row and its first event."""
    if isinstance(obj, Licence):
        _check_licence(obj)
    _validate(obj)
    with transaction.atomic():
        if isinstance(obj, Party):
            lock_chain()
            _check_unique_identifier(obj)
        obj.save()
        _record(kind, SUBJECTS[type(obj)][0], obj, _party_of(obj), {}, _actor(actor), reason)
    return obj


def _change(obj, changes, actor, reason):
    """Write `changes` to the row (re-read under its lock) and record the event with the old and new values."""
    subject, fields, editable = SUBJECTS[type(obj)]
    _check_editable(changes, editable)
    with transaction.atomic():
        lock_chain()
        obj = type(obj).objects.get(pk=obj.pk)
        before = snapshot(obj, fields)
        for name, value in changes.items():
            setattr(obj, name, value)
        if isinstance(obj, Licence):
            _check_licence(obj)
        _validate(obj)
        if isinstance(obj, Party) and "identifier" in changes:
            _check_unique_identifier(obj)
        obj.save(update_fields=list(changes) or None)
        obj.refresh_from_db()
        kind = K.PARTY_CHANGED if subject == "party" else _licence_kind(before["status"], obj.status)
        _record(kind, subject, obj, _party_of(obj), before, _actor(actor), reason)
    return obj


def register_party(*, actor=None, reason="", **values) -> Party:
    """A new holder: its row and its `party_registered` event."""
    return _create(Party(**values), K.PARTY_REGISTERED, actor, reason)


def change_party(party, changes: dict, *, actor=None, reason="") -> Party:
    """Change a holder's record (`changes`: field -> new value, of PARTY_EDITABLE): a `party_changed` event with
    the old and new values. Returns the party as stored."""
    return _change(party, changes, actor, reason)


def issue_licence(party, *, actor=None, reason="", **values) -> Licence:
    """A new licence of `party`: its row and its `licence_issued` event."""
    return _create(Licence(party=party, **values), K.LICENCE_ISSUED, actor, reason)


def change_licence(licence, changes: dict, *, actor=None, reason="") -> Licence:
    """Change a licence (`changes`: field -> new value, of LICENCE_EDITABLE). The event is `licence_suspended`,
    `licence_revoked` or `licence_reinstated` when that is what the change of status does, else `licence_changed`."""
    return _change(licence, changes, actor, reason)


def suspend_licence(licence, *, actor=None, reason=""):
    return change_licence(licence, {"status": Licence.Status.SUSPENDED}, actor=actor, reason=reason)


def revoke_licence(licence, *, actor=None, reason=""):
    return change_licence(licence, {"status": Licence.Status.REVOKED}, actor=actor, reason=reason)


def _licence_kind(old_status, new_status):
    if old_status == new_status:
        return K.LICENCE_CHANGED
    return {Licence.Status.SUSPENDED: K.LICENCE_SUSPENDED, Licence.Status.REVOKED: K.LICENCE_REVOKED,
            Licence.Status.VALID: K.LICENCE_REINSTATED}.get(new_status, K.LICENCE_CHANGED)


def _check_editable(changes, editable):
    unknown = sorted(set(changes) - set(editable))
    if unknown:
        raise RuleViolation("not_editable", _("These fields cannot be changed: %(f)s") % {"f": ", ".join(unknown)},
                            unknown[0])


def record_baselines(event_model, party_model, licence_model, now=None):
    """Append one `baseline` event per existing party and licence (the upgrade to event-sourced holders; the
    migration passes its historical models). Events already in the chain are left as they are."""
    from armstrace.registry.eventlog import FORMULA, GENESIS_HASH, compute_hash, event_body

    lock_chain()
    last = event_model.objects.order_by("-seq").values_list("seq", "hash").first()
    seq, prev_hash = last or (0, GENESIS_HASH)
    now = now or timezone.now()
    subjects = [("party", party, PARTY_FIELDS, party.pk) for party in party_model.objects.order_by("pk")]
    subjects += [("licence", lic, LICENCE_FIELDS, lic.party_id) for lic in licence_model.objects.order_by("pk")]
    for subject, obj, fields, party_id in subjects:
        seq += 1
        event = event_model(seq=seq, kind=K.BASELINE, occurred_at=now, recorded_at=now, recorded_by=None,
                            recorded_by_name="system", agency="", item=None, item_uid="", party_id=party_id,
                            payload={subject: obj.pk, "fields": snapshot(obj, fields), "changes": {}, "reason": ""},
                            prev_hash=prev_hash, hash_formula=FORMULA)
        event.hash = compute_hash(prev_hash, seq, event_body(event))
        event.save(force_insert=True)
        prev_hash = event.hash
    return len(subjects)
