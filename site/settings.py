"""Settings for the kennisplatform, read from the environment.

Two profiles:

- ``development`` (the default, used by ``make run`` and the tests): SQLite, local-memory
  cache, in-memory channel layer, console e-mail, database search fallback. Nothing to install.
- ``production`` (``DJANGO_PROFILE=production``): PostgreSQL (``DATABASE_URL``), Redis
  (``REDIS_URL``) for cache and channel layer, Elasticsearch (``ELASTICSEARCH_URL``), SMTP,
  secure cookies, HSTS and proxy headers. It refuses to start with a default secret key or DEBUG.

Each service can also be pointed at individually in development (e.g. ``DATABASE_URL`` for
PostgreSQL-backed tests); the profile only decides the defaults and the hard safety checks.
"""

import os
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured

from kennisplatform.env import env_bool, env_int, env_list, env_str

BASE_DIR = Path(__file__).resolve().parent.parent
PROFILE = env_str("DJANGO_PROFILE", "development")
if PROFILE not in {"development", "production"}:
    raise ImproperlyConfigured("DJANGO_PROFILE must be 'development' or 'production'")
PRODUCTION = PROFILE == "production"

DEVELOPMENT_SECRET_KEY = "development-only-secret-key-not-for-production"
SECRET_KEY = env_str("SECRET_KEY", DEVELOPMENT_SECRET_KEY)
DEBUG = env_bool("DEBUG", not PRODUCTION)

if PRODUCTION:
    if SECRET_KEY == DEVELOPMENT_SECRET_KEY or len(SECRET_KEY) < 50:
        raise ImproperlyConfigured("Production needs its own SECRET_KEY of at least 50 characters (not the default).")
    if DEBUG:
        raise ImproperlyConfigured("Production refuses to run with DEBUG on.")

ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", [] if PRODUCTION else ["localhost", "127.0.0.1", "[::1]", "testserver"])
if PRODUCTION and not ALLOWED_HOSTS:
    raise ImproperlyConfigured("Production needs ALLOWED_HOSTS (comma separated).")
CSRF_TRUSTED_ORIGINS = env_list(
    "CSRF_TRUSTED_ORIGINS",
    [f"https://{host}" for host in ALLOWED_HOSTS if host and "[" not in host] if PRODUCTION else [],
)
SITE_URL = env_str("SITE_URL", "http://localhost:8000").rstrip("/")

INSTALLED_APPS = [
    "daphne",
    # Our apps first, so their templates override those of Wagtail and allauth.
    "kennisplatform",
    "accounts",
    "kennisbank",
    "kennisbank.dossiers",
    "themagroepen",
    "themagroepen.discussies",
    "themagroepen.notificaties",
    "themagroepen.bijeenkomsten",
    "themagroepen.bestanden",
    "search",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.contrib.table_block",
    "wagtail.contrib.typed_table_block",
    "wagtail.contrib.routable_page",
    "wagtail.contrib.sitemaps",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_tasks",
    "django_tasks_db",
    "allauth",
    "allauth.account",
    "allauth.mfa",
    "allauth.socialaccount",
    "allauth.socialaccount.providers.openid_connect",
    "channels",
    "rest_framework",
    "drf_spectacular",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "django.contrib.humanize",
    "django.forms",  # widget templates for the project form renderer (FORM_RENDERER below)
]

MIDDLEWARE = [
    "kennisplatform.requestid.RequestIdMiddleware",  # first: every log line of the request has the id
    "kennisplatform.file_streaming.AsyncFileStreamingMiddleware",  # sees every file response
    "django.middleware.security.SecurityMiddleware",
    "kennisplatform.middleware.SecurityHeadersMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "kennisplatform.input_guard.InputGuardMiddleware",  # before anything reads a session or the database
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    "kennisplatform.page_cache.AnonymousPageCacheMiddleware",  # after the session and CSRF: it reads what they set
    "kennisplatform.unavailable.DatabaseUnavailableMiddleware",  # innermost: sees the view's exceptions
]

ROOT_URLCONF = "kennisplatform.urls"
WSGI_APPLICATION = "kennisplatform.wsgi.application"
ASGI_APPLICATION = "kennisplatform.asgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
                "kennisplatform.context_processors.platform",
            ],
        },
    },
]

