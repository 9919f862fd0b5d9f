"""CSV and XLSX downloads of the tables the pages show.

Cells that a spreadsheet could read as a formula are prefixed with an apostrophe, so text staff
typed can never run as one (OWASP's "CSV injection"): those that begin with a tab or a line break,
and those whose first visible character is =, +, - or @ in any of their widths (full-width, small),
even after spaces, line breaks or invisible control characters, which a spreadsheet may skip.
Numbers stay numbers. In an XLSX file an amount (``Money``) is a number with its currency's
number format and a date (``PartialDate``) a date cell shown at the precision the record states;
in a CSV file they are the plain amount and the date's known part in ISO 8601 ("2019", "2019-03").
"""

from __future__ import annotations

import csv
import math
import re
import unicodedata
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from functools import wraps
from io import BytesIO
from itertools import chain, islice
from typing import Any

from django.http import HttpRequest, HttpResponse
from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter

from iomcaribbean.api import DownloadRateThrottle

# OWASP's list: a cell that begins with one of these is defused whatever follows.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r", "\n")
FORMULA_SIGNS = frozenset("=+-@")
# Characters XML 1.0 cannot carry, even escaped: an XLSX file, an IATI file or a feed leaves them out.
XML_INVALID = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
PERIODS = {1: "second", 60: "minute", 3600: "hour", 86400: "day"}
# A date's known part, by its precision (programmes.models.DatePrecision's values): in a CSV, in an XLSX cell.
CSV_DATE_FORMATS = {"year": "%Y", "month": "%Y-%m", "day": "%Y-%m-%d"}
XLSX_DATE_FORMATS = {"year": "yyyy", "month": "mmm yyyy", "day": "yyyy-mm-dd"}
WIDEST_COLUMN = 60  # characters: longer texts wrap in the spreadsheet rather than widen it
SAMPLED_ROWS = 200  # the rows a sheet's column widths are measured on


@dataclass(frozen=True)
class Money:
    """An amount in a currency (an ISO 4217 code, three capitals)."""

    amount: Decimal
    currency: str

    def xlsx_format(self) -> str:
        return f'#,##0.00 "{self.currency}"'


@dataclass(frozen=True)
class PartialDate:
    """A date of which only the year, or the year and month, may be known."""

    value: date
    precision: str  # "year", "month" or "day"

    @classmethod
    def of(cls, value: date | None, precision: str) -> PartialDate | None:
        return None if value is None else cls(value, precision)

    def __str__(self) -> str:
        return self.value.strftime(CSV_DATE_FORMATS[self.precision])


def safe_cell(value: Any) -> Any:
    """The value as a spreadsheet should receive it: text defused, numbers and dates as they are."""
    if value is None:
        return ""
    if isinstance(value, Money):
        return value.amount
    if isinstance(value, PartialDate):
        return str(value)
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, (int, float, Decimal, date, datetime)):
        return value
    text = str(value)
    return "'" + text if starts_formula(text) else text


def starts_formula(text: str) -> bool:
    if text.startswith(FORMULA_STARTS):
        return True
    first = next((char for char in text if not _skipped_before_formula(char)), "")
    # NFKC folds the full-width and small forms (U+FF1D, U+FE66 and the like) into the signs themselves.
    return bool(first) and unicodedata.normalize("NFKC", first) in FORMULA_SIGNS


def _skipped_before_formula(char: str) -> bool:
    """Whitespace (any width), line breaks, and invisible control and format characters."""
    return char.isspace() or unicodedata.category(char) in {"Cc", "Cf"}


def _attachment(response: HttpResponse, filename: str) -> HttpResponse:
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


def csv_response(filename: str, header: Sequence[str], rows: Iterable[Sequence[Any]]) -> HttpResponse:
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response.write("\ufeff")  # so that spreadsheet programs read the file as UTF-8
    writer = csv.writer(response)
    writer.writerow([safe_cell(cell) for cell in header])
    for row in rows:
        writer.writerow([safe_cell(cell) for cell in row])
    return _attachment(response, filename)


