"""Who may open what: every URL the project routes, as each kind of visitor, pinned in one matrix.

The routes come from Django's resolver (admin and language-prefixed ones included), so a new
URL without an expectation here fails ``test_every_routed_url_has_an_expectation``: nothing can
be added to the portal without someone deciding who may see it.

Each case is a URL filled with real records (a published programme, an unpublished one, donor
A's grant, donor B's grant, ...) and the answer each visitor gets: a status code, or "login" /
"admin login" for a redirect to the sign-in page that comes back to the same URL, or "→ /path"
for any other redirect. The records are built once for the module and rolled back at its end.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from urllib.parse import parse_qs, urlsplit

import pytest
from django.conf import settings
from django.contrib import admin
from django.urls import get_resolver
from django.urls.resolvers import LocalePrefixPattern
from django.utils import translation

from digests.tokens import unsubscribe_token
from tests.helpers.kept import forget_kept_pages
from tests.helpers.roles import ADMIN_RECORD, DONORS, ROLES, STAFF, Records, records_once
from tests.helpers.routes import routes

# The routes -------------------------------------------------------------------------------


def language_prefixes() -> dict[str, str]:
    """Each language's URL prefix ("" for the default language when it has none)."""
    locale = next(
        (entry.pattern for entry in get_resolver().url_patterns if isinstance(entry.pattern, LocalePrefixPattern)),
        None,
    )
    if locale is None:
        return {settings.LANGUAGE_CODE: ""}
    prefixes = {}
    for code, _ in settings.LANGUAGES:
        with translation.override(code):
            prefixes[code] = locale.language_prefix
    return prefixes


# Expectations -----------------------------------------------------------------------------


def everyone(answer: str) -> dict[str, str]:
    return dict.fromkeys(ROLES, answer)


def by_role(*, anonymous: str, donors: str, staff: str, **overrides: str) -> dict[str, str]:
    answers = {"anonymous": anonymous, **dict.fromkeys(DONORS, donors), **dict.fromkeys(STAFF, staff)}
    return answers | overrides


PUBLIC = everyone("200")
NOT_FOUND = everyone("404")
# Staff preview what the public cannot see yet; everyone else gets a plain 404.
STAFF_PREVIEW = by_role(anonymous="404", donors="404", staff="200")
SIGNED_IN = by_role(anonymous="login", donors="200", staff="200")
# A donor page: the donor's own records; another donor and staff without ?as= get a 404.
DONOR_A_ONLY = by_role(anonymous="login", donors="404", staff="404", donor_a="200")
DONOR_B_ONLY = by_role(anonymous="login", donors="404", staff="404", donor_b="200")
EACH_DONOR_OWN = by_role(anonymous="login", donors="200", staff="404")
# The admin: anyone who is not staff is sent to the admin's sign-in page.
ADMIN_STAFF = by_role(anonymous="admin login", donors="admin login", staff="200")


@dataclass
class Case:
    key: str
    name: str
    url: Callable[[dict], str]  # from the records to the path (and query), without a language prefix
    expected: dict[str, str] | Callable[[Records], dict[str, str]]  # a callable when it names a record
    method: str = "get"

    @property
    def id(self) -> str:
        return f"{self.key} [{self.name}]"


