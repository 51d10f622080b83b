"""User administration (administrators only, see policy.URL_CAPABILITIES "admin:*"): users with their role and
agency, agencies, enrolled authenticators (django-otp), API tokens (the key shown once, when created), and the
access log, read-only."""

from django.contrib import admin, messages
from django.contrib.auth import get_user_model
from django.contrib.auth.admin import UserAdmin
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from rest_framework.authtoken.admin import TokenAdmin
from rest_framework.authtoken.models import TokenProxy

from armstrace.accounts.models import AccessLogEntry, Agency, UserProfile


class UserProfileInline(admin.StackedInline):
    model = UserProfile
    can_delete = False


User = get_user_model()
if admin.site.is_registered(User):
    admin.site.unregister(User)


@admin.register(User)
class ArmsTraceUserAdmin(UserAdmin):
    inlines = [UserProfileInline]
    list_display = ["username", "email", "role", "is_active", "last_login"]

    @admin.display(description="role")
    def role(self, user):
        profile = UserProfile.objects.filter(user=user).first()
        return profile.get_role_display() if profile else ("administrator" if user.is_superuser else "—")


@admin.register(Agency)
class AgencyAdmin(admin.ModelAdmin):
    list_display = ["code", "name", "kind"]


@admin.register(AccessLogEntry)
class AccessLogEntryAdmin(admin.ModelAdmin):
    list_display = ["at", "username", "subject_type", "subject_name", "path", "ip"]
    list_filter = ["subject_type"]
    search_fields = ["username", "subject_name"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


def key_hint(key):
    """What the admin site shows of a token's key once it is created: its first 4 characters."""
    return f"{key[:4]}…" if key else ""


# DRF's TokenProxy exists only for this admin page; its str() is the whole key, which the admin would show in
# headings, breadcrumbs, messages, its history and the recent actions of every administrator.
TokenProxy.__str__ = lambda token: key_hint(token.key)
if admin.site.is_registered(TokenProxy):
    admin.site.unregister(TokenProxy)


@admin.register(TokenProxy)
class HiddenKeyTokenAdmin(TokenAdmin):
    list_display = ("hint", "user", "created")

    @admin.display(description=gettext_lazy("key"))
    def hint(self, token):
        return key_hint(token.key)

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        if not change:
            messages.warning(request, _("API token of %(user)s: %(key)s — copy it now, it will not be shown again.")
                             % {"user": obj.user, "key": obj.key})