# Every form renders through one project template: error summary, labels, ids for aria-describedby.
FORM_RENDERER = "kennisplatform.forms.FormRenderer"

# --- Database -------------------------------------------------------------------------------
DATABASE_URL = env_str("DATABASE_URL")
if PRODUCTION and not DATABASE_URL.startswith(("postgres://", "postgresql://")):
    raise ImproperlyConfigured("Production needs DATABASE_URL pointing at PostgreSQL.")
DATABASES = {
    "default": dj_database_url.parse(DATABASE_URL)
    if DATABASE_URL
    else {"ENGINE": "django.db.backends.sqlite3", "NAME": BASE_DIR / "var" / "db.sqlite3"}
}
if DATABASES["default"]["ENGINE"].endswith("postgresql"):
    # A pool, not persistent connections: under ASGI every request runs in its own thread, and a
    # per-thread connection (CONN_MAX_AGE) lingers until that thread is collected, so sessions
    # pile up. Pooled connections go back after each request. The maximum must exceed the
    # server's worker threads, or a busy moment waits for a connection.
    DATABASES["default"]["OPTIONS"] = {
        "pool": {
            "min_size": env_int("DB_POOL_MIN_SIZE", 2),
            "max_size": env_int("DB_POOL_MAX_SIZE", 40),
            "timeout": env_int("DB_POOL_TIMEOUT", 10),
        }
    }
    # The pool checks a connection before handing it out, so after a PostgreSQL restart the
    # dead ones are replaced instead of failing the next request.
    DATABASES["default"]["CONN_HEALTH_CHECKS"] = True
if DATABASES["default"]["ENGINE"].endswith("sqlite3"):
    # WAL and a busy timeout let the ASGI server, the task runner and tests share the file.
    DATABASES["default"]["OPTIONS"] = {
        "timeout": 20,
        "transaction_mode": "IMMEDIATE",
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
    }
    # A file, not memory: browser tests serve pages from another thread of the same database.
    # One file per test process, so parallel runs never share (and destroy) each other's.
    DATABASES["default"]["TEST"] = {"NAME": str(BASE_DIR / "var" / f"test-{os.getpid()}.sqlite3")}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# --- Cache and channel layer -----------------------------------------------------------------
REDIS_URL = env_str("REDIS_URL")
if PRODUCTION and not REDIS_URL:
    raise ImproperlyConfigured("Production needs REDIS_URL (cache and channel layer).")
if REDIS_URL:
    # Tolerant: Redis errors fall back to a process-local cache (site/cache.py), never a 500.
    CACHES = {
        "default": {"BACKEND": "kennisplatform.cache.TolerantRedisCache", "LOCATION": REDIS_URL, "KEY_PREFIX": "kp"}
    }
    CHANNEL_LAYERS = {
        "default": {
            "BACKEND": "channels_redis.core.RedisChannelLayer",
            # discussies: redis-py's pool allows 100 connections by default and fails (not waits)
            # beyond that; a few hundred sockets joining topic groups at once need more. Its 5 s
            # socket timeout equals channels-redis's 5 s BZPOPMIN, so idle consumers crashed with
            # "Timeout reading": the socket timeout must be longer than the blocking pop.
            "CONFIG": {
                "hosts": [
                    {
                        "address": REDIS_URL,
                        "max_connections": env_int("CHANNELS_REDIS_MAX_CONNECTIONS", 1000),
                        "socket_timeout": 15,
                    }
                ],
                "prefix": env_str("CHANNELS_PREFIX", "kp-asgi"),
            },
        }
    }
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
    CHANNEL_LAYERS = {"default": {"BACKEND": "channels.layers.InMemoryChannelLayer"}}

# Whole pages for visitors without a session (kennisplatform.page_cache): invalidated by every
# content change; the timeout bounds what changes without one (the index behind "similar" lists).
ANONYMOUS_PAGE_CACHE = env_bool("ANONYMOUS_PAGE_CACHE", True)
ANONYMOUS_PAGE_CACHE_TIMEOUT = env_int("ANONYMOUS_PAGE_CACHE_TIMEOUT", 300)
# What a proxy or CDN may serve without asking us again; 0: it stores but revalidates (ETag, 304).
ANONYMOUS_PAGE_CACHE_MAX_AGE = env_int("ANONYMOUS_PAGE_CACHE_MAX_AGE", 0)

