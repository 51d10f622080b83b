"""The outbox's client keeps one HTTP/1.1 connection per partner and thread: several POSTs to one inbox use one
TCP connection; when the partner closes a kept connection, the next POST opens a new one and gets through; a
partner that is down is a DeliveryFailed, not an exception of the socket."""

import json
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from armstrace.federation import outbox


class Inbox(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    peers = []
    close_silently = False  # close the connection after answering, without "Connection: close"

    def do_POST(self):  # noqa: N802 - http.server's name
        body = self.rfile.read(int(self.headers["Content-Length"]))
        self.peers.append(self.client_address)
        answer = json.dumps({"status": "accepted", "echo": body.decode()}).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(answer)))
        self.end_headers()
        self.wfile.write(answer)
        self.close_connection = self.close_silently

    def log_message(self, *args):
        pass


@pytest.fixture
def server():
    Inbox.peers, Inbox.close_silently = [], False
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Inbox)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    yield httpd, f"http://127.0.0.1:{httpd.server_address[1]}/federation/inbox/"
    httpd.shutdown()
    httpd.server_close()


def test_posts_to_one_partner_share_a_connection_and_survive_its_closing(server, settings):
    httpd, url = server
    answers = [outbox.post(url, f"a.b.{i}") for i in range(3)]
    assert [a[1]["echo"] for a in answers] == ["a.b.0", "a.b.1", "a.b.2"] and {a[0] for a in answers} == {200}
    assert len(set(Inbox.peers)) == 1  # one client port: one TCP connection
    Inbox.close_silently = True  # as a server ending an idle kept-alive connection: the client learns it on use
    assert outbox.post(url, "a.b.3")[1]["echo"] == "a.b.3"
    Inbox.close_silently = False
    status, answer = outbox.post(url, "a.b.4")
    assert (status, answer["echo"]) == (200, "a.b.4") and len(set(Inbox.peers)) == 2
    assert Inbox.peers.count(Inbox.peers[-1]) == 1  # the last POST came on a new connection


def test_a_partner_that_is_down_is_a_delivery_failure(server):
    httpd, url = server
    httpd.shutdown()
    httpd.server_close()
    with pytest.raises(outbox.DeliveryFailed):
        outbox.post(url, "a.b.c", timeout=2)
