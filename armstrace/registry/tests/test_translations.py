"""The French and Spanish catalogues are complete, compiled, and used by the pages.

The .po files are read with a small reader written here (no extra dependency); the compiled .mo files are
read with the standard library's gettext.GNUTranslations.
"""

import gettext
import re
from pathlib import Path

import pytest
from django.conf import settings

LOCALE_DIR = Path(settings.LOCALE_PATHS[0])
LANGUAGES = ["fr", "es"]
PLACEHOLDER = re.compile(r"%\([A-Za-z_][A-Za-z0-9_]*\)[sdif]|%%|%[sdif]")
_ESCAPES = {"n": "\n", "t": "\t", "r": "\r", '"': '"', "\\": "\\", "a": "\a", "b": "\b", "f": "\f", "v": "\v"}
_KEYWORD = re.compile(r'^(msgctxt|msgid_plural|msgid|msgstr(?:\[(\d+)\])?)\s+"(.*)"\s*$')
_CONTINUATION = re.compile(r'^"(.*)"\s*$')


def _unescape(text):
    return re.sub(r"\\(.)", lambda m: _ESCAPES.get(m.group(1), m.group(1)), text)


def read_po(path):
    """The entries of a .po file: dicts with msgctxt, msgid, msgid_plural, msgstr (a str, or a list of the plural
    forms), flags and the line the entry starts on. Obsolete entries (#~) are skipped; the header entry is kept."""
    entries = []
    entry = None  # the entry being read
    field = None  # (keyword, plural index or None) that a continuation line extends

    def new_entry(number):
        return {"flags": set(), "line": number, "msgctxt": None, "msgid": None, "msgid_plural": None, "msgstr": None}

    for number, raw in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        line = raw.strip()
        if not line or line.startswith("#~"):
            continue
        starts_entry = line.startswith("#") or line.startswith("msgctxt ") or line.startswith("msgid ")
        if starts_entry and (entry is None or entry["msgstr"] is not None):
            if entry is not None:
                entries.append(entry)
            entry, field = new_entry(number), None
        if line.startswith("#"):
            if line.startswith("#,"):
                entry["flags"].update(flag.strip() for flag in line[2:].split(","))
            continue
        match = _KEYWORD.match(line)
        if match:
            keyword, index, value = match.groups()
            value = _unescape(value)
            if index is not None:
                forms = entry["msgstr"] if isinstance(entry["msgstr"], list) else []
                forms.extend([""] * (int(index) + 1 - len(forms)))
                forms[int(index)] = value
                entry["msgstr"] = forms
                field = ("msgstr", int(index))
            else:
                entry[keyword] = value
                field = (keyword, None)
            continue
        match = _CONTINUATION.match(line)
        assert match and entry is not None and field is not None, f"{path}:{number}: cannot read {raw!r}"
        value = _unescape(match.group(1))
        name, index = field
        if index is None:
            entry[name] += value
        else:
            entry["msgstr"][index] += value
    if entry is not None and entry["msgid"] is not None:
        entries.append(entry)
    return entries


def po_path(lang):
    return LOCALE_DIR / lang / "LC_MESSAGES" / "django.po"


def messages(lang):
    return [e for e in read_po(po_path(lang)) if e["msgid"] != ""]


def where(e):
    return f"{e['line']}: {e['msgid']!r}"


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_message_is_translated_and_none_is_fuzzy(lang):
    entries = read_po(po_path(lang))
    header = [e for e in entries if e["msgid"] == ""]
    assert header and f"Language: {lang}\n" in header[0]["msgstr"]
    assert len(entries) > 500, "the catalogue looks truncated"
    fuzzy = [where(e) for e in entries if "fuzzy" in e["flags"]]
    assert not fuzzy, f"fuzzy entries in {lang}: {fuzzy}"
    untranslated = []
    for e in entries:
        if e["msgid"] == "":
            continue
        forms = e["msgstr"] if isinstance(e["msgstr"], list) else [e["msgstr"]]
        if e["msgid_plural"] is not None and not isinstance(e["msgstr"], list):
            forms = [""]
        if not forms or any(not (f or "").strip() for f in forms):
            untranslated.append(where(e))
    assert not untranslated, f"{len(untranslated)} untranslated messages in {lang}: {untranslated[:20]}"


