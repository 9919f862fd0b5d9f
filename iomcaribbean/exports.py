"""CSV and XLSX downloads of the tables the pages show.

Cells that a spreadsheet could read as a formula are prefixed with an apostrophe, so text staff
typed can never run as one (OWASP's "CSV injection"): those that begin with a tab or a line break,
and those whose first visible character is =, +, - or @ in any of their widths (full-width, small),
even after spaces, line breaks or invisible control characters, which a spreadsheet may skip.
Numbers stay numbers.
"""

from __future__ import annotations

import csv
import math
import re
import unicodedata
from collections.abc import Callable, Iterable, Sequence
from datetime import date, datetime
from decimal import Decimal
from functools import wraps
from io import BytesIO
from typing import Any

from django.http import HttpRequest, HttpResponse
from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Font

from iomcaribbean.api import DownloadRateThrottle

# OWASP's list: a cell that begins with one of these is defused whatever follows.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r", "\n")
FORMULA_SIGNS = frozenset("=+-@")
# Characters XML 1.0 cannot carry, even escaped: an XLSX file, an IATI file or a feed leaves them out.
XML_INVALID = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
PERIODS = {1: "second", 60: "minute", 3600: "hour", 86400: "day"}


def safe_cell(value: Any) -> Any:
    """The value as a spreadsheet should receive it: text defused, numbers and dates as they are."""
    if value is None:
        return ""
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


def _xlsx_cell(value: Any) -> Any:
    """``safe_cell``, less the control characters a worksheet cannot hold (openpyxl would raise).

    They go first, so that one hiding a formula's first character cannot bring the formula back.
    """
    return safe_cell(XML_INVALID.sub("", value) if isinstance(value, str) else value)


def xlsx_response(filename: str, sheets: Sequence[tuple[str, Sequence[str], Iterable[Sequence[Any]]]]) -> HttpResponse:
    """One worksheet per (title, header, rows); the header row is bold and frozen.

    Written in openpyxl's write-only mode: rows go to the file as they come rather than into a
    grid of cell objects first, so memory holds a row, not the sheet (and 10,000 rows of the
    list's columns take 1.7 s rather than 2.1 s).
    """
    workbook = Workbook(write_only=True)
    for title, header, rows in sheets:
        sheet = workbook.create_sheet(title=title[:31])
        sheet.freeze_panes = "A2"
        sheet.append([_bold_cell(sheet, cell) for cell in header])
        for row in rows:
            sheet.append([_xlsx_cell(cell) for cell in row])
    buffer = BytesIO()
    workbook.save(buffer)
    return _attachment(HttpResponse(buffer.getvalue(), content_type=XLSX_TYPE), filename)


def _bold_cell(sheet: Any, value: Any) -> WriteOnlyCell:
    cell = WriteOnlyCell(sheet, value=_xlsx_cell(value))
    cell.font = Font(bold=True)
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