def public_cases() -> list[Case]:
    def fixed(key: str, expected: dict[str, str], name: str = "page", path: str | None = None) -> Case:
        return Case(key, name, lambda r: path or "/" + key, expected)

    def slug(key: str, record: str, expected: dict[str, str], suffix: str = "") -> Case:
        return Case(key, record, lambda r: "/" + key.split("<")[0] + r[record].slug + "/" + suffix, expected)

    def api(collection: str, record: str | None, expected: dict[str, str], lookup: str = "slug") -> Case:
        if record is None:
            return Case(f"api/^{collection}/$", "list", lambda r: f"/api/{collection}/", expected)
        key = f"api/^{collection}/(?P<{lookup}>[^/.]+)/$"
        return Case(key, record, lambda r: f"/api/{collection}/{getattr(r[record], lookup)}/", expected)

    return [
        # Public pages.
        fixed("", PUBLIC, "overview", "/"),
        fixed("programmes/", PUBLIC),
        Case("programmes/", "search", lambda r: "/programmes/?q=migration&sort=title", PUBLIC),
        Case(
            "programmes/", "a filter value no programme has", lambda r: "/programmes/?country=nowhere", everyone("400")
        ),
        slug("programmes/<slug:slug>/", "published", PUBLIC),
        slug("programmes/<slug:slug>/", "unpublished", STAFF_PREVIEW),
        slug("programmes/<slug:slug>/", "phase of unpublished", STAFF_PREVIEW),
        Case("programmes/<slug:slug>/", "no such programme", lambda r: "/programmes/no-such-programme/", NOT_FOUND),
        fixed("countries/", PUBLIC),
        slug("countries/<slug:slug>/", "country", PUBLIC),
        Case("countries/<slug:slug>/", "no such country", lambda r: "/countries/nowhere/", NOT_FOUND),
        slug("countries/<slug:slug>/places/", "country", PUBLIC),
        Case("countries/<slug:slug>/places/", "no such country", lambda r: "/countries/nowhere/places/", NOT_FOUND),
        slug("countries/<slug:slug>/named-in/", "country", PUBLIC),
        Case("countries/<slug:slug>/named-in/", "no such country", lambda r: "/countries/nowhere/named-in/", NOT_FOUND),
        fixed("areas/", PUBLIC),
        slug("areas/<slug:slug>/", "area", PUBLIC),
        Case("areas/<slug:slug>/", "no such area", lambda r: "/areas/nothing/", NOT_FOUND),
        fixed("partners/", PUBLIC),
        slug("partners/<slug:slug>/", "partner", PUBLIC),
        Case("partners/<slug:slug>/", "no such organisation", lambda r: "/partners/nobody/", NOT_FOUND),
        fixed("funders/", PUBLIC),
        fixed("about/data/", PUBLIC),
        slug("funders/<slug:slug>/", "funder_a", PUBLIC),
        # A funder whose only grant is to an unpublished programme has no public page.
        slug("funders/<slug:slug>/", "funder_b", NOT_FOUND),
        slug("funders/<slug:slug>/funding.csv", "funder_a", PUBLIC, "funding.csv"),
        slug("funders/<slug:slug>/funding.csv", "funder_b", NOT_FOUND, "funding.csv"),
        # Downloads and open data.
        fixed("programmes/export.csv", PUBLIC),
        fixed("programmes/export.xlsx", PUBLIC),
        Case(
            "programmes/export.csv",
            "unknown column",
            lambda r: "/programmes/export.csv?columns=secret",
            everyone("400"),
        ),
        fixed("feeds/programmes.atom", PUBLIC),
        fixed("iati/activities.xml", PUBLIC),
        fixed("iati/organisation.xml", PUBLIC),
        fixed("documents/", PUBLIC),
        Case("documents/<int:pk>/<str:filename>", "published", lambda r: r["file_document"].get_absolute_url(), PUBLIC),
        Case(
            "documents/<int:pk>/<str:filename>",
            "unpublished",
            lambda r: r["unpublished_file_document"].get_absolute_url(),
            STAFF_PREVIEW,
        ),
        Case(
            "documents/<int:pk>/<str:filename>",
            "another name",
            lambda r: f"/documents/{r['file_document'].pk}/other.txt",
            NOT_FOUND,
        ),
        Case(
            "programmes/<slug:slug>/iati.xml", "published", lambda r: f"/programmes/{r['iati'].slug}/iati.xml", PUBLIC
        ),
        slug("programmes/<slug:slug>/iati.xml", "unpublished", STAFF_PREVIEW, "iati.xml"),
        fixed("sitemap.xml", PUBLIC),
        fixed("robots.txt", PUBLIC),
        fixed("healthz", PUBLIC),
        # The API: public and read-only, the same for everyone (it reads no session).
        fixed("api/", PUBLIC),
        fixed("api/schema/", PUBLIC),
        fixed("api/docs/", PUBLIC),
        api("programmes", None, PUBLIC),
        api("programmes", "published", PUBLIC),
        api("programmes", "unpublished", NOT_FOUND),
        api("countries", None, PUBLIC),
        api("countries", "country", PUBLIC),
        api("areas", None, PUBLIC),
        api("areas", "area", PUBLIC),
        api("organisations", None, PUBLIC),
        api("organisations", "partner", PUBLIC),
        api("organisations", "funder_b", NOT_FOUND),
        api("funders", None, PUBLIC),
        api("funders", "funder_a", PUBLIC),
        api("funders", "funder_b", NOT_FOUND),
        api("documents", None, PUBLIC),
        api("documents", "document", PUBLIC, lookup="pk"),
        api("documents", "unpublished_file_document", NOT_FOUND, lookup="pk"),
        # Programme updates: public while published and their programme is; staff preview the rest.
        fixed("updates/", PUBLIC),
        Case("updates/<int:pk>/", "published", lambda r: f"/updates/{r['update'].pk}/", PUBLIC),
        Case("updates/<int:pk>/", "draft", lambda r: f"/updates/{r['draft_update'].pk}/", STAFF_PREVIEW),
        Case(
            "updates/<int:pk>/",
            "of an unpublished programme",
            lambda r: f"/updates/{r['unpublished_update'].pk}/",
            STAFF_PREVIEW,
        ),
        Case(
            "updates/photos/<int:pk>/<str:name>", "published", lambda r: r["photo"].rendition_url(480, "jpeg"), PUBLIC
        ),
        Case(
            "updates/photos/<int:pk>/<str:name>",
            "of a draft",
            lambda r: r["draft_photo"].rendition_url(480, "webp"),
            STAFF_PREVIEW,
        ),
        Case(
            "updates/photos/<int:pk>/<str:name>",
            "of an unpublished programme",
            lambda r: r["unpublished_photo"].rendition_url(480, "webp"),
            STAFF_PREVIEW,
        ),
        Case(
            "updates/photos/<int:pk>/<str:name>",
            "the kept original",
            lambda r: f"/updates/photos/{r['photo'].pk}/original.jpg",
            NOT_FOUND,
        ),
        fixed("feeds/updates.atom", PUBLIC),
        slug("programmes/<slug:slug>/updates.atom", "published", PUBLIC, "updates.atom"),
        slug("programmes/<slug:slug>/updates.atom", "unpublished", NOT_FOUND, "updates.atom"),
        slug("embed/programmes/<slug:slug>/", "published", PUBLIC),
        slug("embed/programmes/<slug:slug>/", "unpublished", NOT_FOUND),
        # Signing in (the site's own pages, for donors).
        fixed("accounts/login/", PUBLIC),
        Case("accounts/logout/", "GET", lambda r: "/accounts/logout/", everyone("405")),
        fixed("accounts/password_change/", SIGNED_IN),
        fixed("accounts/password_change/done/", SIGNED_IN),
        fixed("accounts/password_reset/", PUBLIC),
        fixed("accounts/password_reset/done/", PUBLIC),
        Case(
            "accounts/reset/<uidb64>/<token>/",
            "a link that is not valid",
            lambda r: "/accounts/reset/MQ/not-a-token/",
            PUBLIC,
        ),
        fixed("accounts/reset/done/", PUBLIC),
        # The donor dashboard.
        Case("donor/", "dashboard", lambda r: "/donor/", by_role(anonymous="login", donors="200", staff="403")),
        Case(
            "donor/",
            "as donor A",
            lambda r: f"/donor/?as={r['account_a'].pk}",
            by_role(anonymous="login", donors="404", staff="404", superuser="200"),
        ),
        Case(
            "donor/",
            "as no account",
            lambda r: "/donor/?as=999999",
            by_role(anonymous="login", donors="404", staff="404"),
        ),
        Case("donor/", "as junk", lambda r: "/donor/?as=1-OR-1", by_role(anonymous="login", donors="404", staff="404")),
        Case("donor/grants/<int:pk>/", "donor A's grant", lambda r: f"/donor/grants/{r['grant_a'].pk}/", DONOR_A_ONLY),
        Case("donor/grants/<int:pk>/", "donor B's grant", lambda r: f"/donor/grants/{r['grant_b'].pk}/", DONOR_B_ONLY),
        Case(
            "donor/grants/<int:pk>/",
            "donor B's grant as donor A",
            lambda r: f"/donor/grants/{r['grant_b'].pk}/?as={r['account_a'].pk}",
            by_role(anonymous="login", donors="404", staff="404"),
        ),
        Case(
            "donor/grants/<int:pk>/",
            "donor A's grant as donor A",
            lambda r: f"/donor/grants/{r['grant_a'].pk}/?as={r['account_a'].pk}",
            by_role(anonymous="login", donors="404", staff="404", superuser="200"),
        ),
        Case("donor/years/", "own grants", lambda r: "/donor/years/", EACH_DONOR_OWN),
        Case("donor/results/", "own grants", lambda r: "/donor/results/", EACH_DONOR_OWN),
        Case("donor/export.csv", "own grants", lambda r: "/donor/export.csv", EACH_DONOR_OWN),
        Case("donor/export.xlsx", "own grants", lambda r: "/donor/export.xlsx", EACH_DONOR_OWN),
        Case(
            "donor/export.csv",
            "as donor B",
            lambda r: f"/donor/export.csv?as={r['account_b'].pk}",
            by_role(anonymous="login", donors="404", staff="404", superuser="200"),
        ),
        # The digest's unsubscribe link: its signature, not a sign-in, says whose it is (a GET only asks).
        Case(
            "digests/unsubscribe/<str:token>/",
            "donor A's link",
            lambda r: f"/digests/unsubscribe/{unsubscribe_token(r['account_a'])}/",
            PUBLIC,
        ),
        Case(
            "digests/unsubscribe/<str:token>/",
            "a tampered link",
            lambda r: f"/digests/unsubscribe/{unsubscribe_token(r['account_a'])[:-1]}x/",
            everyone("400"),
        ),
        # The dashboard's digest form posts its donor's own choice; nothing to GET.
        Case(
            "digests/preference/",
            "GET",
            lambda r: "/digests/preference/",
            by_role(anonymous="login", donors="405", staff="405"),
        ),
        Case(
            "donor/export.xlsx",
            "as donor B",
            lambda r: f"/donor/export.xlsx?as={r['account_b'].pk}",
            by_role(anonymous="login", donors="404", staff="404", superuser="200"),
        ),
    ]


