"""Settings for the IOM Caribbean programme portal.

Every difference between machines is an environment variable read through one
``environ.Env``; ``.env.example`` documents each of them.

One module, as Django expects of settings: split by machine or by topic, a value's default and
what overrides it would be read in several places; the banners below follow the settings reference.
"""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import environ
from csp.constants import NONE, SELF, UNSAFE_HASHES
from django.core.exceptions import ImproperlyConfigured

BASE_DIR = Path(__file__).resolve().parent.parent

env = environ.Env()
environ.Env.read_env(BASE_DIR / ".env", overwrite=False)

# Core -------------------------------------------------------------------------
# https://docs.djangoproject.com/en/5.2/ref/settings/#core-settings

DEBUG = env.bool("DJANGO_DEBUG", default=False)

# No default secret outside DEBUG: a production server must be given one.
if DEBUG:
    SECRET_KEY = env.str("DJANGO_SECRET_KEY", default="insecure-key-for-local-development-only")
else:
    try:
        SECRET_KEY = env.str("DJANGO_SECRET_KEY")
    except ImproperlyConfigured as exc:
        raise ImproperlyConfigured("Set DJANGO_SECRET_KEY (or DJANGO_DEBUG=true for local work).") from exc

ALLOWED_HOSTS = env.list("DJANGO_ALLOWED_HOSTS", default=["localhost", "127.0.0.1", "[::1]"])

INSTALLED_APPS = [
    # Before the admin: the admin classes need the language columns it adds to the models.
    "modeltranslation",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django.contrib.sitemaps",
    "django_filters",
    "rest_framework",
    "drf_spectacular",
    "drf_spectacular_sidecar",
    "simple_history",
    "csp",
    "axes",
    # Each app imports only those listed before it.
    "programmes",
    "partners",
    "funding",
    # Documents of programmes, organisations and the overview: their files, pages and API.
    "documents",
    # Programme updates: dated notes with photos, their pages and feeds, and the embeddable card.
    "updates",
    # The donors' weekly digests of what changed in the programmes they fund (manage.py send_digests).
    "digests",
    # The programme search: its documents and queries (it imports the three above, they never import it).
    "search",
    # The IATI Standard: the file, its import, the quality checks; the top of the admin's chains.
    "iati",
    # The project itself, for what belongs to no one app: the staff accounts' admin (admin.py), the
    # content version and the page cache, the admin's edit-conflict check.
    "iomcaribbean",
]
# The apps whose records the public pages show: a change to one of their records the public sees
# moves the content version on (iomcaribbean/content_version.py, iomcaribbean/public_records.py).
PUBLIC_APPS = ("programmes", "partners", "funding", "documents", "updates")

# The list's search box, the API's and the downloads' ?q=: programmes imports no app above it, so
# the search it uses is named here (``programmes.filters.TextSearch`` says what it must do).
PROGRAMME_TEXT_SEARCH = "search.query.ProgrammeSearch"

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    # The security headers Django's SecurityMiddleware does not set (see Security below), outside
    # everything that may fail, so error pages carry them too.
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django_permissions_policy.PermissionsPolicyMiddleware",
    "csp.middleware.CSPMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Brotli or gzip for what anyone may see, never a page with a secret (BREACH): see the module.
    "iomcaribbean.compression.CompressPublicPagesMiddleware",
    # A database that is down answers a 503 page instead of a 500 (see iomcaribbean/middleware.py),
    # from the view or from any middleware after this one (sessions, the user, the page cache, axes).
    "iomcaribbean.middleware.DatabaseUnavailableMiddleware",
    # ETags and a page cache for public pages, keyed by the content version (iomcaribbean/caching.py):
    # a kept page is answered before the middleware below run, none of which could change it.
    "iomcaribbean.caching.PublicPageCacheMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    # The language comes from the URL: /es/ and /fr/, and English for every unprefixed address.
    "iomcaribbean.i18n.PathLocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
    # Last, as django-axes asks: turns a locked-out sign-in into the lockout page.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "iomcaribbean.urls"
WSGI_APPLICATION = "iomcaribbean.wsgi.application"

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

