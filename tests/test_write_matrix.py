"""Who may write what: every admin route, as each kind of visitor, submitting the page's own form.

The routes are those the access matrix walks (tests/test_access_matrix.py), so a new admin URL
without a case here fails ``test_every_admin_route_has_a_write_case``. A case takes what the page
itself would send (its form as a superuser gets it, with one change), posts it as each of the six
visitors, each in a savepoint rolled back afterwards, and says whether the database moved: it must
move for those the role table (README, "Admin users") lets write, and for nobody else. The records
are built once for the module, on top of the access matrix's, and rolled back at its end.
"""

from __future__ import annotations

import copy
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from django.apps import apps
from django.contrib import admin
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.contrib.contenttypes.models import ContentType
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection, models, transaction
from django.test import Client

from digests.tokens import unsubscribe_token
from funding.models import Budget, DonorAccount, Grant, Transaction
from partners.models import Organisation, Participation
from programmes.admin.base import TranslationStatusMixin
from programmes.models import Component, Location, Programme, RelatedActivity, Result, TranslationSource
from tests.factories import (
    ComponentFactory,
    CountryFactory,
    IndicatorFactory,
    OrganisationFactory,
    ParticipationFactory,
    PeriodFactory,
    ProgrammeFactory,
    ProjectTypeFactory,
    ThematicAreaFactory,
    UserFactory,
)
from tests.helpers.admin_forms import form_data
from tests.helpers.roles import ADMIN_RECORD, ROLES, Records, build_records, records_once
from tests.helpers.routes import routes

PASSWORD = "a-long-test-password"  # the factories' users'
FUNDING, IMPLEMENTING, EXTENDING = (Participation.Role.FUNDING, Participation.Role.IMPLEMENTING, "3")
EDITOR_AND_SUPERUSER = frozenset({"editor", "superuser"})
FINANCE_AND_SUPERUSER = frozenset({"finance", "superuser"})
SUPERUSER = frozenset({"superuser"})
NOBODY: frozenset[str] = frozenset()


# What each model's pages change ------------------------------------------------------------------


@dataclass(frozen=True)
class ModelWrites:
    change: tuple[str, str]  # a field of the change form (the model's column of that name) and its new value
    add: dict[str, str | Callable[[Records], str]]  # what makes a copy of the change page's record a new one
    writers: dict[str, str]  # who may a(dd), c(hange), d(elete) what the pages below show
    delete: str  # the record the delete page and the bulk delete take: nothing protects it


def pk(record: str) -> Callable[[Records], str]:
    """The record's primary key, as a form sends it."""
    return lambda r: str(r[record].pk)


def rights(editor: str = "", finance: str = "", superuser: str = "acd") -> dict[str, str]:
    return {"editor": editor, "finance": finance, "superuser": superuser}


NARRATIVE, MONEY, SUPERUSERS_ONLY = rights(editor="acd"), rights(finance="acd"), rights()
# django-axes' sign-in records: nobody adds one, and their change form has no field to change.
SIGN_IN_RECORDS = rights(superuser="d")

