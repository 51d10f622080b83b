"""Who may open what: capabilities, the role matrix, the URL and API tables, and the personal fields.

This module is the only place that decides access:
- `accounts.middleware.AccessPolicyMiddleware` looks every resolved page up in URL_CAPABILITIES;
- `accounts.permissions.PolicyPermission` (DRF's default permission) looks every API view up in API_CAPABILITIES;
- a page or API view found in neither is refused to everyone but administrators (fail closed).
The country profile's optional `access:` section replaces a role's capabilities (`roles`) and the personal fields an
agency kind never sees (`hidden_fields`).
"""

from dataclasses import dataclass

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
    ADMIN: _("user administration and everything else"),
}

# Access levels that are not capabilities.
PUBLIC = "public"  # anyone, logged in or not
LOGGED_IN = "logged_in"  # any logged-in user, even before the two-factor step (the login steps themselves)
ANY_ROLE = "any_role"  # any logged-in user who has a role and passed the two-factor step

_VIEW_ALL = {REGISTRY_VIEW, PERSONAL_DATA_VIEW, CUSTODY_VIEW, TRANSFERS_VIEW, TRACING_VIEW, MONITORING_VIEW}

ROLE_CAPABILITIES = {
    Role.REGISTRAR: frozenset({REGISTRY_VIEW, REGISTRY_EDIT, PERSONAL_DATA_VIEW, TRANSFERS_VIEW, TRANSFERS_EDIT,
                               SHIPMENTS_EDIT}),
    Role.INVESTIGATOR: frozenset({REGISTRY_VIEW, PERSONAL_DATA_VIEW, CUSTODY_VIEW, CUSTODY_EDIT, TRACING_VIEW,
                                  TRACING_EDIT, TRANSFERS_VIEW}),
    # Customs: the registry without holders' personal data, shipments at the border, seizures at the border.
    Role.CUSTOMS: frozenset({REGISTRY_VIEW, TRANSFERS_VIEW, SHIPMENTS_EDIT, CUSTODY_VIEW, CUSTODY_EDIT}),
    Role.ANALYST: frozenset({MONITORING_VIEW}),
    Role.AUDITOR: frozenset(_VIEW_ALL | {AUDIT_VIEW}),
    Role.ADMINISTRATOR: frozenset(CAPABILITIES),
}

TWO_FACTOR_ROLES = frozenset({Role.ADMINISTRATOR, Role.AUDITOR})

# ---------------------------------------------------------------- personal data

PERSON_SUBJECTS = {"party": _("holder"), "case_person": _("person in a custody case")}
# Personal fields of a natural person (registry Party of kind "person") and of a person in a custody case.
PERSONAL_FIELDS = {
    "party": ("identifier", "date_of_birth", "address"),
    "case_person": ("name", "party", "nationality", "age"),
}
ALL_PERSONAL_FIELDS = tuple(sorted({f for fields in PERSONAL_FIELDS.values() for f in fields}))
# Fields an agency kind never sees, whatever the role of its officer.
AGENCY_HIDDEN_FIELDS = {"customs": frozenset({"identifier", "date_of_birth", "address"})}

# ---------------------------------------------------------------- pages: resolved URL name -> requirement

