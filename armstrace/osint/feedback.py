"""What the reviewers' decisions say about the extractor, and the reviewed documents as labelled data.

Each reviewed record is a labelled example: what the extractor proposed against what the reviewer kept (a rejected
record kept nothing: the document reports no seizure). The accuracy is scored with the dev set's scorer, so the
numbers read like `make bench`'s; the examples export in the dev set's JSONL layout, so a State can measure a new
extractor, or train one, on its own documents (`bench/osint_bench.py --devset labels.jsonl`)."""

import json
from collections import Counter
from dataclasses import dataclass

from armstrace.osint.extraction import RECORD_KEYS
from armstrace.osint.models import FieldDecision, ProposedRecord, RecordStatus
from armstrace.osint.scoring import SCORED_FIELDS, score


@dataclass
class FieldAccuracy:
    key: str
    kept: int  # proposed values the reviewer accepted, or left as proposed on an accepted record
    edited: int
    rejected: int
    precision: float | None  # None where nothing was proposed (recall: where nothing was kept; F1: neither)
    recall: float | None
    f1: float | None


@dataclass
class Accuracy:
    records: int  # reviewed records (accepted or rejected)
    rejected_records: int
    fields: list  # FieldAccuracy, in SCORED_FIELDS order
    micro_f1: float


def reviewed_records():
    return (ProposedRecord.objects.exclude(status=RecordStatus.PENDING).select_related("document", "reviewed_by")
            .prefetch_related("fields").order_by("id"))


def proposed_and_reviewed(record):
    """(the extractor's values, the reviewer's values) of one reviewed record."""
    fields = list(record.fields.all())
    proposed = {f.key: f.extracted for f in fields}
    accepted = record.status == RecordStatus.ACCEPTED
    reviewed = {f.key: f.current for f in fields} if accepted else dict.fromkeys(RECORD_KEYS)
    return proposed, reviewed


def accuracy():
    records = list(reviewed_records())
    pairs = [proposed_and_reviewed(r) for r in records]
    report = score(pairs)
    decisions = Counter((f.key, f.decision) for r in records if r.status == RecordStatus.ACCEPTED
                        for f in r.fields.all() if f.extracted is not None)
    rows = [FieldAccuracy(key, decisions[key, FieldDecision.ACCEPTED] + decisions[key, FieldDecision.PROPOSED],
                          decisions[key, FieldDecision.EDITED], decisions[key, FieldDecision.REJECTED],
                          tally.precision if tally.tp + tally.fp else None,
                          tally.recall if tally.tp + tally.fn else None,
                          tally.f1 if tally.tp + tally.fp + tally.fn else None)
            for key, tally in ((k, report.fields[k]) for k in SCORED_FIELDS)]
    return Accuracy(len(records), sum(r.status == RecordStatus.REJECTED for r in records), rows, report.micro.f1)


def labelled_lines():
    """One JSON line per reviewed document, in the dev set's layout (a third of them in the "holdout" split)."""
    for record in reviewed_records():
        document, (_, reviewed) = record.document, proposed_and_reviewed(record)
        yield json.dumps({
            "id": f"doc-{document.pk}", "language": document.language, "title": document.title or None,
            "published": document.published.isoformat() if document.published else None,
            "source_url": document.source_url, "publisher": document.publisher,
            "split": "holdout" if document.pk % 3 == 0 else "dev",
            "relevant": record.status == RecordStatus.ACCEPTED, "text": document.text, "gold": reviewed,
            "reviewed_by": record.reviewed_by.get_username() if record.reviewed_by else None,
            "reviewed_at": record.reviewed_at.isoformat() if record.reviewed_at else None,
        }, ensure_ascii=False) + "\n"