MODELS: dict[str, ModelWrites] = {
    "programmes.country": ModelWrites(
        # Each language's name is unique, and the copied page holds the original's (from CLDR).
        ("name_en", "Renamed"),
        {"name_en": "Copyland", "name_es": "Copilandia", "name_fr": "Copilande", "slug": "copyland", "code": "ZY"},
        NARRATIVE,
        "lone country",
    ),
    "programmes.thematicarea": ModelWrites(
        ("name_en", "Renamed"), {"slug": "copied-area", "order": "999"}, NARRATIVE, "lone area"
    ),
    "programmes.projecttype": ModelWrites(
        ("name_en", "Renamed"), {"name_en": "Copied type", "slug": "copied-type"}, NARRATIVE, "lone project type"
    ),
    # The title is narrative: Finance officers change the budget only (the role table's cases below).
    "programmes.programme": ModelWrites(
        ("title_en", "Retitled"), {"slug": "copied-programme", "code": "COPY-1"}, NARRATIVE, "draft"
    ),
    "programmes.overview": ModelWrites(("title_en", "Retitled"), {"slug": "copied-overview"}, NARRATIVE, "overview"),
    "programmes.indicator": ModelWrites(("title_en", "Retitled"), {}, NARRATIVE, "lone indicator"),
    # A copy of a period needs days of its own: an indicator's periods do not overlap.
    "programmes.period": ModelWrites(
        ("target_value", "99.00"), {"start": "2031-01-01", "end": "2031-12-31"}, NARRATIVE, "lone period"
    ),
    "partners.organisation": ModelWrites(
        ("acronym_en", "RNMD"), {"name_en": "Copied organisation", "slug": "copied-org"}, NARRATIVE, "lone organisation"
    ),
    # An implementing participation: narrative, copied as an extending one.
    "partners.participation": ModelWrites(
        ("description_en", "Rewritten"), {"role": EXTENDING}, NARRATIVE, "participation"
    ),
    "partners.agreement": ModelWrites(("subject_en", "Rewritten"), {}, NARRATIVE, "agreement"),
    "funding.grant": ModelWrites(("amount", "999999.00"), {}, MONEY, "grant_a"),
    "funding.budget": ModelWrites(("amount", "999999.00"), {}, MONEY, "budget"),
    "funding.organisationbudget": ModelWrites(("amount", "999999.00"), {}, MONEY, "organisation_budget"),
    "documents.document": ModelWrites(("title_en", "Retitled"), {}, NARRATIVE, "document"),
    "updates.update": ModelWrites(("title_en", "Retitled"), {}, NARRATIVE, "update"),
    "funding.donoraccount": ModelWrites(("is_active", ""), {"user": pk("lone user")}, SUPERUSERS_ONLY, "account_a"),
    # Written by manage.py send_digests alone; superusers delete them (with the donor account they were sent to).
    "digests.digestsent": ModelWrites(("items", "99"), {}, rights(superuser="d"), "digest_sent"),
    "auth.user": ModelWrites(
        ("first_name", "Renamed"),
        {"username": "matrix-copy", "password1": PASSWORD, "password2": PASSWORD, "usable_password": "true"},
        SUPERUSERS_ONLY,
        "lone user",
    ),
    "auth.group": ModelWrites(("name", "Renamed group"), {"name": "Copied group"}, SUPERUSERS_ONLY, "lone group"),
    "axes.accessattempt": ModelWrites(("username", "renamed"), {}, SIGN_IN_RECORDS, "access_attempt"),
    "axes.accesslog": ModelWrites(("username", "renamed"), {}, SIGN_IN_RECORDS, "access_log"),
    "axes.accessfailurelog": ModelWrites(("username", "renamed"), {}, SIGN_IN_RECORDS, "access_failure_log"),
}


def writers(label: str, action: str) -> frozenset[str]:
    return frozenset(role for role, letters in MODELS[label].writers.items() if action in letters)


# Cases --------------------------------------------------------------------------------------------

Prepare = Callable[[Records], tuple[str, dict]]  # from the records to what is posted where
Observe = Callable[[Records], object]  # what moves when the write goes through


@dataclass
class WriteCase:
    key: str  # the route, as the access matrix names it
    name: str
    prepare: Prepare
    observe: Observe
    writers: frozenset[str]

    @property
    def id(self) -> str:
        return f"{self.key} [{self.name}]"


def superuser_form(records: Records, url: str, inlines: bool = True) -> dict:
    """What the page at ``url`` posts back as a superuser gets it (read once: every write is rolled back)."""
    forms = records.objects.setdefault("forms", {})
    if (url, inlines) not in forms:
        response = records.clients["superuser"].get(url)
        assert response.status_code == 200, f"{url}: {response.status_code}"
        forms[url, inlines] = form_data(response, inlines)
    return dict(forms[url, inlines])


def column(model: type[models.Model], record: str, name: str) -> Observe:
    return lambda r: model._default_manager.filter(pk=r[record].pk).values_list(name, flat=True).first()


