"""Importing an IATI 2.03 activities file: all of it, or (if any activity is rejected) none of it.

``iati_file_import`` reads the file (``iati.reader``), writes each activity (``iati.import_writes``)
and reports what it did (``iati.import_report``); the admin's upload and ``manage.py import_iati``
call it.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import IO

from django.contrib.auth.models import AbstractBaseUser
from django.db import DataError, IntegrityError, transaction

from iati.import_report import ImportReport
from iati.import_writes import ActivityWriter
from iati.reader import parse_iati_file
from iati.records import ActivityData, ActivityRejected, Rejection
from iati.safe_xml import IatiFileError, read_source
from iomcaribbean.content_version import one_content_change


def parents_first(activities: list[ActivityData]) -> list[ActivityData]:
    """Activities whose parent is in the same file come after it."""
    by_identifier = {activity.identifier: activity for activity in activities}

    def depth(activity: ActivityData) -> int:
        seen, level = {activity.identifier}, 0
        while (parent := by_identifier.get(activity.parent_identifier)) and parent.identifier not in seen:
            seen.add(parent.identifier)
            activity, level = parent, level + 1
        return level

    return sorted(activities, key=depth)


@transaction.atomic
def iati_file_import(
    *,
    source: str | Path | bytes | IO[bytes],
    user: AbstractBaseUser | None = None,
    dry_run: bool = False,
    progress: Callable[[int, int], None] | None = None,
) -> ImportReport:
    """Import an IATI 2.03 activities file: all of it, or (if any activity is rejected) none of it.

    Records are matched by identifier, so importing a file twice updates and never duplicates:
    programmes by IOM project code or slug, organisations by IATI ref or else exact name,
    participations by (organisation, programme, role), grants by (funder, programme),
    transactions by (grant, type, date, amount, currency). The import adds and updates; it never
    deletes, and leaves alone what IATI does not carry (thematic areas, publication, grant amounts).
    """
    report = ImportReport(dry_run=dry_run)
    try:
        parsed = parse_iati_file(read_source(source))
    except IatiFileError as error:
        report.error = str(error)
        return report
    report.total = parsed.total
    report.rejected.extend(parsed.rejections)
    activities = parents_first(parsed.activities)
    writer = ActivityWriter(report, user)
    # Cached public pages go stale once, at the end, not at each of the file's records.
    with one_content_change():
        for done, activity in enumerate(activities, start=1):
            try:
                with transaction.atomic():
                    writer.write(activity)
            except ActivityRejected as error:
                report.rejected.append(Rejection(activity.identifier, activity.line, f"{error}."))
            except (IntegrityError, DataError) as error:
                report.rejected.append(
                    Rejection(activity.identifier, activity.line, f"the database refused it ({error}).")
                )
            if progress is not None:
                progress(done, len(activities))
    report.rejected.sort(key=lambda rejection: rejection.line or 0)
    if report.rejected or dry_run:
        transaction.set_rollback(True)
    if writer.new_grants:
        report.notes.append(
            f"{writer.new_grants} new {'grant has' if writer.new_grants == 1 else 'grants have'} no amount: "
            "IATI files carry a grant's transactions, not its amount. Enter amounts in the admin where known."
        )
    if report.created["programme"]:
        report.notes.append("New programmes are saved unpublished: review and publish them in the admin.")
    return report