# Form widgets through Django's Jinja2 templates, the admin's own through Django's (form_renderer.py).
FORM_RENDERER = "iomcaribbean.form_renderer.FormRenderer"

# Database ---------------------------------------------------------------------
# https://docs.djangoproject.com/en/5.2/ref/settings/#databases
# SQLite in the project folder by default, so a newcomer needs no set-up.

DATABASES = {"default": env.db("DATABASE_URL", default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}")}
DATABASES["default"]["ATOMIC_REQUESTS"] = True
# Out of DEBUG a connection is kept for a minute rather than opened for every request (checked
# before reuse, so one the database dropped is replaced); with runserver, closed after each.
DATABASES["default"]["CONN_MAX_AGE"] = env.int("CONN_MAX_AGE", default=0 if DEBUG else 60)
DATABASES["default"]["CONN_HEALTH_CHECKS"] = True

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Authentication ---------------------------------------------------------------
# https://docs.djangoproject.com/en/5.2/topics/auth/passwords/

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 12}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
AUTHENTICATION_BACKENDS = [
    # First, so a locked-out sign-in is refused before any password is checked.
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
# Donors sign in on the site's own pages and land on their dashboard; staff use the admin's.
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "donor:dashboard"
# The home page: where signing out leads, and the language switcher's page when the current one
# has no address in the other language.
HOME_PAGE = "programmes:overview"
LOGOUT_REDIRECT_URL = HOME_PAGE

# Sign-in throttling ----------------------------------------------------------
# https://django-axes.readthedocs.io/en/latest/4_configuration.html
# Both sign-in pages (the admin's and the donors') lock a username at one address out after
# AXES_FAILURE_LIMIT failed attempts; the lock lifts after AXES_COOLOFF_MINUTES, or when staff
# delete the attempt in the admin (Axes → Access attempts).

AXES_FAILURE_LIMIT = env.int("AXES_FAILURE_LIMIT", default=5)
AXES_COOLOFF_TIME = timedelta(minutes=env.int("AXES_COOLOFF_MINUTES", default=15))
# Username and address together, so a stranger cannot lock a donor out from another address.
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_CALLABLE = "iomcaribbean.middleware.lockout_response"
AXES_CLIENT_IP_CALLABLE = "iomcaribbean.middleware.client_ip"
# Proxies in front of the app servers that append the address they saw to X-Forwarded-For;
# 0 when clients connect straight to gunicorn (then REMOTE_ADDR is the client's).
TRUSTED_PROXY_COUNT = env.int("DJANGO_TRUSTED_PROXY_COUNT", default=0)

# Password reset throttling -----------------------------------------------------
# https://www.django-rest-framework.org/api-guide/throttling/ (its counter, iomcaribbean/password_reset.py)
# Requests for a reset link, per e-mail address asked for and per client address (counted as for
# sign-in): over either rate, 429 with Retry-After. A rate is "<number>/<second|minute|hour|day>".


def request_rate(name: str, default: str) -> str:
    """A rate from the environment as DRF's throttles read it, refused at start-up if they cannot."""
    rate = env.str(name, default=default)
    number, _, period = rate.partition("/")
    if not number.isdigit() or period not in ("second", "minute", "hour", "day"):
        raise ImproperlyConfigured(f"{name} must be a number of requests per second, minute, hour or day: {default}.")
    return rate


PASSWORD_RESET_RATE_PER_ADDRESS = request_rate("PASSWORD_RESET_RATE_PER_ADDRESS", "3/hour")
PASSWORD_RESET_RATE_PER_CLIENT = request_rate("PASSWORD_RESET_RATE_PER_CLIENT", "10/hour")

# Internationalisation ---------------------------------------------------------
# https://docs.djangoproject.com/en/5.2/topics/i18n/

LANGUAGE_CODE = "en"
# Each name in its own language: the switcher offers them to people who may not read English.
LANGUAGES = [("en", "English"), ("es", "Español"), ("fr", "Français")]
# Compiled from the committed .po files by `make messages` (the .mo files are not committed).
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = env.str("DJANGO_TIME_ZONE", default="America/Jamaica")
USE_I18N = True
USE_TZ = True
# Content (programmes, areas, organisations, the overview) in each language, from <app>/translation.py
# (django-modeltranslation): a text not yet translated shows in English.
MODELTRANSLATION_DEFAULT_LANGUAGE = "en"
MODELTRANSLATION_FALLBACK_LANGUAGES = ("en",)
MODELTRANSLATION_PREPOPULATE_LANGUAGE = "en"  # slugs come from the English title, whatever the admin's language

# Static files -----------------------------------------------------------------
# https://docs.djangoproject.com/en/5.2/howto/static-files/ (served by whitenoise)

STATIC_URL = "static/"
STATICFILES_DIRS = [BASE_DIR / "static"]
STATIC_ROOT = env.path("DJANGO_STATIC_ROOT", default=BASE_DIR / "staticfiles")
# Out of DEBUG, hashed names and compressed copies, which `manage.py collectstatic` writes with
# its manifest (a page naming a static file fails without it); in DEBUG, the files as they are.
STORAGES = {
    # Uploaded documents (README, "Documents"): several app servers need one shared store.
    "default": {
        "BACKEND": env.str("DJANGO_FILE_STORAGE", default="django.core.files.storage.FileSystemStorage"),
        "OPTIONS": env.json("DJANGO_FILE_STORAGE_OPTIONS", default={}),
    },
    "staticfiles": {
        "BACKEND": env.str(
            "DJANGO_STATICFILES_STORAGE",
            default="django.contrib.staticfiles.storage.StaticFilesStorage"
            if DEBUG
            else "iomcaribbean.static_storage.CompressedOnceManifestStaticFilesStorage",
        )
    },
}

# Uploaded files ----------------------------------------------------------------
# https://docs.djangoproject.com/en/5.2/topics/files/
# Documents are stored through the storage API and served only by the documents app's view, which
# checks the record is public: no address serves the storage itself.

MEDIA_ROOT = env.path("DJANGO_MEDIA_ROOT", default=BASE_DIR / "media")
# Largest document file staff may upload, in bytes.
DOCUMENT_MAX_BYTES = env.int("DOCUMENT_MAX_BYTES", default=20 * 1024 * 1024)
# Largest photo of an update staff may upload: its file, its sides and its pixels (updates/photos.py).
PHOTO_MAX_BYTES = env.int("PHOTO_MAX_BYTES", default=15 * 1024 * 1024)
PHOTO_MAX_SIDE = env.int("PHOTO_MAX_SIDE", default=8000)
PHOTO_MAX_PIXELS = env.int("PHOTO_MAX_PIXELS", default=40_000_000)

# Cache and e-mail -------------------------------------------------------------
# https://docs.djangoproject.com/en/5.2/topics/cache/

cache_url = env.str("CACHE_URL", default="locmemcache://")
CACHES = {"default": env.cache_url_config(cache_url)}
# The kept public pages and their compressed variants (iomcaribbean/caching.py), kept under the content
# version, which every edit moves: in the same kind of cache unless PAGES_CACHE_URL names another.
# `make bench` times pages as the first visitor after an edit meets them, with every fragment kept
# but none of these, with PAGES_CACHE_URL=dummycache://.
CACHES["pages"] = env.cache_url_config(env.str("PAGES_CACHE_URL", default="") or cache_url)
# What outlives an edit, in the same kind of cache: the programme cards kept one by one
# (programmes/cards.py), the list's skeletons (programmes/kept_lists.py) and the pages kept through
# rewordings of programmes they do not read (programmes/kept_pages.py).
CACHES["fragments"] = dict(CACHES["default"])
# Where a cache is each process's memory, pages and fragments have stores of their own (room for a
# thousand pages, and for the cards of a hundred list pages with a thousand pages kept through
# rewordings), so that neither the twenty cards of a list page nor donors' kept dashboards and the
# filter lists in the default cache push kept pages out.
locmem = "django.core.cache.backends.locmem.LocMemCache"
if CACHES["default"]["BACKEND"] == locmem:
    CACHES["fragments"] |= {"LOCATION": "fragments", "OPTIONS": {"MAX_ENTRIES": 3000}}
if CACHES["pages"]["BACKEND"] == locmem:
    CACHES["pages"] |= {"LOCATION": "pages", "OPTIONS": {"MAX_ENTRIES": 1000}}
EMAIL_CONFIG = env.email("EMAIL_URL", default="consolemail://")
vars().update(EMAIL_CONFIG)
DEFAULT_FROM_EMAIL = env.str("DEFAULT_FROM_EMAIL", default="portal@localhost")
# The public site's address, for links in e-mails sent without a request (manage.py send_digests).
PUBLIC_BASE_URL = env.str("PUBLIC_BASE_URL", default="http://localhost:8000" if DEBUG else "")

# Security ---------------------------------------------------------------------
# https://docs.djangoproject.com/en/5.2/howto/deployment/checklist/

SESSION_COOKIE_HTTPONLY = True
CSRF_COOKIE_HTTPONLY = True
SESSION_COOKIE_SECURE = env.bool("DJANGO_SECURE_COOKIES", default=not DEBUG)
CSRF_COOKIE_SECURE = SESSION_COOKIE_SECURE
# Lax: a link from another site arrives signed in; a form posted from another site carries no cookie.
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_SAMESITE = "Lax"
CSRF_TRUSTED_ORIGINS = env.list("DJANGO_CSRF_TRUSTED_ORIGINS", default=[])
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
# Behind a proxy that terminates TLS, Django sees plain HTTP. Set only when the proxy sets
# X-Forwarded-Proto itself and never passes on the client's: a client could otherwise claim HTTPS.
if env.bool("DJANGO_SECURE_PROXY_SSL_HEADER", default=False):
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = env.bool("DJANGO_SECURE_SSL_REDIRECT", default=not DEBUG)
# Load balancers ask each app server for /healthz over plain HTTP.
SECURE_REDIRECT_EXEMPT = [r"^healthz$"]
# How long browsers refuse plain HTTP for this host and its subdomains (HSTS, sent over HTTPS
# only). Five minutes by default, so a first deployment with a subdomain still on plain HTTP
# locks its visitors out for minutes, not a year; raised to a year (31536000) once HTTPS is
# confirmed everywhere (README, Deployment), which the preload list also asks for.
SECURE_HSTS_SECONDS = env.int("DJANGO_SECURE_HSTS_SECONDS", default=0 if DEBUG else 300)
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
# The preload list (hstspreload.org) refuses a host whose max-age is under a year, so the header
# asks for it only from a year on; until then Django's deployment check would warn that it is off.
SECURE_HSTS_PRELOAD = SECURE_HSTS_SECONDS >= 365 * 24 * 60 * 60
SILENCED_SYSTEM_CHECKS = [] if SECURE_HSTS_PRELOAD else ["security.W021"]

# https://django-csp.readthedocs.io/en/latest/configuration.html
# Scripts and styles from this site's own files only, nothing inline (the admin, the browsable
# API and the API documentation included); data: images for the icons some stylesheets embed.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF],
        # Two style attributes in templates of installed packages, allowed by their exact value
        # ('unsafe-hashes' admits only these): REST framework's browsable API has
        # "float: right; margin-right: 10px", django-simple-history's history list "border-top: 0".
        "style-src-attr": [
            UNSAFE_HASHES,
            "'sha256-OfgyIBrd+/vP79JdFMYP+re4T+fIenvkrHPD2HZ8/cs='",
            "'sha256-XMXSevYjgSjXgRafBFDvtjwX+yyWLrxfso9DcNZ9UXM='",
        ],
        "img-src": [SELF, "data:"],
        "font-src": [SELF],
        "connect-src": [SELF],
        "object-src": [NONE],
        "base-uri": [NONE],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
    },
}
# The origins that may frame the embeddable programme cards (/embed/programmes/<slug>/), the only
# pages any other site may frame; every other page keeps frame-ancestors 'none' and X-Frame-Options DENY.
EMBED_FRAME_ANCESTORS = env.list("EMBED_FRAME_ANCESTORS", default=["*"])
# https://github.com/adamchainz/django-permissions-policy: no page here needs these features.
PERMISSIONS_POLICY = {
    feature: []
    for feature in (
        "accelerometer",
        "autoplay",
        "camera",
        "display-capture",
        "geolocation",
        "gyroscope",
        "magnetometer",
        "microphone",
        "midi",
        "payment",
        "usb",
    )
}