# --- Search ----------------------------------------------------------------------------------
# Our own search (search/) uses Elasticsearch when configured and the database otherwise.
ELASTICSEARCH_URL = env_str("ELASTICSEARCH_URL")
ELASTICSEARCH_INDEX_PREFIX = env_str("ELASTICSEARCH_INDEX_PREFIX", "kennisplatform")
ELASTICSEARCH_TIMEOUT = env_int("ELASTICSEARCH_TIMEOUT", 5)  # indexing and operations
# Readers (search, suggestions, health) wait at most this long, then the database answers;
# after a failure the circuit stays open (database only) for the cooldown. See search/breaker.py.
ELASTICSEARCH_SEARCH_TIMEOUT = float(env_str("ELASTICSEARCH_SEARCH_TIMEOUT", "0.4"))
ELASTICSEARCH_BREAKER_COOLDOWN = float(env_str("ELASTICSEARCH_BREAKER_COOLDOWN", "5"))
# Wagtail's admin search stays on the database: editors search titles, the public uses search/.
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}

# --- Background tasks ------------------------------------------------------------------------
# One task system (django-tasks, which Wagtail already uses) for indexing, e-mail and digests.
# Production keeps tasks in a database table drained by `manage.py db_worker`; development and
# tests run them at once (still after commit, because we only enqueue from on_commit).
# Two queues, each with its own worker in compose, so index jobs never wait behind a large
# e-mail batch: "zoekindex" (search/tasks.py) and "default" (e-mail, reminders, digests).
TASK_QUEUES = ["default", "zoekindex"]
TASKS = {
    "default": {
        "BACKEND": "django_tasks_db.DatabaseBackend"
        if env_str("TASKS_BACKEND", "database" if PRODUCTION else "immediate") == "database"
        else "django_tasks.backends.immediate.ImmediateBackend",
        "QUEUES": TASK_QUEUES,
    }
}
# Retention, applied daily by the clock job "bewaartermijnen" (site/retention.py).
RETENTION_TASK_RESULTS_DAYS = env_int("RETENTION_TASK_RESULTS_DAYS", 14)
RETENTION_INDEX_QUEUE_DAYS = env_int("RETENTION_INDEX_QUEUE_DAYS", 30)
RETENTION_NOTIFICATIONS_DAYS = env_int("RETENTION_NOTIFICATIONS_DAYS", 365)
RETENTION_RESOLVED_REPORTS_DAYS = env_int("RETENTION_RESOLVED_REPORTS_DAYS", 365)
# A RUNNING task whose worker has not beaten its heart for this long is given to another worker.
TASK_LEASE_SECONDS = env_int("TASK_LEASE_SECONDS", 60)

# --- E-mail ----------------------------------------------------------------------------------
EMAIL_HOST = env_str("EMAIL_HOST")
if EMAIL_HOST:
    EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    EMAIL_PORT = env_int("EMAIL_PORT", 587)
    EMAIL_HOST_USER = env_str("EMAIL_HOST_USER")
    EMAIL_HOST_PASSWORD = env_str("EMAIL_HOST_PASSWORD")
    EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", True)
    EMAIL_TIMEOUT = env_int("EMAIL_TIMEOUT", 10)  # an unreachable server fails the try, it does not hang
elif PRODUCTION:
    raise ImproperlyConfigured("Production needs EMAIL_HOST (SMTP).")
else:
    EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"
