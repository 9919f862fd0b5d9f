"""The published programmes as IATI activities (IATI Standard 2.03), streamed as XML.

The file is written with the standard library's ``XMLGenerator``, one activity at a time, from
programmes fetched in batches of ``BATCH_SIZE``, so memory stays flat however many there are.
The IATI codes the export writes are written down here: the portal never reads the codelists at
run time (the tests check these tables against the official codelists).

A programme the export cannot write as a valid activity without inventing data (no start date,
country percentages that do not add up...) is left out of the file: ``unwritable()`` says why,
and the admin's data-quality panel (``programmes.quality``) says how to fix it.

Functions other code relies on (keep their names and signatures):
``iter_activities_xml(programmes=None, *, include_unwritable=False, now=None) -> Iterator[bytes]``,
``activity_xml(programme, *, today=None) -> bytes``, ``export_queryset(queryset=None) -> QuerySet``,
``unwritable(programme) -> list[str]``, ``activity_identifier(programme) -> str``,
``country_shares(programme) -> CountryShares``, ``participating_orgs(programme) -> list[Org]``,
``description_text(programme) -> str``; the code tables ``COUNTRY_CODES``, ``CURRENCY_CODES``, ``SECTOR_CODES``.

Texts staff translate (``programmes.translation``) are written once per language they have: a
``<narrative>`` in English (the activity's ``xml:lang``), then one with ``xml:lang="es"`` and one
with ``xml:lang="fr"`` where a translation exists. An untranslated text has its English narrative only.
"""

from __future__ import annotations

import datetime
import gc
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from decimal import Decimal
from io import BytesIO
from xml.sax.saxutils import XMLGenerator

from django.conf import settings
from django.db.models import Prefetch, QuerySet
from django.utils import timezone

from iomcaribbean.exports import XML_INVALID
from programmes.models import Country, DatePrecision, Programme, ProgrammeCountry, iso_partial_date
from programmes.translation import DEFAULT_LANGUAGE, LANGUAGES, localized

IATI_VERSION = "2.03"
BATCH_SIZE = 50  # programmes per query batch: memory holds one batch at a time
LANGUAGE = DEFAULT_LANGUAGE  # the activity's xml:lang

# The reporting organisation, as IATI knows it (its ref is settings.IATI_REPORTING_ORG_REF).
REPORTING_ORG_NAME = "International Organization for Migration"
# IOM's official names in its other official languages, for the narratives in those languages.
REPORTING_ORG_NAMES = {
    "en": REPORTING_ORG_NAME,
    "es": "Organización Internacional para las Migraciones",
    "fr": "Organisation internationale pour les migrations",
}
REPORTING_ORG_TYPE = "40"  # OrganisationType: multilateral

# The codes the export writes, from the IATI 2.03 codelists named in each comment.
DESCRIPTION_GENERAL = "1"  # DescriptionType
OTHER_ID_INTERNAL = "A1"  # OtherIdentifierType: the reporting organisation's own activity identifier
PLANNED_START, ACTUAL_START, PLANNED_END, ACTUAL_END = "1", "2", "3", "4"  # ActivityDateType
ROLE_FUNDING, ROLE_ACCOUNTABLE = "1", "2"  # OrganisationRole (Participation.role stores these codes already)
IATI_ROLES = frozenset({"1", "2", "3", "4"})  # the OrganisationRole codes; Participation has one more
SECTOR_DAC, SECTOR_REPORTING_ORG = "1", "99"  # SectorVocabulary
REGION_VOCABULARY_DAC = "1"  # RegionVocabulary
# Region used when a programme names no benefiting country. 380 "West Indies, regional" is
# withdrawn from the codelist; 1031 "Caribbean, regional" replaces it.
CARIBBEAN_REGION, CARIBBEAN_REGION_NAME = "1031", "Caribbean, regional"
BUDGET_ORIGINAL = "1"  # BudgetType
RESULT_OUTCOME = "2"  # ResultType
INDICATOR_QUALITATIVE = "5"  # IndicatorMeasure
RELATED_PARENT, RELATED_CHILD = "1", "2"  # RelatedActivityType
# Status and scope codes: Programme.IATI_STATUS and Programme.IATI_SCOPE.


def _codes(text: str) -> frozenset[str]:
    return frozenset(text.split())