@pytest.mark.parametrize("lang", LANGUAGES)
def test_translations_keep_placeholders_and_surrounding_whitespace(lang):
    wrong = []
    for e in messages(lang):
        if e["msgid_plural"] is None:
            pairs = [(e["msgid"], e["msgstr"])]
        else:
            forms = e["msgstr"]
            pairs = [(e["msgid"], forms[0])] + [(e["msgid_plural"], f) for f in forms[1:]]
        for source, translation in pairs:
            if "python-format" in e["flags"] and sorted(PLACEHOLDER.findall(source)) != sorted(
                    PLACEHOLDER.findall(translation)):
                wrong.append(f"{where(e)} -> {translation!r} (placeholders)")
            for ws in ("\n", " "):
                if source.startswith(ws) != translation.startswith(ws) or source.endswith(ws) != translation.endswith(ws):
                    wrong.append(f"{where(e)} -> {translation!r} (leading or trailing whitespace)")
    assert not wrong, wrong


@pytest.mark.parametrize("lang", LANGUAGES)
def test_compiled_catalogue_matches_the_po_file(lang):
    mo = LOCALE_DIR / lang / "LC_MESSAGES" / "django.mo"
    assert mo.exists(), f"{mo} is missing: run `armstrace compilemessages`"
    with mo.open("rb") as fh:
        catalogue = gettext.GNUTranslations(fh)
    stale = []
    for e in messages(lang):
        if e["msgid_plural"] is None:
            got = (catalogue.pgettext(e["msgctxt"], e["msgid"]) if e["msgctxt"] is not None
                   else catalogue.gettext(e["msgid"]))
            if got != e["msgstr"] or not got.strip():
                stale.append(where(e))
        else:
            ngettext = (lambda n, e=e: catalogue.npgettext(e["msgctxt"], e["msgid"], e["msgid_plural"], n)
                        if e["msgctxt"] is not None else catalogue.ngettext(e["msgid"], e["msgid_plural"], n))
            # n = 1 is the singular and n = 2 the (first) plural form in both French and Spanish.
            if ngettext(1) != e["msgstr"][0] or ngettext(2) != e["msgstr"][1]:
                stale.append(where(e))
    assert not stale, f"{lang} .mo is out of date with the .po for {len(stale)} messages: {stale[:20]}"


EXPECTED = {
    # language: (strings that must be there, English strings that must not)
    "fr": {"/": ["Tableau de bord", "Rechercher par numéro de série", "Derniers événements"],
           "/registry/items/new/": ["Enregistrer une arme à feu", "Numéro de série tel que marqué", "Pays de fabrication"]},
    "es": {"/": ["Panel de control", "Buscar por número de serie", "Últimos eventos"],
           "/registry/items/new/": ["Registrar un arma de fuego", "Número de serie tal como está marcado",
                                    "País de fabricación"]},
}
ENGLISH = {"/": ["Dashboard", "Search by serial number", "Latest events"],
           "/registry/items/new/": ["Record a firearm", "Serial number as marked", "Country of manufacture"]}


@pytest.mark.parametrize("lang", LANGUAGES)
def test_pages_are_served_in_the_language_chosen(client, user, lang):
    client.force_login(user)
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = lang
    for url, expected in EXPECTED[lang].items():
        response = client.get(url)
        assert response.status_code == 200, url
        page = response.content.decode()
        assert f'lang="{lang}"' in page or response.headers.get("Content-Language") == lang, url
        for text in expected:
            assert text in page, f"{text!r} missing from {url} in {lang}"
        for text in ENGLISH[url]:
            assert text not in page, f"English {text!r} still on {url} in {lang}"


def test_pages_stay_in_english_without_a_language_choice(client, user):
    client.force_login(user)
    for url, texts in ENGLISH.items():
        page = client.get(url).content.decode()
        for text in texts:
            assert text in page, f"{text!r} missing from {url} in English"
