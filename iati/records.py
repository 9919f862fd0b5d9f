"""The plain records an IATI activities file is read into, before anything touches the database.

``iati.reader`` fills them from the file, checked; ``iati.import_writes`` writes them, raising
``ActivityRejected`` for an activity that cannot be written (the importer reports it).
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field
from decimal import Decimal

from programmes.models import DatePrecision


class ActivityRejected(Exception):
    """One activity cannot be imported; the message says why."""


@dataclass
class Rejection:
    identifier: str
    line: int | None
    reason: str


# A text's translations from a file's narratives: language -> text, for the portal's languages
# other than English (English is the field itself).
Translations = dict[str, str]


@dataclass
class OrganisationData:
    ref: str
    name: str
    type: str  # OrganisationType code, or "" when the file does not say
    names: Translations = field(default_factory=dict)

    def __str__(self) -> str:
        return self.name or self.ref


@dataclass
class ParticipantData:
    organisation: OrganisationData
    role: str


@dataclass
class CountryShare:
    code: str
    percentage: Decimal | None


@dataclass
class BudgetData:
    period_start: datetime.date
    period_end: datetime.date
    amount: Decimal
    currency: str
    status: str  # "" when the file gives none


@dataclass
class TransactionData:
    type: str
    date: datetime.date
    amount: Decimal
    currency: str
    provider: OrganisationData
    description: str


@dataclass
class DimensionData:
    of: str  # "target" or "actual"
    name: str
    value: str


@dataclass
class PeriodData:
    start: datetime.date
    end: datetime.date
    target_value: Decimal | None = None
    target_comment: str = ""
    target_comment_translations: Translations = field(default_factory=dict)
    actual_value: Decimal | None = None
    actual_comment: str = ""
    actual_comment_translations: Translations = field(default_factory=dict)
    dimensions: list[DimensionData] = field(default_factory=list)


@dataclass
class IndicatorData:
    title: str
    measure: str  # IndicatorMeasure code
    ascending: bool = True
    description: str = ""
    baseline_year: int | None = None
    baseline_value: Decimal | None = None
    baseline_comment: str = ""
    periods: list[PeriodData] = field(default_factory=list)
    title_translations: Translations = field(default_factory=dict)
    description_translations: Translations = field(default_factory=dict)
    baseline_comment_translations: Translations = field(default_factory=dict)


@dataclass
class ResultData:
    type: str  # ResultType code
    title: str
    description: str = ""
    aggregation_status: bool | None = None
    indicators: list[IndicatorData] = field(default_factory=list)
    title_translations: Translations = field(default_factory=dict)
    description_translations: Translations = field(default_factory=dict)


@dataclass
class DocumentData:
    url: str
    file_format: str
    title: str
    category: str
    languages: str
    description: str = ""
    date: datetime.date | None = None
    title_translations: Translations = field(default_factory=dict)
    description_translations: Translations = field(default_factory=dict)


@dataclass
class LocationData:
    name: str
    name_translations: Translations = field(default_factory=dict)
    description: str = ""
    description_translations: Translations = field(default_factory=dict)
    latitude: Decimal | None = None
    longitude: Decimal | None = None
    country_code: str = ""
    reach: str = ""
    exactness: str = ""
    location_class: str = ""
    feature_designation: str = ""
    admin_vocabulary: str = ""
    admin_level: int | None = None
    admin_code: str = ""


@dataclass
class RelatedData:
    type: str  # RelatedActivityType 3, 4 or 5
    ref: str


@dataclass
class ActivityData:
    identifier: str
    line: int | None
    code: str  # IOM project code, "" when the activity has none
    slug: str  # the portal's slug when the identifier carries one, else ""
    title: str
    description: str = ""
    status: str = ""
    coverage: str = ""
    start: PartialDate = field(default_factory=lambda: PartialDate(None))
    end: PartialDate = field(default_factory=lambda: PartialDate(None))
    dac_sector: str = ""
    project_type: tuple[str, str] | None = None  # (slug, name)
    project_type_names: Translations = field(default_factory=dict)  # its name in each language the file has
    parent_identifier: str = ""
    default_currency: str = ""
    countries: list[CountryShare] = field(default_factory=list)
    participants: list[ParticipantData] = field(default_factory=list)
    budgets: list[BudgetData] = field(default_factory=list)
    transactions: list[TransactionData] = field(default_factory=list)
    results: list[ResultData] = field(default_factory=list)
    locations: list[LocationData] = field(default_factory=list)
    related: list[RelatedData] = field(default_factory=list)
    documents: list[DocumentData] = field(default_factory=list)
    # The title's and description's translations.
    title_translations: Translations = field(default_factory=dict)
    description_translations: Translations = field(default_factory=dict)


@dataclass
class ParsedFile:
    activities: list[ActivityData]
    rejections: list[Rejection]
    total: int


@dataclass(frozen=True)
class PartialDate:
    date: datetime.date | None
    precision: str = DatePrecision.DAY
    estimate: str = ""  # what an estimated date rests on, as the narrative says it