# The admin -------------------------------------------------------------------------------

# What each staff group may do with each model the admin shows, as the migrations grant it
# (funding 0003, 0005 and 0009): v(iew), a(dd), c(hange), d(elete). Superusers may do everything.
# A model the admin registers that is missing here fails the matrix.
ADMIN_RIGHTS: dict[str, dict[str, str]] = {
    "programmes.country": {"editor": "vacd", "finance": "v"},
    "programmes.thematicarea": {"editor": "vacd", "finance": "v"},
    "programmes.projecttype": {"editor": "vacd", "finance": "v"},
    # Finance officers change a programme's budget and nothing else of it (tests/test_write_matrix.py).
    "programmes.programme": {"editor": "vacd", "finance": "vc"},
    "programmes.overview": {"editor": "vacd", "finance": "v"},
    # A programme's results framework is narrative (funding 0009).
    "programmes.indicator": {"editor": "vacd", "finance": "v"},
    "programmes.period": {"editor": "vacd", "finance": "v"},
    "partners.organisation": {"editor": "vacd", "finance": "v"},
    # Finance officers add, change and delete participations in the funding role only; the matrix's is another.
    "partners.participation": {"editor": "vacd", "finance": "va"},
    "partners.agreement": {"editor": "vacd", "finance": "v"},
    "funding.grant": {"editor": "v", "finance": "vacd"},
    "funding.budget": {"editor": "v", "finance": "vacd"},
    "funding.organisationbudget": {"editor": "v", "finance": "vacd"},
    "documents.document": {"editor": "vacd", "finance": "v"},
    # Updates are narrative (updates 0002): finance officers read them.
    "updates.update": {"editor": "vacd", "finance": "v"},
    # Donor accounts, users and groups: superusers only.
    "funding.donoraccount": {"editor": "", "finance": "", "superuser": "vacd"},
    # The digests sent: the command writes them, nobody in the admin (finance officers read them).
    "digests.digestsent": {"editor": "", "finance": "v", "superuser": "vd"},
    "auth.user": {"editor": "", "finance": "", "superuser": "vacd"},
    "auth.group": {"editor": "", "finance": "", "superuser": "vacd"},
    # django-axes' record of sign-ins: superusers only, and nobody adds one by hand.
    "axes.accessattempt": {"editor": "", "finance": "", "superuser": "vcd"},
    "axes.accesslog": {"editor": "", "finance": "", "superuser": "vcd"},
    "axes.accessfailurelog": {"editor": "", "finance": "", "superuser": "vcd"},
}


