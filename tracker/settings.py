"""Settings for Standpoint, driven entirely by the environment.

Local use needs no variables: debug is on, the database is ``db.sqlite3`` in the
repository root. With ``DJANGO_DEBUG`` off the process refuses to start without
``DJANGO_SECRET_KEY`` and runs in production mode: HTTPS only (behind a proxy that sets
``X-Forwarded-Proto``), secure cookies, HSTS and hashed, compressed static files.
"""

import ipaddress
import os
from datetime import timedelta
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured

BASE_DIR = Path(__file__).resolve().parent.parent


def env_bool(name: str, default: bool) -> bool:
    value = os.environ.get(name)
    if value is None or value == "":
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_int(name: str, default: int) -> int:
    value = os.environ.get(name, "").strip()
    if not value:
        return default
    try:
        return int(value)
    except ValueError:
        raise ImproperlyConfigured(f"{name} must be a whole number, not {value!r}.") from None


def env_list(name: str, default: list[str]) -> list[str]:
    value = os.environ.get(name, "")
    items = [item.strip() for item in value.split(",") if item.strip()]
    return items or default


DEBUG = env_bool("DJANGO_DEBUG", True)

SECRET_KEY = os.environ.get("DJANGO_SECRET_KEY", "")
if not SECRET_KEY:
    if not DEBUG:
        raise ImproperlyConfigured(
            "DJANGO_SECRET_KEY must be set when DJANGO_DEBUG is off. "
            'Generate one with: python -c "import secrets; print(secrets.token_urlsafe(50))"'
        )
    # Only ever used with debug on, on a developer's machine.
    SECRET_KEY = "insecure-local-development-key-do-not-use-in-production"

ALLOWED_HOSTS = env_list(
    "DJANGO_ALLOWED_HOSTS", ["127.0.0.1", "localhost", "[::1]"] if DEBUG else []
)
CSRF_TRUSTED_ORIGINS = env_list("DJANGO_CSRF_TRUSTED_ORIGINS", [])

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.postgres",
    "csp",
    "axes",
    "rest_framework",
    "corsheaders",
    "rest_framework.authtoken",
    "django_filters",
    "drf_spectacular",
    "drf_spectacular_sidecar",
    "simple_history",
    "positions",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "positions.api.compression.ApiGZipMiddleware",
    "corsheaders.middleware.CorsMiddleware",
    "positions.api.throttling.RateLimitHeadersMiddleware",
    "tracker.problems.ProblemMediaTypeMiddleware",
    "tracker.input_guard.RejectMalformedInputMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "csp.middleware.CSPMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
    "tracker.outage.DatabaseOutageMiddleware",
    # Last, as django-axes requires: it turns a flagged lockout into a response.
    "axes.middleware.AxesMiddleware",
]
if not DEBUG:
    # Serves the collected, hashed files; with debug on, runserver serves them itself.
    MIDDLEWARE.insert(1, "whitenoise.middleware.WhiteNoiseMiddleware")

ROOT_URLCONF = "tracker.urls"
WSGI_APPLICATION = "tracker.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
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

DATABASES = {
    "default": dj_database_url.parse(
        os.environ.get("DATABASE_URL") or f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        # Persistent connections, checked before reuse so a restarted server is survived.
        conn_max_age=env_int("DJANGO_CONN_MAX_AGE", 0 if DEBUG else 60),
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    # Fail fast when the server is unreachable instead of hanging a worker, and notice
    # a connection that died silently (e.g. a dropped network path) within a minute.
    DATABASES["default"].setdefault("OPTIONS", {}).update(
        {
            "connect_timeout": env_int("DJANGO_DB_CONNECT_TIMEOUT", 5),
            "keepalives": 1,
            "keepalives_idle": 30,
            "keepalives_interval": 10,
            "keepalives_count": 3,
        }
    )
    # Django's backend, preparing the statements a connection repeats (tracker/postgresql).
    DATABASES["default"]["ENGINE"] = "tracker.postgresql"
    if env_bool("DJANGO_DB_PREPARED_STATEMENTS", True):
        # Off for PgBouncer in transaction mode before 1.21.
        DATABASES["default"]["OPTIONS"]["prepare_threshold"] = 5
    _statement_timeout_ms = env_int("DJANGO_DB_STATEMENT_TIMEOUT_MS", 0)
    if _statement_timeout_ms:
        DATABASES["default"]["OPTIONS"]["options"] = f"-c statement_timeout={_statement_timeout_ms}"

# Redis when given (shared by every worker and host; Django's RedisCache, failing open
# while Redis is down), else a table in the database (`manage.py createcachetable`, run by
# `make migrate` and `make serve`).
if os.environ.get("REDIS_URL"):
    CACHES = {
        "default": {
            "BACKEND": "tracker.cache.FailOpenRedisCache",
            "LOCATION": os.environ["REDIS_URL"],
            # Deployments (or benchmark runs) that share one Redis keep their keys apart.
            "KEY_PREFIX": os.environ.get("STANDPOINT_CACHE_PREFIX", ""),
            # An unreachable Redis must cost a request seconds, not a worker timeout.
            "OPTIONS": {"socket_connect_timeout": 2, "socket_timeout": 2},
        }
    }
else:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.db.DatabaseCache",
            "LOCATION": "standpoint_cache",
        }
    }