# Country: every active code (AN, Netherlands Antilles, is withdrawn).
COUNTRY_CODES = _codes(
    """
    AD AE AF AG AI AL AM AO AQ AR AS AT AU AW AX AZ BA BB BD BE BF BG BH BI BJ BL BM BN BO BQ BR BS BT BV BW BY
    BZ CA CC CD CF CG CH CI CK CL CM CN CO CR CU CV CW CX CY CZ DE DJ DK DM DO DZ EC EE EG EH ER ES ET FI FJ FK
    FM FO FR GA GB GD GE GF GG GH GI GL GM GN GP GQ GR GS GT GU GW GY HK HM HN HR HT HU ID IE IL IM IN IO IQ IR
    IS IT JE JM JO JP KE KG KH KI KM KN KP KR KW KY KZ LA LB LC LI LK LR LS LT LU LV LY MA MC MD ME MF MG MH MK
    ML MM MN MO MP MQ MR MS MT MU MV MW MX MY MZ NA NC NE NF NG NI NL NO NP NR NU NZ OM PA PE PF PG PH PK PL PM
    PN PR PS PT PW PY QA RE RO RS RU RW SA SB SC SD SE SG SH SI SJ SK SL SM SN SO SR SS ST SV SX SY SZ TC TD TF
    TG TH TJ TK TL TM TN TO TR TT TV TW TZ UA UG UM US UY UZ VA VC VE VG VI VN VU WF WS XK YE YT ZA ZM ZW
    """
)
# Currency: every active code.
CURRENCY_CODES = _codes(
    """
    AED AFN ALL AMD ANG AOA ARS AUD AWG AZN BAM BBD BDT BGN BHD BIF BMD BND BOB BOV BRL BSD BTN BWP BYN BZD CAD
    CDF CHF CLF CLP CNY COP COU CRC CUC CUP CVE CZK DJF DKK DOP DZD EGP ERN ETB EUR FJD FKP GBP GEL GHS GIP GMD
    GNF GTQ GYD HKD HNL HRK HTG HUF IDR ILS INR IQD IRR ISK JMD JOD JPY KES KGS KHR KMF KPW KRW KWD KYD KZT LAK
    LBP LKR LRD LSL LYD MAD MDL MGA MKD MMK MNT MOP MRU MUR MVR MWK MXN MXV MYR MZN NAD NGN NIO NOK NPR NZD OMR
    PAB PEN PGK PHP PKR PLN PYG QAR RON RSD RUB RWF SAR SBD SCR SDG SEK SGD SHP SLE SLL SOS SRD SSP STN SVC SYP
    SZL THB TJS TMT TND TOP TRY TTD TWD TZS UAH UGX USD USN UYI UYU UZS VED VES VND VUV WST XAF XBT XCD XDR XOF
    XPF YER ZAR ZMW ZWL
    """
)
# Sector (DAC 5-digit purpose codes): every active code.
SECTOR_CODES = _codes(
    """
    11110 11120 11130 11182 11220 11230 11231 11232 11240 11250 11260 11320 11330 11420 11430 12110 12181 12182
    12191 12196 12220 12230 12240 12250 12261 12262 12263 12264 12281 12310 12320 12330 12340 12350 12382 13010
    13020 13030 13040 13081 13096 14010 14015 14020 14021 14022 14030 14031 14032 14040 14050 14081 15110 15111
    15112 15113 15114 15116 15117 15118 15119 15121 15122 15123 15124 15125 15126 15127 15128 15129 15130 15131
    15132 15133 15134 15135 15136 15137 15142 15143 15144 15150 15151 15152 15153 15154 15155 15156 15160 15170
    15180 15185 15190 15196 15210 15220 15230 15240 15250 15261 16010 16011 16012 16013 16014 16015 16020 16030
    16040 16050 16061 16062 16063 16064 16065 16066 16070 16080 21010 21011 21012 21013 21020 21021 21022 21023
    21024 21030 21040 21050 21061 21081 22010 22011 22012 22013 22020 22030 22040 23110 23111 23112 23181 23182
    23183 23210 23220 23230 23231 23232 23240 23250 23260 23270 23310 23320 23330 23340 23350 23360 23410 23510
    23610 23620 23630 23631 23640 23641 23642 24010 24020 24030 24040 24050 24081 25010 25020 25030 25040 31110
    31120 31130 31140 31150 31161 31162 31163 31164 31165 31166 31181 31182 31191 31192 31193 31194 31195 31210
    31220 31261 31281 31282 31291 31310 31320 31381 31382 31391 32110 32120 32130 32140 32161 32162 32163 32164
    32165 32166 32167 32168 32169 32170 32171 32172 32173 32174 32182 32210 32220 32261 32262 32263 32264 32265
    32266 32267 32268 32310 33110 33120 33130 33140 33150 33181 33210 41010 41020 41030 41040 41081 41082 43010
    43030 43031 43032 43040 43041 43042 43050 43060 43071 43072 43073 43081 43082 51010 52010 53030 53040 60010
    60020 60030 60040 60061 60062 60063 72010 72011 72012 72040 72050 73010 74020 91010 93010 93011 93012 93013
    93014 93015 93016 93017 93018 99810 99820
    """
)

