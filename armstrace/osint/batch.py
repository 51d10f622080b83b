"""A batch of documents: each stored in its own transaction, each bad one reported (file and line) while the rest
goes on."""

from collections import Counter
from dataclasses import dataclass, field

from django.utils.translation import gettext as _

from armstrace.core.actor import SYSTEM
from armstrace.core.errors import RuleViolation
from armstrace.osint import services
from armstrace.osint.sources import Problem


@dataclass
class BatchReport:
    outcomes: Counter = field(default_factory=Counter)  # stored, irrelevant, duplicate, near_duplicate
    problems: list = field(default_factory=list)  # Problem
    documents: list = field(default_factory=list)  # the stored Document rows

    @property
    def refused(self):
        return len(self.problems)

    def summary(self):
        labels = {"stored": _("stored"), "irrelevant": _("irrelevant"), "duplicate": _("duplicate"),
                  "near_duplicate": _("near duplicate")}
        parts = [f"{n} {labels[outcome]}" for outcome, n in sorted(self.outcomes.items())]
        return ", ".join(parts + [f"{self.refused} {_('refused')}"])


def ingest_all(documents, actor=SYSTEM, on_problem=None):
    """Store every DocumentInput of `documents` (Problems pass through to the report); returns a BatchReport."""
    report = BatchReport()
    for data in documents:
        if not isinstance(data, Problem):
            try:
                result = services.ingest(data, actor)
            except RuleViolation as exc:
                data = Problem(data.origin or data.source_url or "?", exc.message)
            else:
                report.outcomes[result.outcome] += 1
                report.documents.append(result.document)
                continue
        report.problems.append(data)
        if on_problem:
            on_problem(data)
    return report
