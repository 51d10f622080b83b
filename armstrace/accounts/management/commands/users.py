"""`armstrace users create NAME --role ROLE [--agency CODE] [--password P]` and `armstrace users list`."""

import secrets

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from armstrace.accounts.models import Agency, Role, UserProfile
from armstrace.accounts.constants import TWO_FACTOR_ROLES


def create_user(username, role, *, agency=None, password=None, email=""):
    """A user with a role (and agency); administrators are Django superusers too (the admin site)."""
    User = get_user_model()
    if User.objects.filter(username=username).exists():
        raise CommandError(f"user {username!r} exists already")
    admin = role == Role.ADMINISTRATOR
    with transaction.atomic():
        user = User.objects.create_user(username, email=email, password=password, is_staff=admin, is_superuser=admin)
        UserProfile.objects.create(user=user, role=role, agency=agency)
    return user


class Command(BaseCommand):
    help = "Create and list users with their role and agency."

    def add_arguments(self, parser):
        sub = parser.add_subparsers(dest="action", required=True)
        create = sub.add_parser("create", help="create a user with a role")
        create.add_argument("username")
        create.add_argument("--role", required=True, choices=Role.values)
        create.add_argument("--agency", help="agency code from the country profile (e.g. CUS)")
        create.add_argument("--password", help="random and printed if not given")
        create.add_argument("--email", default="")
        sub.add_parser("list", help="list users with their role, agency and two-factor state")

    def handle(self, *args, action, **options):
        if action == "create":
            self.create(**options)
        else:
            self.list()

    def create(self, username, role, agency, password, email, **options):
        agency_obj = None
        if agency:
            agency_obj = Agency.objects.filter(code=agency).first()
            if agency_obj is None:
                codes = ", ".join(Agency.objects.values_list("code", flat=True)) or "none: run `armstrace init`"
                raise CommandError(f"unknown agency {agency!r}; known: {codes}")
        shown = password is None
        password = password or secrets.token_urlsafe(12)
        create_user(username, role, agency=agency_obj, password=password, email=email)
        self.stdout.write(f"User created: {username} ({Role(role).label}{f', {agency_obj}' if agency_obj else ''})"
                          + (f" / {password}" if shown else ""))
        if role in TWO_FACTOR_ROLES:
            self.stdout.write("Two-factor login is required for this role: an authenticator app is enrolled at the first login.")

    def list(self):
        from django_otp import devices_for_user

        for user in get_user_model().objects.order_by("username"):
            profile = UserProfile.objects.select_related("agency").filter(user=user).first()
            role = profile.get_role_display() if profile else ("Administrator" if user.is_superuser else "no role")
            agency = profile.agency.code if profile and profile.agency else "-"
            totp = "2FA" if any(True for _ in devices_for_user(user, confirmed=True)) else "-"
            self.stdout.write(f"{user.username:24} {role:18} {agency:8} {totp}{'' if user.is_active else ' (inactive)'}")
