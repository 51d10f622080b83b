"""Django settings for ArmsTrace.

Everything a deployment changes comes from environment variables:
ARMSTRACE_DATABASE_URL, ARMSTRACE_PROFILE, ARMSTRACE_SECRET_KEY, ARMSTRACE_DEBUG,
ARMSTRACE_ALLOWED_HOSTS, ARMSTRACE_DATA_DIR, ARMSTRACE_SECURE_COOKIES, ARMSTRACE_SIGNING_KEY,
ARMSTRACE_CHECKPOINT_EVENTS, ARMSTRACE_CHECKPOINT_SECONDS, ARMSTRACE_ATTACHMENTS_DIR, ARMSTRACE_EVIDENCE_DIR,
ARMSTRACE_EMAIL_BACKEND,
ARMSTRACE_EMAIL_FROM, ARMSTRACE_FEDERATION_* (below).
"""

import os
from pathlib import Path

import dj_database_url
from django.utils.translation import gettext_lazy as _

PACKAGE_DIR = Path(__file__).resolve().parent
DATA_DIR = Path(os.environ.get("ARMSTRACE_DATA_DIR", Path.cwd() / "var"))

SECRET_KEY = os.environ.get("ARMSTRACE_SECRET_KEY", "armstrace-development-key-change-me-in-production")
DEBUG = os.environ.get("ARMSTRACE_DEBUG", "0") == "1"
ALLOWED_HOSTS = os.environ.get("ARMSTRACE_ALLOWED_HOSTS", "127.0.0.1,localhost,testserver").split(",")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "rest_framework",
    "rest_framework.authtoken",
    "drf_spectacular",
    "drf_spectacular_sidecar",
    "django_filters",
    "axes",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",  # one-time recovery codes (accounts/recovery.py)
    "armstrace.core",
    "armstrace.accounts",
    "armstrace.registry",
    "armstrace.custody",
    "armstrace.transfers",
    "armstrace.tracing",
    "armstrace.monitoring",
    "armstrace.screening",
    "armstrace.federation",
    "armstrace.exchange",
    "armstrace.alerts",
    "armstrace.osint",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "armstrace.core.security_headers.SecurityHeadersMiddleware",  # CSP, HSTS behind HTTPS, no Server header
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    # every page's access is decided by armstrace/accounts/policy.py (API: accounts.permissions.PolicyPermission)
    "armstrace.accounts.middleware.AccessPolicyMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "armstrace.urls"
WSGI_APPLICATION = "armstrace.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [PACKAGE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "armstrace.context_processors.country_profile",
            ],
        },
    },
]


def _database_config():
    default_sqlite = f"sqlite:///{DATA_DIR / 'armstrace.sqlite3'}"
    config = dj_database_url.parse(os.environ.get("ARMSTRACE_DATABASE_URL", default_sqlite), conn_max_age=0)
    if config["ENGINE"] == "django.db.backends.sqlite3":
        Path(config["NAME"]).parent.mkdir(parents=True, exist_ok=True)
        # IMMEDIATE takes the write lock at BEGIN, so the event chain head is read under the lock.
        config["OPTIONS"] = {
            "transaction_mode": "IMMEDIATE",
            "timeout": 30,
            "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA foreign_keys=ON;",
        }
        config["TEST"] = {"NAME": os.environ.get("ARMSTRACE_TEST_SQLITE_NAME") or None}
    return config


DATABASES = {"default": _database_config()}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 10}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
]
AUTHENTICATION_BACKENDS = ["axes.backends.AxesStandaloneBackend", "django.contrib.auth.backends.ModelBackend"]
# Lock a user name from one address out after 5 failed logins, for 30 minutes.
AXES_FAILURE_LIMIT = 5
AXES_COOLOFF_TIME = 0.5
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_VERBOSE = False
# Two-factor login (django-otp TOTP), required for the roles in accounts.policy.TWO_FACTOR_ROLES.
OTP_TOTP_ISSUER = "ArmsTrace"
OTP_ADMIN_HIDE_SENSITIVE_DATA = True  # the admin site never shows an authenticator's secret key
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "dashboard"
LOGOUT_REDIRECT_URL = "login"

LANGUAGE_CODE = "en"
LANGUAGES = [("en", _("English")), ("fr", _("French")), ("es", _("Spanish"))]
LOCALE_PATHS = [PACKAGE_DIR / "locale"]
TIME_ZONE = "UTC"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = DATA_DIR / "static"
STATICFILES_DIRS = [PACKAGE_DIR / "static"]

# Security headers and cookies.
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_SAMESITE = "Lax"
SESSION_COOKIE_SECURE = CSRF_COOKIE_SECURE = os.environ.get("ARMSTRACE_SECURE_COOKIES", "0") == "1"
# HSTS (a year) once the site is served over HTTPS (armstrace/core/security_headers.py)
ARMSTRACE_HSTS_SECONDS = 365 * 24 * 3600 if SESSION_COOKIE_SECURE else 0
SESSION_COOKIE_AGE = 8 * 3600

REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": [
        "rest_framework.authentication.TokenAuthentication",
        "rest_framework.authentication.SessionAuthentication",
    ],
    "DEFAULT_PERMISSION_CLASSES": ["armstrace.accounts.permissions.PolicyPermission"],
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    "DEFAULT_FILTER_BACKENDS": ["django_filters.rest_framework.DjangoFilterBackend"],
    "DEFAULT_PAGINATION_CLASS": "armstrace.core.api.Pagination",
    # JSON bodies bounded in size and depth (armstrace/core/bounds.py)
    "DEFAULT_PARSER_CLASSES": ["armstrace.core.bounds.BoundedJSONParser", "rest_framework.parsers.FormParser",
                               "rest_framework.parsers.MultiPartParser"],
    "PAGE_SIZE": 50,
    "EXCEPTION_HANDLER": "armstrace.core.api.exception_handler",
}
SPECTACULAR_SETTINGS = {
    "TITLE": "ArmsTrace API",
    "DESCRIPTION": "Registry, tracing, custody, transfer controls and monitoring for national firearms control.",
    "VERSION": "0.1.0",
    "SERVE_INCLUDE_SCHEMA": False,
    "COMPONENT_SPLIT_REQUEST": True,
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "REDOC_DIST": "SIDECAR",
    "SERVE_PERMISSIONS": ["armstrace.accounts.permissions.PolicyPermission"],
    "POSTPROCESSING_HOOKS": ["drf_spectacular.hooks.postprocess_schema_enums",
                             "armstrace.core.api.document_error_responses",
                             "armstrace.core.preconditions.document_preconditions",
                             "armstrace.core.api.document_links"],
}

# Country profile (YAML): which State this installation serves and its national rules.
ARMSTRACE_PROFILE = os.environ.get("ARMSTRACE_PROFILE", str(PACKAGE_DIR / "profiles" / "default.yaml"))

# The Ed25519 key that signs the event log's checkpoints (core/signing.py): a PEM file outside the database, mode 0600.
ARMSTRACE_SIGNING_KEY = os.environ.get("ARMSTRACE_SIGNING_KEY", str(DATA_DIR / "signing-key.pem"))
# A checkpoint signs the chain head every this many events, or when this many seconds have passed since the last.
ARMSTRACE_CHECKPOINT_EVENTS = int(os.environ.get("ARMSTRACE_CHECKPOINT_EVENTS", "1000"))
ARMSTRACE_CHECKPOINT_SECONDS = int(os.environ.get("ARMSTRACE_CHECKPOINT_SECONDS", "3600"))

# Federation (registry to registry messages, armstrace/federation): a message older than MAX_AGE seconds or dated
# more than CLOCK_SKEW seconds ahead is refused; the outbox retries after RETRY_SECONDS x 2^(tries-1), MAX_TRIES
# times, each POST waiting TIMEOUT seconds; CONTACT is the contact point given in lost/stolen answers.
ARMSTRACE_FEDERATION_MAX_AGE = int(os.environ.get("ARMSTRACE_FEDERATION_MAX_AGE", str(7 * 24 * 3600)))
ARMSTRACE_FEDERATION_CLOCK_SKEW = int(os.environ.get("ARMSTRACE_FEDERATION_CLOCK_SKEW", "300"))
ARMSTRACE_FEDERATION_RETRY_SECONDS = float(os.environ.get("ARMSTRACE_FEDERATION_RETRY_SECONDS", "60"))
ARMSTRACE_FEDERATION_MAX_TRIES = int(os.environ.get("ARMSTRACE_FEDERATION_MAX_TRIES", "8"))
ARMSTRACE_FEDERATION_TIMEOUT = float(os.environ.get("ARMSTRACE_FEDERATION_TIMEOUT", "10"))
ARMSTRACE_FEDERATION_CONTACT = os.environ.get("ARMSTRACE_FEDERATION_CONTACT", "")
# Case-thread attachments: files outside the database, named by their SHA-256 (exchange/attachments.py).
ARMSTRACE_ATTACHMENTS_DIR = os.environ.get("ARMSTRACE_ATTACHMENTS_DIR", str(DATA_DIR / "attachments"))
# Seized blueprint files (custody.blueprints), named by their SHA-256.
ARMSTRACE_EVIDENCE_DIR = os.environ.get("ARMSTRACE_EVIDENCE_DIR", str(DATA_DIR / "evidence"))
# E-mail notifications (an option each user sets in the inbox): the console in development, e.g.
# django.core.mail.backends.smtp.EmailBackend with Django's EMAIL_HOST settings in production.
EMAIL_BACKEND = os.environ.get("ARMSTRACE_EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")
DEFAULT_FROM_EMAIL = os.environ.get("ARMSTRACE_EMAIL_FROM", "armstrace@localhost")

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": "WARNING"},
}
