"""Who the access and write matrices ask as, and the records they ask about.

The staff roles' groups as the permission migration names them; the six kinds of visitor; and the
records both matrices fill their URLs and forms with, built once per module and rolled back at its end.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import TypeVar

from django.apps import apps
from django.core.files.base import ContentFile
from django.db import transaction
from django.test import Client

from tests.factories import (
    AgreementFactory,
    BudgetFactory,
    CountryFactory,
    DocumentFactory,
    DonorAccountFactory,
    GrantFactory,
    IndicatorFactory,
    OrganisationBudgetFactory,
    OrganisationFactory,
    OverviewFactory,
    ParticipationFactory,
    PeriodFactory,
    ProgrammeCountryFactory,
    ProgrammeFactory,
    ProjectTypeFactory,
    ThematicAreaFactory,
    UpdatePhotoFactory,
    UserFactory,
)

Built = TypeVar("Built")

EDITORS = "Programme editors"
FINANCE = "Finance officers"

ROLES = ("anonymous", "donor_a", "donor_b", "editor", "finance", "superuser")
STAFF = ("editor", "finance", "superuser")
DONORS = ("donor_a", "donor_b")


@dataclass
class Records:
    objects: dict = field(default_factory=dict)
    clients: dict[str, Client] = field(default_factory=dict)

    def __getitem__(self, name: str):
        return self.objects[name]


# The admin record each model's object pages open (a key of the records).
ADMIN_RECORD = {
    "programmes.country": "country",
    "programmes.thematicarea": "area",
    "programmes.projecttype": "project_type",
    "programmes.programme": "published",
    "programmes.overview": "overview",
    "programmes.indicator": "indicator",
    "programmes.period": "period",
    "partners.organisation": "partner",
    "partners.participation": "participation",
    "partners.agreement": "agreement",
    "funding.grant": "grant_a",
    "funding.budget": "budget",
    "funding.organisationbudget": "organisation_budget",
    "documents.document": "document",
    "updates.update": "update",
    "funding.donoraccount": "account_a",
    "digests.digestsent": "digest_sent",
    "auth.user": "donor_a_user",
    "auth.group": "editors",
    "axes.accessattempt": "access_attempt",
    "axes.accesslog": "access_log",
    "axes.accessfailurelog": "access_failure_log",
}


def text_file() -> dict:
    """A document's fields for an uploaded plain-text file (stored in the tests' own MEDIA_ROOT)."""
    return {"url": "", "file": ContentFile(b"Notes of the meeting.\n", name="notes.txt"), "file_format": "text/plain"}


def client_for(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def build_records() -> Records:
    from django.contrib.auth.models import Group
    from django.contrib.contenttypes.models import ContentType

    from digests.models import DigestSent
    from programmes.models import Programme

    country, area, project_type = CountryFactory(), ThematicAreaFactory(), ProjectTypeFactory()
    published = ProgrammeFactory(slug="matrix-published", project_type=project_type)
    published.thematic_areas.add(area)
    ProgrammeCountryFactory(programme=published, country=country)
    unpublished = ProgrammeFactory(slug="matrix-unpublished", is_published=False)
    phase = ProgrammeFactory(slug="matrix-phase-of-unpublished", parent=unpublished)
    funder_a, funder_b, partner = OrganisationFactory(), OrganisationFactory(), OrganisationFactory()
    participation = ParticipationFactory(organisation=partner, programme=published)
    grant_a = GrantFactory(funder=funder_a, programme=published)
    grant_b = GrantFactory(funder=funder_b, programme=unpublished)
    account_a = DonorAccountFactory(user=UserFactory(username="donor-a"), funders=[funder_a])
    account_b = DonorAccountFactory(user=UserFactory(username="donor-b"), funders=[funder_b])
    users = {
        "donor_a": account_a.user,
        "donor_b": account_b.user,
        "editor": UserFactory(username="matrix-editor", is_staff=True, groups=[EDITORS]),
        "finance": UserFactory(username="matrix-finance", is_staff=True, groups=[FINANCE]),
        "superuser": UserFactory(username="matrix-admin", is_staff=True, is_superuser=True),
    }
    period = PeriodFactory(indicator=IndicatorFactory(result__programme=published))
    # A public update with a photo, a draft of the same programme, and a published update of an unpublished one.
    photo = UpdatePhotoFactory(update__programme=published)
    draft_photo = UpdatePhotoFactory(update__programme=published, update__status="draft")
    hidden_photo = UpdatePhotoFactory(update__programme=unpublished)
    records = Records()
    records.objects |= {
        "country": country,
        "area": area,
        "project_type": project_type,
        "published": published,
        "unpublished": unpublished,
        "phase of unpublished": phase,
        # The seminar of 2001 (seed content): complete enough for IATI.
        "iati": Programme.objects.get(code="T81-805"),
        "funder_a": funder_a,
        "funder_b": funder_b,
        "partner": partner,
        "participation": participation,
        "agreement": AgreementFactory(programme=published),
        "overview": OverviewFactory(is_published=False),
        "grant_a": grant_a,
        "grant_b": grant_b,
        "budget": BudgetFactory(programme=published),
        "indicator": period.indicator,
        "period": period,
        "organisation_budget": OrganisationBudgetFactory(),
        "document": DocumentFactory(programme=published),
        "file_document": DocumentFactory(programme=published, **text_file()),
        "unpublished_file_document": DocumentFactory(programme=unpublished, **text_file()),
        "update": photo.update,
        "photo": photo,
        "draft_update": draft_photo.update,
        "draft_photo": draft_photo,
        "unpublished_update": hidden_photo.update,
        "unpublished_photo": hidden_photo,
        "account_a": account_a,
        "account_b": account_b,
        "donor_a_user": account_a.user,
        "digest_sent": DigestSent.objects.create(
            account=account_a,
            period_start=datetime.datetime(2024, 1, 1, tzinfo=datetime.UTC),
            period_end=datetime.datetime(2024, 1, 8, tzinfo=datetime.UTC),
            to=account_a.user.email,
            items=1,
        ),
        "editors": Group.objects.get(name=EDITORS),
        "programme_type": ContentType.objects.get_for_model(Programme),
    }
    if apps.is_installed("axes"):
        from axes.models import AccessAttempt, AccessFailureLog, AccessLog

        seen = {"username": "someone", "ip_address": "127.0.0.1", "user_agent": "test", "path_info": "/accounts/login/"}
        records.objects |= {
            "access_attempt": AccessAttempt.objects.create(**seen, get_data="", post_data="", failures_since_start=1),
            "access_log": AccessLog.objects.create(**seen),
            "access_failure_log": AccessFailureLog.objects.create(**seen),
        }
    records.clients["anonymous"] = Client()
    for role, user in users.items():
        records.clients[role] = Client()
        records.clients[role].force_login(user)
    return records


def records_once(django_db_blocker, build: Callable[[], Built] = build_records) -> Iterator[Built]:
    """What ``build`` makes, once for a module, in a transaction rolled back at its end (also the write matrix's)."""
    with django_db_blocker.unblock():
        atomic = transaction.atomic()
        atomic.__enter__()
        try:
            yield build()
        finally:
            transaction.set_rollback(True)
            atomic.__exit__(None, None, None)
