"""Federation: this installation's identity, its partner States and their keys, the messages exchanged (the outbox
is the outgoing ones not yet delivered), the refusals of the inbox, the append-only evidence log, and the log of
partners' lost/stolen queries."""

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class Installation(models.Model):
    """This installation's public identity (one row); the country is the profile's, the key core.signing's."""

    name = models.CharField(_("installation name"), max_length=200)
    inbox_url = models.URLField(_("inbox URL"), max_length=500)
    created_at = models.DateTimeField(default=timezone.now)


class Partner(models.Model):
    """Another State's ArmsTrace installation, one per country."""

    country = models.CharField(_("country"), max_length=3, unique=True)
    name = models.CharField(_("installation name"), max_length=200)
    inbox_url = models.URLField(_("inbox URL"), max_length=500)
    enabled = models.BooleanField(_("enabled"), default=True)
    added_at = models.DateTimeField(_("added at"), default=timezone.now)
    disabled_at = models.DateTimeField(_("disabled at"), null=True, blank=True)

    class Meta:
        ordering = ["country"]

    def __str__(self):
        return f"{self.country} — {self.name}"

    def all_keys(self):
        """Its keys: those loaded with it (partners.with_keys), else the (prefetched or queried) related ones."""
        loaded = getattr(self, "loaded_keys", None)
        return loaded if loaded is not None else self.keys.all()

    @property
    def current_key(self):
        """The key without an end."""
        return next((key for key in self.all_keys() if key.valid_until is None), None)


class PartnerKey(models.Model):
    """A partner's public key. The current key has no end; a replaced key stays valid until `valid_until`."""

    partner = models.ForeignKey(Partner, on_delete=models.PROTECT, related_name="keys")
    key_id = models.CharField(_("key id"), max_length=64, unique=True)
    public_key = models.TextField(_("public key"))
    added_at = models.DateTimeField(_("added at"), default=timezone.now)
    valid_until = models.DateTimeField(_("valid until"), null=True, blank=True)

    class Meta:
        ordering = ["partner", "-added_at"]


class Message(models.Model):
    """A signed message sent or received. Outgoing ones are the outbox: pending until delivered, or undeliverable."""

    class Direction(models.TextChoices):
        OUT = "out", _("sent")
        IN = "in", _("received")

    class State(models.TextChoices):
        PENDING = "pending", _("pending")
        DELIVERED = "delivered", _("delivered")
        UNDELIVERABLE = "undeliverable", _("undeliverable")
        RECEIVED = "received", _("received")

    message_id = models.CharField(_("message id"), max_length=64)
    direction = models.CharField(_("direction"), max_length=3, choices=Direction.choices)
    partner = models.ForeignKey(Partner, on_delete=models.PROTECT, related_name="messages")
    type = models.CharField(_("type"), max_length=40)
    created_at = models.DateTimeField(_("created at"))
    in_reply_to = models.CharField(max_length=64, blank=True)
    body = models.JSONField(default=dict)
    jws = models.TextField()
    sha256 = models.CharField(max_length=64)
    stored_at = models.DateTimeField(default=timezone.now)
    state = models.CharField(_("state"), max_length=14, choices=State.choices)
    attempts = models.PositiveIntegerField(_("attempts"), default=0)
    next_attempt_at = models.DateTimeField(null=True, blank=True)
    last_error = models.TextField(_("last error"), blank=True)
    delivered_at = models.DateTimeField(_("delivered at"), null=True, blank=True)
    receipt_jws = models.TextField(blank=True)
    subject = models.CharField(_("about"), max_length=64, blank=True)  # a request reference or an item uid
    note = models.TextField(_("processing"), blank=True)

    class Meta:
        ordering = ["-stored_at", "-id"]
        constraints = [models.UniqueConstraint(fields=["direction", "message_id"], name="federation_message_once")]
        indexes = [models.Index(fields=["state", "next_attempt_at"]), models.Index(fields=["subject"]),
                   models.Index(fields=["in_reply_to"])]

    def __str__(self):
        return f"{self.type} {self.message_id}"


class Refusal(models.Model):
    """A message the inbox refused: only this record of it is kept."""

    at = models.DateTimeField(_("at"), default=timezone.now)
    code = models.CharField(_("code"), max_length=32)
    detail = models.TextField(_("detail"))
    transport = models.CharField(_("transport"), max_length=10)
    remote = models.CharField(_("from"), max_length=200, blank=True)
    claimed_sender = models.CharField(_("claimed sender"), max_length=80, blank=True)
    claimed_message_id = models.CharField(_("claimed message id"), max_length=80, blank=True)
    size = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["-at", "-id"]


class Evidence(models.Model):
    """Append-only, hash-chained record of every message sent or received and every receipt (triggers refuse
    UPDATE/DELETE); hash = sha256(prev_hash || seq || canonical JSON of the entry), as the event log."""

    seq = models.PositiveBigIntegerField(unique=True)
    kind = models.CharField(_("kind"), max_length=20)
    message_id = models.CharField(_("message id"), max_length=64)
    message_type = models.CharField(_("type"), max_length=40)
    partner_country = models.CharField(_("partner"), max_length=3)
    sha256 = models.CharField(max_length=64)
    jws = models.TextField()
    recorded_at = models.DateTimeField(_("recorded at"))
    prev_hash = models.CharField(max_length=64)
    hash = models.CharField(max_length=64)

    class Meta:
        ordering = ["-seq"]


class PartnerQuery(models.Model):
    """Access log of the lost/stolen queries partners made of this registry."""

    at = models.DateTimeField(_("at"), default=timezone.now)
    partner = models.ForeignKey(Partner, on_delete=models.PROTECT, related_name="+")
    message_id = models.CharField(_("message id"), max_length=64)
    serial = models.CharField(_("serial number"), max_length=64)
    make = models.CharField(_("make"), max_length=120, blank=True)
    result = models.CharField(_("result"), max_length=32)
    item_uid = models.CharField(max_length=64, blank=True)

    class Meta:
        ordering = ["-at", "-id"]