URL_CAPABILITIES = {
    "login": PUBLIC,
    "set_language": PUBLIC,
    "javascript-catalog": PUBLIC,
    "logout": LOGGED_IN,
    "accounts:two-factor": LOGGED_IN,
    "accounts:two-factor-setup": LOGGED_IN,
    "dashboard": ANY_ROLE,
    "accounts:account": ANY_ROLE,
    "accounts:access-log": AUDIT_VIEW,
    "admin:*": ADMIN,  # the whole Django admin site
    # registry
    "registry:search": REGISTRY_VIEW,
    "registry:item-list": REGISTRY_VIEW,
    "registry:item-detail": REGISTRY_VIEW,
    "registry:party-list": REGISTRY_VIEW,
    "registry:party-detail": REGISTRY_VIEW,
    "registry:item-register": REGISTRY_EDIT,
    "registry:item-transfer": REGISTRY_EDIT,
    "registry:item-missing": REGISTRY_EDIT,
    "registry:item-marking": REGISTRY_EDIT,
    "registry:party-create": REGISTRY_EDIT,
    "registry:licence-create": REGISTRY_EDIT,
    "registry:party-edit": REGISTRY_EDIT,
    "registry:licence-edit": REGISTRY_EDIT,
    "registry:item-custody": CUSTODY_EDIT,
    # custody
    "custody:case-list": CUSTODY_VIEW,
    "custody:case": CUSTODY_VIEW,
    "custody:depot-list": CUSTODY_VIEW,
    "custody:depot": CUSTODY_VIEW,
    "custody:stocktake": CUSTODY_VIEW,
    "custody:case-create": CUSTODY_EDIT,
    "custody:item-move": CUSTODY_EDIT,
    "custody:item-dispose": CUSTODY_EDIT,
    "custody:depot-create": CUSTODY_EDIT,
    "custody:stocktake-create": CUSTODY_EDIT,
    "custody:facility-create": CUSTODY_EDIT,
    # transfers
    "transfers:authorization-list": TRANSFERS_VIEW,
    "transfers:authorization": TRANSFERS_VIEW,
    "transfers:broker-list": TRANSFERS_VIEW,
    "transfers:authorization-create": TRANSFERS_EDIT,
    "transfers:broker-create": TRANSFERS_EDIT,
    "transfers:shipment-create": SHIPMENTS_EDIT,
    "transfers:shipment-receipt": SHIPMENTS_EDIT,
    # tracing
    "tracing:search": TRACING_VIEW,
    "tracing:trace-report": TRACING_VIEW,
    "tracing:trace-report-json": TRACING_VIEW,
    "tracing:request-list": TRACING_VIEW,
    "tracing:request-detail": TRACING_VIEW,
    "tracing:request-print": TRACING_VIEW,
    "tracing:request-export": TRACING_VIEW,
    "tracing:answer-export": TRACING_VIEW,
    "tracing:request-for-item": TRACING_EDIT,
    "tracing:request-create": TRACING_EDIT,
    "tracing:request-edit": TRACING_EDIT,
    "tracing:request-action": TRACING_EDIT,
    "tracing:import-answer": TRACING_EDIT,
    # monitoring
    "monitoring:dashboard": MONITORING_VIEW,
    "monitoring:iafq-download": MONITORING_VIEW,
    "monitoring:sdg-download": MONITORING_VIEW,
    "monitoring:hotspots": MONITORING_VIEW,
    "monitoring:flows": MONITORING_VIEW,
    "monitoring:portal-dataset": MONITORING_VIEW,
    "monitoring:portal-country": MONITORING_VIEW,
}

# ---------------------------------------------------------------- API: viewset basename -> (read, write)

API_CAPABILITIES = {
    # API views that are not viewsets, by URL name
    "api-root": (ANY_ROLE, ADMIN),
    "api-schema": (PUBLIC, ADMIN),  # the OpenAPI description holds no data
    "api-docs": (PUBLIC, ADMIN),
    # registry
    "item": (REGISTRY_VIEW, REGISTRY_EDIT),
    "marking": (REGISTRY_VIEW, REGISTRY_EDIT),
    "event": (REGISTRY_VIEW, ADMIN),
    "party": (REGISTRY_VIEW, REGISTRY_EDIT),
    "licence": (REGISTRY_VIEW, REGISTRY_EDIT),
    "make": (ANY_ROLE, ADMIN),
    "calibre": (ANY_ROLE, ADMIN),
    "firearmmodel": (ANY_ROLE, ADMIN),
    # custody
    "custody-case": (CUSTODY_VIEW, CUSTODY_EDIT),
    "custody-depot": (CUSTODY_VIEW, CUSTODY_EDIT),
    "custody-depot-location": (CUSTODY_VIEW, CUSTODY_EDIT),
    "custody-facility": (CUSTODY_VIEW, CUSTODY_EDIT),
    "custody-movement": (CUSTODY_VIEW, CUSTODY_EDIT),
    "custody-stocktake": (CUSTODY_VIEW, CUSTODY_EDIT),
    "custody-disposal": (CUSTODY_VIEW, CUSTODY_EDIT),
    # transfers
    "transfers-authorization": (TRANSFERS_VIEW, TRANSFERS_EDIT),
    "transfers-shipment": (TRANSFERS_VIEW, SHIPMENTS_EDIT),
    "transfers-broker": (TRANSFERS_VIEW, TRANSFERS_EDIT),
    # tracing
    "tracing-search": (TRACING_VIEW, ADMIN),
    "tracing-report": (TRACING_VIEW, ADMIN),
    "tracing-request": (TRACING_VIEW, TRACING_EDIT),
    # monitoring (read only)
    "monitoring-iafq": (MONITORING_VIEW, ADMIN),
    "monitoring-sdg": (MONITORING_VIEW, ADMIN),
    "monitoring-hotspot": (MONITORING_VIEW, ADMIN),
    "monitoring-dataset": (MONITORING_VIEW, ADMIN),
    # accounts
    "access-log": (AUDIT_VIEW, ADMIN),
}
# Actions whose writes need another capability than their viewset's.
API_ACTION_CAPABILITIES = {
    ("item", "seize"): CUSTODY_EDIT,
    ("transfers-authorization", "ship"): SHIPMENTS_EDIT,
}


