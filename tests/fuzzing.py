"""What the fuzz tests share: the Hypothesis profiles, the routes they walk, hostile values, a tally.

Two profiles, chosen by ``FUZZ_PROFILE`` (``make fuzz`` picks "fuzz"):

- "fuzz-sample" (the default, in ``make test``): a few examples per route, derandomised, so the
  same few hundred requests run on every machine and a failure is reproducible;
- "fuzz": ``FUZZ_EXAMPLES`` examples per route and per API operation (``make fuzz`` asks for
  enough to send more than 10,000 requests), random, so each run explores new input.

Neither keeps Hypothesis's example database: nothing is written into the work tree.
"""

from __future__ import annotations

import os
import re
import string
from collections import Counter
from dataclasses import dataclass
from urllib.parse import quote

from django.conf import settings as django_settings
from django.urls import URLPattern, URLResolver, get_resolver
from django.urls.resolvers import LocalePrefixPattern, RegexPattern, RoutePattern
from hypothesis import HealthCheck, settings
from hypothesis import strategies as st

PROFILE = os.environ.get("FUZZ_PROFILE", "fuzz-sample")
EXAMPLES = int(os.environ.get("FUZZ_EXAMPLES", "300" if PROFILE == "fuzz" else "5"))
# Below this many requests in all, a `make fuzz` run fails: it would not have fuzzed enough.
MIN_REQUESTS = int(os.environ.get("FUZZ_MIN_REQUESTS", "0"))

_COMMON = {
    "deadline": None,
    "database": None,
    "print_blob": True,
    # One client and one database for every example of a test is intended: they only read.
    "suppress_health_check": [HealthCheck.function_scoped_fixture, HealthCheck.too_slow, HealthCheck.data_too_large],
}
settings.register_profile("fuzz-sample", max_examples=EXAMPLES, derandomize=True, **_COMMON)
settings.register_profile("fuzz", max_examples=EXAMPLES, **_COMMON)
fuzz_settings = settings.get_profile(PROFILE)

# Statuses a public URL may answer: never a 5xx, nor a 403 (public pages refuse nobody).
ACCEPTABLE = {200, 301, 302, 400, 404, 405}
tally: Counter[int] = Counter()


# The routes ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class Route:
    parts: tuple  # literal strings and ("param", name) pairs, in order
    key: str
    i18n: bool = False  # also served under /es/ and /fr/

    @property
    def params(self) -> list[str]:
        return [part[1] for part in self.parts if isinstance(part, tuple)]


def _split(pattern: RoutePattern | RegexPattern) -> list:
    """A route's pattern as literal text and named parameters."""
    text = str(pattern)
    if isinstance(pattern, RegexPattern):
        text = text.removeprefix("^").removesuffix("$")
        pieces = re.split(r"\(\?P<(\w+)>[^)]*\)", text)
    else:
        pieces = re.split(r"<(?:\w+:)?(\w+)>", text)
    parts: list = []
    for index, piece in enumerate(pieces):
        if index % 2:
            parts.append(("param", piece))
        elif piece:
            parts.append(piece.replace("\\", ""))
    return parts


def _walk(patterns: list, prefix: tuple = (), key: str = "", i18n: bool = False) -> list[Route]:
    found = []
    for entry in patterns:
        if isinstance(entry.pattern, LocalePrefixPattern):
            found += _walk(entry.url_patterns, prefix, key, True)  # the test draws the language prefix
        elif isinstance(entry, URLResolver):
            parts = prefix + tuple(_split(entry.pattern))
            found += _walk(entry.url_patterns, parts, key + str(entry.pattern), i18n)
        else:
            assert isinstance(entry, URLPattern)
            found.append(Route(prefix + tuple(_split(entry.pattern)), key + str(entry.pattern), i18n))
    return found


def public_routes() -> list[Route]:
    """Every route an anonymous visitor may call: all but the admin's and the donors' (signed-in) pages."""
    return [route for route in _walk(get_resolver().url_patterns) if not route.key.startswith(("admin/", "donor/"))]


def language_prefixes(route: Route) -> list[str]:
    """The prefixes the route answers under: "" and, for a page in i18n_patterns, each language's."""
    if not route.i18n:
        return [""]
    return ["", *(f"{code}/" for code, _ in django_settings.LANGUAGES if code != django_settings.LANGUAGE_CODE)]


def build_path(route: Route, values: dict[str, str], language: str = "") -> str:
    return (
        "/"
        + language
        + "".join(quote(values[part[1]], safe="") if isinstance(part, tuple) else part for part in route.parts)
    )


# Hostile values -----------------------------------------------------------------------------

INJECTIONS = [
    "' OR '1'='1",
    "1; DROP TABLE programmes_programme;--",
    '"><script>alert(1)</script>',
    "../../../../etc/passwd",
    "%00",
    "\x00",
    "%",
    "%%",
    "{{7*7}}",
    "${7*7}",
    "__proto__",
    "NaN",
    "Infinity",
    "-0",
    "1e309",
    "0x10",
    "١٢٣",  # Arabic-Indic digits: int() reads them
    "²",
    "\u202e",
    "\ud7ff\ue000",
    "🙂" * 50,
    "a" * 5000,
    "[]",
    "{}",
    "null",
    "true",
]
# Parameters the public pages and the API read, and some they never do.
PARAMETERS = [
    "q",
    "country",
    "area",
    "status",
    "coverage",
    "funder",
    "partner",
    "type",
    "year_from",
    "year_to",
    "sort",
    "page",
    "page_size",
    "columns",
    "format",
    "as",
    "next",
    "lang",
    "search",
    "ordering",
    "limit",
    "offset",
]

_text = st.text(max_size=40)
values = st.one_of(
    _text,
    st.sampled_from(INJECTIONS),
    st.integers(min_value=-(10**30), max_value=10**30).map(str),
    st.floats(allow_nan=True, allow_infinity=True).map(str),
    st.text(alphabet=string.ascii_letters + string.digits + "-_", min_size=1, max_size=30),
    st.integers(min_value=1, max_value=20000).map(lambda n: "9" * n),  # huge
    st.lists(st.sampled_from([*PARAMETERS, ",", " "]), max_size=5).map(",".join),
)
names = st.one_of(st.sampled_from(PARAMETERS), _text.filter(bool))
queries = st.lists(st.tuples(names, values), max_size=6)


def query_string(pairs: list[tuple[str, str]]) -> str:
    return "&".join(f"{quote(name, safe='')}={quote(value, safe='')}" for name, value in pairs)
