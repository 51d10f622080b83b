"""The default rules' explanations (default_rules.yaml), translated where they are shown. A profile's own rules
keep their explanations as written; the reasons stored with each consignment stay in English, as scored."""

from django.utils.translation import gettext, gettext_noop as _

DEFAULT_EXPLANATIONS = frozenset([
    _("Declared under an arms or ammunition heading (HS 9301-9306)"),
    _("The description names a firearm part or a known cover for one"),
    _("The description is a known cover name for a firearm or suppressor (replica, toy gun, solvent trap)"),
    _("Declared under a heading used to hide gun parts (bicycle, auto parts, toys, tools, steel articles)"),
    _("The description is a generic term that ICS2 refuses"),
    _("Goods declared without an HS code"),
    _("The weight measured at acceptance does not match the declaration"),
    _("Too heavy for the declared goods"),
    _("The declared value is implausible for the goods and their weight"),
    _("The sender (name, address or phone) is on a watch list"),
    _("The addressee (name, address or phone) is on a watch list"),
    _("One addressee receives several parcels from different senders within days"),
    _("A new addressee receives several parcels from different senders within its first days"),
    _("One private sender (gifts, documents, samples, other) ships to many addressees within days"),
    _("A first-time addressee of a parcel on a high-risk route"),
    _("Goods often used to hide gun parts (cover heading, generic description or no HS code) on a high-risk route"),
    _("A private person (no business name) sends trade goods of a kind used to hide gun parts (by heading, or by "
      "description when no HS code is given)"),
    _("Origin or transit country marked high risk for this mail class"),
])


def shown(explanation):
    """The explanation in the user's language when it is one of the default rules', else as written."""
    return gettext(explanation) if explanation in DEFAULT_EXPLANATIONS else explanation