# The IATI rules allow none of these in an identifier.
IDENTIFIER_FORBIDDEN = re.compile(r"[/&|?\s]")
HUNDRED = Decimal("100")
CENT = Decimal("0.01")


# A text in every language -----------------------------------------------------------------------

# (language, text) pairs, English first: what one IATI element says, one narrative per language.
Texts = list[tuple[str, str]]


def texts(obj: object, field: str) -> Texts:
    """``obj.field`` in each language it is written in, English first; empty translations left out.

    A field ``programmes.translation`` does not translate is English only.
    """
    if not hasattr(obj, localized(field, DEFAULT_LANGUAGE)):
        value = getattr(obj, field) or ""
        return [(DEFAULT_LANGUAGE, value)] if value.strip() else []
    found = [(language, getattr(obj, localized(field, language)) or "") for language in LANGUAGES]
    return [(language, value) for language, value in found if value.strip()]


def reporting_org_texts() -> Texts:
    return [(language, REPORTING_ORG_NAMES[language]) for language in LANGUAGES if language in REPORTING_ORG_NAMES]


# What the activity says --------------------------------------------------------------------------


def activity_identifier(programme: Programme) -> str:
    """XM-DAC-47066-<IOM project code>, or -<slug> while the programme has no code."""
    return f"{settings.IATI_REPORTING_ORG_REF}-{programme.code or programme.slug}"


@dataclass(frozen=True)
class ActivityDate:
    type: str  # ActivityDateType
    date: datetime.date
    narrative: str  # what the day alone cannot say: the precision, an estimate; "" when it is exact


def period_bounds(programme: Programme) -> tuple[datetime.date | None, datetime.date | None]:
    """The first day the start can mean and the last day the end can mean, as far as they are known."""
    start = programme.start_date
    end = programme.end_date and last_day(programme.end_date, programme.end_precision)
    return start, end


def last_day(value: datetime.date, precision: str) -> datetime.date:
    """The last day of the year or month a date known only to it stands for; the day itself otherwise."""
    if precision == DatePrecision.YEAR:
        return value.replace(month=12, day=31)
    if precision == DatePrecision.MONTH:
        following = (value.replace(day=28) + datetime.timedelta(days=4)).replace(day=1)
        return following - datetime.timedelta(days=1)
    return value


def date_narrative(value: datetime.date, precision: str, estimate: str) -> str:
    """IATI dates are days; the narrative says what the record knows (the schema's advice for
    dates known only to the month or year) and, for an estimate, what it rests on."""
    parts = []
    if precision != DatePrecision.DAY:
        parts.append(f"{iso_partial_date(value, precision)}: known only to the {precision}.")
    if estimate.strip():
        parts.append(f"Estimated: {estimate.strip()}")
    return " ".join(parts)


