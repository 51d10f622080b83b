"""`audit verify` as one function: the hash chain, the signed checkpoints, the append-only triggers, optionally an
outside witness, and the checks other apps add (core.extensions.AUDIT_CHECKS). The management command prints its
report; the background job (registry.verify_jobs) stores it."""

from dataclasses import dataclass, field

from django.db import connection

from armstrace.core.extensions import AUDIT_CHECKS
from armstrace.registry import checkpoints
from armstrace.registry.append_only import trigger_problems
from armstrace.registry.eventlog import VerifyResult, check_witness, verify_chain


@dataclass
class AuditReport:
    chain: VerifyResult
    seals: checkpoints.CheckpointReport
    triggers: list[str]
    witness: object = None  # eventlog.WitnessResult when a witness file was given
    failures: list[str] = field(default_factory=list)
    extra: list = field(default_factory=list)  # (label, ok, message) of each core.extensions.AUDIT_CHECKS

    @property
    def ok(self):
        return not self.failures


def _seals(witness_data):
    """The checkpoints' report, the problems of the append-only triggers, and every sign of tampering: in the
    checkpoints, the triggers, or the witnessed checkpoints (of a witness file written by `audit checkpoints`)."""
    witnessed, key = [], None
    if witness_data is not None and "checkpoints" in witness_data:
        witnessed = checkpoints.check_witnessed_checkpoints(witness_data)
        key = checkpoints.witness_key(witness_data)  # trusted over the key file here
    report, triggers = checkpoints.verify_checkpoints(key), [str(p) for p in trigger_problems(connection)]
    return report, triggers, report.problems + triggers + witnessed


def audit(progress=None, witness_data=None) -> AuditReport:
    """Run every check of `audit verify`; `progress(n)` is called as events are read."""
    result = verify_chain(progress=progress)
    witnessed = check_witness(witness_data) if witness_data is not None else None
    seals, triggers, seal_problems = _seals(witness_data)
    extra = [check() for check in AUDIT_CHECKS]
    failures = [f"CHECKPOINTS NOT VERIFIED: {seals.key_error}"] if seals.key_error else []
    failures += [f"TAMPERING DETECTED: {problem}" for problem in seal_problems]
    failures += [f"UNSIGNED TAIL: {problem}" for problem in seals.tail_problems]
    if not result.ok:
        failures.insert(0, f"TAMPERING DETECTED at seq {result.first_bad_seq}: {result.reason} "
                           f"({result.checked} events read; last good seq {result.head_seq})")
    if witnessed is not None and not witnessed.ok:
        failures.append(f"WITNESS CHECK FAILED: {witnessed.reason}")
    failures += [message for _label, ok, message in extra if not ok]
    return AuditReport(result, seals, triggers, witnessed, failures, extra)
