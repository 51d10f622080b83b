"""The manufacture method of an item (factory, craft, 3D-printed, converted, reactivated, assembled, unknown), a
projection of its events registered in core.projections by RegistryConfig.ready.

An event sets it when its payload holds `method` ({"method", "material", "evidence", "printed", "converted_from",
"source"}): the entry event (registration, or the seizure of an unregistered item), `converted`, `reactivated`, a
`correction` whose fields hold `method`, and the `baseline` that migration custody 0002 appended for the items whose
case lines recorded a condition before. An entry event without it means factory for a registered, manufactured or
imported item and unknown otherwise. The IAFQ condition (custody case lines, monitoring) follows from it.
"""

from dataclasses import dataclass

from django.utils.translation import gettext as _

from armstrace.core import projections
from armstrace.core.errors import RuleViolation
from armstrace.registry.models import ConvertedFrom, EventKind, Item, ManufactureMethod, PrintExtent

K = EventKind
M = ManufactureMethod
COLUMNS = ("manufacture_method", "method_variant", "method_material", "method_evidence", "source_item_id",
           "iafq_condition")
REGISTERED_ENTRIES = {K.REGISTERED, K.MANUFACTURED, K.IMPORTED}
CUSTODY_ENTRIES = {K.SEIZED, K.FOUND, K.SURRENDERED}
DETAIL_KEYS = ("material", "evidence", "printed", "converted_from")

# The IAFQ condition codes (custody.models.CaseItem.Condition) that each method implies; a conversion from semi- to
# full-automatic, or another modification, is the IAFQ's "modified".
IAFQ_CONDITION = {M.FACTORY: "industrial", M.CRAFT: "otherwise_illicit", M.PRINTED: "assembled",
                  M.CONVERTED: "converted", M.REACTIVATED: "reactivated", M.ASSEMBLED: "assembled",
                  M.UNKNOWN: "unknown"}
MODIFIED = {ConvertedFrom.SEMI_TO_FULL, ConvertedFrom.OTHER}
# The method an IAFQ condition stands for, where only the condition is known (case lines recorded before #17).
METHOD_OF_CONDITION = {"industrial": M.FACTORY, "converted": M.CONVERTED, "modified": M.CONVERTED,
                       "reactivated": M.REACTIVATED, "assembled": M.ASSEMBLED, "otherwise_illicit": M.CRAFT,
                       "unknown": M.UNKNOWN}


@dataclass
class MethodInput:
    """How an item was made or changed, with what is known of it."""

    method: str = M.UNKNOWN
    material: str = ""
    evidence: str = ""
    printed: str = ""          # PrintExtent, for 3D-printed
    converted_from: str = ""   # ConvertedFrom, for converted
    source: Item | None = None  # the item it was converted or reactivated from

    @classmethod
    def of_condition(cls, condition):
        """The method of an IAFQ condition (the case form's choice before the method was the item's)."""
        method = METHOD_OF_CONDITION.get(condition, M.UNKNOWN)
        return cls(method, converted_from=ConvertedFrom.OTHER if condition == "modified" else "")


def check_method(data: MethodInput, field="method"):
    if data.method not in M.values:
        raise RuleViolation("bad_method", _("Unknown manufacture method “%(m)s”.") % {"m": data.method}, field)
    if data.printed and (data.printed not in PrintExtent.values or data.method != M.PRINTED):
        raise RuleViolation("bad_method", _("Only a 3D-printed item is fully printed or has printed essential parts."),
                            "printed")
    if data.converted_from and (data.converted_from not in ConvertedFrom.values or data.method != M.CONVERTED):
        raise RuleViolation("bad_method", _("Only a converted item says what it was converted from."),
                            "converted_from")
    for name in ("material", "evidence"):
        if len(getattr(data, name)) > 500:
            raise RuleViolation("too_long", _("At most 500 characters."), name)


def method_payload(data: MethodInput) -> dict:
    """The `method` of an event's payload."""
    return {"method": data.method, **{k: getattr(data, k) for k in DETAIL_KEYS},
            "source": str(data.source.uid) if data.source is not None else None}


def iafq_condition(method, variant=""):
    """The IAFQ condition of a method (and, for a conversion, what it was converted from)."""
    if method == M.CONVERTED and variant in MODIFIED:
        return "modified"
    return IAFQ_CONDITION.get(method)


def _source_id(uid):
    if not uid:
        return None
    return Item.objects.filter(uid=uid).values_list("pk", flat=True).first()