def activity_dates(programme: Programme, today: datetime.date) -> list[ActivityDate]:
    """The start and end the record gives, each planned or actual; only the dates that are known.

    A date is actual only when the status says the programme started (or ended) and the date has
    passed: IATI forbids actual dates in the future. A start known only to the month or year is
    written as its first day, an end as its last, with a narrative that says so.
    """
    Status = Programme.Status
    start, end = period_bounds(programme)
    dates = []
    if start:
        started = programme.status in (Status.ONGOING, Status.COMPLETED, Status.CANCELLED)
        actual = started and start <= today
        narrative = date_narrative(start, programme.start_precision, programme.start_estimate)
        dates.append(ActivityDate(ACTUAL_START if actual else PLANNED_START, start, narrative))
    if end:
        ended = programme.status in (Status.COMPLETED, Status.CANCELLED)
        actual = ended and end <= today
        narrative = date_narrative(programme.end_date, programme.end_precision, programme.end_estimate)
        dates.append(ActivityDate(ACTUAL_END if actual else PLANNED_END, end, narrative))
    return dates


@dataclass
class CountryShares:
    """The recipient countries the record gives, and what keeps the others out."""

    shares: list[tuple[Country, Decimal | None]] = field(default_factory=list)  # None: no share given
    withdrawn: list[Country] = field(default_factory=list)  # where it works, but the code is no longer in IATI
    error: str = ""  # why the percentages cannot be written

    @property
    def without_percentages(self) -> bool:
        return len(self.shares) > 1 and all(share is None for _, share in self.shares)


def country_shares(programme: Programme) -> CountryShares:
    """The countries where the programme works, with IATI's active codes, and their percentages.

    Percentages only as given: none at all are written as none (IATI allows it; splitting equally
    would state what no one said), and a single country without one has 100; some but not all, or
    a total other than 100, is an error.
    """
    result = CountryShares()
    links = []
    for link in programme.country_links.all():
        if link.role != ProgrammeCountry.Role.BENEFITING:
            continue
        if link.country.code in COUNTRY_CODES:
            links.append(link)
        else:
            result.withdrawn.append(link.country)
    if not links:
        return result
    given = [link.percentage for link in links if link.percentage is not None]
    if not given and len(links) == 1:
        result.shares = [(links[0].country, HUNDRED.quantize(CENT))]  # one country: all of it
    elif not given:
        result.shares = [(link.country, None) for link in links]
    elif len(given) < len(links):
        result.error = "some countries where it works have a percentage and others none"
    elif (total := sum(given)) != HUNDRED:
        shown = f"{total:.2f}".rstrip("0").rstrip(".")
        result.error = f"the percentages of the countries where it works add up to {shown}, not 100"
    else:
        result.shares = [(link.country, link.percentage) for link in links]
    return result


@dataclass
class Org:
    role: str
    name: str
    ref: str
    type: str
    names: Texts = field(default_factory=list)  # the name in each language it has, English first

    def __post_init__(self) -> None:
        self.names = self.names or [(DEFAULT_LANGUAGE, self.name)]


def participating_orgs(programme: Programme) -> list[Org]:
    """Funders from the grants (role 1), then the participations, by role; each organisation once per role.

    With none recorded, IOM as the accountable organisation.
    """
    orgs: dict[tuple[int, str], Org] = {}
    for grant in programme.grants.all():
        funder = grant.funder
        orgs.setdefault(
            (funder.pk, ROLE_FUNDING),
            Org(ROLE_FUNDING, funder.name, funder.iati_identifier, funder.type, texts(funder, "name")),
        )
    for participation in programme.participations.all():
        organisation, role = participation.organisation, participation.role
        if role not in IATI_ROLES:
            continue  # a role the standard has no code for, such as "in discussions"
        orgs.setdefault(
            (organisation.pk, role),
            Org(role, organisation.name, organisation.iati_identifier, organisation.type, texts(organisation, "name")),
        )
    if not orgs:
        # IATI needs at least one; IOM is accountable for every programme it publishes.
        # In English only, as IOM's own organisation record has it: an import of the file reads
        # participating organisations' names into their records.
        accountable = Org(ROLE_ACCOUNTABLE, REPORTING_ORG_NAME, settings.IATI_REPORTING_ORG_REF, REPORTING_ORG_TYPE)
        return [accountable]
    return sorted(orgs.values(), key=lambda org: org.role)  # stable: grants and participations keep their order


def budget_too_long(start: datetime.date, end: datetime.date) -> bool:
    """IATI budgets cover one year or less."""
    return (end - start).days > 365


@dataclass(frozen=True)
class IatiBudget:
    period_start: datetime.date
    period_end: datetime.date
    amount: Decimal
    currency: str
    status: str  # BudgetStatus; "" leaves it out (IATI then reads it as indicative)