def url_requirement(view_name):
    """The access level or capability a page needs; ADMIN for a page the table does not know (fail closed)."""
    if view_name in URL_CAPABILITIES:
        return URL_CAPABILITIES[view_name]
    namespace = view_name.split(":", 1)[0] if ":" in view_name else None
    return URL_CAPABILITIES.get(f"{namespace}:*", ADMIN) if namespace else ADMIN


def api_requirement(key, action, safe):
    """The requirement of an API request: `key` is the viewset basename (or URL name), `safe` a GET/HEAD/OPTIONS."""
    if not safe and (key, action) in API_ACTION_CAPABILITIES:
        return API_ACTION_CAPABILITIES[(key, action)]
    read, write = API_CAPABILITIES.get(key, (ADMIN, ADMIN))
    return read if safe else write


# ---------------------------------------------------------------- a user's access


@dataclass(frozen=True)
class Access:
    role: str | None
    capabilities: frozenset
    agency_kind: str | None = None
    hidden_fields: frozenset = frozenset()

    @property
    def role_label(self):
        return Role(self.role).label if self.role else _("no role")

    @property
    def requires_two_factor(self):
        return self.role in TWO_FACTOR_ROLES

    def can(self, capability):
        return capability in self.capabilities

    def allows(self, requirement):
        """Whether a logged-in, verified user with this access meets `requirement` (a capability or access level)."""
        if requirement in (PUBLIC, LOGGED_IN):
            return True
        if self.role is None:
            return False
        if requirement == ANY_ROLE or self.role == Role.ADMINISTRATOR:
            return True
        return requirement in self.capabilities

    def visible_fields(self, subject):
        """The personal fields of `subject` ("party" or "case_person") this user may see."""
        if not self.can(PERSONAL_DATA_VIEW):
            return frozenset()
        return frozenset(PERSONAL_FIELDS[subject]) - self.hidden_fields


NO_ACCESS = Access(role=None, capabilities=frozenset())


def role_capabilities():
    """The role matrix in force: the defaults above, with the roles the country profile redefines."""
    from armstrace.profile import get_profile

    matrix = dict(ROLE_CAPABILITIES)
    for role, capabilities in (get_profile().access.get("roles") or {}).items():
        matrix[Role(role)] = frozenset(capabilities)
    matrix[Role.ADMINISTRATOR] = frozenset(CAPABILITIES)  # administrators keep everything
    return matrix


def agency_hidden_fields():
    from armstrace.profile import get_profile

    hidden = dict(AGENCY_HIDDEN_FIELDS)
    for kind, fields in (get_profile().access.get("hidden_fields") or {}).items():
        hidden[kind] = frozenset(fields)
    return hidden


def access_for(user):
    """The access of `user`, computed once and kept on the user object (so once per request)."""
    if user is None or not user.is_authenticated or not user.is_active:
        return NO_ACCESS
    cached = getattr(user, "_armstrace_access", None)
    if cached is not None:
        return cached
    from armstrace.accounts.models import UserProfile

    profile = UserProfile.objects.select_related("agency").filter(user_id=user.pk).first()
    if profile is not None:
        role, agency_kind = profile.role, profile.agency.kind if profile.agency else None
    else:
        role, agency_kind = (Role.ADMINISTRATOR if user.is_superuser else None), None
    access = NO_ACCESS if role is None else Access(
        role=role, capabilities=role_capabilities()[Role(role)], agency_kind=agency_kind,
        hidden_fields=agency_hidden_fields().get(agency_kind, frozenset()) if agency_kind else frozenset(),
    )
    user._armstrace_access = access
    return access


def may_open(user, view_name):
    """Whether `user` may open the page named `view_name` now (for navigation links)."""
    from armstrace.accounts import two_factor

    requirement = url_requirement(view_name)
    if requirement in (PUBLIC, LOGGED_IN):
        return True
    return not two_factor.pending_step(user) and access_for(user).allows(requirement)
