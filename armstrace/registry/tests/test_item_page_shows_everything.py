"""The item page shows what was recorded about the item: its description, each event's payload as labelled values
(police reference, transfer reference, circumstances, ...), and for a lost or stolen item the report's last known
location and police reference; translated in French, never a raw key or id."""

from django.conf import settings
from django.urls import reverse

from armstrace.conftest import at
from armstrace.registry import services
from armstrace.registry.models import FirearmModel


def _page(client, item):
    return client.get(reverse("registry:item-detail", args=[item.pk])).content.decode()


def test_description_references_and_the_theft_report_are_shown(client, user, registry):
    client.force_login(user)
    model = FirearmModel.objects.filter(make__name="Glock").first()
    item = services.create_item(services.FirearmInput(serial_number="DESC1", make=model.make, model=model,
                                                      description="Engraved grip, scratched slide"),
                                holder=registry.dealer, occurred_at=at(2015, 1, 1))
    services.transfer(item, registry.alice, occurred_at=at(2016, 1, 1), reference="Sale contract SC-88")
    services.report_missing(item, "theft_reported", occurred_at=at(2017, 1, 1), location="Parking lot, Thika",
                            circumstances="Car broken into", police_reference="OB 99/2017")
    page = _page(client, item)
    assert 'id="item-description"' in page and "Engraved grip, scratched slide" in page
    assert "Transfer reference" in page and "Sale contract SC-88" in page
    report = page[page.index('id="missing-report"'):]
    assert "Reported stolen" in page and "Parking lot, Thika" in report and "OB 99/2017" in report
    assert "Police reference" in page and "Car broken into" in page
    assert "last_known_location" not in page and "police_reference" not in page


def test_the_labels_are_translated(client, user, glock):
    client.force_login(user)
    services.report_missing(glock, "loss_reported", occurred_at=at(2020, 1, 1), location="Forêt",
                            police_reference="PV 1")
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "fr"
    page = _page(client, glock)
    assert "PV 1" in page and "Référence de police" in page and "Déclaré perdu" in page
    assert "Police reference" not in page and "Last known location" not in page
