"""Two real installations exchange signed messages over HTTP (see conftest.pair): tracing request, ack and answer;
lost/stolen checks; every kind of refusal; a partner down then up; offline files; concurrent deliveries; key
rotation with a grace period (last: it changes B's key)."""

import json
import threading
import uuid
from datetime import UTC, datetime, timedelta

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from armstrace.core import signing
from armstrace.federation import jws
from armstrace.federation.outbox import post



def message(sender, recipient, type_="lost-stolen-query", body=None, *, key=None, kid=None, iss="SEN",
            to=None, created=None, message_id=None):
    """A message as `sender` (B by default) would sign it, to `recipient`; every part can be set wrong."""
    key = key or signing.load_private_key(sender.key_path)
    kid = kid or signing.key_id(key.public_key())
    payload = {"id": message_id or str(uuid.uuid4()), "type": type_, "version": 1, "from": kid,
               "to": to or recipient.identity_kid, "created": (created or datetime.now(UTC)).isoformat(),
               "body": {"serial": "NOPE-1"} if body is None else body}
    return jws.sign(payload, kid=kid, issuer=iss, private_key=key)


def audit_ok(inst):
    report = json.loads(inst.cli("audit", "verify", "--json", check=False).stdout)
    assert report["ok"], report["failures"]
    assert report["other_logs"][0]["ok"]


def test_full_exchange_request_ack_answer(ab):
    a, b = ab
    sent = a.py("""
from armstrace.federation import services
from armstrace.tracing import services as tracing
from armstrace.registry.models import Item
item = Item.objects.get(serial_number='SEN-1001')
request = tracing.create_request({**tracing.prefill_from_item(item), 'counterpart_country': 'SEN',
    'reason_illicit': 'Seized at the port', 'intended_use': 'Criminal investigation', 'point_of_contact': 'Desk A'}, item=item)
message = services.send_tracing_request(request)
request.refresh_from_db()
out({'ref': request.reference, 'status': request.status, 'state': message.state})""")
    assert sent["state"] == "delivered" and sent["status"] == "acknowledged"  # the ack came with the receipt
    incoming = b.py(f"""
from armstrace.tracing.models import TracingRequest
r = TracingRequest.objects.get(counterpart_reference='{sent["ref"]}')
out({{'ref': r.reference, 'direction': r.direction, 'status': r.status, 'due': r.due_date, 'item': r.item.serial_number,
     'country': r.counterpart_country, 'use': r.intended_use}})""")
    assert incoming["direction"] == "incoming" and incoming["status"] == "sent" and incoming["due"]
    assert incoming["item"] == "SEN-1001" and incoming["country"] == "KEN" and "Legal basis" in incoming["use"]
    answered = b.py(f"""
from armstrace.federation import services
from armstrace.tracing import services as tracing
from armstrace.tracing.models import TracingRequest
r = TracingRequest.objects.get(reference='{incoming["ref"]}')
r = tracing.record_answer(r, {{'responding_authority': 'Police nationale', 'answered_on': '2026-11-30',
    'outcome': 'point_of_diversion', 'findings': {{'last_legal_holder': 'a licensed person'}}}})
m = services.send_tracing_answer(r)
out({{'state': m.state, 'events': item_events('SEN-1001')}})""")
    assert answered["state"] == "delivered" and answered["events"][-1] == "trace_recorded"
    result = a.py(f"""
from armstrace.tracing.models import TracingRequest
r = TracingRequest.objects.get(reference='{sent["ref"]}')
out({{'status': r.status, 'outcome': r.outcome, 'events': item_events('SEN-1001'),
     'payload': r.item.events.order_by('-seq').first().payload}})""")
    assert result["status"] == "answered" and result["outcome"] == "point_of_diversion"
    assert result["events"][-1] == "trace_recorded" and result["payload"]["counterpart_country"] == "SEN"
    audit_ok(a)
    audit_ok(b)


def test_lost_stolen_check_never_names_the_holder(ab):
    a, b = ab
    stolen = json.loads(a.cli("federation", "check", "SEN", "sen 2002", "--make", "Glock").stdout)
    assert stolen["result"] == "reported_lost_stolen" and stolen["reported_on"] == "2024-06-02"
    assert stolen["contact_point"] == "Registry B" and "Hidden" not in json.dumps(stolen)
    recorded = json.loads(a.cli("federation", "check", "SEN", "SEN-1001").stdout)
    assert recorded["result"] == "recorded" and "reported_on" not in recorded
    assert json.loads(a.cli("federation", "check", "SEN", "XYZ-404").stdout)["result"] == "no_record"
    logged = b.py("from armstrace.federation.models import PartnerQuery\n"
                  "out([(q.partner.country, q.serial, q.result) for q in PartnerQuery.objects.order_by('id')])")
    assert logged[-3:] == [["KEN", "sen 2002", "reported_lost_stolen"], ["KEN", "SEN-1001", "recorded"],
                           ["KEN", "XYZ-404", "no_record"]]


