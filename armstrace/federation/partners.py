"""This installation's identity and its partners: adding one from its identity file, disabling, re-keying."""

from datetime import timedelta
from functools import lru_cache

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from armstrace.core import signing
from armstrace.core.errors import RuleViolation
from armstrace.federation import schemas
from armstrace.federation.models import Installation, Partner, PartnerKey
from armstrace.profile import get_profile

IDENTITY_FORMAT = "armstrace-identity/1"
IDENTITY_SCHEMA = {
    "type": "object", "required": ["format", "country", "installation", "inbox_url", "key_id", "public_key"],
    "properties": {"format": {"const": IDENTITY_FORMAT}, "country": {"type": "string", "pattern": "^[A-Z]{3}$"},
                   "installation": {"type": "string", "minLength": 1, "maxLength": 200},
                   "inbox_url": {"type": "string", "pattern": "^https?://", "maxLength": 500},
                   "key_id": {"type": "string", "pattern": "^[0-9a-f]{32}$"}, "public_key": {"type": "string"}},
}


def init_identity(name=None, inbox_url=None) -> Installation:
    """Create the signing key if there is none, and set this installation's name and inbox URL."""
    signing.create_key()
    installation = Installation.objects.first() or Installation(name=f"ArmsTrace {get_profile().country}",
                                                                inbox_url="http://127.0.0.1:8000/federation/inbox/")
    installation.name = name or installation.name
    installation.inbox_url = inbox_url or installation.inbox_url
    installation.save()
    return installation


def installation() -> Installation:
    found = Installation.objects.first()
    if found is None:
        raise RuleViolation("no_identity", _("This installation has no federation identity: run "
                                             "`armstrace federation init` first."))
    return found


def identity() -> dict:
    """The public identity a partner adds: country, installation name, inbox URL, key id and public key."""
    local = installation()
    return {"format": IDENTITY_FORMAT, "country": get_profile().country, "installation": local.name,
            "inbox_url": local.inbox_url, "key_id": signing.key_id(), "public_key": signing.public_key_pem()}


def fingerprint(key_id: str) -> str:
    """The key id in groups of four, to read aloud for out-of-band confirmation."""
    return " ".join(key_id[i:i + 4] for i in range(0, len(key_id), 4))


def _checked_identity(data) -> tuple[dict, object]:
    problems = schemas.errors(IDENTITY_SCHEMA, data) if isinstance(data, dict) else ["(top level): not an object"]
    if problems:
        raise RuleViolation("bad_identity", _("Not an ArmsTrace identity: %(e)s") % {"e": "; ".join(problems)})
    try:
        key = signing.load_public_key(data["public_key"])
    except signing.SigningKeyError as exc:
        raise RuleViolation("bad_identity", str(exc), "public_key") from None
    if signing.key_id(key) != data["key_id"]:
        raise RuleViolation("bad_identity", _("The key id does not match the public key."), "key_id")
    if data["country"] == get_profile().country:
        raise RuleViolation("bad_identity", _("This is this installation's own country."), "country")
    return data, key


def add_partner(data) -> Partner:
    data, _key = _checked_identity(data)
    with transaction.atomic():
        if Partner.objects.filter(country=data["country"]).exists():
            raise RuleViolation("partner_exists", _("%(c)s is a partner already: re-key it instead.")
                                % {"c": data["country"]}, "country")
        if PartnerKey.objects.filter(key_id=data["key_id"]).exists():
            raise RuleViolation("key_exists", _("This key belongs to another partner."), "key_id")
        partner = Partner.objects.create(country=data["country"], name=data["installation"],
                                         inbox_url=data["inbox_url"])
        PartnerKey.objects.create(partner=partner, key_id=data["key_id"], public_key=data["public_key"])
    return partner


def get_partner(country) -> Partner:
    partner = Partner.objects.filter(country=(country or "").upper()).first()
    if partner is None:
        raise RuleViolation("unknown_partner", _("%(c)s is not a partner.") % {"c": country}, "country")
    return partner


def set_enabled(country, enabled: bool) -> Partner:
    partner = get_partner(country)
    partner.enabled, partner.disabled_at = enabled, None if enabled else timezone.now()
    partner.save(update_fields=["enabled", "disabled_at"])
    return partner


def rekey(data, grace: timedelta) -> Partner:
    """The partner's new key from its new identity file; the key it replaces stays valid for `grace`."""
    data, _key = _checked_identity(data)
    with transaction.atomic():
        partner = get_partner(data["country"])
        if PartnerKey.objects.filter(key_id=data["key_id"]).exists():
            raise RuleViolation("key_exists", _("This key is known already."), "key_id")
        until = timezone.now() + grace
        partner.keys.filter(valid_until__isnull=True).update(valid_until=until)
        partner.keys.filter(valid_until__gt=until).update(valid_until=until)
        PartnerKey.objects.create(partner=partner, key_id=data["key_id"], public_key=data["public_key"])
        partner.name, partner.inbox_url = data["installation"], data["inbox_url"]
        partner.save(update_fields=["name", "inbox_url"])
    return partner


def with_keys(country):
    """The partner of `country` with its keys loaded (one query), or None."""
    keys = list(PartnerKey.objects.filter(partner__country=country).select_related("partner"))
    if not keys:
        return Partner.objects.filter(country=country).first()  # a partner always has a key; this is only in case
    keys[0].partner.loaded_keys = keys
    return keys[0].partner


@lru_cache(maxsize=256)
def _parsed_key(pem: str):
    return signing.load_public_key(pem)


def public_key(key: PartnerKey):
    """The key's public key object; parsing its PEM text is done once per text (a pure function of the text)."""
    return _parsed_key(key.public_key)


def valid_key(partner, key_id, at=None):
    """The partner's key `key_id` if it is current, or replaced but within its grace period."""
    at = at or timezone.now()
    key = next((k for k in partner.all_keys() if k.key_id == key_id), None)
    if key is None or (key.valid_until is not None and key.valid_until <= at):
        return None
    return key