# API --------------------------------------------------------------------------
# https://www.django-rest-framework.org/api-guide/settings/ and
# https://drf-spectacular.readthedocs.io/en/latest/settings.html
# Public and read-only: every viewset exposes published records only, so nobody signs in to it.

REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": [],
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.AllowAny"],
    "DEFAULT_RENDERER_CLASSES": [
        "iomcaribbean.api.JSONRenderer",
        "rest_framework.renderers.BrowsableAPIRenderer",
    ],
    "DEFAULT_PAGINATION_CLASS": "iomcaribbean.api.Pagination",
    "PAGE_SIZE": 20,
    "DEFAULT_FILTER_BACKENDS": ["django_filters.rest_framework.DjangoFilterBackend"],
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
}
SPECTACULAR_SETTINGS = {
    "TITLE": "IOM in the Caribbean API",
    "DESCRIPTION": (
        "Read-only data on IOM's published Caribbean programmes, the organisations taking part, their funders, "
        "countries and thematic areas. Money is given per currency and never added up across currencies."
    ),
    "VERSION": "1.0.0",
    "SERVE_INCLUDE_SCHEMA": False,
    "SCHEMA_PATH_PREFIX": r"/api/",
    # Swagger UI and Redoc from the drf-spectacular-sidecar package: no asset from a CDN.
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "REDOC_DIST": "SIDECAR",
    # Swagger UI would otherwise ask validator.swagger.io for a badge.
    "SWAGGER_UI_SETTINGS": {"deepLinking": True, "validatorUrl": None},
}

