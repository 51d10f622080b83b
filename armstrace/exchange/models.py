"""Case threads between practitioners: threads, their members (users or whole agencies), messages kept in versions,
attachments stored under the data directory, links to records of other apps, read marks."""

from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class ThreadType(models.TextChoices):
    """Message types of the WCO Customs Enforcement Network communication platform (CENcomm)."""

    INFORMATION = "information", _("Information")
    WARNING = "warning", _("Warning")
    ASSISTANCE = "assistance", _("Request for assistance")
    FEEDBACK = "feedback", _("Feedback")
    SEIZURE = "seizure", _("Seizure notice")


class Thread(models.Model):
    subject = models.CharField(_("subject"), max_length=200)
    kind = models.CharField(_("type"), max_length=12, choices=ThreadType.choices, default=ThreadType.INFORMATION)
    holds_personal_data = models.BooleanField(
        _("holds personal data"), default=False,
        help_text=_("Every read of a thread that holds personal data is written to the access log."))
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+",
                                   verbose_name=_("created by"))
    created_at = models.DateTimeField(_("created at"), default=timezone.now)
    last_message_at = models.DateTimeField(_("last message at"), default=timezone.now, db_index=True)
    archived_at = models.DateTimeField(_("archived at"), null=True, blank=True)

    class Meta:
        ordering = ["-last_message_at", "-id"]
        verbose_name = _("case thread")

    def __str__(self):
        return self.subject

    @property
    def is_archived(self):
        return self.archived_at is not None


class ThreadMember(models.Model):
    """A user, or a whole agency (every user of it), who may read and post in a thread."""

    thread = models.ForeignKey(Thread, on_delete=models.CASCADE, related_name="members")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True,
                             related_name="+", verbose_name=_("user"))
    agency = models.ForeignKey("accounts.Agency", on_delete=models.PROTECT, null=True, blank=True,
                               related_name="+", verbose_name=_("agency"))
    added_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [
            models.CheckConstraint(condition=Q(user__isnull=False, agency__isnull=True)
                                   | Q(user__isnull=True, agency__isnull=False), name="exchange_member_one_of"),
            models.UniqueConstraint(fields=["thread", "user"], name="exchange_member_user_once"),
            models.UniqueConstraint(fields=["thread", "agency"], name="exchange_member_agency_once"),
        ]

    def __str__(self):
        return str(self.user or self.agency)


class Message(models.Model):
    """A message; its text is its latest version (MessageVersion keeps every one)."""

    class Format(models.TextChoices):
        PLAIN = "plain", _("Plain text")
        MARKDOWN = "markdown", _("Markdown")

    thread = models.ForeignKey(Thread, on_delete=models.CASCADE, related_name="messages")
    sender = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+",
                               verbose_name=_("sender"))
    sent_at = models.DateTimeField(_("sent at"), default=timezone.now)
    text_format = models.CharField(_("format"), max_length=8, choices=Format.choices, default=Format.PLAIN)
    text = models.TextField(_("text"))
    version = models.PositiveIntegerField(_("version"), default=1)

    class Meta:
        ordering = ["sent_at", "id"]

    def __str__(self):
        return f"{self.thread_id}/{self.pk}"


class MessageVersion(models.Model):
    """Every version of a message's text, the first included; an edit adds one and never changes the others."""

    message = models.ForeignKey(Message, on_delete=models.CASCADE, related_name="versions")
    number = models.PositiveIntegerField(_("version"))
    text_format = models.CharField(max_length=8, choices=Message.Format.choices)
    text = models.TextField(_("text"))
    written_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["message", "number"]
        constraints = [models.UniqueConstraint(fields=["message", "number"], name="exchange_version_once")]


class Attachment(models.Model):
    """A file of a message: the bytes under ARMSTRACE_DATA_DIR/exchange/attachments/, named by their SHA-256."""

    message = models.ForeignKey(Message, on_delete=models.CASCADE, related_name="attachments")
    file_name = models.CharField(_("file name"), max_length=200)
    content_type = models.CharField(_("content type"), max_length=80)
    size = models.PositiveIntegerField(_("size"))
    sha256 = models.CharField(max_length=64)

    def __str__(self):
        return self.file_name

    @property
    def is_image(self):
        return self.content_type.startswith("image/")


