"""Enforces accounts.policy on every page, so that views carry no access checks of their own.

For each resolved URL the middleware looks its name up in policy.URL_CAPABILITIES: public pages pass; anyone else
must be logged in (else: the login page), must have passed the two-factor step when their role or their own
enrolment asks for it (else: the verification or enrolment page), and must hold the capability (else: 403). API views
(DRF) are left to accounts.permissions.PolicyPermission, which also sees token-authenticated clients. After the
response, the personal-data reads the request made are written to the access log.
"""

from django.contrib.auth.views import redirect_to_login
from django.shortcuts import redirect, render
from django.utils.http import urlencode
from rest_framework.views import APIView

from armstrace.accounts import constants, personal, policy, two_factor


def is_api_view(view_func):
    view_class = getattr(view_func, "cls", None)
    return isinstance(view_class, type) and issubclass(view_class, APIView)


def forbidden(request, requirement):
    access = policy.access_for(request.user)
    return render(request, "accounts/forbidden.html", {
        "access": access, "requirement": requirement,
        "requirement_label": constants.CAPABILITIES.get(requirement, ""),
    }, status=403)


class AccessPolicyMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        personal.flush_reads(request)
        return response

    def process_view(self, request, view_func, view_args, view_kwargs):
        if is_api_view(view_func):
            return None  # PolicyPermission decides, after DRF has authenticated the client
        requirement = policy.url_requirement(request.resolver_match.view_name)
        if requirement == policy.PUBLIC:
            return None
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        if requirement == policy.LOGGED_IN:
            return None
        step = two_factor.pending_step(request.user)
        if step:
            return redirect(f"{step}?{urlencode({'next': request.get_full_path()})}")
        if not policy.access_for(request.user).allows(requirement):
            return forbidden(request, requirement)
        return None