def admin_answers(label: str, needs: str) -> dict[str, str]:
    """Staff with any of the rights in ``needs`` get the page, other staff a 403."""
    rights = {"superuser": "vacd"} | ADMIN_RIGHTS[label]
    return ADMIN_STAFF | {role: "200" if set(needs) & set(rights[role]) else "403" for role in STAFF}


def admin_model_cases() -> list[Case]:
    cases = []
    for model, model_admin in admin.site._registry.items():
        opts = model._meta
        label = opts.label_lower
        base = f"admin/{opts.app_label}/{opts.model_name}/"
        if label not in ADMIN_RIGHTS:
            continue  # no expectation: the coverage test names the model's routes

        def obj(records: Records, label: str = label):
            return records[ADMIN_RECORD[label]]

        for entry in model_admin.urls:
            key, name = base + str(entry.pattern), entry.name or ""
            prefix = f"/{base}"
            if name.endswith("_changelist"):
                cases.append(Case(key, "list", lambda r, p=prefix: p, admin_answers(label, "vc")))
            elif name.endswith("_add"):
                cases.append(Case(key, "add", lambda r, p=prefix: p + "add/", admin_answers(label, "a")))
            elif name.endswith("_change"):
                url = lambda r, p=prefix, o=obj: f"{p}{o(r).pk}/change/"  # noqa: E731
                cases.append(Case(key, "change", url, admin_answers(label, "vc")))
            elif name.endswith("_history"):
                url = lambda r, p=prefix, o=obj: f"{p}{o(r).pk}/history/"  # noqa: E731
                cases.append(Case(key, "history", url, admin_answers(label, "vc")))
            elif name.endswith("_simple_history"):

                def url(r, p=prefix, o=obj) -> str:
                    record = o(r)
                    return f"{p}{record.pk}/history/{record.history.latest().history_id}/"

                cases.append(Case(key, "a past version", url, admin_answers(label, "vc")))
            elif name.endswith("_delete"):
                url = lambda r, p=prefix, o=obj: f"{p}{o(r).pk}/delete/"  # noqa: E731
                cases.append(Case(key, "delete", url, admin_answers(label, "d")))
            elif key == base + "<path:object_id>/":
                # Django's old change URL: a redirect to the change page, whatever the rights.
                url = lambda r, p=prefix, o=obj: f"{p}{o(r).pk}/"  # noqa: E731
                to_change = lambda r, p=prefix, o=obj: ADMIN_STAFF | dict.fromkeys(STAFF, f"→ {p}{o(r).pk}/change/")  # noqa: E731
                cases.append(Case(key, "old change URL", url, to_change))
    return cases