def _xlsx_value(value: Any) -> tuple[Any, str | None]:
    """The cell's value and number format: ``safe_cell``'s, an amount or a date kept as a number or
    a date, less the control characters a worksheet cannot hold (openpyxl would raise).

    They go first, so that one hiding a formula's first character cannot bring the formula back.
    """
    if isinstance(value, Money):
        return value.amount, value.xlsx_format()
    if isinstance(value, PartialDate):
        return value.value, XLSX_DATE_FORMATS[value.precision]
    if isinstance(value, date) and not isinstance(value, datetime):
        return value, XLSX_DATE_FORMATS["day"]
    return safe_cell(XML_INVALID.sub("", value) if isinstance(value, str) else value), None


def _shown_width(value: Any) -> int:
    if isinstance(value, Decimal):
        return len(f"{value:,.2f}") + 6  # and the currency's code
    if isinstance(value, date):
        return 11
    return max((len(line) for line in str(value).splitlines()), default=0)


def xlsx_response(filename: str, sheets: Sequence[tuple[str, Sequence[str], Iterable[Sequence[Any]]]]) -> HttpResponse:
    """One worksheet per (title, header, rows); the header row is bold and frozen, amounts and dates
    are numbers and dates in their formats, each column as wide as its widest cell in the header and
    the first ``SAMPLED_ROWS`` rows (up to ``WIDEST_COLUMN``).

    Written in openpyxl's write-only mode: rows go to the file as they come rather than into a
    grid of cell objects first, so memory holds a row, not the sheet (and 10,000 rows of the
    list's columns take 1.7 s rather than 2.1 s). Such a sheet takes its widths before its first
    row, hence the sample.
    """
    workbook = Workbook(write_only=True)
    for title, header, rows in sheets:
        sheet = workbook.create_sheet(title=title[:31])
        sheet.freeze_panes = "A2"
        rows = iter(rows)
        sample = [[_xlsx_value(cell) for cell in row] for row in islice(rows, SAMPLED_ROWS)]
        widths = [len(str(cell)) for cell in header]
        for values in sample:
            widths = [max(pair) for pair in zip(widths, (_shown_width(value) for value, _ in values), strict=False)]
        for index, width in enumerate(widths, start=1):
            sheet.column_dimensions[get_column_letter(index)].width = min(width + 2, WIDEST_COLUMN)
        sheet.append([_bold_cell(sheet, cell) for cell in header])
        for values in chain(sample, ([_xlsx_value(cell) for cell in row] for row in rows)):
            sheet.append([_formatted_cell(sheet, value, number_format) for value, number_format in values])
    buffer = BytesIO()
    workbook.save(buffer)
    return _attachment(HttpResponse(buffer.getvalue(), content_type=XLSX_TYPE), filename)


def _bold_cell(sheet: Any, value: Any) -> WriteOnlyCell:
    cell = WriteOnlyCell(sheet, value=_xlsx_value(value)[0])
    cell.font = Font(bold=True)
    return cell


def _formatted_cell(sheet: Any, value: Any, number_format: str | None) -> Any:
    """The value as it is, or in a cell of its own where it has a number format."""
    if number_format is None:
        return value
    cell = WriteOnlyCell(sheet, value=value)
    cell.number_format = number_format
    return cell


def throttled_download(request: HttpRequest) -> HttpResponse | None:
    """429 with Retry-After when this client has had its share of downloads built afresh, else None."""
    throttle = DownloadRateThrottle()
    if throttle.allow_request(request, None):
        return None
    wait = max(1, math.ceil(throttle.wait() or 1))
    message = (
        f"Too many downloads from your address: {throttle.num_requests} a {PERIODS[throttle.duration]} at most. "
        f"Try again in {wait} seconds.\n"
    )
    response = HttpResponse(message, status=429, content_type="text/plain; charset=utf-8")
    response["Retry-After"] = str(wait)
    return response


def download_throttled(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    """For downloads built for one visitor (never kept): each counts against the client's rate."""

    @wraps(view)
    def wrapper(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        return throttled_download(request) or view(request, *args, **kwargs)

    return wrapper