def test_each_refusal_has_its_code_and_leaves_the_logs_verifiable(ab):
    a, b = ab
    stranger = Ed25519PrivateKey.generate()
    valid = message(b, a)
    header, payload, signature = valid.split(".")
    forged = json.loads(jws.unb64url(payload))
    forged["body"]["serial"] = "OTHER"
    cases = {
        "bad_signature": f"{header}.{jws.b64url(json.dumps(forged).encode())}.{signature}",
        "wrong_key": message(b, a, key=stranger),
        "unknown_partner": message(b, a, key=stranger, iss="FRA"),
        "expired": message(b, a, created=datetime.now(UTC) - timedelta(days=8)),
        "not_yet_valid": message(b, a, created=datetime.now(UTC) + timedelta(hours=1)),
        "wrong_recipient": message(b, a, to=signing.key_id(stranger.public_key())),
        "schema_violation": message(b, a, body={"serial": "", "holder": "?"}),
        "malformed": "not a JWS",
    }
    before = a.py("from armstrace.federation.models import Message, Evidence\n"
                  "out([Message.objects.count(), Evidence.objects.count()])")
    for code, text in cases.items():
        status, answer = post(a.inbox, text)
        assert (status, answer.get("code")) in ((403, code), (400, code), (421, code), (422, code)), (code, status, answer)
    assert post(a.inbox, valid)[0] == 200
    status, answer = post(a.inbox, valid)
    assert (status, answer["code"]) == (409, "replay")
    after = a.py("from armstrace.federation.models import Message, Evidence, Refusal\n"
                 "out([Message.objects.count(), Evidence.objects.count(), "
                 "list(Refusal.objects.order_by('-id').values_list('code', flat=True)[:9])])")
    # the one valid message: it, its receipt and the reply; no trace of the refused ones but their refusals
    assert after[:2] == [before[0] + 3, before[1] + 3]
    assert sorted(after[2]) == sorted([*cases, "replay"])
    audit_ok(a)


def test_partner_down_then_up_is_delivered_exactly_once(ab):
    a, b = ab
    b.stop()
    try:
        query = a.py("""
from armstrace.federation import services
q = services.check_lost_stolen('SEN', 'SEN-1001')
out({'id': q.message_id, 'state': q.state, 'attempts': q.attempts, 'error': q.last_error})""")
        assert query["state"] == "pending" and query["attempts"] == 1 and "no answer" in query["error"]
        assert a.cli("federation", "deliver").stdout.startswith("0 delivered")  # receipts of earlier replies too
    finally:
        b.start()
    assert not a.cli("federation", "deliver").stdout.startswith("0 delivered")
    a.cli("federation", "deliver")  # the receipt of the answer that came back; the query is not sent again
    got = b.py(f"from armstrace.federation.models import Message\n"
               f"out(Message.objects.filter(direction='in', message_id='{query['id']}').count())")
    assert got == 1
    answer = a.py(f"from armstrace.federation.models import Message\n"
                  f"q = Message.objects.get(direction='out', message_id='{query['id']}')\n"
                  f"out([q.attempts, q.state, Message.objects.get(direction='in', type='lost-stolen-answer', in_reply_to=q.message_id).body])")
    assert answer[:2] == [3, "delivered"] and answer[2]["result"] == "recorded"


def test_offline_file_round_trip(ab, tmp_path):
    a, b = ab
    query = a.py("""
from armstrace.federation.messages import compose
from armstrace.federation.partners import get_partner
out(compose(get_partner('SEN'), 'lost-stolen-query', {'serial': 'SEN-2002'}).message_id)""")
    outgoing, back = tmp_path / "to-b.jws", tmp_path / "to-a.jws"
    assert "1 messages" in a.cli("federation", "export", outgoing, "--partner", "SEN").stdout
    assert "accepted lost-stolen-query" in b.cli("federation", "import", outgoing).stdout
    assert "2 messages" in b.cli("federation", "export", back, "--partner", "KEN").stdout  # receipt and answer
    imported = a.cli("federation", "import", back).stdout
    assert "accepted receipt" in imported and "accepted lost-stolen-answer" in imported
    state = a.py(f"""
from armstrace.federation.models import Message
q = Message.objects.get(direction='out', message_id='{query}')
out({{'receipt': bool(q.receipt_jws), 'answer': Message.objects.get(in_reply_to='{query}', type='lost-stolen-answer').body}})""")
    assert state["receipt"] and state["answer"]["result"] == "reported_lost_stolen"
    assert "refused replay" in b.cli("federation", "import", outgoing, check=False).stdout
    audit_ok(a)
    audit_ok(b)


def test_one_message_delivered_twice_at_once_is_stored_once(ab):
    a, b = ab
    text, answers = message(b, a), []
    barrier = threading.Barrier(2)

    def deliver():
        barrier.wait()
        answers.append(post(a.inbox, text)[0])

    threads = [threading.Thread(target=deliver) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(answers) == [200, 409]
    message_id = json.loads(jws.unb64url(text.split(".")[1]))["id"]
    assert a.py(f"from armstrace.federation.models import Message\n"
                f"out(Message.objects.filter(message_id='{message_id}').count())") == 1


def test_key_rotation_with_grace_period(ab):
    a, b = ab
    old_key = signing.load_private_key(b.key_path)
    new_path = b.dir / "new-key.pem"
    signing.create_key(new_path)
    new_path.replace(b.key_path)  # B rotates its key (the server reads the file anew)
    query = b.py("from armstrace.federation import services\n"
                 "q = services.check_lost_stolen('KEN', 'SEN-1001')\nout([q.state, q.last_error])")
    assert query[0] == "pending" and "wrong_key" in query[1]  # A does not know the new key yet
    (a.dir / "b-new.json").write_text(json.dumps(b.identity()))
    assert "fingerprint" in a.cli("federation", "partners", "rekey", a.dir / "b-new.json", "--grace-hours", "0.0015").stdout
    assert post(a.inbox, message(b, a, key=old_key))[0] == 200  # the old key, within its grace period
    assert "1 delivered" in b.cli("federation", "deliver").stdout  # the new key
    import time
    time.sleep(5.5)
    status, answer = post(a.inbox, message(b, a, key=old_key))
    assert (status, answer["code"]) == (403, "wrong_key")
    assert post(a.inbox, message(b, a))[0] == 200
