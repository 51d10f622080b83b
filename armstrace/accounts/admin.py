"""User administration (administrators only, see policy.URL_CAPABILITIES "admin:*"): users with their role and
agency, agencies, enrolled authenticators (django-otp), and the access log, read-only."""

from django.contrib import admin
from django.contrib.auth import get_user_model
from django.contrib.auth.admin import UserAdmin

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