# After a cache failure, each worker skips Redis this long before trying again
# (tracker/cache.py), so that a Redis that never answers costs one timeout per interval.
STANDPOINT_CACHE_RETRY_SECONDS = env_int("STANDPOINT_CACHE_RETRY_SECONDS", 30)

# Readers' pages are kept this long in the cache above; any change to the public record
# replaces them at once (positions/reading/cache.py). 0 turns the page cache off.
STANDPOINT_PAGE_CACHE_SECONDS = env_int("STANDPOINT_PAGE_CACHE_SECONDS", 300)
# The same for anonymous JSON reads of the API's lists, timeline and comparisons
# (positions/reading/cache.py). 0 turns it off.
STANDPOINT_API_CACHE_SECONDS = env_int("STANDPOINT_API_CACHE_SECONDS", 300)

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "en"
TIME_ZONE = "UTC"
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT = Path(os.environ.get("DJANGO_STATIC_ROOT") or BASE_DIR / "staticfiles")
STATICFILES_DIRS = [path for path in [BASE_DIR / "static"] if path.is_dir()]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    # Hashed, compressed files served by whitenoise need `collectstatic`; with debug on
    # (and so in the test suite) files are served as they are from the apps.
    "staticfiles": {
        "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"
        if DEBUG
        else "whitenoise.storage.CompressedManifestStaticFilesStorage"
    },
}

# The editors' desk lives where DJANGO_ADMIN_URL says, e.g. "desk-7f3a/".
ADMIN_URL = os.environ.get("DJANGO_ADMIN_URL", "admin/").strip("/") + "/"

# Security headers, always on: they cost nothing locally and catch mistakes early.
X_FRAME_OPTIONS = "DENY"
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
SECURE_CONTENT_TYPE_NOSNIFF = True
# No inline script or style anywhere. `data:` images are for the SVG icons that the API
# documentation's stylesheet embeds; the admin and Swagger UI need nothing else.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "object-src": ["'none'"],
        "base-uri": ["'none'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
    }
}

# Production mode: HTTPS only. A proxy in front terminates TLS and says so in
# X-Forwarded-Proto; it must overwrite that header from clients.
BEHIND_PROXY = env_bool("DJANGO_BEHIND_PROXY", not DEBUG)
if BEHIND_PROXY:
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
# Turned off only to load-test over plain HTTP on the loopback interface.
SECURE_SSL_REDIRECT = env_bool("DJANGO_SECURE_SSL_REDIRECT", not DEBUG)
# Load balancers probe the backends directly, often over plain HTTP.
SECURE_REDIRECT_EXEMPT = [r"^healthz$", r"^readyz$"]
SESSION_COOKIE_SECURE = CSRF_COOKIE_SECURE = not DEBUG
SESSION_COOKIE_HTTPONLY = True
SECURE_HSTS_SECONDS = env_int("DJANGO_HSTS_SECONDS", 0 if DEBUG else 31_536_000)
SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("DJANGO_HSTS_INCLUDE_SUBDOMAINS", True)
SECURE_HSTS_PRELOAD = env_bool("DJANGO_HSTS_PRELOAD", True)

