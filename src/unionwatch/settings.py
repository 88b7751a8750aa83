"""Django settings, all read from `UNIONWATCH_*` environment variables (see conf.py)."""

from __future__ import annotations

from pathlib import Path

from unionwatch import conf

CONFIG = conf.load()
BASE_DIR = Path(__file__).resolve().parent
DATA_DIR = CONFIG.data_dir
DATA_DIR.mkdir(parents=True, exist_ok=True)

SECRET_KEY = conf.secret_key(DATA_DIR)
DEBUG = CONFIG.debug
ALLOWED_HOSTS = CONFIG.allowed_hosts

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "unionwatch.accounts",
    "unionwatch.documents",
    "unionwatch.facts",
    "unionwatch.cases",
    "unionwatch.actions",
    "unionwatch.advocacy",
    "unionwatch.web",
    "unionwatch.api",
    "unionwatch.audit",
    "unionwatch.jobs",
    "unionwatch.search",
    "unionwatch.monitoring",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "unionwatch.accounts.headers.SecurityHeadersMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "unionwatch.audit.log.AuditMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
]

ROOT_URLCONF = "unionwatch.urls"
WSGI_APPLICATION = "unionwatch.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    },
]

if CONFIG.database_url:
    DATABASES = {"default": conf.parse_database_url(CONFIG.database_url)}
else:
    DATABASES = {
        "default": {
            "ENGINE": "django.db.backends.sqlite3",
            "NAME": str(CONFIG.sqlite_path),
            "OPTIONS": {
                # WAL lets the web UI read while an ingest writes; the busy timeout
                # makes concurrent writers wait instead of failing at once.
                "init_command": (
                    "PRAGMA journal_mode=WAL;"
                    "PRAGMA synchronous=NORMAL;"
                    "PRAGMA foreign_keys=ON;"
                ),
                "timeout": 30,
                "transaction_mode": "IMMEDIATE",
            },
            # A connection per request re-reads the schema and starts with a cold page
            # cache (issue 7: ~10 ms of a 16 ms search on a 2 GB store).
            "CONN_MAX_AGE": 60,
        }
    }

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
AUTH_USER_MODEL = "accounts.User"

PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
]
# The model backend behind a login rate limiter (accounts/ratelimit.py).
AUTHENTICATION_BACKENDS = ["unionwatch.accounts.ratelimit.RateLimitBackend"]
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "home"
LOGOUT_REDIRECT_URL = "login"

LANGUAGE_CODE = "en"
LANGUAGES = [("en", "English"), ("fr", "Français"), ("de", "Deutsch"), ("es", "Español")]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = CONFIG.time_zone
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT = DATA_DIR / "static"
# Whitenoise warns about a missing directory at every start; collectstatic fills it for serve.
STATIC_ROOT.mkdir(parents=True, exist_ok=True)
MEDIA_ROOT = CONFIG.files_dir
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedStaticFilesStorage"},
}
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = DEBUG

# Background work: in-process without a broker, Celery with one.
BROKER_URL = CONFIG.broker_url
CELERY_BROKER_URL = CONFIG.broker_url or "memory://"
CELERY_TASK_ALWAYS_EAGER = not CONFIG.broker_url

if CONFIG.email_host:
    EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    EMAIL_HOST = CONFIG.email_host
    EMAIL_PORT = int(conf.env("EMAIL_PORT", "25"))
    EMAIL_HOST_USER = conf.env("EMAIL_USER")
    EMAIL_HOST_PASSWORD = conf.env("EMAIL_PASSWORD")
    EMAIL_USE_TLS = conf.env_bool("EMAIL_TLS")
else:
    EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
DEFAULT_FROM_EMAIL = CONFIG.email_from

SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
SESSION_COOKIE_AGE = int(conf.env("SESSION_HOURS", "12")) * 3600
CSRF_COOKIE_HTTPONLY = False
CSRF_COOKIE_SAMESITE = "Lax"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
if CONFIG.production:
    SESSION_COOKIE_NAME = "__Host-sessionid"  # secure, host-only, path=/
    CSRF_COOKIE_NAME = "__Host-csrftoken"
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    SECURE_SSL_REDIRECT = conf.env_bool("SSL_REDIRECT", True)
    SECURE_HSTS_SECONDS = int(conf.env("HSTS_SECONDS", "31536000"))
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = True
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": conf.env("LOG_LEVEL", "WARNING")},
}
