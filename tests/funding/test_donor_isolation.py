"""Who may see what on the donor pages: every visitor against every donor URL and download.

Anonymous visitors are sent to sign in; a donor sees its own funders' grants and nothing else;
staff with the permission see any donor's pages with ?as=; everyone else gets 403 on the
dashboard (no account) and 404 everywhere else, whatever the URL or parameter.
"""

from __future__ import annotations

from types import SimpleNamespace
from urllib.parse import quote

import pytest
from django.contrib.auth.models import Permission
from django.test import Client
from django.urls import reverse

from funding.models import Grant
from partners.models import Organisation
from tests.factories import DonorAccountFactory, UserFactory
from tests.helpers.donors import B_SECRETS, donor_world, workbook_text
from tests.helpers.roles import client_for

pytestmark = pytest.mark.django_db

DASHBOARD = reverse("donor:dashboard")
CSV, XLSX = reverse("donor:export_csv"), reverse("donor:export_xlsx")

# (name, path, query): the query may name account "A" or "B", resolved per test.
URLS = {
    "dashboard": (DASHBOARD, {}),
    "grant of A": ("grant:A", {}),
    "grant of B": ("grant:B", {}),
    "csv": (CSV, {}),
    "xlsx": (XLSX, {}),
    "dashboard as A": (DASHBOARD, {"as": "A"}),
    "dashboard as B": (DASHBOARD, {"as": "B"}),
    "grant of A as A": ("grant:A", {"as": "A"}),
    "grant of A as B": ("grant:A", {"as": "B"}),
    "csv as A": (CSV, {"as": "A"}),
    "xlsx as B": (XLSX, {"as": "B"}),
    "dashboard as nobody": (DASHBOARD, {"as": "999999"}),
    "dashboard as junk": (DASHBOARD, {"as": "1 OR 1=1"}),
}

LOGIN = "login"  # a redirect to the sign-in page, with ?next=
EXPECTED = {
    #                     anonymous  donor A  donor B  superuser  editor  closed A  finance
    "dashboard":           (LOGIN,   200,     200,     403,       403,    403,      403),
    "grant of A":          (LOGIN,   200,     404,     404,       404,    404,      404),
    "grant of B":          (LOGIN,   404,     200,     404,       404,    404,      404),
    "csv":                 (LOGIN,   200,     200,     404,       404,    404,      404),
    "xlsx":                (LOGIN,   200,     200,     404,       404,    404,      404),
    "dashboard as A":      (LOGIN,   404,     404,     200,       404,    404,      404),
    "dashboard as B":      (LOGIN,   404,     404,     200,       404,    404,      404),
    "grant of A as A":     (LOGIN,   404,     404,     200,       404,    404,      404),
    "grant of A as B":     (LOGIN,   404,     404,     404,       404,    404,      404),
    "csv as A":            (LOGIN,   404,     404,     200,       404,    404,      404),
    "xlsx as B":           (LOGIN,   404,     404,     200,       404,    404,      404),
    "dashboard as nobody": (LOGIN,   404,     404,     404,       404,    404,      404),
    "dashboard as junk":   (LOGIN,   404,     404,     404,       404,    404,      404),
}  # fmt: skip
VISITORS = ["anonymous", "donor A", "donor B", "superuser", "editor", "closed A", "finance"]


@pytest.fixture
def world() -> SimpleNamespace:
    return donor_world()


def visitor_client(name: str, world: SimpleNamespace, request) -> Client:
    if name == "anonymous":
        return Client()
    if name == "donor A":
        return client_for(world.a.user)
    if name == "donor B":
        return client_for(world.b.user)
    if name == "closed A":
        world.a.is_active = False
        world.a.save()
        return client_for(world.a.user)
    # Staff without a donor account: the superuser may view any donor; editors and finance
    # officers (no funding.view_donoraccount) may not.
    return request.getfixturevalue({"superuser": "admin_client", "editor": "editor_client"}.get(name, "finance_client"))


def resolve(url: str, query: dict, world: SimpleNamespace) -> tuple[str, dict]:
    accounts = {"A": world.a.pk, "B": world.b.pk}
    grants = {"A": world.published.pk, "B": world.secret.pk}
    if url.startswith("grant:"):
        url = reverse("donor:grant", args=[grants[url.removeprefix("grant:")]])
    return url, {key: accounts.get(value, value) for key, value in query.items()}


