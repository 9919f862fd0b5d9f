"""Documents of a programme, an organisation or the overview: an uploaded file or a link to one.

A document belongs to exactly one record, through one of three foreign keys (queryable and
constrained, where a generic relation would be neither), and the public sees it while it sees that
record: a programme's while the programme is public, an organisation's while the organisation has
a page, the overview's while it is on the home page.
"""

from __future__ import annotations

import operator
import secrets
from functools import reduce
from pathlib import PurePosixPath

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from iomcaribbean.i18n import unprefixed_reverse
from partners.models import Organisation
from programmes.fallback_ordering import TranslatedQuerySet
from programmes.models import (
    DatePrecision,
    Overview,
    Programme,
    TimeStamped,
    format_partial_date,
    on_home_page_condition,
    published_condition,
    validate_partial_dates,
)

# The records a document may belong to: the field's name, and the kind shown to the public.
RECORD_FIELDS = ("programme", "organisation", "overview")


class Category(models.TextChoices):
    """IATI DocumentCategory codes (IATI 2.03): A for an activity's documents, B for an organisation's."""

    A01 = "A01", _("Pre- and post-project impact appraisal")
    A02 = "A02", _("Objectives / Purpose of activity")
    A03 = "A03", _("Intended ultimate beneficiaries")
    A04 = "A04", _("Conditions")
    A05 = "A05", _("Budget")
    A06 = "A06", _("Summary information about contract")
    A07 = "A07", _("Review of project performance and evaluation")
    A08 = "A08", _("Results, outcomes and outputs")
    A09 = "A09", _("Memorandum of understanding")
    A10 = "A10", _("Tender")
    A11 = "A11", _("Contract")
    A12 = "A12", _("Activity web page")
    B01 = "B01", _("Annual report")
    B02 = "B02", _("Institutional strategy paper")
    B03 = "B03", _("Country strategy paper")
    B04 = "B04", _("Aid allocation policy")
    B05 = "B05", _("Procurement policy and procedure")
    B06 = "B06", _("Institutional audit report")
    B07 = "B07", _("Country audit report")
    B08 = "B08", _("Exclusions policy")
    B09 = "B09", _("Institutional evaluation report")
    B10 = "B10", _("Country evaluation report")
    B11 = "B11", _("Sector strategy")
    B12 = "B12", _("Thematic strategy")
    B13 = "B13", _("Country-level memorandum of understanding")
    B14 = "B14", _("Evaluations policy")
    B15 = "B15", _("General terms and conditions")
    B16 = "B16", _("Organisation web page")
    B17 = "B17", _("Country/region web page")
    B18 = "B18", _("Sector web page")


class Language(models.TextChoices):
    """The languages a document may be written in (IATI Language codes, ISO 639-1): the portal's
    three and the region's others (Dutch in Aruba, Curaçao and Suriname; Haitian Creole)."""

    ENGLISH = "en", _("English")
    SPANISH = "es", _("Spanish")
    FRENCH = "fr", _("French")
    DUTCH = "nl", _("Dutch")
    HAITIAN = "ht", _("Haitian Creole")


class FileFormat(models.TextChoices):
    """The formats a document may have (IATI FileFormat: IANA media types). Uploads are refused in
    any other (``documents.uploads``); a link may also be a web page."""

    PDF = "application/pdf", "PDF"
    DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document", "Word (DOCX)"
    XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "Excel (XLSX)"
    ODT = "application/vnd.oasis.opendocument.text", "OpenDocument text (ODT)"
    ODS = "application/vnd.oasis.opendocument.spreadsheet", "OpenDocument spreadsheet (ODS)"
    CSV = "text/csv", "CSV"
    TEXT = "text/plain", _("Text")
    PNG = "image/png", "PNG"
    JPEG = "image/jpeg", "JPEG"
    HTML = "text/html", _("Web page")


LANGUAGE_CODES = r"^[a-z]{2}(,[a-z]{2})*$"


def one_record_condition() -> Q:
    """Exactly one of the three records is set."""
    each = [Q(**{f"{field}__isnull": field != name for field in RECORD_FIELDS}) for name in RECORD_FIELDS]
    return reduce(operator.or_, each)