# Brute-force protection for every password login (the admin's included): after
# DJANGO_LOGIN_FAILURE_LIMIT failures for one account from one address, that pair is
# locked out for DJANGO_LOGIN_COOLOFF_MINUTES. Colleagues behind one office address
# are not locked out by someone else's typing.
AUTHENTICATION_BACKENDS = [
    "tracker.login_protection.LoginAttemptBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AXES_FAILURE_LIMIT = env_int("DJANGO_LOGIN_FAILURE_LIMIT", 5)
AXES_COOLOFF_TIME = timedelta(minutes=env_int("DJANGO_LOGIN_COOLOFF_MINUTES", 15))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_CLIENT_IP_CALLABLE = "tracker.login_protection.client_ip"
# Addresses or networks (CIDR) of the proxies in front. Only a request coming from one of
# them has its X-Forwarded-For believed: anyone else could write their own (and dodge the
# login lockout and the rate limits). None by default: the peer address is the client.
try:
    TRUSTED_PROXIES = [
        ipaddress.ip_network(item, strict=False) for item in env_list("DJANGO_TRUSTED_PROXIES", [])
    ]
except ValueError as error:
    raise ImproperlyConfigured(f"DJANGO_TRUSTED_PROXIES: {error}") from None

# Editors paste whole article pages (HTML) into the desk; some are larger than Django's 2.5 MB.
DATA_UPLOAD_MAX_MEMORY_SIZE = 10 * 1024 * 1024

# The editors' desk may fetch an article from its URL; only where the deployment has internet.
STANDPOINT_FETCH_SOURCES = env_bool("STANDPOINT_FETCH_SOURCES", False)

# Anonymous API rate limits are counted in the default cache (above), shared by workers.
REST_FRAMEWORK = {
    "DEFAULT_RENDERER_CLASSES": [
        "positions.api.renderers.FastJSONRenderer",
        "positions.api.renderers.BrowsableAPIRenderer",
    ],
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    "DEFAULT_FILTER_BACKENDS": ["positions.api.filters.StrictFilterBackend"],
    "DEFAULT_AUTHENTICATION_CLASSES": [
        "rest_framework.authentication.TokenAuthentication",
        "rest_framework.authentication.SessionAuthentication",
    ],
    "DEFAULT_THROTTLE_CLASSES": ["positions.api.throttling.AnonymousRateThrottle"],
    "EXCEPTION_HANDLER": "positions.api.errors.handle_exception",
    "DEFAULT_THROTTLE_RATES": {
        "anon": os.environ.get("STANDPOINT_API_ANON_RATE", "120/minute"),
        "anon_export": os.environ.get("STANDPOINT_API_ANON_EXPORT_RATE", "10/minute"),
    },
}

# Dataset releases served at /api/v1/releases/: one directory per release, as
# ``manage.py export_dataset`` writes it.
STANDPOINT_RELEASES_DIR = Path(os.environ.get("STANDPOINT_RELEASES_DIR") or BASE_DIR / "releases")

# Browser notebooks and dashboards on other sites may read the API anonymously: GET and
# HEAD without credentials (no cookies, no Authorization header), with the validators and
# rate-limit headers readable.
CORS_URLS_REGEX = r"^/api/.*$"
CORS_ALLOW_ALL_ORIGINS = True
CORS_ALLOW_CREDENTIALS = False
CORS_ALLOW_METHODS = ("GET", "HEAD", "OPTIONS")
CORS_ALLOW_HEADERS = ("accept", "if-none-match", "if-modified-since")
CORS_EXPOSE_HEADERS = (
    "ETag",
    "Last-Modified",
    "Retry-After",
    "RateLimit",
    "RateLimit-Policy",
    "Content-Disposition",
)

SPECTACULAR_SETTINGS = {
    "TITLE": "Standpoint API",
    "DESCRIPTION": (
        "Who said what about which part of a peace deal, when, and how it changed.\n\n"
        "Anonymous clients see published positions, and retracted ones marked as such; "
        "drafts are never shown. Unknown or malformed query parameters are a 400 naming the "
        "parameter; every error is RFC 9457 problem details (`application/problem+json`)."
        " Lists and records carry `ETag` and `Last-Modified` and "
        "answer `If-None-Match` / `If-Modified-Since` with 304. Anonymous clients are rate "
        "limited: 429 with `Retry-After`. Editors and reviewers write with "
        "`Authorization: Token …`; changes to a position send the version they were made "
        "against (`If-Match` or `version`) and a stale one is refused with 412 or 409."
    ),
    "VERSION": "1",
    "LICENSE": {
        "name": "Data: CC BY 4.0 (the software is AGPL-3.0-or-later)",
        "url": "https://creativecommons.org/licenses/by/4.0/",
    },
    "CONTACT": {
        "name": "Standpoint's editors",
        **({"email": email} if (email := os.environ.get("STANDPOINT_CONTACT_EMAIL")) else {}),
    },
    "SERVE_INCLUDE_SCHEMA": False,
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "REDOC_DIST": "SIDECAR",
    "ENUM_NAME_OVERRIDES": {"DatePrecisionEnum": "positions.models.choices.DatePrecision"},
    "COMPONENT_SPLIT_REQUEST": True,
    "POSTPROCESSING_HOOKS": [
        "drf_spectacular.hooks.postprocess_schema_enums",
        "positions.api.schema.describe_path_parameters",
        "positions.api.schema.document_http_contract",
    ],
}

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("DJANGO_LOG_LEVEL", "INFO")},
    # Lockouts are still logged (as warnings); the start-up banner is not.
    "loggers": {"axes.apps": {"level": "WARNING"}},
}

# History reasons carry the editor's whole note ("Corrected: …", "Sent back: …") and the list
# of edited fields; the default 100-character column would refuse longer ones on PostgreSQL.
SIMPLE_HISTORY_HISTORY_CHANGE_REASON_USE_TEXT_FIELD = True
