"""The IATI file assembled from kept activities is the file written from scratch; after any kind of
change the kept activities are those written from scratch, and only those a change touches are
written again."""

from __future__ import annotations

import datetime
from collections.abc import Callable
from decimal import Decimal

import pytest
from django.db.models.signals import pre_save
from django.urls import reverse

from iati import kept_activities, writer
from iati.activity import unwritable
from iati.activity_changes import mark_stale
from iati.kept_activities import iter_kept_activities_xml
from iati.models import KeptActivity
from iomcaribbean.content_version import bump_content_version
from partners.models import Organisation
from programmes.models import Country, Programme, ProgrammeCountry
from tests import iati as check
from tests.factories import (
    BudgetFactory,
    CountryFactory,
    DimensionFactory,
    DocumentFactory,
    GrantFactory,
    LocationFactory,
    ParticipationFactory,
    ProgrammeCountryFactory,
    ProgrammeFactory,
    ProjectTypeFactory,
    RelatedActivityFactory,
    TransactionFactory,
)
from tests.helpers.kept import forget_kept_pages
from tests.helpers.kept_activities import record_writes

# The pieces are stored by one UPDATE with CASE per batch: SQL whose types each engine reads its own way.
pytestmark = [pytest.mark.django_db, pytest.mark.both_engines]

NOW = datetime.datetime(2026, 6, 1, 12, tzinfo=datetime.UTC)
BASE = "https://portal.example"


def assembled(now: datetime.datetime = NOW) -> bytes:
    return b"".join(iter_kept_activities_xml(now=now, base_url=BASE))


def written(now: datetime.datetime = NOW) -> bytes:
    return b"".join(writer.iter_activities_xml(now=now, base_url=BASE))


@pytest.fixture
def rewritten(monkeypatch) -> set[int]:
    """The programmes whose activities are written again rather than read as kept."""
    found: set[int] = set()
    record_writes(monkeypatch, found.update)
    return found


@pytest.fixture
def family() -> dict:
    """A parent with everything an activity reads, its phase, and a programme that names the phase."""
    country = CountryFactory(name="Saint Lucia", code="LC")
    parent = ProgrammeFactory(code="FAM-001", project_type=ProjectTypeFactory())
    phase = ProgrammeFactory(code="FAM-002", parent=parent)
    relative = ProgrammeFactory(code="FAM-003")
    for programme in (parent, phase):
        ProgrammeCountryFactory(programme=programme, country=country, percentage=Decimal("100"))
    RelatedActivityFactory(programme=relative, related_programme=phase)
    grant = GrantFactory(programme=parent)
    records = {"country": country, "parent": parent, "phase": phase, "relative": relative, "grant": grant}
    records["transaction"] = TransactionFactory(grant=grant)
    records["participation"] = ParticipationFactory(programme=parent)
    records["location"] = LocationFactory(programme=parent, country=country)
    records["dimension"] = DimensionFactory(period__indicator__result__programme=parent)
    records["document"] = DocumentFactory(programme=parent)
    records["budget"] = BudgetFactory(programme=parent)
    return records


def test_the_assembled_file_is_the_written_one_valid_and_kept(family, rewritten):
    first = assembled()
    assert first == written()
    assert b"FAM-001" in first
    assert check.validate_schema(first) == []
    rewritten.clear()
    assert assembled() == first
    assert rewritten == set()


def rename(record, field: str = "title") -> None:
    setattr(record, field, f"{getattr(record, field)}, renamed")
    record.save()


# Each kind of change, and the programmes (of the family) whose activities it must write again.
CHANGES: dict[str, tuple[Callable[[dict], object], set[str]]] = {
    "title": (lambda f: rename(f["parent"]), {"parent", "phase"}),
    "translation": (lambda f: rename(f["parent"], "title_es"), {"parent"}),
    "parent's code": (lambda f: rename(f["parent"], "code"), {"parent", "phase"}),
    "phase's code": (lambda f: rename(f["phase"], "code"), {"parent", "phase", "relative"}),
    "grant": (lambda f: GrantFactory(programme=f["parent"]), {"parent"}),
    "transaction": (lambda f: TransactionFactory(grant=f["grant"], date=datetime.date(2012, 1, 1)), {"parent"}),
    "transaction deleted": (lambda f: f["transaction"].delete(), {"parent"}),
    "participation": (lambda f: ParticipationFactory(programme=f["phase"]), {"phase"}),
    "organisation renamed": (lambda f: rename(f["participation"].organisation, "name"), {"parent"}),
    "funder renamed": (lambda f: rename(Organisation.objects.get(pk=f["grant"].funder_id), "name"), {"parent"}),
    "country renamed": (lambda f: rename(Country.objects.get(pk=f["country"].pk), "name"), {"parent", "phase"}),
    "project type": (lambda f: rename(f["parent"].project_type, "name"), {"parent"}),
    "location": (lambda f: rename(f["location"], "name"), {"parent"}),
    "result": (lambda f: rename(f["dimension"], "value"), {"parent"}),
    "document": (lambda f: rename(f["document"]), {"parent"}),
    "budget": (lambda f: f["budget"].delete(), {"parent"}),
    "country link": (lambda f: share(f["phase"], "50"), {"parent", "phase", "relative"}),
    "countries added": (lambda f: f["relative"].countries.add(f["country"]), {"relative"}),
    # Neither is in the file any more; the programme naming the phase is written again.
    "withdrawn parent": (lambda f: withdraw(f["parent"]), {"relative"}),
    "phase deleted": (lambda f: delete_phase(f["phase"]), {"relative"}),
    # From here on only the relative is in the file.
    "grant moved": (lambda f: move_grant(f["grant"], f["relative"]), {"relative"}),
    "related activity": (lambda f: outside_relation(f["relative"]), {"relative"}),
    "bulk update": (lambda f: bulk_rename(f["relative"]), {"relative"}),
}


