"""An edit is a new version; the old one is kept; only the sender edits; the search finds the latest text."""

import pytest

from armstrace.core.errors import RuleViolation
from armstrace.exchange import services
from armstrace.exchange.views import search_threads


def test_edit_keeps_every_version(people, thread):
    message = thread.messages.get()
    services.edit_message(message, people.investigator, "Container MSKU 1234565, please confirm", "plain")
    message.refresh_from_db()
    assert message.version == 2 and message.text.startswith("Container MSKU")
    assert [v.text for v in message.versions.all()] == ["Can customs confirm the container number?",
                                                         "Container MSKU 1234565, please confirm"]
    assert search_threads(people.customs, "MSKU") and not search_threads(people.customs, "confirm the container")
    with pytest.raises(RuleViolation) as exc:
        services.edit_message(message, people.customs, "not mine", "plain")
    assert exc.value.code == "not_sender"