EMAIL_RETRY_SECONDS = float(env_str("EMAIL_RETRY_SECONDS", "10"))  # first retry after an SMTP error, then doubling
DEFAULT_FROM_EMAIL = env_str("DEFAULT_FROM_EMAIL", "Kennisplatform Leegstand <noreply@kennisplatform.example>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL
# Reply by e-mail: notification mails get Reply-To reactie+<signed token>@<this domain>, whose
# mail server pipes into ``manage.py ontvang_reactie``. Empty: no Reply-To, the feature is off.
REPLY_BY_EMAIL_DOMAIN = env_str("REPLY_BY_EMAIL_DOMAIN", "").strip().lstrip("@")

# --- Accounts (django-allauth) ---------------------------------------------------------------
# Owned by the accounts app (accounts/): sign-in by e-mail, mandatory verification, MFA, SSO.
AUTHENTICATION_BACKENDS = [
    "django.contrib.auth.backends.ModelBackend",
    "allauth.account.auth_backends.AuthenticationBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 12}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "account_login"
LOGIN_REDIRECT_URL = "/"
ACCOUNT_ADAPTER = "accounts.adapters.AccountAdapter"
SOCIALACCOUNT_ADAPTER = "accounts.adapters.SocialAccountAdapter"
ACCOUNT_SIGNUP_FORM_CLASS = "accounts.forms.ProfileSignupForm"
ACCOUNT_FORMS = {"signup": "accounts.signup.SignupForm"}  # the invited address stays fixed
ACCOUNT_USER_DISPLAY = "accounts.services.display_name"
ACCOUNT_LOGIN_METHODS = {"email"}
ACCOUNT_SIGNUP_FIELDS = ["email*", "password1*", "password2*"]
ACCOUNT_EMAIL_VERIFICATION = "mandatory"
ACCOUNT_LOGIN_ON_EMAIL_CONFIRMATION = True  # confirming in the same browser signs the person in
ACCOUNT_CONFIRM_EMAIL_ON_GET = False  # link scanners in mail filters must not confirm for the user
ACCOUNT_UNIQUE_EMAIL = True
ACCOUNT_CHANGE_EMAIL = True  # one address; a new one replaces it only once verified
ACCOUNT_EMAIL_NOTIFICATIONS = True  # tell the old address about e-mail/password changes
ACCOUNT_LOGOUT_ON_GET = False
ACCOUNT_LOGOUT_ON_PASSWORD_CHANGE = False
ACCOUNT_PREVENT_ENUMERATION = True
ACCOUNT_SESSION_REMEMBER = False  # a session ends with the browser, and after SESSION_COOKIE_AGE
ACCOUNT_EMAIL_SUBJECT_PREFIX = "[Kennisplatform] "
ACCOUNT_DEFAULT_HTTP_PROTOCOL = "https" if PRODUCTION else "http"
# Proxies we run in front of the application (compose: nginx, 1). Their X-Forwarded-For entries
# are believed, nothing further left (kennisplatform.client_ip); 0 means REMOTE_ADDR.
TRUSTED_PROXY_COUNT = env_int("TRUSTED_PROXY_COUNT", 0)
ALLAUTH_TRUSTED_PROXY_COUNT = TRUSTED_PROXY_COUNT
ACCOUNT_RATE_LIMITS = {
    "login": "30/m/ip",
    "login_failed": "5/5m/key,20/5m/ip",
    "signup": "10/h/ip",
    "reset_password": "5/h/ip,3/h/key",
    "reset_password_from_key": "20/m/ip",
    "confirm_email": "5/5m/key",
    "change_password": "5/m/user",
    "manage_email": "10/m/user",
    "reauthenticate": "10/m/user",
}
# Writes and the search API (kennisplatform.ratelimit, allauth's limiter and notation).
# RATE_LIMITS_OFF=1 only for load and fault tests that post faster than a person can.
PLATFORM_RATE_LIMITS = (
    {}
    if env_bool("RATE_LIMITS_OFF")
    else {
        "reply": "10/m/user,120/h/user",
        "topic": "5/m/user,30/h/user",
        "file_upload": "10/m/user,100/h/user",  # group library: files, versions, folders
        "report": "10/h/user",
        "join_request": "10/h/user",
        "invitation": "60/h/user",
        "search_api": "120/m/ip",
        "search_suggestions": "180/m/ip",
    }
)
MFA_SUPPORTED_TYPES = ["totp", "recovery_codes"]
MFA_TOTP_ISSUER = "Kennisplatform Leegstand"
# Moderators (themagroep beheerders), editors (Redacteuren/Eindredacteuren) and admins must set
# up TOTP before they can use the site (accounts.middleware.StaffMFAMiddleware).
MFA_REQUIRED_FOR_STAFF = env_bool("MFA_REQUIRED_FOR_STAFF", PRODUCTION)
MIDDLEWARE += ["accounts.middleware.StaffMFAMiddleware"]  # after allauth's AccountMiddleware
# Optional single sign-on (OpenID Connect), configured by OIDC_* variables; off by default.
from accounts.sso import openid_connect_providers  # noqa: E402

SOCIALACCOUNT_PROVIDERS = openid_connect_providers(os.environ)
SOCIALACCOUNT_ONLY = False
SOCIALACCOUNT_LOGIN_ON_GET = False
SOCIALACCOUNT_EMAIL_AUTHENTICATION = env_bool("OIDC_TRUST_EMAIL", False)
SOCIALACCOUNT_EMAIL_AUTHENTICATION_AUTO_CONNECT = SOCIALACCOUNT_EMAIL_AUTHENTICATION
SESSION_COOKIE_AGE = env_int("SESSION_COOKIE_AGE", 60 * 60 * 12)
SESSION_EXPIRE_AT_BROWSER_CLOSE = False

# --- Wagtail ---------------------------------------------------------------------------------
WAGTAIL_SITE_NAME = "Kennisplatform Leegstand"
WAGTAILADMIN_BASE_URL = SITE_URL
WAGTAIL_I18N_ENABLED = False
WAGTAIL_ENABLE_UPDATE_CHECK = False
# Documents are only ever streamed by /documenten/ (never a redirect to or a link into /media/),
# where access decides (site/wagtail_hooks.py): readers of a live page using the document, or
# everyone when it stands in one of these collections.
WAGTAILDOCS_SERVE_METHOD = "serve_view"
PUBLIC_DOCUMENT_COLLECTIONS = ("Openbaar",)
# A shared password is no read key: access could never grant it, so the CMS does not offer it.
WAGTAIL_PRIVATE_PAGE_OPTIONS = {"SHARED_PASSWORD": False}
WAGTAILDOCS_PRIVATE_COLLECTION_OPTIONS = {"SHARED_PASSWORD": False}
WAGTAIL_WORKFLOW_ENABLED = True

# --- Kennisbank ------------------------------------------------------------------------------
# Login-restricted pages send visitors to the allauth login, not Wagtail's bare /_util/login/.
WAGTAIL_FRONTEND_LOGIN_URL = "account_login"
WAGTAILADMIN_PERMITTED_LANGUAGES = [("nl", "Nederlands"), ("en", "English")]
WAGTAIL_USER_TIME_ZONES = ["Europe/Amsterdam"]

# --- Open-data API (kennisbank/api/) --------------------------------------------------------
# Read-only JSON under /api/v1/ with an OpenAPI 3 description; its views set their own
# renderers, sign-in, throttles and errors, so nothing here changes other DRF users.
REST_FRAMEWORK = {"DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema"}
SPECTACULAR_SETTINGS = {
    "TITLE": "Kennisplatform Leegstand – open data",
    "DESCRIPTION": (
        "De openbare kennisbank (voorbeelden, publicaties, instrumenten, hoofdstukken van de handreiking) "
        "als JSON, alleen-lezen. Zonder inloggen ziet u wat openbaar is; met een sessie van de site geldt "
        "wat u op de pagina's mag lezen."
    ),
    "VERSION": "1",
    "SERVE_INCLUDE_SCHEMA": False,
    "SCHEMA_PATH_PREFIX": r"/api/v1",
    "PREPROCESSING_HOOKS": ["kennisbank.api.schema.only_open_data"],
}
OPEN_DATA_THROTTLE_RATES = {
    "anon": env_str("OPEN_DATA_RATE_ANON", "120/min"),
    "user": env_str("OPEN_DATA_RATE_USER", "600/min"),
}
OPEN_DATA_CACHE_SECONDS = env_int("OPEN_DATA_CACHE_SECONDS", 300)

# --- Internationalisation --------------------------------------------------------------------
LANGUAGE_CODE = "nl"
LANGUAGES = [("nl", "Nederlands")]
TIME_ZONE = "Europe/Amsterdam"
USE_I18N = True
USE_TZ = True
LOCALE_PATHS = [BASE_DIR / "locale"]

# --- Static and uploaded files ---------------------------------------------------------------
STATIC_URL = "/static/"
STATIC_ROOT = Path(env_str("STATIC_ROOT", str(BASE_DIR / "var" / "static")))
STATICFILES_DIRS = [BASE_DIR / "static"]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"
        if PRODUCTION
        else "django.contrib.staticfiles.storage.StaticFilesStorage"
    },
}
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(env_str("MEDIA_ROOT", str(BASE_DIR / "var" / "media")))
# Group attachments are never under MEDIA_ROOT: they are served only through a permission check.
PRIVATE_MEDIA_ROOT = Path(env_str("PRIVATE_MEDIA_ROOT", str(BASE_DIR / "var" / "private")))
DATA_UPLOAD_MAX_MEMORY_SIZE = 10 * 1024 * 1024
# The largest request body at all (five 10 MB attachments and the text fit), refused before it
# is read (kennisplatform.request_limits); docker/nginx/kennisplatform.conf uses the same figure.
REQUEST_BODY_MAX_BYTES = env_int("REQUEST_BODY_MAX_MB", 60) * 1024 * 1024
# Images above this many pixels are refused before decoding (a small PNG can declare 50,000²).
MAX_IMAGE_PIXELS = 40_000_000
WAGTAILIMAGES_MAX_IMAGE_PIXELS = MAX_IMAGE_PIXELS
FILE_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
WHITENOISE_USE_FINDERS = not PRODUCTION
if not PRODUCTION:
    # WhiteNoise serves from the finders in development but expects STATIC_ROOT to exist.
    STATIC_ROOT.mkdir(parents=True, exist_ok=True)

