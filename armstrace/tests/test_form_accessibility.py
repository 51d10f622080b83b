"""Every input of the forms has a label or an aria-label, and every aria-describedby names ids on the page
(help texts and errors, rendered by form_fields.html and formset_cell.html), also after a refused post."""

from html.parser import HTMLParser

import pytest

FORM_PAGES = ["/registry/items/new/", "/custody/cases/new/", "/registry/holders/new/", "/tracing/requests/new/",
              "/transfers/authorizations/new/", "/"]
FIELDS = {"input", "select", "textarea"}
UNLABELLED_TYPES = {"hidden", "submit", "button", "reset", "image"}


class FormOutline(HTMLParser):
    """The ids, the label targets, the fields and the aria-describedby references of a page."""

    def __init__(self):
        super().__init__()
        self.ids, self.label_for, self.fields, self.described_by = set(), set(), [], []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if attrs.get("id"):
            self.ids.add(attrs["id"])
        if tag == "label" and attrs.get("for"):
            self.label_for.add(attrs["for"])
        if tag in FIELDS and attrs.get("type", "text") not in UNLABELLED_TYPES:
            self.fields.append(attrs)
        if attrs.get("aria-describedby"):
            self.described_by.append((attrs.get("id"), attrs["aria-describedby"].split()))


def outline(html):
    parser = FormOutline()
    parser.feed(html)
    return parser


def problems_of(html):
    page = outline(html)
    unlabelled = [f.get("name") for f in page.fields
                  if not f.get("aria-label") and f.get("id") not in page.label_for]
    dangling = [(owner, ref) for owner, refs in page.described_by for ref in refs if ref not in page.ids]
    return unlabelled, dangling


@pytest.mark.django_db
@pytest.mark.parametrize("url", FORM_PAGES)
def test_every_field_is_labelled_and_described_by_existing_ids(client, user, registry, url):
    client.force_login(user)
    response = client.get(url)
    assert response.status_code == 200, url
    unlabelled, dangling = problems_of(response.content.decode())
    assert not unlabelled, f"{url}: fields without a label or aria-label: {unlabelled}"
    assert not dangling, f"{url}: aria-describedby to missing ids: {dangling}"


@pytest.mark.django_db
def test_errors_and_help_are_tied_to_their_field(client, user, registry):
    client.force_login(user)
    response = client.post("/registry/holders/new/", {"kind": "person", "name": ""})
    assert response.status_code == 200
    html = response.content.decode()
    page = outline(html)
    name = next(f for f in page.fields if f.get("name") == "name")
    assert name.get("aria-invalid") == "true"
    assert "id_name-errors" in name["aria-describedby"].split() and "id_name-errors" in page.ids
    assert problems_of(html) == ([], [])


def test_outline_finds_a_bare_field_and_a_dangling_reference():
    assert problems_of('<input name="a" id="a"><input name="b" aria-describedby="nowhere">') == (
        ["a", "b"], [(None, "nowhere")])
