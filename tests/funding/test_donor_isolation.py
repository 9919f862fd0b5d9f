"""What the donor pages show whom: a donor its own funders' grants and nothing else, a closed account
nothing, staff with the permission any donor's pages with ?as=. Which answer each visitor gets on each
donor URL is the access matrix's (tests/test_access_matrix.py); here, what those answers hold.
"""

from __future__ import annotations

from types import SimpleNamespace

import pytest
from django.contrib.auth.models import Permission
from django.test import Client
from django.urls import reverse

from funding.models import Grant
from partners.models import Organisation
from tests.factories import DonorAccountFactory, UserFactory
from tests.helpers.donors import B_SECRETS, workbook_text
from tests.helpers.roles import client_for

pytestmark = pytest.mark.django_db

DASHBOARD = reverse("donor:dashboard")
CSV, XLSX = reverse("donor:export_csv"), reverse("donor:export_xlsx")

# (name, path, query): the query may name account "A" or "B", resolved per test.
URLS = {
    "dashboard": (DASHBOARD, {}),
    "years": (reverse("donor:years"), {}),
    "results": (reverse("donor:results"), {}),
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

# The visitors and URLs the access matrix answers with a 404: the site's own page, nothing of a grant.
NOT_FOUND = [
    *((visitor, url) for visitor in ("donor A", "donor B", "editor", "finance") for url in URLS if " as " in url),
    *(
        (visitor, url)
        for visitor in ("superuser", "editor", "finance")
        for url in ("grant of A", "grant of B", "csv", "xlsx")
    ),
    ("donor A", "grant of B"),
    ("donor B", "grant of A"),
    ("superuser", "grant of A as B"),
    ("superuser", "dashboard as nobody"),
    ("superuser", "dashboard as junk"),
]


def visitor_client(name: str, world: SimpleNamespace, request) -> Client:
    if name in ("donor A", "donor B"):
        return client_for(world.a.user if name == "donor A" else world.b.user)
    # Staff without a donor account: the superuser may view any donor; editors and finance
    # officers (no funding.view_donoraccount) may not.
    return request.getfixturevalue({"superuser": "admin_client", "editor": "editor_client"}.get(name, "finance_client"))


def resolve(url: str, query: dict, world: SimpleNamespace) -> tuple[str, dict]:
    accounts = {"A": world.a.pk, "B": world.b.pk}
    grants = {"A": world.published.pk, "B": world.secret.pk}
    if url.startswith("grant:"):
        url = reverse("donor:grant", args=[grants[url.removeprefix("grant:")]])
    return url, {key: accounts.get(value, value) for key, value in query.items()}


def assert_nothing_of_a_grant(content: str) -> None:
    assert "Page not found" in content  # the site's own 404 page
    for secret in [*B_SECRETS, "Alpha clean water programme", "5,000.00"]:
        assert secret not in content


def test_a_donor_page_that_is_not_found_shows_nothing_of_any_grant(request, world) -> None:
    for visitor, url_name in NOT_FOUND:
        url, query = resolve(*URLS[url_name], world)
        response = visitor_client(visitor, world, request).get(url, query)
        assert_nothing_of_a_grant(response.content.decode())


def test_a_closed_account_is_told_it_has_no_dashboard_and_sees_nothing_of_its_grants(world) -> None:
    world.a.is_active = False
    world.a.save()
    client = client_for(world.a.user)

    assert client.get(DASHBOARD).status_code == 403
    for url_name in URLS:
        if url_name != "dashboard":
            assert_nothing_of_a_grant(client.get(*resolve(*URLS[url_name], world)).content.decode())


@pytest.mark.parametrize("url_name", ["dashboard", "years", "grant of A", "csv", "xlsx"])
def test_donor_a_never_sees_anything_of_donor_b(world, url_name: str) -> None:
    url, query = resolve(*URLS[url_name], world)
    response = client_for(world.a.user).get(url, query)

    assert response.status_code == 200
    content = workbook_text(response) if url_name == "xlsx" else response.content.decode()
    assert ("5,000.00" if url_name == "years" else "Alpha clean water programme") in content
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
