"""The accounts vocabulary: roles, capabilities, access levels, the default role matrix and the personal fields.
A leaf: it imports nothing of the project, so models, policy and the profile loader import it at module top."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Role(models.TextChoices):
    REGISTRAR = "registrar", _("Registrar")
    INVESTIGATOR = "investigator", _("Investigator")
    CUSTOMS = "customs", _("Customs officer")
    ANALYST = "analyst", _("Analyst")
    AUDITOR = "auditor", _("Auditor")
    ADMINISTRATOR = "administrator", _("Administrator")


# ---------------------------------------------------------------- capabilities

REGISTRY_VIEW = "registry.view"
REGISTRY_EDIT = "registry.edit"
PERSONAL_DATA_VIEW = "personal_data.view"
CUSTODY_VIEW = "custody.view"
CUSTODY_EDIT = "custody.edit"
TRANSFERS_VIEW = "transfers.view"
TRANSFERS_EDIT = "transfers.edit"
SHIPMENTS_EDIT = "shipments.edit"
TRACING_VIEW = "tracing.view"
TRACING_EDIT = "tracing.edit"
MONITORING_VIEW = "monitoring.view"
AUDIT_VIEW = "audit.view"
SCREENING_VIEW = "screening.view"
SCREENING_EDIT = "screening.edit"
SCREENING_RULES = "screening.rules"
FEDERATION_MANAGE = "federation.manage"
EXCHANGE_VIEW = "exchange.view"
EXCHANGE_POST = "exchange.post"
OSINT_VIEW = "osint.view"
OSINT_REVIEW = "osint.review"
ADMIN = "admin"

CAPABILITIES = {
    REGISTRY_VIEW: _("read items, markings, holders, licences and the event log"),
    REGISTRY_EDIT: _("record items, holders, licences, transfers of ownership, losses and thefts"),
    PERSONAL_DATA_VIEW: _("see persons' identity number, date of birth and address, and persons in custody cases"),
    CUSTODY_VIEW: _("read seizure cases, depots, stocktakes and the chain of custody"),
    CUSTODY_EDIT: _("record seizures, custody movements, stocktakes and disposals"),
    TRANSFERS_VIEW: _("read transfer authorizations, shipments and brokers"),
    TRANSFERS_EDIT: _("issue transfer authorizations and register brokers"),
    SHIPMENTS_EDIT: _("record shipments against authorizations and confirm receipts"),
    TRACING_VIEW: _("marking search, trace reports, tracing requests"),
    TRACING_EDIT: _("create, send and answer tracing requests"),
    MONITORING_VIEW: _("IAFQ and SDG 16.4.2 statistics, charts, hotspots, portal data"),
    AUDIT_VIEW: _("read the personal-data access log"),
    SCREENING_VIEW: _("read the parcel screening queue, consignments, scores and reasons"),
    SCREENING_EDIT: _("submit and import consignments for screening and record inspection outcomes"),
    SCREENING_RULES: _("edit the screening risk profiles and watch lists"),
    FEDERATION_MANAGE: _("manage federation partners and keys, see the outbox, inbox, refusals and evidence log"),
    EXCHANGE_VIEW: _("read the case threads one is a member of, the inbox and the case digest"),
    EXCHANGE_POST: _("open case threads, post messages and attachments, record digest cases"),
    OSINT_VIEW: _("read open-source documents, proposed seizure records and incidents"),
    OSINT_REVIEW: _("ingest open-source documents and review their proposed seizure records"),
    ADMIN: _("user administration and everything else"),
}

# Access levels that are not capabilities.
PUBLIC = "public"  # anyone, logged in or not
LOGGED_IN = "logged_in"  # any logged-in user, even before the two-factor step (the login steps themselves)
ANY_ROLE = "any_role"  # any logged-in user who has a role and passed the two-factor step

_VIEW_ALL = {REGISTRY_VIEW, PERSONAL_DATA_VIEW, CUSTODY_VIEW, TRANSFERS_VIEW, TRACING_VIEW, MONITORING_VIEW,
             SCREENING_VIEW, OSINT_VIEW}

ROLE_CAPABILITIES = {
    Role.REGISTRAR: frozenset({REGISTRY_VIEW, REGISTRY_EDIT, PERSONAL_DATA_VIEW, TRANSFERS_VIEW, TRANSFERS_EDIT,
                               SHIPMENTS_EDIT, EXCHANGE_VIEW, EXCHANGE_POST}),
    Role.INVESTIGATOR: frozenset({REGISTRY_VIEW, PERSONAL_DATA_VIEW, CUSTODY_VIEW, CUSTODY_EDIT, TRACING_VIEW,
                                  TRACING_EDIT, TRANSFERS_VIEW, SCREENING_VIEW, EXCHANGE_VIEW, EXCHANGE_POST,
                                  OSINT_VIEW, OSINT_REVIEW}),
    # Customs: the registry without holders' personal data, shipments at the border, seizures at the border.
    # and the parcel screening queue, which customs officers work.
    Role.CUSTOMS: frozenset({REGISTRY_VIEW, TRANSFERS_VIEW, SHIPMENTS_EDIT, CUSTODY_VIEW, CUSTODY_EDIT, SCREENING_VIEW,
                             SCREENING_EDIT, EXCHANGE_VIEW, EXCHANGE_POST}),
    Role.ANALYST: frozenset({MONITORING_VIEW, EXCHANGE_VIEW, OSINT_VIEW, OSINT_REVIEW}),
    Role.AUDITOR: frozenset(_VIEW_ALL | {AUDIT_VIEW, EXCHANGE_VIEW}),
    Role.ADMINISTRATOR: frozenset(CAPABILITIES),
}

TWO_FACTOR_ROLES = frozenset({Role.ADMINISTRATOR, Role.AUDITOR})

# ---------------------------------------------------------------- personal data

PERSON_SUBJECTS = {"party": _("holder"), "case_person": _("person in a custody case"),
                   "exchange_thread": _("case thread holding personal data"),
                   "partner_query": _("lost/stolen check by a partner State")}
# Personal fields of a natural person (registry Party of kind "person") and of a person in a custody case.
PERSONAL_FIELDS = {
    "party": ("identifier", "date_of_birth", "address"),
    "case_person": ("name", "party", "nationality", "age"),
}
ALL_PERSONAL_FIELDS = tuple(sorted({f for fields in PERSONAL_FIELDS.values() for f in fields}))
# Fields an agency kind never sees, whatever the role of its officer.
AGENCY_HIDDEN_FIELDS = {"customs": frozenset({"identifier", "date_of_birth", "address"})}
