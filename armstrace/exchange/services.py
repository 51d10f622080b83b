"""The only writers of case threads: open a thread, add members and links, post and edit messages (an edit is a
new version), attach files, mark read, archive idle threads. Rules raise core.errors.RuleViolation."""

from dataclasses import dataclass, field
from datetime import timedelta

from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from armstrace.core.errors import RuleViolation
from armstrace.exchange import access, attachments, markup, notifications
from armstrace.exchange.models import (
    Attachment, Message, MessageVersion, ReadMark, SearchEntry, Thread, ThreadLink, ThreadMember, ThreadType,
)
from armstrace.profile import get_profile

MAX_ATTACHMENTS = 10


@dataclass
class ThreadInput:
    subject: str
    kind: str = ThreadType.INFORMATION
    text: str = ""
    text_format: str = "plain"
    users: list = field(default_factory=list)
    agencies: list = field(default_factory=list)
    links: list = field(default_factory=list)  # model instances the thread is about
    files: list = field(default_factory=list)  # uploaded files
    holds_personal_data: bool = False


def _check_text(text, text_format):
    if not (text or "").strip():
        raise RuleViolation("text_required", _("Write a message."), "text")
    if text_format not in Message.Format.values:
        raise RuleViolation("bad_format", _("Unknown text format."), "text_format")
    markup.check_safe(text)


def _read_files(files):
    if len(files) > MAX_ATTACHMENTS:
        raise RuleViolation("too_many_attachments", _("At most %d attachments a message.") % MAX_ATTACHMENTS,
                            "attachments")
    return [attachments.read_upload(f) for f in files]  # every file checked before anything is written


def create_thread(user, data: ThreadInput):
    """Open a thread with its first message; the creator is a member."""
    subject = (data.subject or "").strip()
    if not subject:
        raise RuleViolation("subject_required", _("Give the thread a subject."), "subject")
    markup.check_safe(subject, "subject")
    if data.kind not in ThreadType.values:
        raise RuleViolation("bad_kind", _("Unknown thread type."), "kind")
    _check_text(data.text, data.text_format)
    files = _read_files(data.files)
    with transaction.atomic():
        thread = Thread.objects.create(subject=subject[:200], kind=data.kind, created_by=user,
                                       holds_personal_data=data.holds_personal_data or _names_persons(data.links))
        SearchEntry.objects.create(thread=thread, body=thread.subject)
        ThreadMember.objects.create(thread=thread, user=user)
        _add_members(thread, data.users, data.agencies)
        for target in data.links:
            link(thread, target)
        _write_message(thread, user, data.text, data.text_format, files)
    return thread


def _names_persons(targets):
    """Whether a record the thread is about names persons (a seizure case with persons in it)."""
    return any(hasattr(target, "persons") and target.persons.exists() for target in targets)


def _add_members(thread, users, agencies):
    for user in users:
        ThreadMember.objects.get_or_create(thread=thread, user=user)
    for agency in agencies:
        ThreadMember.objects.get_or_create(thread=thread, agency=agency)


def add_members(thread, by, users=(), agencies=()):
    _check_may_post(thread, by)
    with transaction.atomic():
        _add_members(thread, users, agencies)


def link(thread, target):
    """Link `thread` to a record of another app (an item, a seizure case, a tracing request, an OSINT record…)."""
    ThreadLink.objects.get_or_create(thread=thread, target_type=ContentType.objects.get_for_model(target),
                                     target_id=target.pk)


def threads_about(user, target):
    """The threads about `target` that `user` may read."""
    links = ThreadLink.objects.filter(target_type=ContentType.objects.get_for_model(target), target_id=target.pk)
    return access.visible_threads(user).filter(pk__in=links.values("thread_id"))


def _check_may_post(thread, user):
    if thread.archived_at is not None:
        raise RuleViolation("thread_archived", _("This thread is archived."))
    if not access.may_post(user, thread):
        raise RuleViolation("not_a_member", _("Only the thread's members may write in it."))


def _write_message(thread, user, text, text_format, files):
    message = Message.objects.create(thread=thread, sender=user, text=text, text_format=text_format)
    MessageVersion.objects.create(message=message, number=1, text=text, text_format=text_format,
                                  written_at=message.sent_at)
    for name, data, content_type in files:
        Attachment.objects.create(message=message, file_name=name, content_type=content_type, size=len(data),
                                  sha256=attachments.store(data))
    SearchEntry.objects.create(thread=thread, message=message, body=text)
    Thread.objects.filter(pk=thread.pk).update(last_message_at=message.sent_at)
    mark_read(thread, user, message.pk)
    transaction.on_commit(lambda: notifications.email_thread_members(thread, message))
    return message


def post_message(thread, user, text, text_format="plain", files=()):
    _check_may_post(thread, user)
    _check_text(text, text_format)
    stored = _read_files(list(files))
    with transaction.atomic():
        return _write_message(thread, user, text, text_format, stored)


def edit_message(message, user, text, text_format="plain"):
    """A new version of `message` (its sender only); the earlier versions are kept."""
    _check_may_post(message.thread, user)
    if message.sender_id != user.pk:
        raise RuleViolation("not_sender", _("Only the sender may edit a message."))
    _check_text(text, text_format)
    with transaction.atomic():
        message = Message.objects.select_for_update().get(pk=message.pk)
        message.version += 1
        message.text, message.text_format = text, text_format
        message.save(update_fields=["version", "text", "text_format"])
        MessageVersion.objects.create(message=message, number=message.version, text=text, text_format=text_format)
        SearchEntry.objects.filter(message=message).update(body=text)
    return message


def mark_read(thread, user, up_to=None):
    """Mark `thread` read by `user` up to message `up_to` (default: its latest)."""
    if up_to is None:
        up_to = thread.messages.order_by("-pk").values_list("pk", flat=True).first() or 0
    mark, _created = ReadMark.objects.get_or_create(thread=thread, user=user)
    if up_to > mark.last_message_id:
        ReadMark.objects.filter(pk=mark.pk).update(last_message_id=up_to)


def retention_days():
    return int((get_profile().exchange or {}).get("retention_days", 730))


def archive_idle_threads(now=None):
    """Archive the open threads without a message for the profile's retention period; the number archived."""
    now = now or timezone.now()
    cutoff = now - timedelta(days=retention_days())
    return Thread.objects.filter(archived_at__isnull=True, last_message_at__lt=cutoff).update(archived_at=now)