def public_document_condition(path: str = "") -> Q:
    """The documents the public sees: each while its record is public (module docstring)."""
    prefix = f"{path}__" if path else ""
    public_organisations = Organisation.objects.public().values("pk")
    return (
        Q(**{f"{prefix}programme__isnull": False}) & published_condition(f"{prefix}programme")
        | Q(**{f"{prefix}organisation__in": public_organisations})
        | Q(**{f"{prefix}overview__isnull": False}) & on_home_page_condition(f"{prefix}overview")
    )


def upload_to(document: Document, filename: str) -> str:
    # A folder per upload: two files of one name never overwrite or rename each other, and the
    # file keeps its name in the address it is served at.
    return f"documents/{secrets.token_hex(8)}/{filename}"


class DocumentQuerySet(TranslatedQuerySet):
    def public(self) -> DocumentQuerySet:
        return self.filter(public_document_condition())

    def for_listing(self) -> DocumentQuerySet:
        """With the record each belongs to, for its link."""
        return self.select_related("programme", "organisation", "overview")


class Document(TimeStamped):
    programme = models.ForeignKey(Programme, on_delete=models.CASCADE, null=True, blank=True, related_name="documents")
    organisation = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, null=True, blank=True, related_name="documents"
    )
    overview = models.ForeignKey(Overview, on_delete=models.CASCADE, null=True, blank=True, related_name="documents")
    title = models.CharField(max_length=300)
    description = models.TextField(blank=True)
    category = models.CharField(
        "IATI category", max_length=3, choices=Category.choices, help_text="A codes for a programme, B codes otherwise."
    )
    languages = models.CharField(
        max_length=50, default=Language.ENGLISH, help_text="The languages it is written in, comma-separated codes."
    )
    date = models.DateField("document date", null=True, blank=True, help_text="Leave empty when not known.")
    date_precision = models.CharField(max_length=5, choices=DatePrecision.choices, default=DatePrecision.DAY)
    file = models.FileField(upload_to=upload_to, max_length=255, blank=True)
    url = models.URLField("external link", max_length=500, blank=True)
    file_format = models.CharField(
        "format",
        max_length=100,
        choices=FileFormat.choices,
        blank=True,
        help_text="Read from an uploaded file's content; for a link, say what it leads to.",
    )

    objects = DocumentQuerySet.as_manager()
    # history: registered in translation.py, once the language columns exist.

    class Meta:
        # The newest first and the undated last, on every database.
        ordering = [models.F("date").desc(nulls_last=True), "title", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=one_record_condition(),
                name="document_one_record",
                violation_error_message="Choose one record: a programme, an organisation or the overview.",
            ),
            models.CheckConstraint(
                condition=(Q(file="") & ~Q(url="")) | (~Q(file="") & Q(url="")),
                name="document_file_or_link",
                violation_error_message="Give either an uploaded file or an external link (one, not both).",
            ),
            models.CheckConstraint(
                condition=Q(languages__regex=LANGUAGE_CODES),
                name="document_language_codes",
                violation_error_message="Choose at least one of the languages listed.",
            ),
        ]

    def __str__(self) -> str:
        return self.title

    @property
    def record(self) -> Programme | Organisation | Overview | None:
        return self.programme or self.organisation or self.overview

    @property
    def filename(self) -> str:
        return PurePosixPath(self.file.name).name if self.file else ""

    @property
    def language_codes(self) -> list[str]:
        return self.languages.split(",") if self.languages else []

    @property
    def language_names(self) -> list[str]:
        return [str(Language(code).label) for code in self.language_codes if code in Language.values]

    @property
    def date_display(self) -> str:
        return format_partial_date(self.date, self.date_precision)

    def get_absolute_url(self) -> str:
        """Where the public reads it: the portal's copy of an uploaded file, or the external link."""
        if self.file:
            # The file has one address in every language (iomcaribbean.i18n.language_neutral).
            return unprefixed_reverse("documents:file", pk=self.pk, filename=self.filename)
        return self.url

    def clean(self) -> None:
        # One record, a file or a link, the languages' form: the constraints say so (Meta).
        errors = validate_partial_dates(self, ("date", "date_precision"))
        if self.url and not self.file_format:
            errors["file_format"] = "Say what the link leads to: a web page, a PDF..."
        if set(self.language_codes) - set(Language.values):
            errors["languages"] = "Choose among the languages listed."
        if errors:
            raise ValidationError(errors)

    @classmethod
    def public_records_condition(cls) -> Q:
        return public_document_condition()