def admin_site_cases() -> list[Case]:
    # The admin routes its apps' index pages with one pattern naming every app it shows.
    apps = "|".join(dict.fromkeys(model._meta.app_label for model in admin.site._registry))

    # Editors and finance officers see the apps they have a right in; any other app is a 404.
    def app_answers(app_label: str) -> dict[str, str]:
        rights = [rights for label, rights in ADMIN_RIGHTS.items() if label.split(".")[0] == app_label]
        return ADMIN_STAFF | {role: "404" for role in ("editor", "finance") if not any(r.get(role) for r in rights)}

    app_indexes = [
        Case(
            f"admin/^(?P<app_label>{apps})/$", app_label, lambda r, a=app_label: f"/admin/{a}/", app_answers(app_label)
        )
        for app_label in apps.split("|")
    ]
    return [
        *app_indexes,
        Case("admin/", "index", lambda r: "/admin/", ADMIN_STAFF),
        # Staff already signed in are sent on to the index; others see the form.
        Case(
            "admin/login/", "form", lambda r: "/admin/login/", by_role(anonymous="200", donors="200", staff="→ /admin/")
        ),
        # Signing out takes a POST; the admin sends anyone not staff to its index first.
        Case(
            "admin/logout/",
            "GET",
            lambda r: "/admin/logout/",
            by_role(anonymous="→ /admin/", donors="→ /admin/", staff="405"),
        ),
        Case("admin/password_change/", "form", lambda r: "/admin/password_change/", ADMIN_STAFF),
        Case("admin/password_change/done/", "page", lambda r: "/admin/password_change/done/", ADMIN_STAFF),
        Case(
            "admin/autocomplete/",
            "funders of a grant",
            lambda r: "/admin/autocomplete/?app_label=funding&model_name=grant&field_name=funder&term=a",
            ADMIN_STAFF,
        ),
        Case(
            "admin/autocomplete/",
            "no field named",
            lambda r: "/admin/autocomplete/",
            ADMIN_STAFF | dict.fromkeys(STAFF, "403"),
        ),
        Case("admin/jsi18n/", "catalogue", lambda r: "/admin/jsi18n/", ADMIN_STAFF),
        Case(
            "admin/r/<path:content_type_id>/<path:object_id>/",
            "a programme on the site",
            lambda r: f"/admin/r/{r['programme_type'].pk}/{r['published'].pk}/",
            lambda r: ADMIN_STAFF | dict.fromkeys(STAFF, f"→ {r['published'].get_absolute_url()}"),
        ),
        Case(
            "admin/(?P<url>.*)$",
            "no such page",
            lambda r: "/admin/no-such-page/",
            ADMIN_STAFF | dict.fromkeys(STAFF, "404"),
        ),
        Case(
            "admin/funding/grant/import-iati/",
            "upload form",
            lambda r: "/admin/funding/grant/import-iati/",
            ADMIN_STAFF | {"editor": "403", "finance": "403"},
        ),
    ]