def total_budget_period(programme: Programme) -> tuple[datetime.date, datetime.date] | None:
    """The period the total budget covers, the programme's life, when both ends are known; else None."""
    start, end = period_bounds(programme)
    if start is None or end is None or programme.start_estimate.strip() or programme.end_estimate.strip():
        return None
    return start, end


def writable_budgets(programme: Programme) -> list[IatiBudget]:
    """The budgets per period of a year or less; without any, the total budget when its period,
    the programme's life, is a year or less (a longer one needs the split: ``programmes.quality``)."""
    budgets = [
        IatiBudget(budget.period_start, budget.period_end, budget.amount, budget.currency, budget.status)
        for budget in programme.budgets.all()
        if not budget_too_long(budget.period_start, budget.period_end) and budget.currency in CURRENCY_CODES
    ]
    if budgets or programme.budget_amount is None or programme.budget_currency not in CURRENCY_CODES:
        return budgets
    period = total_budget_period(programme)
    if period is None or budget_too_long(*period):
        return []
    return [IatiBudget(*period, programme.budget_amount, programme.budget_currency, "")]


def writable_transactions(programme: Programme, today: datetime.date) -> list:
    """Each grant's transactions, but none dated in the future (IATI forbids it) or in a currency IATI lacks."""
    return [
        (grant, transaction)
        for grant in programme.grants.all()
        for transaction in grant.transactions.all()
        if transaction.date <= today and transaction.currency in CURRENCY_CODES
    ]


def description_text(programme: Programme) -> str:
    """The full description, or the summary where there is none, once (the summary repeats the
    description's opening); the title when there is neither (IATI requires a description)."""
    return programme.description.strip() or programme.summary.strip() or programme.title


def description_texts(programme: Programme) -> Texts:
    """``description_text`` in each language that has a description or a summary."""
    descriptions = dict(texts(programme, "description"))
    summaries = dict(texts(programme, "summary"))
    found = [
        (language, (descriptions.get(language) or summaries[language]).strip())
        for language in LANGUAGES
        if language in descriptions or language in summaries
    ]
    return found or texts(programme, "title")


def unwritable(programme: Programme) -> list[str]:
    """The fields that keep the programme out of the IATI file: the activity would be invalid.

    Empty when the programme can be written; it reads the programme's fields and country links
    only. ``programmes.quality`` explains each in plain words.
    """
    fields = []
    if IDENTIFIER_FORBIDDEN.search(programme.code):
        fields.append("code")
    if programme.status_estimate.strip():
        fields.append("status")  # IATI requires a status and has no way to mark it as estimated
    if not programme.start_date:
        fields.append("start_date")
    if programme.dac_sector not in SECTOR_CODES:
        fields.append("dac_sector")
    if programme.budget_amount is not None and programme.budget_currency not in CURRENCY_CODES:
        fields.append("budget_currency")
    if country_shares(programme).error:
        fields.append("countries")
    return fields


# Fetching ----------------------------------------------------------------------------------------


def export_queryset(queryset: QuerySet[Programme] | None = None) -> QuerySet[Programme]:
    """``queryset`` (by default every published programme) with all the export reads, in a fixed number of queries."""
    if queryset is None:
        queryset = Programme.objects.published()
    participation = Programme._meta.get_field("participations").related_model
    grant = Programme._meta.get_field("grants").related_model
    links = ProgrammeCountry.objects.select_related("country")
    # Phases and parents with what unwritable() reads: links go only to activities in the file.
    phases = Programme.objects.published().order_by("order", "pk").prefetch_related(Prefetch("country_links", links))
    return queryset.select_related("project_type", "parent").prefetch_related(
        Prefetch("country_links", queryset=links),
        Prefetch("parent__country_links", queryset=links),
        Prefetch("participations", queryset=participation.objects.select_related("organisation")),
        Prefetch("grants", queryset=grant.objects.select_related("funder").prefetch_related("transactions")),
        "budgets",
        "results",
        Prefetch("phases", queryset=phases),
    )


