"""Who may open what: the URL and API tables, and whether a user may open a page now.

This module is the only place that decides access:
- `accounts.middleware.AccessPolicyMiddleware` looks every resolved page up in URL_CAPABILITIES;
- `accounts.permissions.PolicyPermission` (DRF's default permission) looks every API view up in API_CAPABILITIES;
- a page or API view found in neither is refused to everyone but administrators (fail closed).
Capabilities, roles, the default role matrix and the personal fields are `accounts.constants`; a user's access
(with the country profile's optional `access:` section, which replaces a role's capabilities and the personal
fields an agency kind never sees) is `accounts.access`.
"""

from armstrace.accounts import two_factor
from armstrace.accounts.access import access_for
from armstrace.accounts.constants import (
    ADMIN, ANY_ROLE, AUDIT_VIEW, CUSTODY_EDIT, CUSTODY_VIEW, EXCHANGE_POST, EXCHANGE_VIEW, FEDERATION_MANAGE,
    LOGGED_IN, MONITORING_VIEW, OSINT_REVIEW, OSINT_VIEW, PUBLIC, REGISTRY_EDIT, REGISTRY_VIEW, SCREENING_EDIT, SCREENING_RULES, SCREENING_VIEW,
    SHIPMENTS_EDIT, TRACING_EDIT, TRACING_VIEW, TRANSFERS_EDIT, TRANSFERS_VIEW,
)


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
    "accounts:recovery-codes": ANY_ROLE,
    "accounts:access-log": AUDIT_VIEW,
    "admin:*": ADMIN,  # the whole Django admin site
    # registry
    "registry:search": REGISTRY_VIEW,
    "registry:item-list": REGISTRY_VIEW,
    "registry:item-detail": REGISTRY_VIEW,
    "registry:party-list": REGISTRY_VIEW,
    "registry:party-detail": REGISTRY_VIEW,
    "registry:party-picker": REGISTRY_VIEW,
    "registry:item-register": REGISTRY_EDIT,
    "registry:item-transfer": REGISTRY_EDIT,
    "registry:item-missing": REGISTRY_EDIT,
    "registry:item-marking": REGISTRY_EDIT,
    "registry:party-create": REGISTRY_EDIT,
    "registry:licence-create": REGISTRY_EDIT,
    "registry:party-edit": REGISTRY_EDIT,
    "registry:licence-edit": REGISTRY_EDIT,
    "registry:item-custody": CUSTODY_EDIT,
    "registry:item-recover": CUSTODY_EDIT,
    "registry:item-correct": REGISTRY_EDIT,
    "registry:item-convert": CUSTODY_EDIT,
    "registry:item-reactivate": CUSTODY_EDIT,
    "registry:event-log": AUDIT_VIEW,
    "registry:verifications": AUDIT_VIEW,
    "registry:verify-start": AUDIT_VIEW,
    "registry:verification-status": AUDIT_VIEW,
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
    "tracing:trace-report-pdf": TRACING_VIEW,
    "tracing:request-pdf": TRACING_VIEW,
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
    # screening
    "screening:queue": SCREENING_VIEW,
    "screening:consignment": SCREENING_VIEW,
    "screening:inspect": SCREENING_EDIT,
    "screening:feedback": SCREENING_VIEW,
    "screening:rule": SCREENING_VIEW,
    "screening:rules-edit": SCREENING_RULES,
    "screening:weights-approve": SCREENING_RULES,
    "screening:xray": SCREENING_VIEW,
    "screening:xray-file": SCREENING_VIEW,
    "screening:xray-coco": SCREENING_VIEW,
    "screening:xray-upload": SCREENING_EDIT,
    # federation: partners POST signed messages to the inbox, which checks the signature itself
    "federation:inbox": PUBLIC,
    "federation:overview": FEDERATION_MANAGE,
    "federation:verify": FEDERATION_MANAGE,
    "federation:send-request": TRACING_EDIT,
    "federation:check-item": TRACING_EDIT,
    # exchange (a thread is shown to its members only: exchange/access.py)
    "exchange:inbox": EXCHANGE_VIEW,
    "exchange:preferences": EXCHANGE_VIEW,
    "exchange:search": EXCHANGE_VIEW,
    "exchange:thread": EXCHANGE_VIEW,
    "exchange:attachment": EXCHANGE_VIEW,
    "exchange:thread-create": EXCHANGE_POST,
    "exchange:thread-reply": EXCHANGE_POST,
    "exchange:thread-members": EXCHANGE_POST,
    "exchange:message-edit": EXCHANGE_POST,
    "exchange:digest": EXCHANGE_VIEW,
    "exchange:digest-case": EXCHANGE_VIEW,
    "exchange:digest-print": EXCHANGE_VIEW,
    "exchange:digest-create": EXCHANGE_POST,
    # alerts (each user sees only the alerts addressed to them or their agency's staff: alerts/services.py)
    "alerts:inbox": ANY_ROLE,
    "alerts:detail": ANY_ROLE,
    "alerts:acknowledge": ANY_ROLE,
    "alerts:resolve": ANY_ROLE,
    # osint (open-source seizures)
    "osint:queue": OSINT_VIEW,
    "osint:documents": OSINT_VIEW,
    "osint:record": OSINT_VIEW,
    "osint:incidents": OSINT_VIEW,
    "osint:incident": OSINT_VIEW,
    "osint:export": OSINT_VIEW,
    "osint:accuracy": OSINT_VIEW,
    "osint:labels": OSINT_REVIEW,
    "osint:upload": OSINT_REVIEW,
    "osint:review-field": OSINT_REVIEW,
    "osint:review-record": OSINT_REVIEW,
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
    # screening
    "screening-consignment": (SCREENING_VIEW, SCREENING_EDIT),
    "screening-xray-label": (SCREENING_VIEW, SCREENING_EDIT),
    "screening-xray-image": (SCREENING_VIEW, SCREENING_EDIT),
    # accounts
    "access-log": (AUDIT_VIEW, ADMIN),
    # exchange (only a thread's members see it: exchange/access.py)
    "exchange-thread": (EXCHANGE_VIEW, EXCHANGE_POST),
    "exchange-digest-case": (EXCHANGE_VIEW, EXCHANGE_POST),
    # alerts (only those addressed to the user or their agency's staff: alerts/services.py)
    "alert": (ANY_ROLE, ANY_ROLE),
    # osint
    "osint-document": (OSINT_VIEW, OSINT_REVIEW),
    "osint-record": (OSINT_VIEW, OSINT_REVIEW),
    "osint-incident": (OSINT_VIEW, ADMIN),
}
# Actions whose writes need another capability than their viewset's.
API_ACTION_CAPABILITIES = {
    ("item", "seize"): CUSTODY_EDIT,
    ("item", "converted"): CUSTODY_EDIT,
    ("item", "reactivated"): CUSTODY_EDIT,
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


def may_open(user, view_name):
    """Whether `user` may open the page named `view_name` now (for navigation links)."""
    requirement = url_requirement(view_name)
    if requirement in (PUBLIC, LOGGED_IN):
        return True
    return not two_factor.pending_step(user) and access_for(user).allows(requirement)