def all_cases() -> list[Case]:
    return public_cases() + admin_site_cases() + admin_model_cases()


# The records ------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def records(django_db_setup, django_db_blocker) -> Iterator[Records]:
    yield from records_once(django_db_blocker)


# Answers ----------------------------------------------------------------------------------


def strip_language(path: str, prefixes: dict[str, str]) -> str:
    for prefix in prefixes.values():
        if prefix and path.startswith("/" + prefix):
            return "/" + path[len(prefix) + 1 :]
    return path


def answer(response, requested: str, prefixes: dict[str, str]) -> str:
    """What the visitor gets, in the matrix's words."""
    if response.status_code not in (301, 302, 303, 307, 308):
        return str(response.status_code)
    location = urlsplit(response["Location"])
    target = strip_language(location.path, prefixes)
    back_to = parse_qs(location.query).get("next", [""])[0]
    if back_to == requested and target == "/accounts/login/":
        return "login"
    if back_to == requested and target == "/admin/login/":
        return "admin login"
    return f"→ {target}"


def ask(records: Records, role: str, path: str, method: str = "get"):
    # Public pages may be cached (locmem in tests): every visitor must get a fresh answer.
    forget_kept_pages()
    return getattr(records.clients[role], method)(path)


CASES = all_cases()

# Files and feeds have one address: under a language prefix they are sent on to it, with their query
# (iomcaribbean.i18n.language_neutral), before anything else is checked.
LANGUAGE_NEUTRAL = {
    "programmes/export.csv",
    "programmes/export.xlsx",
    "feeds/programmes.atom",
    "programmes/<slug:slug>/iati.xml",
    "iati/activities.xml",
    "iati/organisation.xml",
    "documents/<int:pk>/<str:filename>",
    "updates/photos/<int:pk>/<str:name>",
    "feeds/updates.atom",
    "programmes/<slug:slug>/updates.atom",
    "funders/<slug:slug>/funding.csv",
    "donor/export.csv",
    "donor/export.xlsx",
}


