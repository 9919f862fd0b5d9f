"""The content version, and so every ETag and Last-Modified, moves on for public changes only.

A private edit (an unpublished programme, what hangs off one, a donor account) must leave the
validators of public pages as they were: otherwise anyone watching them sees when staff edit
private records. Any change the public can see must move them (tests/test_caching.py shows the
pages themselves change at once).
"""

from __future__ import annotations

from collections.abc import Callable

import pytest
from django.apps import apps
from django.conf import settings
from django.urls import reverse

from funding.models import DonorAccount, Grant
from iomcaribbean.content_version import content_version
from iomcaribbean.public_records import is_listed
from partners.models import Organisation
from programmes.models import Programme, ThematicArea
from tests.factories import (
    AgreementFactory,
    ComponentFactory,
    DonorAccountFactory,
    GrantFactory,
    OrganisationFactory,
    OverviewEntryFactory,
    OverviewFactory,
    ParticipationFactory,
    PlannedDisbursementFactory,
    ProgrammeFactory,
    ResultFactory,
    TransactionFactory,
    UserFactory,
)
from tests.helpers.admin_forms import admin_url, form_data, form_errors

pytestmark = pytest.mark.django_db

LIST = reverse("programmes:list")
FUNDER = reverse("funding:detail", kwargs={"slug": "us-state-department"})


def validators(client, address: str = LIST) -> tuple[str, str]:
    response = client.get(address)
    assert response.status_code == 200
    return response["ETag"], response["Last-Modified"]


def still_not_modified(client, before: tuple[str, str], address: str = LIST) -> None:
    """The page answers with the same validators, and a 304 to a client holding them."""
    assert validators(client, address) == before
    assert client.get(address, headers={"If-None-Match": before[0]}).status_code == 304
    assert client.get(address, headers={"If-Modified-Since": before[1]}).status_code == 304


@pytest.fixture
def hidden() -> Programme:
    """An unpublished programme with a published phase (hidden by its parent), a grant and more."""
    programme = ProgrammeFactory(title="Hidden draft", is_published=False)
    ProgrammeFactory(title="Hidden phase", parent=programme, is_published=True)
    grant = GrantFactory(programme=programme, funder=Organisation.objects.get(slug="us-state-department"))
    TransactionFactory(grant=grant)
    ComponentFactory(programme=programme)
    return programme


def test_every_model_of_the_public_apps_is_decided_on_purpose():
    models = [
        model
        for model in apps.get_models(include_auto_created=True)
        if model._meta.app_label in settings.PUBLIC_APPS
        and not hasattr(model, "instance_type")  # django-simple-history's copies
    ]
    assert len(models) > 20
    assert [model._meta.label for model in models if not is_listed(model)] == []


def test_a_staff_save_of_an_unpublished_programme_through_the_admin_moves_no_validator(client, admin_client, hidden):
    before = validators(client)
    before_funder = validators(client, FUNDER)
    edit = admin_url(Programme, "change", hidden.pk)
    data = form_data(admin_client.get(edit)) | {"title": "Hidden draft, retitled", "title_en": "Hidden draft, retitled"}
    response = admin_client.post(edit, data)
    assert response.status_code == 302, form_errors(response)
    assert Programme.objects.get(pk=hidden.pk).title == "Hidden draft, retitled"
    still_not_modified(client, before)
    still_not_modified(client, before_funder, FUNDER)


PRIVATE_EDITS: dict[str, Callable[[Programme], object]] = {
    "a grant of an unpublished programme": lambda p: Grant.objects.get(programme=p).save(),
    "a new grant of an unpublished programme": lambda p: GrantFactory(programme=p),
    "a transaction of such a grant": lambda p: TransactionFactory(grant=p.grants.get()),
    "a planned disbursement of such a grant": lambda p: PlannedDisbursementFactory(grant=p.grants.get()),
    "a result of an unpublished programme": lambda p: ResultFactory(programme=p),
    "deleting a component of an unpublished programme": lambda p: p.components.get().delete(),
    "a phase hidden by its unpublished parent": lambda p: p.phases.get().save(),
    "an area given to an unpublished programme": lambda p: p.thematic_areas.add(ThematicArea.objects.first()),
    "an unpublished programme added to an area": lambda p: ThematicArea.objects.first().programmes.add(p),
    "an organisation only an unpublished programme names": lambda p: ParticipationFactory(
        programme=p, organisation=OrganisationFactory(name="Known to staff only")
    ).organisation.save(),
    "an agreement tied to an unpublished programme": lambda p: AgreementFactory(programme=p).organisations.add(
        OrganisationFactory()
    ),
    "a donor account and its funders": lambda p: DonorAccountFactory(
        user=UserFactory(), funders=[Organisation.objects.get(slug="us-state-department")]
    ).save(),
    "a user": lambda p: UserFactory().save(),
    # Published, but not the home page's: no public page shows it (Overview.objects.on_home_page()).
    "an overview off the home page and its entry": lambda p: OverviewEntryFactory(
        overview=OverviewFactory(is_current=False), programme=public_programme()
    ).overview.save(),
}


