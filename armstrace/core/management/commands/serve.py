import io
import logging
import os
import threading
import time

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.staticfiles.handlers import StaticFilesHandler
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from django.core.wsgi import get_wsgi_application
from django.db import connections
from gunicorn.app.base import BaseApplication
from gunicorn.http import wsgi as gunicorn_wsgi

from armstrace.core.extensions import BACKGROUND_TASKS
from armstrace.demo import DEMO_USER, demo_logins


def default_workers():
    """One worker process per core, at least 2 (a request waiting on the database does not hold up the others)."""
    return max(2, min(8, os.cpu_count() or 1))


logger = logging.getLogger(__name__)


def sign_idle_head():
    """`audit checkpoint`: sign the event log's head unless it is signed already. The writers sign it when a
    checkpoint is due at an append; without this, the last events of a registry that then stays idle would remain
    unsigned past the checkpoint interval, and `audit verify` would fail on them."""
    try:
        call_command("audit", "checkpoint", stdout=io.StringIO())
    except Exception as exc:  # an unusable key: logged here, and `audit verify` reports the unsigned tail
        logger.error("the idle event log's head was not signed: %s", exc)


def run_background_tasks():
    """The apps' background tasks (core.extensions.BACKGROUND_TASKS); one that fails is logged, the others run."""
    for task in BACKGROUND_TASKS:
        try:
            task()
        except Exception:
            logger.exception("background task %s failed", getattr(task, "__name__", task))


def sign_idle_head_every(seconds):
    """A daemon thread of each worker that runs sign_idle_head and the apps' background tasks every `seconds`."""

    def loop():
        while True:
            time.sleep(seconds)
            sign_idle_head()
            run_background_tasks()
            connections.close_all()  # this thread's connections only

    threading.Thread(target=loop, name="armstrace-checkpoints", daemon=True).start()


def _worker_started(worker):
    sign_idle_head_every(settings.ARMSTRACE_CHECKPOINT_SECONDS / 2)


def _without_server_header(default_headers):
    """gunicorn's status line and default headers, less `Server: gunicorn` (it tells an attacker what runs here)."""
    if getattr(default_headers, "drops_server", False):
        return default_headers

    def headers(response):
        return [h for h in default_headers(response) if not h.lower().startswith("server:")]

    headers.drops_server = True
    return headers


def keep_database_connections(seconds):
    """Each worker thread keeps its database connection between requests for `seconds` (Django's CONN_MAX_AGE,
    with a health check before reuse) instead of opening one per request; on SQLite this also spares the WAL
    checkpoint that closing the last connection makes. Set before the workers fork."""
    for alias in connections:
        connections.settings[alias].update(CONN_MAX_AGE=seconds, CONN_HEALTH_CHECKS=True)


class Server(BaseApplication):
    """gunicorn serving the Django app and its static files, with the options given, in this process."""

    def __init__(self, options):
        self.options = options
        super().__init__()

    def load_config(self):
        for key, value in self.options.items():
            self.cfg.set(key, value)
        # gunicorn has no setting for it; set before the workers fork, so that each inherits it
        gunicorn_wsgi.Response.default_headers = _without_server_header(gunicorn_wsgi.Response.default_headers)

    def load(self):
        return StaticFilesHandler(get_wsgi_application())


class Command(BaseCommand):
    help = ("Serve the web app and its static files with gunicorn (pre-forked worker processes, each with threads): "
            "for a laptop, a field office or, behind a TLS proxy, a whole site.")

    def add_arguments(self, parser):
        parser.add_argument("addrport", nargs="?", default="127.0.0.1:8000")
        parser.add_argument("--workers", type=int, default=default_workers(),
                            help="worker processes (default: one per core, at least 2)")
        parser.add_argument("--threads", type=int, default=4, help="threads per worker (default 4)")
        parser.add_argument("--db-keepalive", type=int, default=60,
                            help="seconds a worker thread keeps its database connection (default 60; 0: one per "
                                 "request)")

    def handle(self, *args, addrport, workers, threads, db_keepalive, **options):
        if ":" not in addrport:
            raise CommandError(f"give the address as HOST:PORT, not “{addrport}”")
        if workers < 1 or threads < 1:
            raise CommandError("--workers and --threads must be at least 1")
        self.stdout.write(f"ArmsTrace is served on http://{addrport}/ ({workers} workers × {threads} threads)")
        if get_user_model().objects.filter(username=DEMO_USER).exists():
            for line in demo_logins():
                self.stdout.write(line)
        self.stdout.flush()
        keep_database_connections(db_keepalive)
        connections.close_all()  # the workers are forked: none may inherit this process's database connection
        # keepalive: a browser reuses its connection after a pause; gunicorn's 2 s default would close it under it.
        Server({"bind": addrport, "workers": workers, "threads": threads, "worker_class": "gthread",
                "accesslog": None, "errorlog": "-", "loglevel": "warning", "timeout": 120, "keepalive": 15,
                "graceful_timeout": 5, "post_worker_init": _worker_started}).run()
