"""`armstrace serve` signs the head of an idle event log on time, so its last events do not stay unsigned."""

import pytest
from django.core.management import call_command
from django.db import transaction

from armstrace.core.management.commands import serve
from armstrace.registry.eventlog import append_event, chain_head
from armstrace.registry.models import Checkpoint


@pytest.mark.django_db
def test_an_idle_chains_head_is_signed(settings, signing_key):
    settings.ARMSTRACE_CHECKPOINT_EVENTS = 1000  # one event is not due by count
    with transaction.atomic():
        append_event("correction", payload={"note": "then the registry stays idle"})
    head_seq, head_hash = chain_head()
    assert not Checkpoint.objects.filter(seq=head_seq).exists()

    serve.sign_idle_head()
    assert Checkpoint.objects.get(seq=head_seq).hash == head_hash


@pytest.mark.django_db
def test_every_worker_starts_the_signing_thread_at_half_the_interval(monkeypatch, settings):
    settings.ARMSTRACE_CHECKPOINT_SECONDS = 600
    started, options = [], {}
    monkeypatch.setattr(serve, "sign_idle_head_every", started.append)
    monkeypatch.setattr(serve.Server, "run", lambda self: options.update(self.options))
    call_command("serve", "127.0.0.1:0", "--workers", "1")
    options["post_worker_init"](None)
    assert started == [300]