def in_batches(queryset: QuerySet[Programme], batch_size: int = BATCH_SIZE) -> Iterator[Programme]:
    """Every programme of ``queryset`` by primary key, ``batch_size`` (and their prefetches) at a time.

    Each batch is its own query, so no cursor stays open while the response streams.
    """
    last_pk = 0
    while True:
        batch = list(queryset.filter(pk__gt=last_pk).order_by("pk")[:batch_size])
        yield from batch
        if len(batch) < batch_size:
            return
        last_pk = batch[-1].pk
        # Prefetching links each programme and its related rows both ways; such cycles wait for the
        # garbage collector, which may not run for many batches: free the batch before the next one.
        del batch
        gc.collect()


# Writing -----------------------------------------------------------------------------------------


def _datetime(value: datetime.datetime) -> str:
    return timezone.localtime(value).replace(microsecond=0).isoformat()


def _amount(value: Decimal) -> str:
    return f"{value:f}"


class _Writer:
    """An indenting ``XMLGenerator`` whose output is taken piece by piece."""

    def __init__(self) -> None:
        self.buffer = BytesIO()
        self.xml = XMLGenerator(self.buffer, encoding="utf-8", short_empty_elements=True)
        self.depth = 0
        self.nested = False  # whether the open element has child elements

    def take(self) -> bytes:
        data = self.buffer.getvalue()
        self.buffer.seek(0)
        self.buffer.truncate()
        return data

    def _indent(self) -> None:
        if self.depth:  # the root element follows the XML declaration's own line break
            self.xml.ignorableWhitespace("\n" + "  " * self.depth)

    @staticmethod
    def _attrs(attrs: dict[str, str | None]) -> dict[str, str]:
        return {name: XML_INVALID.sub("", value) for name, value in attrs.items() if value not in (None, "")}

    def start(self, name: str, **attrs: str | None) -> None:
        self._indent()
        self.xml.startElement(name, self._attrs(attrs))
        self.depth += 1
        self.nested = False

    def end(self, name: str) -> None:
        self.depth -= 1
        if self.nested:
            self.xml.ignorableWhitespace("\n" + "  " * self.depth)
        self.xml.endElement(name)
        self.nested = True

    def leaf(self, name: str, text: str | None = None, **attrs: str | None) -> None:
        self._indent()
        self.xml.startElement(name, self._attrs(attrs))
        if text:
            self.xml.characters(XML_INVALID.sub("", text.replace("\r\n", "\n")))
        self.xml.endElement(name)
        self.nested = True

    def narrative(self, text: str, language: str = LANGUAGE) -> None:
        self.leaf("narrative", text, **{"xml:lang": language})

    def text_element(self, name: str, text: str | Texts, **attrs: str | None) -> None:
        """The element with one narrative per language (``text`` as a plain string is English)."""
        self.start(name, **attrs)
        for language, value in [(LANGUAGE, text)] if isinstance(text, str) else text:
            self.narrative(value, language)
        self.end(name)


