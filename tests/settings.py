"""Fast settings for the test suite, on top of the one settings module."""

import atexit
import os
import shutil
import tempfile

os.environ.setdefault("DJANGO_SECRET_KEY", "test-secret-key-not-for-production")

from iomcaribbean.settings import *  # noqa: F403

PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
CACHES = {
    "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
    "fragments": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "fragments"},
    "pages": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "pages"},
}
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
SESSION_COOKIE_SECURE = False
CSRF_COOKIE_SECURE = False
# Plain HTTP: the test client and the browser tests' live server.
SECURE_SSL_REDIRECT = False
# Sign-in throttling stays on; tests/backends.py only lets the test client's login() through.
AUTHENTICATION_BACKENDS = ["tests.backends.RequestlessAxesBackend", *AUTHENTICATION_BACKENDS[1:]]  # noqa: F405
# The live server of the browser tests serves static files straight from the finders.
WHITENOISE_AUTOREFRESH = True
# Unhashed names, as in DEBUG: pages name their static files without collectstatic's manifest
# (out of DEBUG the settings default to the manifest storage, which needs one).
STORAGES = {**STORAGES, "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}}  # noqa: F405

# On SQLite the test database is a file, not Django's default in-memory one: with an in-memory
# database the live server's request threads share the test thread's single connection, which
# Django documents as unsafe (concurrent transactions on one connection; seen as a hung run).
# The process id keeps runs side by side apart; pytest-xdist adds each worker's suffix too.
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":  # noqa: F405
    DATABASES["default"]["TEST"] = {"NAME": str(BASE_DIR / f"test-db-{os.getpid()}.sqlite3")}  # noqa: F405
    DATABASES["default"].setdefault("OPTIONS", {})["timeout"] = 30  # noqa: F405
    # A throwaway database need not survive a power cut: commits (the browser tests' and the
    # live server's) skip waiting for the disk.
    DATABASES["default"]["OPTIONS"]["init_command"] = "PRAGMA synchronous=OFF"  # noqa: F405

# Throttles high enough that no other test meets them (tests/test_throttling.py lowers them),
# and kept files in a folder of this run's own.
REST_FRAMEWORK = {
    **REST_FRAMEWORK,  # noqa: F405
    "DEFAULT_THROTTLE_RATES": {"api": "100000/minute", "downloads": "100000/minute"},
}
KEPT_FILES_DIR = tempfile.mkdtemp(prefix="iomcaribbean-kept-files-")
atexit.register(shutil.rmtree, KEPT_FILES_DIR, ignore_errors=True)
# Uploaded documents in a folder of this run's own (the seed documents are written there by a migration).
MEDIA_ROOT = tempfile.mkdtemp(prefix="iomcaribbean-media-")
atexit.register(shutil.rmtree, MEDIA_ROOT, ignore_errors=True)
# The public site the donors' digests link to.
PUBLIC_BASE_URL = "http://testserver.example"