@pytest.mark.django_db
@pytest.mark.parametrize("case", CASES, ids=[case.id for case in CASES])
def test_each_visitor_gets_the_expected_answer(records: Records, case: Case) -> None:
    prefixes = language_prefixes()
    path = case.url(records)
    expected = case.expected(records) if callable(case.expected) else case.expected
    route = routes().get(case.key)
    assert route is not None, f"{case.key!r} is no longer routed: drop or update its cases"
    answers = {role: answer(ask(records, role, path, case.method), path, prefixes) for role in ROLES}
    assert answers == expected, f"{path}: {answers}"
    # Each route in the other languages once (its first case): the answers do not depend on the
    # language. There every role asks that the English answers set apart, and no other (a public
    # page asked again by all six would render it twelve more times to learn nothing new).
    first_of_route = next(c for c in CASES if c.key == case.key) is case
    if not (route.i18n and first_of_route):
        return
    asking = one_role_per_answer(expected)
    for prefix in dict.fromkeys(prefix for prefix in prefixes.values() if prefix):
        prefixed = "/" + prefix + path[1:]
        answers = {role: answer(ask(records, role, prefixed, case.method), prefixed, prefixes) for role in asking}
        if case.key in LANGUAGE_NEUTRAL:
            assert answers == dict.fromkeys(asking, f"→ {urlsplit(path).path}"), f"{prefixed}: {answers}"
        else:
            assert answers == {role: expected[role] for role in asking}, f"{prefixed}: {answers}"


def one_role_per_answer(expected: dict[str, str]) -> list[str]:
    """The first role (in ROLES' order: anonymous first) to get each of the answers expected."""
    return list({answer: role for role, answer in reversed(expected.items())}.values())


def test_every_routed_url_has_an_expectation() -> None:
    covered = {case.key for case in CASES}
    missing = sorted(set(routes()) - covered)
    assert not missing, (
        "These routes have no expectation in tests/test_access_matrix.py; say who may open them: " + ", ".join(missing)
    )


def test_every_model_in_the_admin_has_rights_in_the_matrix() -> None:
    registered = {model._meta.label_lower for model in admin.site._registry}

    assert registered - ADMIN_RIGHTS.keys() == set()
    assert registered - ADMIN_RECORD.keys() == set()