def columns_after(current: dict, kind, payload) -> dict:
    """The method columns once an event of `kind` with `payload` is folded into `current`."""
    given = payload.get("method") if kind != K.CORRECTION else (payload.get("fields") or {}).get("method")
    if isinstance(given, dict) and given.get("method") in M.values:
        method = given["method"]
        variant = given.get("printed") or given.get("converted_from") or ""
        source = _source_id(given["source"]) if given.get("source") else current.get("source_item_id")
        return dict(manufacture_method=method, method_variant=variant, method_material=given.get("material") or "",
                    method_evidence=given.get("evidence") or "", source_item_id=source,
                    iafq_condition=iafq_condition(method, variant))
    if kind in REGISTERED_ENTRIES | CUSTODY_ENTRIES and not current.get("manufacture_method"):
        method = (M.FACTORY if kind in REGISTERED_ENTRIES else M.UNKNOWN).value
        return dict(manufacture_method=method, method_variant="", method_material="", method_evidence="",
                    source_item_id=None, iafq_condition=iafq_condition(method))
    return current


def current_columns(item) -> dict:
    return {c: getattr(item, c) for c in COLUMNS}


def on_event(item, event):
    current = current_columns(item)
    if current["manufacture_method"] is None:  # never folded (an item entered before the method existed): all events
        after = dict.fromkeys(COLUMNS)
        for kind, payload in item.events.order_by("seq").values_list("kind", "payload"):
            after = columns_after(after, kind, payload or {})
    else:
        after = columns_after(current, event.kind, event.payload or {})
    if after != current:
        for column, value in after.items():
            setattr(item, column, value)
        Item.objects.filter(pk=item.pk).update(**after)


def start_rebuild():
    def compute(facts):
        columns = dict.fromkeys(COLUMNS)
        for e in facts.events:
            columns = columns_after(columns, e.kind, e.payload or {})
        return columns
    return compute


def entry_columns(fields, markings, how, payload, occurred_at):
    return columns_after(dict.fromkeys(COLUMNS), how, payload or {})


def connect_projection():
    projections.register(projections.Projection(
        name="manufacture_method", columns=COLUMNS, on_event=on_event, rebuilder=start_rebuild,
        on_entry=entry_columns))


def backfill(item_model, event_model):
    """Set the method columns of the items that exist, from their events (migration registry 0010)."""
    columns, item_id = None, None
    rows = event_model.objects.filter(item__isnull=False).order_by("item_id", "seq").values_list("item_id", "kind",
                                                                                                "payload")
    for pk, kind, payload in rows.iterator(chunk_size=5000):
        if pk != item_id:
            if item_id is not None:
                item_model.objects.filter(pk=item_id).update(**columns)
            columns, item_id = dict.fromkeys(COLUMNS), pk
        columns = columns_after(columns, kind, payload or {})
    if item_id is not None:
        item_model.objects.filter(pk=item_id).update(**columns)


def record_condition_baselines(event_model, item_model, lines, now=None):
    """For each (item_id, IAFQ condition) of `lines` (custody case lines recorded before the method was the item's,
    in case order) whose item's method implies another condition: append a `baseline` event setting the method of
    that condition, and fold it into the item (migration custody 0002). Returns how many were appended."""
    from django.utils import timezone

    from armstrace.registry.eventlog import FORMULA, GENESIS_HASH, compute_hash, event_body, lock_chain

    lock_chain()
    seq, prev_hash = event_model.objects.order_by("-seq").values_list("seq", "hash").first() or (0, GENESIS_HASH)
    now, appended = now or timezone.now(), 0
    for item_id, condition in lines:
        item = item_model.objects.get(pk=item_id)
        if item.iafq_condition == condition or condition not in METHOD_OF_CONDITION:
            continue
        given = MethodInput.of_condition(condition)
        payload = {"method": method_payload(given), "reason": "IAFQ condition of a case line"}
        seq += 1
        event = event_model(seq=seq, kind=K.BASELINE, occurred_at=now, recorded_at=now, recorded_by=None,
                            recorded_by_name="system", agency="", item_id=item_id, item_uid=str(item.uid),
                            party_id=None, payload=payload, prev_hash=prev_hash, hash_formula=FORMULA)
        event.hash = compute_hash(prev_hash, seq, event_body(event))
        event.save(force_insert=True)
        prev_hash, appended = event.hash, appended + 1
        current = {c: getattr(item, c) for c in COLUMNS}
        item_model.objects.filter(pk=item_id).update(last_event_seq=seq, **columns_after(current, K.BASELINE, payload))
    return appended
