"""Country names in the active language, from pycountry's own translations of ISO 3166-1."""

import gettext
from functools import lru_cache

import pycountry
from django.utils.translation import get_language


@lru_cache(maxsize=8)
def _catalogue(lang):
    try:
        return gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=[lang])
    except OSError:
        return gettext.NullTranslations()


def _language():
    return (get_language() or "en").split("-")[0]


def country_name(code, lang=None):
    """The name of the country with alpha-3 `code` in `lang` (the active language by default); an unknown code
    is returned as it is."""
    if not code:
        return ""
    country = pycountry.countries.get(alpha_3=str(code).upper())
    if country is None:
        return str(code)
    return _catalogue(lang or _language()).gettext(country.name)


def country_choices():
    """("", "—") and every country as (alpha-3, name in the active language), sorted by name."""
    catalogue = _catalogue(_language())
    names = ((c.alpha_3, catalogue.gettext(c.name)) for c in pycountry.countries)
    return [("", "—")] + sorted(names, key=lambda c: c[1])
