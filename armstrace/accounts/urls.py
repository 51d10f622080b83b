from django.urls import path

from armstrace.accounts import views

app_name = "accounts"

urlpatterns = [
    path("", views.account, name="account"),
    path("two-factor/", views.two_factor_verify, name="two-factor"),
    path("two-factor/setup/", views.two_factor_setup, name="two-factor-setup"),
    path("two-factor/recovery-codes/", views.recovery_codes, name="recovery-codes"),
    path("access-log/", views.access_log, name="access-log"),
]
