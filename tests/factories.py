"""factory_boy factories for every model; each builds a valid, published-unless-told record."""

from __future__ import annotations

import datetime
import io
from decimal import Decimal

import factory
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

from documents.models import Document
from funding.models import Budget, DonorAccount, Grant, OrganisationBudget, PlannedDisbursement, Transaction
from partners.models import Agreement, Organisation, Participation
from programmes.models import (
    Component,
    Country,
    Dimension,
    Indicator,
    KeyFigure,
    Location,
    Overview,
    OverviewEntry,
    Period,
    Programme,
    ProgrammeCountry,
    ProjectType,
    Publication,
    RelatedActivity,
    Result,
    ThematicArea,
)
from tests.helpers.photos import jpeg_bytes
from updates.models import Update, UpdatePhoto, UpdateStatus
from updates.photos import prepare_photo, store_photo


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = get_user_model()
        django_get_or_create = ("username",)
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"user{n}")
    email = factory.LazyAttribute(lambda u: f"{u.username}@example.org")
    password = factory.django.Password("a-long-test-password")

    @factory.post_generation
    def groups(self, create: bool, extracted: list[str] | None, **kwargs) -> None:
        if create and extracted:
            self.groups.set(Group.objects.filter(name__in=extracted))


class CountryFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Country
        django_get_or_create = ("code",)

    # Two-letter codes that no seed country uses: QA..QZ, then XA..
    code = factory.Sequence(lambda n: "Q" + chr(ord("A") + n % 26) if n < 26 else "X" + chr(ord("A") + n % 26))
    name = factory.Sequence(lambda n: f"Testland {n}")
    slug = factory.Sequence(lambda n: f"testland-{n}")


class ThematicAreaFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ThematicArea

    list = ThematicArea.List.PRIORITY
    order = factory.Sequence(lambda n: 100 + n)
    name = factory.Sequence(lambda n: f"Area {n}")
    overview_wording = factory.Sequence(lambda n: f"Test area {n}, as an overview words it")
    slug = factory.Sequence(lambda n: f"test-area-{n}")


class ProjectTypeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ProjectType

    name = factory.Sequence(lambda n: f"Project type {n}")
    slug = factory.Sequence(lambda n: f"project-type-{n}")


class ProgrammeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Programme

    title = factory.Sequence(lambda n: f"Test programme {n}")
    slug = factory.Sequence(lambda n: f"test-programme-{n}")
    code = factory.Sequence(lambda n: f"TST-{n:04d}")
    summary = "A programme made by the test suite."
    description = "What the programme does.\n\nA second paragraph."
    status = Programme.Status.ONGOING
    coverage = Programme.Coverage.NATIONAL
    dac_sector = "15190"
    start_date = datetime.date(2010, 3, 1)
    start_precision = "day"
    budget_amount = Decimal("1000.00")
    budget_currency = factory.LazyAttribute(lambda p: "" if p.budget_amount is None else "USD")
    is_published = True


class ProgrammeCountryFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ProgrammeCountry

    programme = factory.SubFactory(ProgrammeFactory)
    country = factory.SubFactory(CountryFactory)
    role = ProgrammeCountry.Role.BENEFITING


class ComponentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Component

    programme = factory.SubFactory(ProgrammeFactory)
    title = factory.Sequence(lambda n: f"Component {n}")


class ResultFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Result

    programme = factory.SubFactory(ProgrammeFactory)
    title = factory.Sequence(lambda n: f"Result {n}")


class IndicatorFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Indicator

    result = factory.SubFactory(ResultFactory)
    title = factory.Sequence(lambda n: f"Indicator {n}")
    measure = Indicator.Measure.UNIT


class PeriodFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Period

    indicator = factory.SubFactory(IndicatorFactory)
    start = datetime.date(2020, 1, 1)
    end = datetime.date(2020, 12, 31)


class DimensionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Dimension

    period = factory.SubFactory(PeriodFactory)
    of = "actual"
    name = "sex"
    value = "female"


class KeyFigureFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = KeyFigure

    programme = factory.SubFactory(ProgrammeFactory)
    value = Decimal("100")
    label = "people reached"


class PublicationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Publication

    programme = factory.SubFactory(ProgrammeFactory)
    title = factory.Sequence(lambda n: f"Study {n}")


class LocationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Location

    programme = factory.SubFactory(ProgrammeFactory)
    name = factory.Sequence(lambda n: f"Place {n}")
    # Kingston, Jamaica: inside the map.
    latitude = Decimal("17.971200")
    longitude = Decimal("-76.792800")


class RelatedActivityFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = RelatedActivity

    programme = factory.SubFactory(ProgrammeFactory)
    relation = RelatedActivity.Relation.SIBLING
    related_programme = factory.SubFactory(ProgrammeFactory)


class OverviewFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Overview

    title = factory.Sequence(lambda n: f"Overview {n}")
    slug = factory.Sequence(lambda n: f"overview-{n}")
    date = datetime.date(2020, 1, 1)
    is_published = True


class OverviewEntryFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = OverviewEntry

    overview = factory.SubFactory(OverviewFactory)
    programme = factory.SubFactory(ProgrammeFactory)
    section = OverviewEntry.Section.CURRENT


class OrganisationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Organisation

    name = factory.Sequence(lambda n: f"Test organisation {n}")
    slug = factory.Sequence(lambda n: f"test-organisation-{n}")
    type = Organisation.Type.GOVERNMENT


class ParticipationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Participation

    organisation = factory.SubFactory(OrganisationFactory)
    programme = factory.SubFactory(ProgrammeFactory)
    role = Participation.Role.IMPLEMENTING
    description = "implements the programme"


class AgreementFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Agreement

    title = factory.Sequence(lambda n: f"Agreement {n}")


class GrantFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Grant

    funder = factory.SubFactory(OrganisationFactory)
    programme = factory.SubFactory(ProgrammeFactory)
    amount = Decimal("5000.00")
    currency = factory.LazyAttribute(lambda g: "" if g.amount is None else "USD")
    purpose = "the whole programme"


class TransactionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Transaction

    grant = factory.SubFactory(GrantFactory)
    type = Transaction.Type.COMMITMENT
    date = datetime.date(2010, 4, 1)
    amount = Decimal("5000.00")
    currency = "USD"


class BudgetFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Budget

    programme = factory.SubFactory(ProgrammeFactory)
    period_start = datetime.date(2010, 1, 1)
    period_end = datetime.date(2010, 12, 31)
    amount = Decimal("1000.00")
    currency = "USD"


class OrganisationBudgetFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = OrganisationBudget

    period_start = datetime.date(2010, 1, 1)
    period_end = datetime.date(2010, 12, 31)
    amount = Decimal("250000.00")
    currency = "USD"


class DocumentFactory(factory.django.DjangoModelFactory):
    """A programme's external-link document (give ``file=`` and ``file_format=`` for an uploaded one)."""

    class Meta:
        model = Document

    programme = factory.SubFactory(ProgrammeFactory)
    title = factory.Sequence(lambda n: f"Evaluation report {n}")
    category = "A07"
    languages = "en"
    url = factory.Sequence(lambda n: f"https://example.org/reports/{n}.pdf")
    file_format = "application/pdf"


class PlannedDisbursementFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = PlannedDisbursement

    grant = factory.SubFactory(GrantFactory)
    period_start = factory.LazyFunction(lambda: datetime.date.today().replace(day=1))
    period_end = factory.LazyAttribute(lambda p: p.period_start + datetime.timedelta(days=364))
    amount = Decimal("1000.00")
    currency = "USD"


class DonorAccountFactory(factory.django.DjangoModelFactory):
    """A donor who may sign in, with the password "a-long-test-password"; pass funders=[...]."""

    class Meta:
        model = DonorAccount
        skip_postgeneration_save = True

    user = factory.SubFactory(UserFactory)

    @factory.post_generation
    def funders(self, create: bool, extracted: list | None, **kwargs) -> None:
        if create and extracted:
            self.funders.set(extracted)


class UpdateFactory(factory.django.DjangoModelFactory):
    """A published update of a published programme, without photos (``UpdatePhotoFactory`` adds one)."""

    class Meta:
        model = Update

    programme = factory.SubFactory(ProgrammeFactory)
    title = factory.Sequence(lambda n: f"News from the field {n}")
    text = "Staff met the returnees' families at the border post."
    date = datetime.date(2024, 5, 1)
    status = UpdateStatus.PUBLISHED


class UpdatePhotoFactory(factory.django.DjangoModelFactory):
    """A photo with its renditions, made from a small generated JPEG as an upload would be."""

    class Meta:
        model = UpdatePhoto

    update = factory.SubFactory(UpdateFactory)
    alt_text = "Families waiting at the border post"
    credit = "IOM"

    @classmethod
    def _create(cls, model_class, *args, **kwargs):
        photo = model_class(*args, **kwargs)
        content = jpeg_bytes(600, 400)
        store_photo(photo, prepare_photo(io.BytesIO(content), len(content)))
        photo.save()
        return photo