class ThreadLink(models.Model):
    """A record a thread is about: an item, a seizure case, a tracing request, an open-source record, …"""

    thread = models.ForeignKey(Thread, on_delete=models.CASCADE, related_name="links")
    target_type = models.ForeignKey(ContentType, on_delete=models.PROTECT, related_name="+")
    target_id = models.PositiveBigIntegerField()
    target = GenericForeignKey("target_type", "target_id")

    class Meta:
        constraints = [models.UniqueConstraint(fields=["thread", "target_type", "target_id"],
                                               name="exchange_link_once")]
        indexes = [models.Index(fields=["target_type", "target_id"])]


class ReadMark(models.Model):
    """The last message of a thread a user has read."""

    thread = models.ForeignKey(Thread, on_delete=models.CASCADE, related_name="+")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    last_message_id = models.PositiveBigIntegerField(default=0)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["thread", "user"], name="exchange_readmark_once")]


class SearchEntry(models.Model):
    """The searchable text of a thread's subject (message null) or of a message's latest version; indexed by
    FTS5 on SQLite and by a full-text GIN index on PostgreSQL (exchange/fulltext.py)."""

    thread = models.ForeignKey(Thread, on_delete=models.CASCADE, related_name="+")
    message = models.OneToOneField(Message, on_delete=models.CASCADE, null=True, related_name="+")
    body = models.TextField()


class Preference(models.Model):
    user = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    email = models.BooleanField(_("e-mail me when something is new"), default=False)


class DigestCase(models.Model):
    """A judicial case on firearms (SHERLOC-style): where and how far, the offences (Firearms Protocol arts. 5 and 8
    and national offences), the modus operandi, the firearms, the persons by role only, and what was learnt.
    The lists are JSON validated by exchange/digest.py's JSON Schema."""

    class Stage(models.TextChoices):
        INVESTIGATION = "investigation", _("Investigation")
        PROSECUTION = "prosecution", _("Prosecution")
        JUDGMENT = "judgment", _("Judgment")
        APPEAL = "appeal", _("Appeal")

    class Level(models.TextChoices):
        INTERNAL = "internal", _("Internal")
        PARTNERS = "partners", _("Share with partners")
        PUBLIC = "public", _("Public")

    country = models.CharField(_("country"), max_length=3)
    court = models.CharField(_("court"), max_length=200)
    year = models.PositiveSmallIntegerField(_("year"))
    case_number = models.CharField(_("case number"), max_length=80)
    stage = models.CharField(_("stage"), max_length=14, choices=Stage.choices)
    language = models.CharField(_("language"), max_length=2, default="en")
    offences = models.JSONField(_("offences"), default=list)
    articles = models.JSONField(_("Protocol articles"), default=list)
    modus_operandi = models.JSONField(_("modus operandi"), default=list)
    firearms = models.JSONField(_("firearms"), default=list)
    persons = models.JSONField(_("persons (roles)"), default=list)
    summary = models.TextField(_("summary"))
    outcome = models.TextField(_("outcome"), blank=True)
    legal_sources = models.JSONField(_("legal sources"), default=list)
    lessons = models.TextField(_("lessons learned"), blank=True)
    seizure_cases = models.ManyToManyField("custody.SeizureCase", blank=True, related_name="+",
                                           verbose_name=_("seizure cases"))
    access_level = models.CharField(_("access"), max_length=10, choices=Level.choices, default=Level.INTERNAL)
    search_text = models.TextField(editable=False, default="")
    recorded_at = models.DateTimeField(default=timezone.now, editable=False)

    class Meta:
        ordering = ["-year", "country", "case_number"]
        constraints = [models.UniqueConstraint(fields=["country", "case_number"], name="exchange_digest_case_once")]
        verbose_name = _("digest case")

    def __str__(self):
        return f"{self.country} {self.case_number} ({self.year})"
