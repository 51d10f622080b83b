"""Watch-list rules: sender or addressee name, address or phone on a list passed in or read from a file."""

import pytest

from armstrace.screening.parties import WatchList, read_watch_list
from armstrace.screening.tests.factory import consignment, fired, line, screen


def watch(**entries):
    watch_list = WatchList()
    for kind, value in entries.items():
        watch_list.add(kind, value, "custody case SZ-1")
    return watch_list


def test_sender_name_on_the_list_fires_whatever_the_case_and_accents():
    c = consignment(sender_name="José  PÉREZ")
    hit = next(h for h in screen(c, watch_list=watch(name="jose perez")).hits if h.rule == "watch_list_sender")
    assert hit.detail == "name (custody case SZ-1)"


def test_addressee_phone_matches_with_or_without_country_prefix():
    c = consignment(addressee_phone="+254 712 345 678")
    assert "watch_list_addressee" in fired(screen(c, watch_list=watch(phone="0712345678")))


def test_addressee_address_on_the_list_fires():
    c = consignment(addressee_address="Plot 7, Ngong Road")
    assert "watch_list_addressee" in fired(screen(c, watch_list=watch(address="plot 7 ngong road")))


def test_watch_lists_quiet_for_other_parties_and_without_a_list():
    c = consignment(sender_name="Jane Doe", addressee_phone="+254 700 000 001")
    assert not {"watch_list_sender", "watch_list_addressee"} & fired(screen(c, watch_list=watch(name="John Doe",
                                                                                              phone="0712345678")))
    assert not {"watch_list_sender", "watch_list_addressee"} & fired(screen(c))


def test_watch_list_file_is_imported(tmp_path):
    path = tmp_path / "watch.csv"
    path.write_text("kind,value,source\nname,Jane Doe,OSINT seizure 2025\nphone,+254700000001,\n", encoding="utf-8")
    watch_list = read_watch_list(path)
    c = consignment(sender_name="Jane Doe", addressee_phone="0700000001")
    assert {"watch_list_sender", "watch_list_addressee"} <= fired(screen(c, watch_list=watch_list))


def test_watch_list_file_with_an_unknown_kind_is_refused_naming_the_line(tmp_path):
    path = tmp_path / "watch.csv"
    path.write_text("kind,value\nname,Jane\nemail,x@y.z\n", encoding="utf-8")
    with pytest.raises(ValueError, match="line 3, column kind: unknown watch-list kind 'email'"):
        read_watch_list(path)


def test_private_sender_of_trade_goods_under_a_cover_heading_fires():
    c = consignment([line("Bicycle fork", "871491", value=30)], sender_name="John Smith")
    hit = next(h for h in screen(c).hits if h.rule == "private_sender_trade_goods")
    assert hit.detail == "John Smith: line 1: HS 871491"


def test_private_sender_rule_quiet_for_a_shop_or_other_goods():
    shop = consignment([line("Bicycle fork", "871491", value=30)], sender_name="Velo Parts Trading Co")
    book = consignment(sender_name="John Smith")
    assert "private_sender_trade_goods" not in fired(screen(shop)) | fired(screen(book))
