"""Consignments for the tests: a plain, harmless parcel (a book from the United Kingdom) unless told otherwise."""

from datetime import UTC, datetime, timedelta

from armstrace.screening.consignment import Consignment, ContentLine
from armstrace.screening.engine import Screener
from armstrace.screening.ruleset import load_rules

START = datetime(2026, 11, 2, 9, tzinfo=UTC)
_counter = iter(range(1, 10**9))


def line(description="Paperback novel", hs_code="490199", quantity=1, value=15.0, currency="GBP"):
    return ContentLine(description, hs_code, quantity, value, currency)


def consignment(lines=None, **fields):
    number = next(_counter)
    values = dict(
        consignment_id=f"C{number}", operator="Royal Mail", mail_class="parcel", tracking_id=f"RR{number:09d}GB",
        accepted_at=START, sender_name=f"Sender {number}", sender_address=f"{number} High Street, Leeds",
        sender_country="GBR", addressee_name=f"Addressee {number}", addressee_address=f"Plot {number}, Ngong Road",
        addressee_phone="", addressee_country="KEN", route=("GBR",), category="sale_of_goods",
        declared_weight_kg=0.8, measured_weight_kg=0.8)
    values.update(fields)
    return Consignment(**values, lines=lines if lines is not None else [line()])


def days(n):
    return START + timedelta(days=n)


def screen(c, rules=None, watch_list=None, screener=None):
    screener = screener or Screener(rules or load_rules(), watch_list)
    return screener.screen(c)


def fired(assessment):
    return {hit.rule for hit in assessment.hits}
