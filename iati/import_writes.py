"""The import's writes: one activity's records, each matched by its identifier so that a re-import updates.

``ActivityWriter`` saves what ``iati.reader`` read, record by record (``full_clean()`` first, the
history told it was the import); ``iati.importer.iati_file_import`` runs it over a file.
One piece: the writer's methods share one activity's state (the programme, the organisations
matched so far, the report), and each record's write follows the one before it.
"""

from __future__ import annotations

from collections import defaultdict
from decimal import Decimal
from typing import Any

from django.conf import settings
from django.contrib.auth.models import AbstractBaseUser
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.text import slugify

from funding.models import Budget, Grant, Transaction
from iati.activity import programme_for_identifier, total_budget_period
from iati.documents import write_documents
from iati.elements import normalise_text
from iati.import_report import ImportReport, ReplacedEdits
from iati.locations import save_locations
from iati.records import ActivityData, ActivityRejected, OrganisationData
from iati.related import save_related_activities
from iati.results_import import import_results
from iomcaribbean.record_versions import IMPORT_REASON, edits_since_import
from partners.models import Organisation, Participation
from programmes.models import Country, DatePrecision, Programme, ProgrammeCountry, ProjectType, next_order
from programmes.translation import DEFAULT_LANGUAGE, localized, localized_values

HUNDRED = Decimal(100)


def description_values(programme: Programme, text: str, language: str = DEFAULT_LANGUAGE) -> dict[str, str]:
    """The field a file's description stands for: the export writes the description once, or the
    summary where there is none; in ``language`` (``description_es`` for Spanish)."""
    english = language == DEFAULT_LANGUAGE
    summary_field = "summary" if english else localized("summary", language)
    description_field = "description" if english else localized("description", language)
    summary = normalise_text(getattr(programme, summary_field) or "")
    description = normalise_text(getattr(programme, description_field) or "")
    if text == (description or summary):
        return {}
    return {description_field: text}


def unique_slug(model: type[models.Model], base: str, max_length: int) -> str:
    base = (slugify(base) or "imported")[: max_length - 4].strip("-")
    slug, number = base, 1
    while model.objects.filter(slug=slug).exists():
        number += 1
        slug = f"{base}-{number}"
    return slug


def error_text(error: ValidationError) -> str:
    if hasattr(error, "error_dict"):
        return " ".join(
            message if name == "__all__" else f"{name.replace('_', ' ')}: {message}"
            for name, messages in error.message_dict.items()
            for message in messages
        )
    return " ".join(error.messages)


