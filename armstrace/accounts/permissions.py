"""DRF's default permission: the API side of accounts.policy (set in settings.REST_FRAMEWORK)."""

from rest_framework.authentication import SessionAuthentication
from rest_framework.exceptions import PermissionDenied
from rest_framework.permissions import SAFE_METHODS, BasePermission

from armstrace.accounts import policy, two_factor


class PolicyPermission(BasePermission):
    """Maps a viewset's basename (an API view's URL name otherwise) and the request's safe/unsafe method to the
    capability policy.API_CAPABILITIES asks for; unknown ones need an administrator.

    Session-authenticated requests must have passed the two-factor step. Token-authenticated clients are not asked
    for a code: a token is a long random secret that an administrator issues to one integration and can revoke, and
    a TOTP code cannot be typed by a machine. The token's user still needs the capability.
    """

    message = "Your role does not allow this."

    def has_permission(self, request, view):
        key = getattr(view, "basename", None) or request.resolver_match.view_name
        requirement = policy.api_requirement(key, getattr(view, "action", None), request.method in SAFE_METHODS)
        if requirement == policy.PUBLIC:
            return True
        user = request.user
        if not user or not user.is_authenticated:
            return False
        if isinstance(request.successful_authenticator, SessionAuthentication) and two_factor.pending_step(user):
            raise PermissionDenied("Two-factor verification required: log in on the web page and give your code.")
        return policy.access_for(user).allows(requirement)
