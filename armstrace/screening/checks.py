"""The rules: each check returns the specific reason it fires for a consignment, or None when it stays quiet."""

import re

from armstrace.screening.parties import fold
from armstrace.screening.ruleset import word_pattern


class Context:
    """What the checks of one consignment share: the rule set, watch list, flow and each line's goods class."""

    def __init__(self, screener, consignment, flow):
        self.rules = screener.rules
        self.watch_list = screener.watch_list
        self.flow = flow
        self.classes = [screener.goods_class(line, consignment.category) for line in consignment.lines]
        self.patterns = screener.patterns
        self._route = None

    def params(self, rule_id):
        return self.rules.rules[rule_id]

    def risky_countries(self, c):
        if self._route is None:
            marked = self.rules.high_risk_routes.get(c.mail_class, frozenset())
            self._route = [code for code in dict.fromkeys(c.route) if code in marked and code != c.addressee_country]
        return self._route


def _lines(c, test):
    return [f"line {i}: {detail}" for i, line in enumerate(c.lines, start=1) if (detail := test(line))]


def _under_headings(c, headings):
    """'line N: HS code' for each line whose heading is one of `headings`."""
    headings = set(headings)
    return _lines(c, lambda line: f"HS {line.hs_code}" if line.heading in headings else None)


def arms_heading(c, ctx):
    return "; ".join(_under_headings(c, ctx.params("arms_heading")["headings"])) or None


def gun_part_words(c, ctx):
    pattern = ctx.patterns["gun_part_words"]
    found = _lines(c, lambda line: (m := pattern.search(line.description.lower())) and f"“{m.group(0)}”")
    return "; ".join(found) or None


def cover_heading(c, ctx):
    return "; ".join(_under_headings(c, ctx.params("cover_heading")["headings"])) or None


def vague_description(c, ctx):
    words = ctx.patterns["vague_description"]
    found = _lines(c, lambda line: fold(line.description) in words and f"“{line.description}”")
    return "; ".join(found) or None


def missing_hs_code(c, ctx):
    if c.category == "documents":
        return None
    found = _lines(c, lambda line: "no HS code" if not line.hs_code else None)
    return "; ".join(found) or None


def weight_mismatch(c, ctx):
    if c.measured_weight_kg is None:
        return None
    p = ctx.params("weight_mismatch")
    declared, measured = c.declared_weight_kg, c.measured_weight_kg
    difference = abs(measured - declared)
    if difference >= p["min_difference_kg"] and difference > p["tolerance"] * declared:
        return f"declared {declared:g} kg, measured {measured:g} kg"
    return None


def implausible_weight(c, ctx):
    if any(cls is None for cls in ctx.classes):
        return None
    heaviest = sum(line.quantity * cls.max_unit_kg for line, cls in zip(c.lines, ctx.classes))
    limit = heaviest + ctx.params("implausible_weight")["packaging_kg"]
    weight = max(c.declared_weight_kg, c.weight_kg)
    if weight > limit:
        names = ", ".join(dict.fromkeys(cls.name for cls in ctx.classes))
        return f"{weight:g} kg for {c.quantity} × {names} (at most {limit:.2g} kg expected)"
    return None


def implausible_value(c, ctx):
    if any(cls is None for cls in ctx.classes):
        return None
    rates = ctx.rules.currency_rates_usd
    if any(line.currency not in rates for line in c.lines):
        return None
    usd = sum(line.value * rates[line.currency] for line in c.lines)
    per_kg = usd / c.weight_kg
    low = min(cls.value_per_kg[0] for cls in ctx.classes)
    high = max(cls.value_per_kg[1] for cls in ctx.classes)
    if per_kg < low or per_kg > high:
        return f"USD {usd:,.2f} for {c.weight_kg:g} kg ({per_kg:,.2f}/kg; {low:g}–{high:g}/kg expected)"
    return None


def _watched(found):
    return ", ".join(f"{kind} ({source})" for kind, source in found) or None


def watch_list_sender(c, ctx):
    return ctx.watch_list and _watched(ctx.watch_list.matches(c.sender_name, c.sender_address))


def watch_list_addressee(c, ctx):
    return ctx.watch_list and _watched(ctx.watch_list.matches(c.addressee_name, c.addressee_address, c.addressee_phone))


def velocity_addressee(c, ctx):
    p, flow = ctx.params("velocity_addressee"), ctx.flow
    if flow.parcels_to_addressee >= p["parcels"] and flow.senders_to_addressee >= p["senders"]:
        return (f"{flow.parcels_to_addressee} parcels from {flow.senders_to_addressee} senders "
                f"within {p['days']} days")
    return None


def new_addressee_many_senders(c, ctx):
    p, flow = ctx.params("new_addressee_many_senders"), ctx.flow
    if flow.addressee_new_days <= p["days"] and flow.parcels_to_addressee >= p["parcels"] \
            and flow.senders_to_addressee >= p["senders"]:
        return (f"{flow.parcels_to_addressee} parcels from {flow.senders_to_addressee} senders since its first, "
                f"{flow.addressee_new_days:.1f} days ago")
    return None


def private_sender_trade_goods(c, ctx):
    if ctx.patterns["business_words"].search(c.sender_name.lower()):
        return None
    found = _under_headings(c, ctx.params("private_sender_trade_goods")["headings"])
    return f"{c.sender_name}: {'; '.join(found)}" if found else None


def velocity_sender(c, ctx):
    p, flow = ctx.params("velocity_sender"), ctx.flow
    if c.category in p.get("categories", (c.category,)) and flow.addressees_of_sender >= p["addressees"]:
        return f"{flow.addressees_of_sender} addressees within {p['days']} days"
    return None


def high_risk_route(c, ctx):
    risky = ctx.risky_countries(c)
    return f"{c.mail_class} via {', '.join(risky)}" if risky else None


def first_time_high_risk_flow(c, ctx):
    risky = ctx.risky_countries(c)
    if risky and not ctx.flow.addressee_seen_before:
        return f"no parcel to this addressee within {ctx.params('first_time_high_risk_flow')['history_days']} days"
    return None


def risky_goods_on_risky_route(c, ctx):
    risky = ctx.risky_countries(c)
    if not risky or c.category == "documents":
        return None
    covers = set(ctx.params("cover_heading")["headings"])
    vague = ctx.patterns["vague_description"]
    found = _lines(c, lambda line: (line.heading in covers and f"HS {line.hs_code}") or
                   (fold(line.description) in vague and f"“{line.description}”") or (not line.hs_code and "no HS code"))
    return f"{'; '.join(found)} via {', '.join(risky)}" if found else None


CHECKS = {check.__name__: check for check in (
    arms_heading, gun_part_words, cover_heading, vague_description, missing_hs_code, weight_mismatch,
    implausible_weight, implausible_value, watch_list_sender, watch_list_addressee, velocity_addressee,
    velocity_sender, first_time_high_risk_flow, high_risk_route, risky_goods_on_risky_route,
    new_addressee_many_senders, private_sender_trade_goods)}


def compile_patterns(rules):
    return {"gun_part_words": word_pattern(rules.rules["gun_part_words"].get("words", [])),
            "vague_description": frozenset(fold(w) for w in rules.rules["vague_description"].get("words", [])),
            "business_words": word_pattern(rules.rules["private_sender_trade_goods"].get("business_words", []))
            or re.compile("(?!)")}