@pytest.mark.parametrize("edit", PRIVATE_EDITS.values(), ids=PRIVATE_EDITS.keys())
def test_a_private_edit_moves_no_validator(client, hidden, edit):
    before, before_funder = validators(client), validators(client, FUNDER)
    version = content_version()
    edit(hidden)
    assert content_version() == version
    still_not_modified(client, before)
    still_not_modified(client, before_funder, FUNDER)


def test_a_donor_account_saved_in_the_admin_moves_no_validator(client, admin_client):
    account = DonorAccountFactory(funders=[Organisation.objects.get(slug="us-state-department")])
    before = validators(client, FUNDER)
    edit = admin_url(DonorAccount, "change", account.pk)
    response = admin_client.post(edit, form_data(admin_client.get(edit)) | {"is_active": ""})
    assert response.status_code == 302, form_errors(response)
    assert not DonorAccount.objects.get(pk=account.pk).is_active
    still_not_modified(client, before, FUNDER)


def public_programme() -> Programme:
    """A public programme of the seed content with grants, roles and countries."""
    return Grant.objects.published().order_by("pk").first().programme


PUBLIC_EDITS: dict[str, Callable[[Programme], object]] = {
    "a public programme": lambda p: public_programme().save(),
    "publishing the unpublished programme": lambda p: _save_published(p),
    "a grant moved from a public programme to the unpublished one": lambda p: _move_grant(public_programme(), p),
    "a grant moved from the unpublished programme to a public one": lambda p: _move_grant(p, public_programme()),
    "a component of a public programme": lambda p: ComponentFactory(programme=public_programme()),
    "an area given to a public programme": lambda p: public_programme().thematic_areas.add(
        ThematicArea.objects.order_by("-pk").first()
    ),
    "an organisation a public programme names": lambda p: public_programme().participations.first().organisation.save(),
    "a country (a reference list)": lambda p: public_programme().countries.first().save(),
    "a new grant of a public programme": lambda p: GrantFactory(programme=public_programme()),
}


def _save_published(programme: Programme) -> None:
    programme.is_published = True
    programme.save()


def _move_grant(source: Programme, target: Programme) -> None:
    grant = source.grants.first()
    grant.programme = target
    grant.component = None
    grant.save()


@pytest.mark.parametrize("edit", PUBLIC_EDITS.values(), ids=PUBLIC_EDITS.keys())
def test_a_public_edit_moves_both_validators(client, hidden, edit):
    before = validators(client)
    edit(hidden)
    after = validators(client)
    assert after[0] != before[0]
    assert after[1] >= before[1]
    assert client.get(LIST, headers={"If-None-Match": before[0]}).status_code == 200


def test_deleting_a_public_record_moves_the_version_and_a_private_one_does_not(hidden):
    public_grant = GrantFactory(programme=public_programme())
    version = content_version()
    hidden.results.all().delete()
    Grant.objects.filter(programme=hidden).delete()
    assert content_version() == version
    public_grant.delete()
    assert content_version()[0] == version[0] + 1


@pytest.mark.both_engines
def test_unpublishing_a_parent_moves_the_version_and_hides_its_phase(client, hidden):
    root = ProgrammeFactory(title="Public root")
    phase = ProgrammeFactory(title="Public phase of the root", parent=root)
    assert "Public phase of the root" in client.get(LIST).content.decode()
    root.is_published = False
    root.save()
    assert "Public phase of the root" not in client.get(LIST).content.decode()
    assert client.get(phase.get_absolute_url()).status_code == 404
