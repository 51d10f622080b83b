"""The personal-data access log is append-only (database triggers, as for the event log) and hash-chained:
hash = sha256(prev_hash || seq || canonical JSON of the entry), with its own gapless seq. `verify_access_log`
walks it for `armstrace audit verify`."""

from django.db import connection, transaction

from armstrace.core.chain import GENESIS_HASH, VerifyResult, compute_hash, timestamp

TABLE = "accounts_accesslogentry"
LOCK_KEY = 7_230_002


def entry_body(entry) -> dict:
    return {"seq": entry.seq, "at": timestamp(entry.at), "user_id": entry.user_id, "username": entry.username,
            "subject_type": entry.subject_type, "subject_id": entry.subject_id, "subject_name": entry.subject_name,
            "fields": list(entry.fields), "path": entry.path, "ip": entry.ip}


def chain_entries(entries, seq, prev_hash):
    """Number and hash `entries` after (seq, prev_hash); returns the new head."""
    for entry in entries:
        seq += 1
        entry.seq, entry.prev_hash = seq, prev_hash
        entry.hash = prev_hash = compute_hash(prev_hash, seq, entry_body(entry))
    return seq, prev_hash


def append_entries(entries, model=None):
    """Chain and insert `entries` (AccessLogEntry objects not yet saved) under the log's lock."""
    from armstrace.accounts.models import AccessLogEntry

    model = model or AccessLogEntry
    with transaction.atomic():
        if connection.vendor == "postgresql":
            with connection.cursor() as cursor:
                cursor.execute("SELECT pg_advisory_xact_lock(%s)", [LOCK_KEY])
        head = model.objects.filter(seq__isnull=False).order_by("-seq").values_list("seq", "hash").first()
        chain_entries(entries, *(head or (0, GENESIS_HASH)))
        model.objects.bulk_create(entries)


def log_partner_query(partner_name, query_id, serial):
    """A partner State's lost/stolen check, answered by this side (federation): who asked about which serial, and
    what they were told. Never who holds the item."""
    from armstrace.accounts.models import AccessLogEntry

    append_entries([AccessLogEntry(user=None, username=f"partner:{partner_name}"[:150], subject_type="partner_query",
                                   subject_id=query_id, subject_name=serial[:200], fields=["result"],
                                   path="federation: lost-stolen-query")])


def verify_access_log(model=None) -> VerifyResult:
    """Walk the access log's chain; report the first seq whose link, number or hash does not hold."""
    from armstrace.accounts.models import AccessLogEntry

    model = model or AccessLogEntry
    expected, prev_hash, checked = 1, GENESIS_HASH, 0
    if model.objects.filter(seq__isnull=True).exists():
        return VerifyResult(False, 0, 0, prev_hash, None, "access log entries without a place in the chain")
    for entry in model.objects.order_by("seq").iterator(chunk_size=5000):
        checked += 1
        reason = ("sequence gap" if entry.seq != expected else
                  "prev_hash does not match the previous entry's hash" if entry.prev_hash != prev_hash else
                  "hash does not match the entry's content"
                  if compute_hash(prev_hash, entry.seq, entry_body(entry)) != entry.hash else "")
        if reason:
            return VerifyResult(False, checked, expected - 1, prev_hash, expected, reason)
        prev_hash, expected = entry.hash, expected + 1
    return VerifyResult(True, checked, expected - 1, prev_hash)


def audit_check():
    """For `armstrace audit verify` (core.extensions.AUDIT_CHECKS): (label, ok, message)."""
    report = verify_access_log()
    if report.ok:
        return "access log", True, f"{report.checked} access log entries verified"
    return "access log", False, (f"ACCESS LOG TAMPERING DETECTED at entry {report.first_bad_seq}: {report.reason} "
                                 f"(last good entry {report.head_seq})")
