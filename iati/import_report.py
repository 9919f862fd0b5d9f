"""What an IATI import did, or would have done: the report staff read in the admin and on the command line."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from iati.records import Rejection

# What the report counts, in the order it lists them.
KINDS = [
    ("programme", "programmes"),
    ("organisation", "organisations"),
    ("participation", "participations"),
    ("grant", "grants"),
    ("transaction", "transactions"),
    ("country", "countries of programmes"),
    ("budget", "budgets"),
    ("result", "results"),
    ("indicator", "indicators of results"),
    ("period", "periods of indicators"),
    ("breakdown", "breakdowns of targets and actuals"),
    ("project type", "project types"),
]


@dataclass
class ReplacedEdits:
    """Values staff changed in the admin since the record was last imported, which the file replaces."""

    identifier: str  # the activity's
    record: str
    fields: list[str]
    by: list[str]

    def __str__(self) -> str:
        return f"{self.identifier}: {self.record}: {', '.join(self.fields)} (edited by {', '.join(self.by)})"


@dataclass
class ImportReport:
    """What an IATI import did (or, on a dry run or a rejected file, would have done)."""

    dry_run: bool = False
    error: str = ""  # the file as a whole could not be read
    total: int = 0  # activities in the file
    rejected: list[Rejection] = field(default_factory=list)
    created: Counter[str] = field(default_factory=Counter)
    updated: Counter[str] = field(default_factory=Counter)
    notes: list[str] = field(default_factory=list)
    replaced: list[ReplacedEdits] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.error and not self.rejected

    @property
    def saved(self) -> bool:
        return self.ok and not self.dry_run

    @property
    def summary(self) -> str:
        if self.error:
            return f"Nothing was imported. {self.error}"
        if self.rejected:
            noun = "activity" if self.total == 1 else "activities"
            verb = "was" if len(self.rejected) == 1 else "were"
            return (
                f"Nothing was imported: {len(self.rejected)} of {self.total} {noun} {verb} rejected. "
                "Correct the file and import it again."
            )
        if self.dry_run:
            return f"Dry run: all {self.total} activities can be imported. Nothing was saved."
        return f"Imported {self.total} {'activity' if self.total == 1 else 'activities'}."

    def changes(self) -> list[str]:
        verb = "" if self.saved else "would be "
        return [
            f"{plural.capitalize()}: {self.created[kind]} {verb}created, {self.updated[kind]} {verb}updated"
            for kind, plural in KINDS
            if self.created[kind] or self.updated[kind]
        ]

    def lines(self) -> list[str]:
        """The report as plain text, for the command line."""
        lines = [self.summary]
        for rejection in self.rejected:
            where = f" (line {rejection.line})" if rejection.line else ""
            lines.append(f"  Rejected {rejection.identifier}{where}: {rejection.reason}")
        if not self.error and not self.rejected:
            lines += [f"  {line}" for line in self.changes() or ["No change: the portal already has every record."]]
            lines += [f"  Note: {note}" for note in self.notes]
            verb = "Replaced" if self.saved else "Would replace"
            lines += [f"  {verb} edits made in the admin since the last import: {edit}" for edit in self.replaced]
        return lines
