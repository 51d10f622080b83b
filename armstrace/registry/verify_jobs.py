"""`audit verify` as a background job started from the event-log page: a VerifyJob row, and a thread of the web
process that runs registry.verification.audit and stores its result (no broker). Progress is kept in the cache
while the chain is read (the verification reads inside one transaction, so the row is written at the end)."""

import threading
from datetime import timedelta

from django.conf import settings
from django.core.cache import cache
from django.db import close_old_connections, connection, transaction
from django.utils import timezone

from armstrace.registry.models import Event, VerifyJob
from armstrace.registry.verification import audit

PROGRESS_EVERY = 1000
STALE_AFTER = timedelta(hours=12)


def _progress_key(job_id):
    return f"registry:verify-job:{job_id}"


def progress(job):
    """Events read so far by a running job."""
    if job.status != VerifyJob.Status.RUNNING:
        return job.checked
    return cache.get(_progress_key(job.pk), job.checked)


def running_job():
    """The queued or running job; one left behind by a server that stopped (older than STALE_AFTER) is closed as
    an error so that it does not block the next verification."""
    unfinished = VerifyJob.objects.filter(status__in=[VerifyJob.Status.QUEUED, VerifyJob.Status.RUNNING])
    unfinished.filter(requested_at__lt=timezone.now() - STALE_AFTER).update(
        status=VerifyJob.Status.ERROR, finished_at=timezone.now(), failures=["abandoned: the server stopped before "
                                                                             "the verification ended"])
    return unfinished.first()


def start(user):
    """Queue a verification and start its thread, unless one is queued or running already (returned instead).
    With ARMSTRACE_VERIFY_INLINE (tests) the job runs before this returns."""
    job = running_job()
    if job is not None:
        return job
    head = Event.objects.order_by("-seq").values_list("seq", flat=True).first() or 0
    job = VerifyJob.objects.create(requested_by=user, total=head)
    if getattr(settings, "ARMSTRACE_VERIFY_INLINE", False):
        run(job.pk)
    else:
        transaction.on_commit(lambda: threading.Thread(target=_run_in_thread, args=[job.pk], daemon=True).start())
    return job


def _run_in_thread(job_id):
    close_old_connections()
    try:
        run(job_id)
    finally:
        connection.close()


def run(job_id):
    """Run the queued job `job_id` to its end: passed, failed (with the failures) or error."""
    VerifyJob.objects.filter(pk=job_id).update(status=VerifyJob.Status.RUNNING)
    read = [0]

    def advance(n):
        read[0] += n
        if read[0] % PROGRESS_EVERY == 0:
            cache.set(_progress_key(job_id), read[0], 3600)

    try:
        report = audit(progress=advance)
    except Exception as exc:  # noqa: BLE001 - the job records why it stopped instead of dying silently
        _finish(job_id, VerifyJob.Status.ERROR, read[0], None, "", [f"{type(exc).__name__}: {exc}"])
        raise
    status = VerifyJob.Status.PASSED if report.ok else VerifyJob.Status.FAILED
    _finish(job_id, status, report.chain.checked, report.chain.head_seq, report.chain.head_hash, report.failures)


def _finish(job_id, status, checked, head_seq, head_hash, failures):
    VerifyJob.objects.filter(pk=job_id).update(status=status, checked=checked, head_seq=head_seq,
                                               head_hash=head_hash, failures=failures, finished_at=timezone.now())
    cache.delete(_progress_key(job_id))