def withdraw(programme: Programme) -> None:
    programme.is_published = False
    programme.save()


def outside_relation(programme: Programme) -> None:
    RelatedActivityFactory(
        programme=programme, related_programme=None, iati_identifier="XM-EXAMPLE-1", title="An outside activity"
    )


def delete_phase(phase: Programme) -> None:
    phase.participations.all().delete()
    phase.delete()


def move_grant(grant, programme: Programme) -> None:
    grant.programme = programme
    grant.save()


def share(programme: Programme, percentage: str) -> None:
    ProgrammeCountry.objects.filter(programme=programme).update(percentage=Decimal(percentage))
    link = ProgrammeCountry.objects.get(programme=programme)
    link.save()


def bulk_rename(programme: Programme) -> None:
    Programme.objects.filter(pk=programme.pk).update(title="Renamed without a signal")
    bump_content_version()


def family_activities(family: dict) -> tuple[list[bytes], list[bytes]]:
    """The family's published programmes' activities, kept and written from scratch."""
    pks = list(Programme.objects.published().filter(pk__in=family_pks(family).values()).values_list("pk", flat=True))
    today = NOW.date()
    kept = kept_activities.activities(sorted(pks), today, BASE)
    programmes = writer.in_batches(writer.export_queryset(Programme.objects.filter(pk__in=pks)))
    fresh = [b"" if unwritable(p) else writer.activity_in_file(p, today, BASE) for p in programmes]
    return kept, fresh


def family_pks(family: dict) -> dict[str, int]:
    return {name: family[name].pk for name in ("parent", "phase", "relative")}


def test_after_each_kind_of_change_the_kept_activities_are_the_written_ones(family, rewritten):
    """One change after another (cheaper than a family each), the destructive ones last."""
    kept, fresh = family_activities(family)
    assert kept == fresh
    for change, (edit, expected) in CHANGES.items():
        rewritten.clear()
        edit(family)
        kept, fresh = family_activities(family)
        assert kept == fresh, change
        assert {name for name, pk in family_pks(family).items() if pk in rewritten} >= expected, change
        if change != "bulk update":  # a write without signals makes every activity stale
            assert len(rewritten) <= 3, change


def test_a_kept_activity_is_written_again_when_a_date_it_holds_comes(family):
    TransactionFactory(grant=family["grant"], date=datetime.date(2026, 7, 1))  # in the future on NOW
    assert assembled() == written()
    later = NOW + datetime.timedelta(days=45)
    assert assembled(later) == written(later)
    assert b'iso-date="2026-07-01"' in assembled(later)


def test_a_change_while_an_activity_is_written_leaves_it_stale(family, monkeypatch, rewritten):
    """A build that read the programme before a change cannot keep what it read as current."""
    original = kept_activities.activity_in_file

    def changed_meanwhile(programme, today, base_url=""):
        xml = original(programme, today, base_url)
        mark_stale([programme.pk])  # as a save committed while this one wrote
        return xml

    with monkeypatch.context() as patched:
        patched.setattr(kept_activities, "activity_in_file", changed_meanwhile)
        assembled()
    rewritten.clear()
    assembled()
    assert family["parent"].pk in rewritten


def test_activities_first_kept_while_a_save_runs_are_all_written_again(family):
    """Nothing was kept when the save began, so it asked nothing before: the programme the grant
    leaves, kept meanwhile with it, is found by nothing after. Once kept, nothing can be trusted."""
    assert not KeptActivity.objects.exists()
    grant = family["grant"]

    def keep_everything_now(sender, instance, **kwargs):
        assembled()

    pre_save.connect(keep_everything_now, sender=type(grant))  # runs after iati's own receiver
    try:
        move_grant(grant, family["relative"])
    finally:
        pre_save.disconnect(keep_everything_now, sender=type(grant))
    assert assembled() == written()


def test_one_activity_is_answered_from_its_kept_piece(client, family, django_assert_max_num_queries):
    address = reverse("programmes:iati_activity", kwargs={"slug": family["parent"].slug})
    first = client.get(address)
    assert b"FAM-001" in first.content
    forget_kept_pages()  # a fresh page, from the kept activity
    with django_assert_max_num_queries(3):  # the content version, the programme, its kept activity
        again = client.get(address)
    assert again.content.split(b"\n", 2)[2] == first.content.split(b"\n", 2)[2]  # past the generated time