def columns(model: type[models.Model], record: str, *names: str) -> Observe:
    return lambda r: model._default_manager.filter(pk=r[record].pk).values_list(*names).first()


def exists(model: type[models.Model], record: str) -> Observe:
    return lambda r: model._default_manager.filter(pk=r[record].pk).exists()


def count(model: type[models.Model]) -> Observe:
    return lambda r: model._default_manager.count()


def notes_to_review(model: type[models.Model], record: str) -> Observe:
    """The record's notes of translations to review (``TranslationSource``), which review deletes."""
    return lambda r: TranslationSource.objects.filter(
        content_type=ContentType.objects.get_for_model(model), object_id=r[record].pk
    ).count()


def resolved(r: Records, values: dict) -> dict[str, str]:
    """The values, those that name a record (callables) filled in from the records."""
    return {name: value(r) if callable(value) else value for name, value in values.items()}


def content(r: Records) -> tuple[int, ...]:
    """How many rows each table of the portal and its users has, history included: any write adds one.
    One query for all of them: the site's routes observe it before and after each visitor."""
    tables = [model._meta.db_table for label in CONTENT_APPS for model in apps.get_app_config(label).get_models()]
    with connection.cursor() as cursor:
        quote = connection.ops.quote_name
        cursor.execute("SELECT " + ", ".join(f"(SELECT COUNT(*) FROM {quote(table)})" for table in tables))
        return tuple(cursor.fetchone())


CONTENT_APPS = ("programmes", "partners", "funding", "documents", "updates", "digests", "auth")


def model_cases() -> list[WriteCase]:
    registered = admin.site._registry.items()
    return [
        case
        for model, model_admin in registered
        if model._meta.label_lower in MODELS
        for case in pages_of(model, model_admin)
    ]


def pages_of(model: type[models.Model], model_admin: admin.ModelAdmin) -> Iterator[WriteCase]:
    """A case for each of the model's admin routes (other routes of its admin are in site_cases)."""
    opts = model._meta
    label, base, stem = (
        opts.label_lower,
        f"admin/{opts.app_label}/{opts.model_name}/",
        f"{opts.app_label}_{opts.model_name}",
    )
    writes, record, prefix = MODELS[label], ADMIN_RECORD[label], f"/{base}"
    field, value = writes.change
    changed, gone = column(model, record, field), exists(model, writes.delete)

    def edited(r: Records) -> dict:
        return superuser_form(r, f"{prefix}{r[record].pk}/change/") | {field: value}

    for entry in model_admin.urls:
        key, name = base + str(entry.pattern), entry.name
        if name == f"{stem}_changelist":
            yield WriteCase(key, "delete selected", bulk_delete(prefix, writes.delete), gone, writers(label, "d"))
            if isinstance(model_admin, TranslationStatusMixin):  # reviewing is changing the record
                review = bulk_action(prefix, "mark_translations_reviewed", record)
                yield WriteCase(
                    key, "mark translations reviewed", review, notes_to_review(model, record), writers(label, "c")
                )
            if "publish" in model_admin.actions:
                draft = "draft" if model is Programme else "overview"
                publish = bulk_action(prefix, "publish", draft, confirm="yes")
                yield WriteCase(
                    key, "publish selected", publish, column(model, draft, "is_published"), writers(label, "c")
                )
        elif name == f"{stem}_add":
            yield WriteCase(key, "a copy", copy_of(prefix, record, writes.add), count(model), writers(label, "a"))
        elif name == f"{stem}_change":
            change = lambda r: (f"{prefix}{r[record].pk}/change/", edited(r))  # noqa: E731
            yield WriteCase(key, f"change {field}", change, changed, writers(label, "c"))
        elif name == f"{stem}_history":
            history = lambda r: (f"{prefix}{r[record].pk}/history/", edited(r))  # noqa: E731
            yield WriteCase(key, "the change form posted", history, changed, NOBODY)
        elif name == f"{stem}_simple_history":
            yield WriteCase(key, "revert", past_version(prefix, record, field, value), changed, NOBODY)
        elif name == f"{stem}_delete":
            delete = lambda r: (f"{prefix}{r[writes.delete].pk}/delete/", {"post": "yes"})  # noqa: E731
            yield WriteCase(key, "confirmed", delete, gone, writers(label, "d"))
        elif key == base + "<path:object_id>/":  # Django's old change URL: a redirect
            old = lambda r: (f"{prefix}{r[record].pk}/", edited(r))  # noqa: E731
            yield WriteCase(key, "the change form posted", old, changed, NOBODY)