CASES = [(visitor, url) for url in URLS for visitor in VISITORS]


@pytest.mark.parametrize(("visitor", "url_name"), CASES, ids=[f"{v}-{u}" for v, u in CASES])
def test_the_isolation_matrix(request, world, visitor: str, url_name: str) -> None:
    client = visitor_client(visitor, world, request)
    url, query = resolve(*URLS[url_name], world)
    expected = EXPECTED[url_name][VISITORS.index(visitor)]

    response = client.get(url, query)

    if expected == LOGIN:
        assert response.status_code == 302
        full_path = response.wsgi_request.get_full_path()
        assert response["Location"] == f"{reverse('login')}?next={quote(full_path, safe='/')}"
    else:
        assert response.status_code == expected
    if expected == 404:
        assert "Page not found" in response.content.decode()  # the site's own 404 page, nothing of the grant
        for secret in [*B_SECRETS, "Alpha clean water programme", "5,000.00"]:
            assert secret not in response.content.decode()


@pytest.mark.parametrize("url_name", ["dashboard", "grant of A", "csv", "xlsx"])
def test_donor_a_never_sees_anything_of_donor_b(world, url_name: str) -> None:
    url, query = resolve(*URLS[url_name], world)
    response = client_for(world.a.user).get(url, query)

    assert response.status_code == 200
    content = workbook_text(response) if url_name == "xlsx" else response.content.decode()
    assert "Alpha clean water programme" in content
    for secret in B_SECRETS:
        assert secret not in content


def test_a_donor_also_funding_bs_funder_sees_both(world) -> None:
    """The grant set is the account's funders: adding B's funder to A's account opens B's grants to A."""
    world.a.funders.add(world.beta)
    client = client_for(world.a.user)

    assert client.get(reverse("donor:grant", args=[world.secret.pk])).status_code == 200
    assert "Beta secret programme" in client.get(DASHBOARD).content.decode()


def test_a_staff_member_who_is_also_a_donor_sees_only_its_own_grants_without_as(world) -> None:
    world.a.user.is_staff = True
    world.a.user.save()
    client = client_for(world.a.user)

    assert client.get(DASHBOARD).status_code == 200
    assert client.get(DASHBOARD, {"as": world.b.pk}).status_code == 404  # staff, but without the permission


def test_a_staff_member_given_the_permission_may_view_as_a_donor(world) -> None:
    user = UserFactory(is_staff=True)
    user.user_permissions.add(Permission.objects.get(codename="view_donoraccount"))
    client = client_for(user)

    assert client.get(DASHBOARD, {"as": world.b.pk}).status_code == 200
    user.is_staff = False
    user.save()
    assert client.get(DASHBOARD, {"as": world.b.pk}).status_code == 404  # no longer staff


def test_the_donor_pages_accept_only_get_and_head(world) -> None:
    client = client_for(world.a.user)

    assert client.head(DASHBOARD).status_code == 200
    assert client.post(DASHBOARD).status_code == 405
    assert client.post(CSV).status_code == 405


# Departments: a body's donor sees its departments' grants; a department's donor, its own only.


def test_a_governments_donor_sees_its_departments_grants_and_a_departments_donor_only_its_own() -> None:
    government = Organisation.objects.get(slug="united-states-government")
    department = Organisation.objects.get(slug="us-state-department")
    governments = DonorAccountFactory(funders=[government])
    departments = DonorAccountFactory(funders=[department])
    own = set(Grant.objects.filter(funder=government).values_list("pk", flat=True))
    theirs = set(Grant.objects.filter(funder=department).values_list("pk", flat=True))
    assert own and theirs

    assert set(governments.grants().values_list("pk", flat=True)) == own | theirs
    assert set(departments.grants().values_list("pk", flat=True)) == theirs
    for account, visible, hidden in ((governments, own | theirs, set()), (departments, theirs, own)):
        client = client_for(account.user)
        for pk in visible:
            assert client.get(reverse("donor:grant", args=[pk])).status_code == 200
        for pk in hidden:
            assert client.get(reverse("donor:grant", args=[pk])).status_code == 404
