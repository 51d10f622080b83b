"""Recording a digest case on its page: the same rules as an import (no names, no active content, known codes)."""

from django.urls import reverse

from armstrace.exchange.models import DigestCase
from armstrace.exchange.tests.conftest import login

GOOD = {"country": "KEN", "court": "Demo court", "year": "2024", "case_number": "F-1", "stage": "judgment",
        "language": "fr", "offences": ["marking_tampering", "KE-FA-36"], "modus_operandi": ["conversion"],
        "firearms": "pistol: 3, rifle: 1", "persons": "defendant: 2", "summary": "Numéros effacés",
        "legal_sources": "Protocole, art. 5.1.c\nLoi, art. 36", "access_level": "partners", "seizure_cases": ""}


def test_record_a_case(people):
    c = login(None, people.investigator)
    response = c.post(reverse("exchange:digest-create"), GOOD)
    case = DigestCase.objects.get()
    assert response.status_code == 302 and response["Location"] == reverse("exchange:digest-case", args=[case.pk])
    assert case.firearms == [{"type": "pistol", "count": 3}, {"type": "rifle", "count": 1}]
    assert case.legal_sources == ["Protocole, art. 5.1.c", "Loi, art. 36"] and case.articles == ["5"]


def test_bad_input_is_shown_on_the_form(people):
    c = login(None, people.investigator)
    for change, message in (({"persons": "John Doe: 1"}, "kinds: defendant"),
                            ({"summary": "<script>x</script>"}, "not accepted"),
                            ({"country": "XXX"}, "not an ISO 3166")):
        response = c.post(reverse("exchange:digest-create"), {**GOOD, **change})
        assert response.status_code == 200 and message in response.content.decode()
    assert not DigestCase.objects.exists()