def bulk_delete(prefix: str, record: str) -> Prepare:
    return bulk_action(prefix, "delete_selected", record, post="yes")


def bulk_action(prefix: str, action: str, record: str, **confirm: str) -> Prepare:
    return lambda r: (prefix, {"action": action, "_selected_action": [str(r[record].pk)], **confirm})


def copy_of(prefix: str, record: str, unique: dict) -> Prepare:
    """The add page's form with the change page's values, made unique where the model needs it."""

    def prepare(r: Records) -> tuple[str, dict]:
        add_url = f"{prefix}add/"
        if r.clients["superuser"].get(add_url).status_code == 403:  # the admin adds none (sign-in records)
            return add_url, {"_save": "Save"}
        copied = superuser_form(r, f"{prefix}{r[record].pk}/change/", False)
        return add_url, superuser_form(r, add_url) | copied | resolved(r, unique)

    return prepare


def past_version(prefix: str, record: str, field: str, value: str) -> Prepare:
    """simple-history's revert form: the latest past version's form, with one change."""

    def prepare(r: Records) -> tuple[str, dict]:
        url = f"{prefix}{r[record].pk}/history/{r[record].history.latest().history_id}/"
        return url, superuser_form(r, url, False) | {field: value, "_save": "Revert"}

    return prepare


def site_cases() -> list[WriteCase]:
    user = get_user_model()

    def own_passwords(r: Records) -> tuple[str, ...]:
        return tuple(
            user.objects.filter(username__in=MATRIX_USERS).order_by("username").values_list("password", flat=True)
        )

    new_password = {
        "old_password": PASSWORD,
        "new_password1": "another-long-password",
        "new_password2": "another-long-password",
    }
    app_labels = dict.fromkeys(model._meta.app_label for model in admin.site._registry)
    apps_key = f"admin/^(?P<app_label>{'|'.join(app_labels)})/$"

    def import_upload(r: Records) -> tuple[str, dict]:
        sample = (Path(__file__).parent / "funding" / "data" / "sample.xml").read_bytes()
        return "/admin/funding/grant/import-iati/", {"file": SimpleUploadedFile("sample.xml", sample, "text/xml")}

    def set_password(r: Records) -> tuple[str, dict]:
        # Django's own form (its page names it adminForm): the fields as a browser sends them.
        new = "another-long-password"
        return f"/admin/auth/user/{r['lone user'].pk}/password/", {"password1": new, "password2": new}

    def nothing(key: str, name: str, url: str, data: dict | None = None) -> WriteCase:
        return WriteCase(key, name, lambda r: (url, data or {"q": "x"}), content, NOBODY)

    return [
        nothing("admin/", "index", "/admin/"),
        *(nothing(apps_key, label, f"/admin/{label}/") for label in app_labels),
        WriteCase(
            "admin/login/",
            "a staff member's credentials",
            lambda r: ("/admin/login/", {"username": "matrix-editor", "password": PASSWORD}),
            content,
            NOBODY,
        ),
        nothing("admin/logout/", "sign out", "/admin/logout/"),
        WriteCase(
            "admin/password_change/",
            "one's own password",
            lambda r: ("/admin/password_change/", new_password),
            own_passwords,
            frozenset({"editor", "finance", "superuser"}),
        ),
        nothing("admin/password_change/done/", "page", "/admin/password_change/done/"),
        nothing("admin/autocomplete/", "a search", "/admin/autocomplete/"),
        nothing("admin/jsi18n/", "catalogue", "/admin/jsi18n/"),
        WriteCase(
            "admin/r/<path:content_type_id>/<path:object_id>/",
            "view on site",
            lambda r: (f"/admin/r/{r['programme_type'].pk}/{r['published'].pk}/", {}),
            content,
            NOBODY,
        ),
        nothing("admin/(?P<url>.*)$", "no such page", "/admin/no-such-page/"),
        WriteCase("admin/funding/grant/import-iati/", "the sample file", import_upload, content, SUPERUSER),
        # The dashboard's digest form changes its own donor's choice: staff, even viewing as the donor, change nothing.
        WriteCase(
            "digests/preference/",
            "donor A opts out",
            lambda r: ("/digests/preference/", {"language": "fr"}),
            column(DonorAccount, "account_a", "receives_digest"),
            frozenset({"donor_a"}),
        ),
        # The e-mail's link opts its own account out for whoever posts it, signed in or not: it is the proof.
        WriteCase(
            "digests/unsubscribe/<str:token>/",
            "donor A's link",
            lambda r: (f"/digests/unsubscribe/{unsubscribe_token(r['account_a'])}/", {}),
            column(DonorAccount, "account_a", "receives_digest"),
            frozenset(ROLES),
        ),
        WriteCase(
            "admin/auth/user/<id>/password/",
            "another user's password",
            set_password,
            column(user, "lone user", "password"),
            SUPERUSER,
        ),
    ]