def _write_activity(out: _Writer, programme: Programme, today: datetime.date) -> None:
    reporting_ref = settings.IATI_REPORTING_ORG_REF
    out.start(
        "iati-activity",
        **{
            "xml:lang": LANGUAGE,
            "default-currency": programme.budget_currency or None,
            "last-updated-datetime": _datetime(programme.updated_at),
            "hierarchy": "2" if programme.parent_id else None,
        },
    )
    out.leaf("iati-identifier", activity_identifier(programme))
    iom = reporting_org_texts()
    out.text_element("reporting-org", iom, ref=reporting_ref, type=REPORTING_ORG_TYPE)
    out.text_element("title", texts(programme, "title"))
    out.text_element("description", description_texts(programme), type=DESCRIPTION_GENERAL)
    for org in participating_orgs(programme):
        out.text_element("participating-org", org.names, ref=org.ref, type=org.type, role=org.role)
    if programme.code:
        out.start("other-identifier", ref=programme.code, type=OTHER_ID_INTERNAL)
        out.text_element("owner-org", iom, ref=reporting_ref)
        out.end("other-identifier")
    out.leaf("activity-status", code=programme.iati_status)
    for date in activity_dates(programme, today):
        attrs = {"type": date.type, "iso-date": date.date.isoformat()}
        if date.narrative:
            out.text_element("activity-date", date.narrative, **attrs)
        else:
            out.leaf("activity-date", **attrs)
    if programme.coverage and not programme.coverage_estimate.strip():
        out.leaf("activity-scope", code=Programme.IATI_SCOPE[programme.coverage])
    countries = country_shares(programme)
    for country, share in countries.shares:
        percentage = None if share is None else _amount(share)
        out.text_element("recipient-country", texts(country, "name"), code=country.code, percentage=percentage)
    if not countries.shares and not countries.error:
        out.text_element(
            "recipient-region",
            CARIBBEAN_REGION_NAME,
            code=CARIBBEAN_REGION,
            vocabulary=REGION_VOCABULARY_DAC,
            percentage="100",
        )
    out.leaf("sector", vocabulary=SECTOR_DAC, code=programme.dac_sector, percentage="100")
    if project_type := programme.project_type:
        out.text_element(
            "sector",
            texts(project_type, "name"),
            vocabulary=SECTOR_REPORTING_ORG,
            code=project_type.slug,
            percentage="100",
        )
    for budget in writable_budgets(programme):
        out.start("budget", type=BUDGET_ORIGINAL, status=budget.status or None)
        out.leaf("period-start", **{"iso-date": budget.period_start.isoformat()})
        out.leaf("period-end", **{"iso-date": budget.period_end.isoformat()})
        value_date = budget.period_start.isoformat()
        out.leaf("value", _amount(budget.amount), currency=budget.currency, **{"value-date": value_date})
        out.end("budget")
    for grant, transaction in writable_transactions(programme, today):
        funder, date = grant.funder, transaction.date.isoformat()
        out.start("transaction")
        out.leaf("transaction-type", code=transaction.type)
        out.leaf("transaction-date", **{"iso-date": date})
        out.leaf("value", _amount(transaction.amount), currency=transaction.currency, **{"value-date": date})
        if transaction.description:
            out.text_element("description", transaction.description)
        out.text_element("provider-org", texts(funder, "name"), ref=funder.iati_identifier, type=funder.type)
        out.text_element("receiver-org", iom, ref=reporting_ref, type=REPORTING_ORG_TYPE)
        out.end("transaction")
    # Only to activities in the file: a phase or parent left out of it is no link a reader can follow.
    if programme.parent_id and not unwritable(programme.parent):
        out.leaf("related-activity", ref=activity_identifier(programme.parent), type=RELATED_PARENT)
    for phase in programme.phases.all():
        if not unwritable(phase):
            out.leaf("related-activity", ref=activity_identifier(phase), type=RELATED_CHILD)
    for result in programme.results.all():
        # The schema requires an indicator: a qualitative one, worded as the result.
        out.start("result", type=RESULT_OUTCOME)
        out.text_element("title", texts(result, "title"))
        out.start("indicator", measure=INDICATOR_QUALITATIVE)
        out.text_element("title", texts(result, "title"))
        out.end("indicator")
        out.end("result")
    out.end("iati-activity")


def activity_xml(programme: Programme, *, today: datetime.date | None = None) -> bytes:
    """One ``<iati-activity>`` element (UTF-8, no XML declaration), whether or not it is writable."""
    out = _Writer()
    _write_activity(out, programme, today or timezone.localdate())
    return out.take()


def iter_activities_xml(
    programmes: QuerySet[Programme] | Iterable[Programme] | None = None,
    *,
    include_unwritable: bool = False,
    now: datetime.datetime | None = None,
) -> Iterator[bytes]:
    """An IATI activities file, chunk by chunk: the header, then one chunk per activity, then the footer.

    ``programmes`` defaults to every published programme; a QuerySet is fetched in batches with
    ``export_queryset()``'s prefetches, any other iterable is written as given (prefetch it).
    Programmes ``unwritable()`` rejects are left out unless ``include_unwritable`` (staff previews).
    With no programme at all the file has no activity, which the schema does not allow.
    """
    now = now or timezone.now()
    today = timezone.localdate(now)
    if programmes is None or isinstance(programmes, QuerySet):
        programmes = in_batches(export_queryset(programmes))
    out = _Writer()
    out.xml.startDocument()
    out.start("iati-activities", version=IATI_VERSION, **{"generated-datetime": _datetime(now)})
    yield out.take()
    for programme in programmes:
        if include_unwritable or not unwritable(programme):
            _write_activity(out, programme, today)
            yield out.take()
    out.end("iati-activities")
    out.xml.ignorableWhitespace("\n")
    yield out.take()
