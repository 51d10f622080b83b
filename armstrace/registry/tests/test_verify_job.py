""""Verify the chain" from the page: a background job runs `audit verify`'s checks, stores the result and the head
it reached, and finds an event edited behind the app's back."""

import time
from datetime import timedelta

from django.db import connection
from django.urls import reverse

from armstrace.accounts.tests.conftest import clients, fast_password_hashing, role_users  # noqa: F401 - fixtures
from armstrace.conftest import at
from armstrace.registry import services, verify_jobs
from armstrace.registry.eventlog import chain_head
from armstrace.registry.models import VerifyJob
from armstrace.registry.tests.test_concurrency import flushable_event_log  # noqa: F401 - fixture
from armstrace.registry.triggers import create_event_triggers, drop_event_triggers


def _history(registry, glock):
    services.transfer(glock, registry.alice, occurred_at=at(2016, 3, 1))
    services.transfer(glock, registry.bob, occurred_at=at(2018, 5, 2))


def test_a_verification_passes_and_records_the_head_it_reached(clients, registry, glock, settings):
    settings.ARMSTRACE_VERIFY_INLINE = True
    _history(registry, glock)
    response = clients["auditor"].post(reverse("registry:verify-start"))
    assert response.status_code == 302
    job = VerifyJob.objects.get()
    seq, head_hash = chain_head()
    assert job.status == VerifyJob.Status.PASSED and job.failures == []
    assert (job.head_seq, job.head_hash, job.checked, job.total) == (seq, head_hash, seq, seq)
    assert job.requested_by.username == "t-auditor" and job.finished_at
    page = clients["auditor"].get(reverse("registry:verifications")).content.decode()
    assert "Passed" in page and head_hash in page
    status = clients["auditor"].get(reverse("registry:verification-status", args=[job.pk])).json()
    assert status["status"] == "passed" and status["read"] == seq
    assert clients["investigator"].post(reverse("registry:verify-start")).status_code == 403


def test_a_verification_finds_a_tampered_event_and_keeps_the_history(clients, registry, glock, settings):
    settings.ARMSTRACE_VERIFY_INLINE = True
    _history(registry, glock)
    clients["auditor"].post(reverse("registry:verify-start"))
    drop_event_triggers(connection)
    try:
        with connection.cursor() as cursor:
            cursor.execute("UPDATE registry_event SET payload = %s WHERE seq = 2", ['{"holder": 1}'])
    finally:
        create_event_triggers(connection)
    clients["administrator"].post(reverse("registry:verify-start"))
    failed, passed = VerifyJob.objects.all()  # newest first
    assert passed.status == VerifyJob.Status.PASSED and failed.status == VerifyJob.Status.FAILED
    assert failed.head_seq == 1 and any("TAMPERING DETECTED at seq 2" in f for f in failed.failures)
    page = clients["auditor"].get(reverse("registry:verifications")).content.decode()
    assert "TAMPERING DETECTED at seq 2" in page and "Tampering or problems found" in page


def test_the_job_runs_in_a_thread_and_only_one_at_a_time(flushable_event_log, registry, glock, role_users):
    _history(registry, glock)
    job = verify_jobs.start(role_users["auditor"])  # outside a transaction: the thread starts at once
    for _ in range(100):
        job.refresh_from_db()
        if job.status not in (VerifyJob.Status.QUEUED, VerifyJob.Status.RUNNING):
            break
        time.sleep(0.1)
    assert job.status == VerifyJob.Status.PASSED and job.head_seq == chain_head()[0]


def test_a_second_request_while_one_runs_gets_the_running_job(registry, role_users, settings):
    settings.ARMSTRACE_VERIFY_INLINE = True
    running = VerifyJob.objects.create(status=VerifyJob.Status.RUNNING, total=10)
    assert verify_jobs.start(role_users["auditor"]).pk == running.pk and VerifyJob.objects.count() == 1


def test_a_job_left_by_a_stopped_server_does_not_block_the_next(registry, role_users, settings):
    settings.ARMSTRACE_VERIFY_INLINE = True
    from django.utils import timezone

    left = VerifyJob.objects.create(status=VerifyJob.Status.RUNNING, requested_at=timezone.now() - timedelta(days=1))
    job = verify_jobs.start(role_users["auditor"])
    left.refresh_from_db()
    assert job.pk != left.pk and left.status == VerifyJob.Status.ERROR and "abandoned" in left.failures[0]
    assert VerifyJob.objects.get(pk=job.pk).status == VerifyJob.Status.PASSED