MATRIX_USERS = ("donor-a", "donor-b", "matrix-editor", "matrix-finance", "matrix-admin")


# The role table, cell by cell: money on the programme, participation and grant pages ----------------------

Change = Callable[[Records, dict], dict]  # from the page's form to the form posted


def setting(**values) -> Change:
    return lambda r, form: form | resolved(r, values)


def adding(inline: str, **values) -> Change:
    """One more row in the inline."""

    def change(r: Records, form: dict) -> dict:
        i = int(form[f"{inline}-TOTAL_FORMS"])
        return (
            form
            | {f"{inline}-TOTAL_FORMS": str(i + 1)}
            | {f"{inline}-{i}-{k}": v for k, v in resolved(r, values).items()}
        )

    return change


def changing(inline: str, record: str, **values) -> Change:
    """The inline's row of ``record`` changed."""

    def change(r: Records, form: dict) -> dict:
        rows = range(int(form[f"{inline}-TOTAL_FORMS"]))
        i = next(i for i in rows if form.get(f"{inline}-{i}-id") == str(r[record].pk))
        return form | {f"{inline}-{i}-{k}": v for k, v in resolved(r, values).items()}

    return change


def on_page(key: str, url: Callable[[Records], str]) -> Callable[[str, Change, Observe, frozenset[str]], WriteCase]:
    """Cases that post the form of the page at ``url`` (route ``key``), as a superuser gets it, changed."""

    def case(name: str, change: Change, observe: Observe, writers: frozenset[str]) -> WriteCase:
        return WriteCase(key, name, lambda r: (url(r), change(r, superuser_form(r, url(r)))), observe, writers)

    return case