class ActivityWriter:
    """Writes one activity's records, matching each by its identifier so that re-imports update."""

    def __init__(self, report: ImportReport, user: AbstractBaseUser | None):
        self.report = report
        self.user = user
        self.imported: dict[str, Programme] = {}
        self.identifiers: dict[int, str] = {}  # programme pk → the activity that imported it
        self.new_grants = 0
        self.activity = ""  # the identifier of the activity being written

    def save(self, obj: models.Model, kind: str, **values: Any) -> models.Model:
        """Set ``values`` on ``obj`` and save it if it is new or any value changed."""
        is_new = obj.pk is None
        changed = [name for name, value in values.items() if getattr(obj, name) != value]
        for name, value in values.items():
            setattr(obj, name, value)
        if not (is_new or changed):
            return obj
        try:
            obj.full_clean()
        except ValidationError as error:
            raise ActivityRejected(f"the {kind} '{obj}' is not valid: {error_text(error)}") from error
        if self.user is not None:
            obj._history_user = self.user
        obj._change_reason = IMPORT_REASON
        if not is_new:
            self.note_replaced_edits(obj, kind, changed)
        obj.save()
        (self.report.created if is_new else self.report.updated)[kind] += 1
        return obj

    def note_replaced_edits(self, obj: models.Model, kind: str, changed: list[str]) -> None:
        """Say so in the report when the file replaces values staff changed since the last import."""
        fields, people = edits_since_import(obj, changed)
        if fields:
            labels = [str(obj._meta.get_field(name).verbose_name) for name in fields]
            self.report.replaced.append(ReplacedEdits(self.activity, f"the {kind} “{obj}”", labels, people))

    def write(self, activity: ActivityData) -> None:
        self.activity = activity.identifier
        existing = self.find_programme(activity)
        if existing and (other := self.identifiers.get(existing.pk)):
            raise ActivityRejected(f"it is the same programme ('{existing}') as the activity {other} in this file")
        programme = self.programme(activity, existing)
        self.imported[activity.identifier] = programme
        self.identifiers[programme.pk] = activity.identifier
        self.countries(programme, activity)
        save_locations(self, programme, activity.locations)
        participants = activity.participants
        # The export names IOM as accountable when a programme records no organisation: for a programme
        # the portal already has, that stands for "none recorded", not a participation to add.
        implicit = [(p.organisation.ref, p.role) for p in participants] == [
            (settings.IATI_REPORTING_ORG_REF, Participation.Role.ACCOUNTABLE)
        ]
        if implicit and existing and not (existing.participations.exists() or existing.grants.exists()):
            participants = []
        for participant in participants:
            organisation = self.organisation(participant.organisation)
            if participant.role == Participation.Role.FUNDING:
                self.funder(programme, organisation, activity)
            else:
                participation = Participation.objects.filter(
                    organisation=organisation, programme=programme, role=participant.role
                ).first()
                if participation is None:
                    order = next_order(programme.participations)
                    participation = Participation(organisation=organisation, programme=programme, order=order)
                    self.save(participation, "participation", role=participant.role)
        self.transactions(programme, activity)
        for budget in activity.budgets:
            if self.total_budget(programme, budget):
                continue
            row = Budget.objects.filter(
                programme=programme, period_start=budget.period_start, period_end=budget.period_end
            ).first() or Budget(programme=programme, period_start=budget.period_start, period_end=budget.period_end)
            status = budget.status or Budget.Status.INDICATIVE  # IATI's reading of a budget without one
            self.save(row, "budget", amount=budget.amount, currency=budget.currency, status=status)
        import_results(self.save, programme, activity.results)
        save_related_activities(self, programme, activity.related)
        write_documents(self, programme, activity)

    @staticmethod
    def find_programme(activity: ActivityData) -> Programme | None:
        # Locked, as the admin locks a record it saves: an admin save under way finishes first, and the
        # import reads what it saved (and reports the edits it replaces).
        programmes = Programme.objects.select_for_update(no_key=True)
        programme = None
        if activity.code:
            programme = programmes.filter(code=activity.code).first()
        if programme is None and activity.slug:
            programme = programmes.filter(slug=activity.slug).first()
        return programme

    def programme(self, activity: ActivityData, programme: Programme | None) -> Programme:
        if programme is None:
            # New programmes wait, unpublished, for an editor to review them.
            slug = activity.slug or unique_slug(Programme, activity.title or activity.code, 120)
            programme = Programme(slug=slug, is_published=False)
        values: dict[str, Any] = {"title": activity.title}
        if activity.code:  # a file from before the programme had a code does not take it away
            values["code"] = activity.code
        # The export writes the title when a programme has no description (IATI requires one).
        if activity.description and activity.description != activity.title:
            values |= description_values(programme, activity.description)
        # The other languages' narratives, where the file has them: an absent one leaves the portal's alone.
        values |= localized_values("title", activity.title_translations)
        for language, text in activity.description_translations.items():
            if text != activity.title_translations.get(language):
                values |= description_values(programme, text, language)
        if activity.status:
            values["status"] = activity.status
        if activity.coverage:
            values["coverage"] = activity.coverage
        if activity.dac_sector:
            values["dac_sector"] = activity.dac_sector
        for end in ("start", "end"):
            known = getattr(activity, end)
            if known.date is None:
                continue
            # IATI dates are whole days; the portal keeps how much of a date the sources state.
            precision = known.precision
            if precision == DatePrecision.DAY and getattr(programme, f"{end}_date") == known.date:
                precision = getattr(programme, f"{end}_precision")
            values |= {f"{end}_date": known.date, f"{end}_precision": precision}
            if known.estimate:
                values[f"{end}_estimate"] = known.estimate
        if activity.project_type:
            slug, name = activity.project_type
            project_type = (
                ProjectType.objects.filter(slug=slug).first() or ProjectType.objects.filter(name=name).first()
            )
            if project_type is None:
                names = localized_values("name", activity.project_type_names)
                project_type = self.save(ProjectType(slug=slug), "project type", name=name, **names)
            values["project_type_id"] = project_type.pk
        if activity.parent_identifier:
            parent = self.imported.get(activity.parent_identifier) or programme_for_identifier(
                activity.parent_identifier
            )
            if parent is None:
                raise ActivityRejected(
                    f"its parent activity {activity.parent_identifier} is neither in this file nor in the portal"
                )
            values["parent_id"] = parent.pk
        return self.save(programme, "programme", **values)

    def total_budget(self, programme: Programme, budget: Any) -> bool:
        """Whether ``budget`` is the programme's total budget, which the export writes, without a
        status, as the only budget when the programme's life is a year or less: it is kept as the
        total, not as a budget per period (the two are one budget)."""
        if budget.status or programme.budgets.exists():
            return False
        if total_budget_period(programme) != (budget.period_start, budget.period_end):
            return False
        self.save(programme, "programme", budget_amount=budget.amount, budget_currency=budget.currency)
        return True

    def countries(self, programme: Programme, activity: ActivityData) -> None:
        # One country's 100 says nothing a share left empty does not.
        alone = len(activity.countries) == 1
        for share in activity.countries:
            country = Country.objects.filter(code=share.code).first()
            if country is None:
                raise ActivityRejected(
                    f"its recipient-country '{share.code}' is not a country the portal knows; "
                    "add the country in the admin first"
                )
            link = ProgrammeCountry.objects.filter(
                programme=programme, country=country, role=ProgrammeCountry.Role.BENEFITING
            ).first() or ProgrammeCountry(programme=programme, country=country, role=ProgrammeCountry.Role.BENEFITING)
            implied = alone and share.percentage == HUNDRED and link.percentage is None
            self.save(link, "country", percentage=None if implied else share.percentage)

    def organisation(self, data: OrganisationData) -> Organisation:
        organisation = Organisation.objects.filter(iati_identifier=data.ref).first() if data.ref else None
        if organisation is None and data.name:
            organisation = Organisation.objects.filter(name=data.name).first()
            if organisation and data.ref and organisation.iati_identifier:
                raise ActivityRejected(
                    f"the organisation '{data.name}' has the IATI identifier {organisation.iati_identifier} "
                    f"in the portal, but {data.ref} in the file"
                )
        if organisation is None:
            if not data.name:
                raise ActivityRejected(
                    f"the organisation {data.ref} is not in the portal, and the file gives no name to add it with"
                )
            if not data.type:
                raise ActivityRejected(
                    f"the organisation '{data.name}' is not in the portal, and the file gives no type to add it with"
                )
            organisation = Organisation(slug=unique_slug(Organisation, data.name, 120), name=data.name)
        values: dict[str, Any] = {}
        if data.ref:
            values["iati_identifier"] = data.ref
        if data.type:
            values["type"] = data.type
        values |= localized_values("name", data.names)
        return self.save(organisation, "organisation", **values)

    def funder(self, programme: Programme, organisation: Organisation, activity: ActivityData) -> Grant | None:
        grant = Grant.objects.filter(funder=organisation, programme=programme).order_by("pk").first()
        if grant is not None:
            return grant
        # A funder the portal records as a participant only (in talks, say) stays one.
        if Participation.objects.filter(
            organisation=organisation, programme=programme, role=Participation.Role.FUNDING
        ).exists():
            return None
        return self.new_grant(programme, organisation)

    def new_grant(self, programme: Programme, organisation: Organisation) -> Grant:
        # IATI carries a grant's transactions, not its amount: the amount, and so its currency,
        # stay "not published".
        self.new_grants += 1
        return self.save(Grant(funder=organisation, programme=programme), "grant", amount=None, currency="")

    def transactions(self, programme: Programme, activity: ActivityData) -> None:
        by_key: dict[tuple, list] = defaultdict(list)
        for data in activity.transactions:
            funder = self.organisation(data.provider)
            grants = list(Grant.objects.filter(funder=funder, programme=programme).order_by("pk"))
            if not grants:
                grants = [self.new_grant(programme, funder)]
            by_key[(tuple(g.pk for g in grants), data.type, data.date, data.amount, data.currency)].append(data)
        for (grant_ids, type_, date, amount, currency), rows in by_key.items():
            # The same transaction twice in a file is two transactions: match as many as the portal has.
            existing = list(
                Transaction.objects.filter(
                    grant_id__in=grant_ids, type=type_, date=date, amount=amount, currency=currency
                ).order_by("pk")
            )
            for number, data in enumerate(rows):
                row = existing[number] if number < len(existing) else None
                if row is None:
                    row = Transaction(grant_id=grant_ids[0], type=type_, date=date, amount=amount, currency=currency)
                values = {"description": data.description} if data.description or row.pk is None else {}
                self.save(row, "transaction", **values)
