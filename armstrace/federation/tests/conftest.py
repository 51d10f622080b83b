"""Two real ArmsTrace installations for the federation tests: `armstrace serve` on two free loopback ports, each
with its own SQLite database, signing key and country profile (Kenya "A", Senegal "B"), partners of each other."""

import json
import os
import socket
import subprocess
import sys
import time

import pytest

from armstrace.conftest import REPO, _free_port, stop_process

CLI = [sys.executable, "-m", "armstrace"]


class Instance:
    def __init__(self, name, profile, data_dir):
        self.name, self.dir, self.port = name, data_dir, _free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.inbox = f"{self.url}/federation/inbox/"
        self.key_path = data_dir / "signing-key.pem"
        self.env = {**os.environ, "ARMSTRACE_DATA_DIR": str(data_dir), "PYTHONUNBUFFERED": "1",
                    "ARMSTRACE_PROFILE": str(REPO / "armstrace" / "profiles" / profile),
                    "ARMSTRACE_SIGNING_KEY": str(self.key_path), "ARMSTRACE_FEDERATION_RETRY_SECONDS": "0",
                    "ARMSTRACE_FEDERATION_MAX_TRIES": "4", "ARMSTRACE_FEDERATION_TIMEOUT": "5"}
        self.env.pop("ARMSTRACE_DATABASE_URL", None)
        self.server = None

    def cli(self, *args, check=True):
        done = subprocess.run([*CLI, *map(str, args)], env=self.env, capture_output=True, text=True, cwd=self.dir)
        if check and done.returncode:
            raise AssertionError(f"{self.name}: armstrace {' '.join(map(str, args))} -> {done.returncode}\n"
                                 f"{done.stdout}\n{done.stderr}")
        return done

    def py(self, code):
        """Run `code` in this installation (after `from ...instance_setup import *`); the JSON it printed last."""
        lines = self.cli("shell", "-c", "from armstrace.federation.tests.instance_setup import *\n" + code)
        return json.loads(lines.stdout.strip().splitlines()[-1])

    def identity(self):
        return json.loads(self.cli("federation", "identity").stdout)

    def start(self):
        log = open(self.dir / "server.log", "a")
        self.server = subprocess.Popen([*CLI, "serve", f"127.0.0.1:{self.port}", "--workers", "2", "--threads", "4"],
                                       env=self.env, stdout=log, stderr=subprocess.STDOUT, cwd=self.dir)
        for _ in range(200):
            try:
                socket.create_connection(("127.0.0.1", self.port), timeout=0.2).close()
                return
            except OSError:
                time.sleep(0.1)
        raise AssertionError(f"{self.name} did not start: {(self.dir / 'server.log').read_text()}")

    def stop(self):
        if self.server is not None:
            stop_process(self.server)
            self.server = None


def _parallel(*commands):
    running = [subprocess.Popen([*CLI, *args], env=inst.env, cwd=inst.dir, stdout=subprocess.PIPE,
                                stderr=subprocess.STDOUT, text=True) for inst, args in commands]
    for process in running:
        output = process.communicate()[0]
        assert process.returncode == 0, output


@pytest.fixture(scope="session")
def pair(tmp_path_factory):
    """(A, B): two installations that know each other, both serving. They always run on SQLite files of their own,
    so under tools/with_postgres.sh (the second half of `make test`) these tests are not run a second time; the
    inbox's PostgreSQL behaviour is test_inbox_in_process's."""
    if os.environ.get("ARMSTRACE_DATABASE_URL", "").startswith("postgres"):
        pytest.skip("the two installations run on SQLite; run once, in the SQLite half of `make test`")
    a = Instance("A", "default.yaml", tmp_path_factory.mktemp("fed-a"))
    b = Instance("B", "senegal.yaml", tmp_path_factory.mktemp("fed-b"))
    _parallel((a, ["init", "--password", "admin-pass-123"]), (b, ["init", "--password", "admin-pass-123"]))
    _parallel((a, ["federation", "init", "--name", "Registry A", "--inbox-url", a.inbox]),
              (b, ["federation", "init", "--name", "Registry B", "--inbox-url", b.inbox]))
    for inst, other in ((a, b), (b, a)):
        (inst.dir / "partner.json").write_text(json.dumps(other.identity()))
    _parallel((a, ["federation", "partners", "add", a.dir / "partner.json"]),
              (b, ["federation", "partners", "add", b.dir / "partner.json"]))
    a.start()
    b.start()
    yield a, b
    a.stop()
    b.stop()


@pytest.fixture(scope="session")
def ab(pair):
    """The pair with their first firearms: on B SEN-1001 (registered) and SEN-2002 (stolen); on A SEN-1001 seized."""
    a, b = pair
    a.identity_kid, b.identity_kid = a.identity()["key_id"], b.identity()["key_id"]
    b.py("glock('SEN-1001'); glock('SEN-2002', stolen=True); out(1)")
    a.py("glock('SEN-1001', seized=True); out(1)")
    return a, b
