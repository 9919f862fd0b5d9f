"""manage.py import_iati FILE: read an IATI 2.03 activities file into the portal, all of it or none."""

from __future__ import annotations

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError, CommandParser
from tqdm import tqdm

from iati.importer import iati_file_import


class Command(BaseCommand):
    help = (
        "Import an IATI 2.03 activities file into programmes, organisations, participations, grants and "
        "transactions. Records are matched by identifier, so a re-import updates and never duplicates; "
        "if any activity is rejected, nothing is saved."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("file", type=Path, help="The IATI activities XML file.")
        parser.add_argument("--dry-run", action="store_true", help="Check the file and report; save nothing.")
        parser.add_argument(
            "--progress",
            action="store_true",
            help="Show a progress bar even when the output is not a terminal (it shows on a terminal anyway).",
        )

    def handle(self, *args, file: Path, dry_run: bool, progress: bool, **options) -> None:
        if not file.is_file():
            raise CommandError(f"There is no file {file}.")
        with tqdm(
            desc="Activities",
            unit="activity",
            disable=not (progress or self.stdout.isatty()),
            file=self.stderr._out,  # the raw stream: OutputWrapper.write() would end each redraw with a newline
            leave=False,
            mininterval=0,  # redraw on every activity: files are small enough, and the bar never skips a step
        ) as bar:

            def advance(done: int, total: int) -> None:
                bar.total = total
                bar.update(done - bar.n)

            report = iati_file_import(source=file, dry_run=dry_run, progress=advance)
        for line in report.lines():
            self.stdout.write(line)
        if not report.ok:
            raise CommandError("The file was rejected; nothing was imported.")