# --- Security --------------------------------------------------------------------------------
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"  # the admin (/cms/) allows same-origin frames for its preview: see middleware
SESSION_COOKIE_HTTPONLY = True
CSRF_COOKIE_HTTPONLY = False
if PRODUCTION:
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    USE_X_FORWARDED_HOST = env_bool("USE_X_FORWARDED_HOST", True)
    SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", True)
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    SECURE_HSTS_SECONDS = env_int("SECURE_HSTS_SECONDS", 60 * 60 * 24 * 365)
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = True
    # The health check is called over plain HTTP by the container healthcheck.
    SECURE_REDIRECT_EXEMPT = [r"^health/(ready/|live/)?$"]

# Logs go to stdout, one JSON object per line in production (LOG_FORMAT=json), each with the
# request id. Error reporting is switched on by configuration: ERROR_REPORT_EMAILS mails
# unhandled errors (Django's AdminEmailHandler, via SMTP above); ERROR_REPORT_HANDLER names any
# logging.Handler class (for example an error tracker's logging handler, once installed) that
# receives every ERROR record. See docs/NOTES.md, "Operations".
LOG_FORMAT = env_str("LOG_FORMAT", "json" if PRODUCTION else "plain")
ADMINS = [("Beheer", address) for address in env_list("ERROR_REPORT_EMAILS")]
ERROR_REPORT_HANDLER = env_str("ERROR_REPORT_HANDLER")
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {"request_id": {"()": "kennisplatform.requestid.RequestIdFilter"}},
    "formatters": {
        "plain": {"format": "%(asctime)s %(levelname)s %(name)s [%(request_id)s] %(message)s"},
        "json": {
            "()": "pythonjsonlogger.json.JsonFormatter",
            "fmt": "%(asctime)s %(levelname)s %(name)s %(message)s %(request_id)s",
            "rename_fields": {"asctime": "time", "levelname": "level", "name": "logger"},
        },
    },
    "handlers": {
        "console": {
            "class": "logging.StreamHandler",
            "formatter": "json" if LOG_FORMAT == "json" else "plain",
            "filters": ["request_id"],
        },
    },
    "root": {"handlers": ["console"], "level": env_str("LOG_LEVEL", "INFO")},
    "loggers": {
        "django.request": {"level": "ERROR"},
        "elastic_transport": {"level": "WARNING"},
        "daphne": {"level": "WARNING"},
        "django_tasks": {"level": "WARNING"},
        "wagtail": {"level": "WARNING"},
    },
}
if ADMINS:
    LOGGING["handlers"]["mail_admins"] = {
        "class": "django.utils.log.AdminEmailHandler",
        "level": "ERROR",
        "filters": ["request_id"],
    }
    LOGGING["loggers"]["django.request"]["handlers"] = ["console", "mail_admins"]
    LOGGING["loggers"]["django.request"]["propagate"] = False
if ERROR_REPORT_HANDLER:
    LOGGING["handlers"]["error_report"] = {"class": ERROR_REPORT_HANDLER, "level": "ERROR", "filters": ["request_id"]}
    LOGGING["root"]["handlers"].append("error_report")