def role_table_cases() -> list[WriteCase]:
    def change_page(model: str, record: str) -> Callable[..., WriteCase]:
        return on_page(f"admin/{model}/<path:object_id>/change/", lambda r: f"/admin/{model}/{r[record].pk}/change/")

    programme, draft = change_page("programmes/programme", "published"), change_page("programmes/programme", "draft")
    funding, participations = "funding participation", "admin/partners/participation/"
    budget = columns(Programme, "published", "budget_amount", "budget_currency")
    as_funder_b = {"organisation": pk("funder_b"), "order": "5"}
    return [
        # A programme: its budget is money; the rest, publishing and what hangs off it, narrative.
        programme(
            "the total budget", setting(budget_amount="12.34", budget_currency="EUR"), budget, FINANCE_AND_SUPERUSER
        ),
        programme(
            "the title and the budget",
            setting(title_en="Retitled", budget_amount="1.00"),
            column(Programme, "published", "title_en"),
            EDITOR_AND_SUPERUSER,
        ),
        draft(
            "published anyway",
            setting(is_published="on", publish_anyway="on"),
            column(Programme, "draft", "is_published"),
            EDITOR_AND_SUPERUSER,
        ),
        programme(
            "a phase row",
            adding("phases", title_en="Phase two", slug="matrix-phase-two", status="pipeline", order="2"),
            count(Programme),
            EDITOR_AND_SUPERUSER,
        ),
        programme(
            "a location row",
            adding("locations", name_en="Kingston", latitude="17.9712", longitude="-76.7928", order="1"),
            count(Location),
            EDITOR_AND_SUPERUSER,
        ),
        programme(
            "a related activity row",
            adding("related_activities", relation="follows-up", title_en="A regional meeting", order="1"),
            count(RelatedActivity),
            EDITOR_AND_SUPERUSER,
        ),
        programme(
            "a component's title",
            changing("components", "component", title_en="Renamed"),
            column(Component, "component", "title_en"),
            EDITOR_AND_SUPERUSER,
        ),
        programme(
            "a result row",
            adding("results", title_en="Officials trained", type="1", order="3"),
            count(Result),
            EDITOR_AND_SUPERUSER,
        ),
        # Nobody deletes a component a grant pays for: the grant would lose what it pays for.
        programme(
            "the component a grant pays for, deleted",
            changing("components", "component", DELETE="on"),
            exists(Component, "component"),
            NOBODY,
        ),
        programme(
            "a grant row",
            adding("grants", funder=pk("funder_b"), amount="100", currency="USD"),
            count(Grant),
            FINANCE_AND_SUPERUSER,
        ),
        programme(
            "a budget row",
            adding(
                "budgets", period_start="2012-01-01", period_end="2012-12-31", amount="100", currency="USD", status="1"
            ),
            count(Budget),
            FINANCE_AND_SUPERUSER,
        ),
        # Participations: the funding role is money, the others narrative.
        programme(
            "a funding participation row",
            adding("participations", role=FUNDING, **as_funder_b),
            count(Participation),
            FINANCE_AND_SUPERUSER,
        ),
        programme(
            "an implementing participation row",
            adding("participations", role=IMPLEMENTING, **as_funder_b),
            count(Participation),
            EDITOR_AND_SUPERUSER,
        ),
        programme(
            "the funding participation's description",
            changing("participations", funding, description_en="New"),
            column(Participation, funding, "description_en"),
            FINANCE_AND_SUPERUSER,
        ),
        programme(
            "the funding participation, deleted",
            changing("participations", funding, DELETE="on"),
            exists(Participation, funding),
            FINANCE_AND_SUPERUSER,
        ),
        programme(
            "an implementing participation made funding",
            changing("participations", "participation", role=FUNDING),
            column(Participation, "participation", "role"),
            SUPERUSER,
        ),
        on_page(f"{participations}add/", lambda r: f"/{participations}add/")(
            "a funding participation",
            setting(programme=pk("published"), role=FUNDING, **as_funder_b),
            count(Participation),
            FINANCE_AND_SUPERUSER,
        ),
        change_page("partners/participation", funding)(
            "a funding participation's description",
            setting(description_en="New"),
            column(Participation, funding, "description_en"),
            FINANCE_AND_SUPERUSER,
        ),
        WriteCase(
            f"{participations}<path:object_id>/delete/",
            "a funding participation",
            lambda r: (f"/{participations}{r[funding].pk}/delete/", {"post": "yes"}),
            exists(Participation, funding),
            FINANCE_AND_SUPERUSER,
        ),
        WriteCase(
            participations,
            "a funding participation, deleted in bulk",
            bulk_delete(f"/{participations}", funding),
            exists(Participation, funding),
            FINANCE_AND_SUPERUSER,
        ),
        # Being part of another body widens that body's donors' access: superusers only, as donor accounts.
        change_page("partners/organisation", "funder_b")(
            "the body it is part of",
            setting(parent=pk("funder_a")),
            column(Organisation, "funder_b", "parent_id"),
            SUPERUSER,
        ),
        # The organisation's page is narrative: Finance officers only view it, funding rows included.
        change_page("partners/organisation", "lone organisation")(
            "a funding participation row",
            adding("participations", programme=pk("published"), role=FUNDING, order="1"),
            count(Participation),
            SUPERUSER,
        ),
        # A grant's transactions are money.
        change_page("funding/grant", "grant_a")(
            "a transaction row",
            adding("transactions", type="2", date="2010-05-01", amount="10", currency="USD"),
            count(Transaction),
            FINANCE_AND_SUPERUSER,
        ),
    ]


