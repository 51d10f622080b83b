from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "armstrace.accounts"
    label = "accounts"

    def ready(self):
        from armstrace.accounts.accesslog import audit_check
        from armstrace.core.extensions import AUDIT_CHECKS

        if audit_check not in AUDIT_CHECKS:
            AUDIT_CHECKS.append(audit_check)
