"""Party keys (names, addresses, phones folded for comparison) and watch lists of them."""

import csv
import re
import unicodedata
from dataclasses import dataclass, field

_NOT_ALNUM = re.compile(r"[^a-z0-9]+")
KINDS = ("name", "address", "phone")


def fold(text):
    """Lower case, accents and punctuation dropped, spaces collapsed: 'Rue  de l'Église, 5' -> 'rue de l eglise 5'."""
    if text.isascii():
        return _NOT_ALNUM.sub(" ", text.lower()).strip()
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return _NOT_ALNUM.sub(" ", text.lower()).strip()


def phone_key(phone):
    """The last 9 digits: the same number written with or without its country prefix."""
    digits = "".join(ch for ch in phone if ch.isdigit())
    return digits[-9:] if len(digits) >= 6 else ""


def address_key(address, country):
    folded = fold(address)
    return f"{country}|{folded}" if folded else ""


def sender_key(consignment):
    return f"{consignment.sender_country}|{fold(consignment.sender_name)}|{fold(consignment.sender_address)}"


def addressee_key(consignment):
    return address_key(consignment.addressee_address, consignment.addressee_country) or \
        f"{consignment.addressee_country}|{fold(consignment.addressee_name)}"


@dataclass
class WatchList:
    """Names, addresses and phones to look out for (folded), each with where it came from."""

    names: dict = field(default_factory=dict)
    addresses: dict = field(default_factory=dict)
    phones: dict = field(default_factory=dict)

    def add(self, kind, value, source=""):
        if kind == "name":
            key, target = fold(value), self.names
        elif kind == "address":
            key, target = fold(value), self.addresses
        elif kind == "phone":
            key, target = phone_key(value), self.phones
        else:
            raise ValueError(f"unknown watch-list kind {kind!r}: one of {', '.join(KINDS)}")
        if key:
            target[key] = source or kind

    def __len__(self):
        return len(self.names) + len(self.addresses) + len(self.phones)

    def matches(self, name, address, phone=""):
        """[(kind, source)] of the party's name, address and phone found on the list."""
        found = []
        for kind, key, target in (("name", fold(name), self.names), ("address", fold(address), self.addresses),
                                  ("phone", phone_key(phone), self.phones)):
            if key and key in target:
                found.append((kind, target[key]))
        return found


def read_watch_list(path, watch_list=None):
    """A CSV file with columns kind (name, address, phone), value and optionally source."""
    watch_list = watch_list or WatchList()
    with open(path, newline="", encoding="utf-8-sig") as stream:
        reader = csv.DictReader(stream)
        if not {"kind", "value"} <= set(reader.fieldnames or ()):
            raise ValueError(f"{path}: the header must have the columns kind and value")
        for row in reader:
            try:
                watch_list.add((row["kind"] or "").strip().lower(), row["value"] or "", (row.get("source") or "").strip())
            except ValueError as exc:
                raise ValueError(f"{path}: line {reader.line_num}, column kind: {exc}") from None
    return watch_list