CASES = site_cases() + model_cases() + role_table_cases()


# The records ---------------------------------------------------------------------------------------


def build_write_records() -> Records:
    records = build_records()
    published, funder = records["published"], records["funder_a"]
    component = ComponentFactory(programme=published, title="Baseline assessment")
    records["agreement"].organisations.add(records["partner"])  # the form needs a party
    Grant.objects.filter(pk=records["grant_a"].pk).update(component=component)  # a grant pays for it
    records.objects |= {
        # Nothing points to these: their delete pages may delete them.
        "lone country": CountryFactory(),
        "lone area": ThematicAreaFactory(),
        "lone project type": ProjectTypeFactory(),
        "draft": ProgrammeFactory(slug="matrix-draft", is_published=False),
        "lone organisation": OrganisationFactory(),
        "lone user": UserFactory(username="matrix-lone"),
        "lone group": Group.objects.create(name="Matrix group"),
        "lone indicator": IndicatorFactory(result__programme=published),
        "lone period": PeriodFactory(indicator__result__programme=published),
        # Money on the programme page: the role table's cases.
        "funding participation": ParticipationFactory(organisation=funder, programme=published, role=FUNDING),
        "component": component,
    }
    for model, model_admin in admin.site._registry.items():  # a translation to review on each translated record
        if isinstance(model_admin, TranslationStatusMixin):
            record = records[ADMIN_RECORD[model._meta.label_lower]]
            content_type = ContentType.objects.get_for_model(model)
            TranslationSource.objects.create(content_type=content_type, object_id=record.pk, language="es", note="?")
    return records


@pytest.fixture(scope="module")
def records(django_db_setup, django_db_blocker) -> Iterator[Records]:
    yield from records_once(django_db_blocker, build_write_records)


def post_and_look(records: Records, role: str, url: str, data: dict, observe: Observe):
    """Post as ``role`` and observe, then undo both the write and what the answer did to the client's cookies."""
    client: Client = records.clients[role]
    cookies = copy.deepcopy(client.cookies)
    for value in data.values():
        if hasattr(value, "seek"):
            value.seek(0)
    with transaction.atomic():
        response = client.post(url, data)
        seen = observe(records)
        transaction.set_rollback(True)
    client.cookies = cookies
    return response, seen


def who_writes(records: Records, case: WriteCase) -> set[str]:
    url, data = case.prepare(records)
    before = case.observe(records)
    moved = set()
    for role in ROLES:
        response, seen = post_and_look(records, role, url, data, case.observe)
        assert response.status_code < 500, f"{case.id} as {role}: {response.status_code}"
        if seen != before:
            moved.add(role)
    return moved


@pytest.mark.django_db
@pytest.mark.parametrize("case", CASES, ids=[case.id for case in CASES])
def test_each_visitor_writes_only_what_the_role_table_allows(records: Records, case: WriteCase) -> None:
    assert routes().get(case.key) is not None, f"{case.key!r} is no longer routed: drop or update its cases"
    assert who_writes(records, case) == case.writers


def test_every_admin_route_has_a_write_case() -> None:
    covered = {case.key for case in CASES}
    missing = sorted(key for key in routes() if key.startswith("admin/") and key not in covered)
    assert not missing, "These admin routes have no case in tests/test_write_matrix.py: " + ", ".join(missing)


def test_every_model_in_the_admin_has_writes_in_the_matrix() -> None:
    assert {model._meta.label_lower for model in admin.site._registry} - MODELS.keys() == set()