# Throttles and kept exports ---------------------------------------------------
# https://www.django-rest-framework.org/api-guide/throttling/
# Per client address (counted as sign-in throttling counts it, behind DJANGO_TRUSTED_PROXY_COUNT
# proxies), only answers built afresh count: kept pages and files are not throttled. Over the
# rate, 429 with Retry-After. A rate is "<number>/<second|minute|hour|day>".


REST_FRAMEWORK["DEFAULT_THROTTLE_CLASSES"] = ["iomcaribbean.api.ClientRateThrottle"]
REST_FRAMEWORK["DEFAULT_THROTTLE_RATES"] = {
    # API answers (iomcaribbean.caching keeps the rest): paging through 10,000 programmes is 100.
    "api": request_rate("API_THROTTLE_RATE", "120/minute"),
    # CSV, XLSX and IATI files (iomcaribbean.exports.throttled_download).
    "downloads": request_rate("DOWNLOAD_THROTTLE_RATE", "10/minute"),
}
# Public answers too large for the cache (the IATI file, whole exports), built once per content
# version and kept as files (iomcaribbean/kept_files.py); at most KEPT_FILES_MAX of them at a time.
KEPT_FILES_DIR = env.path("KEPT_FILES_DIR", default=BASE_DIR / "tmp" / "kept-files")
KEPT_FILES_MAX = env.int("KEPT_FILES_MAX", default=50)

# Logging ----------------------------------------------------------------------
# https://docs.djangoproject.com/en/5.2/topics/logging/ (to stdout, for any process manager)

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler", "stream": "ext://sys.stdout"}},
    "root": {"handlers": ["console"], "level": env.str("DJANGO_LOG_LEVEL", default="INFO")},
}

# Portal -----------------------------------------------------------------------

# IATI organisation identifier of the reporting organisation (IOM).
IATI_REPORTING_ORG_REF = "XM-DAC-47066"
PROGRAMMES_PER_PAGE = 20
# `make bench` only: routes /bench/bare, a view with no database and no template (iomcaribbean/bench.py).
BENCH_ENDPOINTS = env.bool("BENCH_ENDPOINTS", default=False)
# Largest IATI file the import accepts, in bytes (the upload form and the command refuse bigger ones).
IATI_IMPORT_MAX_BYTES = env.int("IATI_IMPORT_MAX_BYTES", default=10 * 1024 * 1024)
