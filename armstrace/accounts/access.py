"""The access of a user: their role's capabilities (the default matrix, with the country profile's changes) and
the personal fields their agency kind never sees."""

from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _

from armstrace.accounts.constants import (
    AGENCY_HIDDEN_FIELDS, ANY_ROLE, CAPABILITIES, LOGGED_IN, PERSONAL_DATA_VIEW, PERSONAL_FIELDS, PUBLIC,
    ROLE_CAPABILITIES, TWO_FACTOR_ROLES, Role,
)
from armstrace.accounts.models import UserProfile
from armstrace.profile import get_profile


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
    matrix = dict(ROLE_CAPABILITIES)
    for role, capabilities in (get_profile().access.get("roles") or {}).items():
        matrix[Role(role)] = frozenset(capabilities)
    matrix[Role.ADMINISTRATOR] = frozenset(CAPABILITIES)  # administrators keep everything
    return matrix


def agency_hidden_fields():
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
