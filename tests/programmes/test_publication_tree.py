"""A programme is public only if it and every programme above it are published, at any depth.

``Programme.is_public`` stores the answer; these tests pin that every writer keeps it right: a
save (publishing, unpublishing, re-parenting), a bulk update, bulk_create, the admin's actions,
the demo generator and the migration that filled it.
"""

from __future__ import annotations

import importlib

import pytest
from django.apps import apps as django_apps
from django.db import connection
from django.test import Client
from django.urls import reverse
from pytest_django.asserts import assertContains

from funding.demo import generate_demo_data
from programmes.models import Programme, settle_public
from tests.factories import ProgrammeFactory

pytestmark = [pytest.mark.django_db, pytest.mark.both_engines]


@pytest.fixture
def tree() -> dict[str, Programme]:
    """An unpublished root, a published phase of it, a published phase of that phase, and one
    level further; and a published programme beside them."""
    root = ProgrammeFactory(title="Root", is_published=False)
    child = ProgrammeFactory(title="Child", parent=root)
    grandchild = ProgrammeFactory(title="Grandchild", parent=child)
    great = ProgrammeFactory(title="Great-grandchild", parent=grandchild)
    other = ProgrammeFactory(title="Other")
    return {"root": root, "child": child, "grandchild": grandchild, "great": great, "other": other}


def public(*names: str) -> set[str]:
    return {title for title in Programme.objects.published().values_list("title", flat=True) if title in names}


NAMES = ("Root", "Child", "Grandchild", "Great-grandchild", "Other")


def test_a_programme_under_an_unpublished_one_is_not_public_at_any_depth(tree):
    assert public(*NAMES) == {"Other"}
    for name in ("root", "child", "grandchild", "great"):
        tree[name].refresh_from_db()
        assert not tree[name].is_public
    assert tree["great"].is_published  # the staff's box is left as they ticked it


def test_publishing_the_root_makes_the_whole_tree_public_and_unpublishing_hides_it_again(tree):
    root = tree["root"]
    root.is_published = True
    root.save()
    assert public(*NAMES) == set(NAMES)

    root.is_published = False
    root.save()
    assert public(*NAMES) == {"Other"}


def test_unpublishing_a_middle_programme_hides_only_what_is_below_it(tree):
    Programme.objects.filter(pk=tree["root"].pk).update(is_published=True)
    child = tree["child"]
    child.is_published = False
    child.save(update_fields=["is_published"])

    assert public(*NAMES) == {"Root", "Other"}
    child.refresh_from_db()
    assert not child.is_public


def test_moving_a_branch_under_an_unpublished_programme_hides_it_and_moving_it_back_shows_it(tree):
    grandchild = tree["grandchild"]
    grandchild.parent = tree["other"]
    grandchild.save()
    assert public(*NAMES) == {"Grandchild", "Great-grandchild", "Other"}

    grandchild.parent = tree["root"]
    grandchild.save()
    assert public(*NAMES) == {"Other"}


def test_a_new_phase_takes_its_publicity_from_its_parent(tree):
    assert not ProgrammeFactory(parent=tree["great"]).is_public
    assert ProgrammeFactory(parent=tree["other"]).is_public
    assert not ProgrammeFactory(parent=tree["other"], is_published=False).is_public


def test_bulk_updates_keep_the_tree_right(tree):
    Programme.objects.filter(title="Root").update(is_published=True)
    assert public(*NAMES) == set(NAMES)

    Programme.objects.filter(title="Other").update(parent=tree["child"])
    Programme.objects.filter(title="Child").update(is_published=False)
    assert public(*NAMES) == {"Root"}


def test_bulk_create_keeps_the_tree_right(tree):
    created = Programme.objects.bulk_create(
        [
            Programme(title="Bulk phase of the hidden", slug="bulk-hidden", parent=tree["great"], is_published=True),
            Programme(title="Bulk phase of the public", slug="bulk-public", parent=tree["other"], is_published=True),
        ]
    )
    assert len(created) == 2
    assert public("Bulk phase of the hidden", "Bulk phase of the public") == {"Bulk phase of the public"}


def test_settling_corrects_every_wrong_flag_and_nothing_else(tree):
    # As if written by something that knew nothing of is_public (a raw UPDATE, an old script).
    Programme._base_manager.filter(title__in=["Child", "Grandchild"]).update(is_public=True)
    Programme._base_manager.filter(title="Other").update(is_public=False)

    assert settle_public() == 3
    assert public(*NAMES) == {"Other"}
    assert settle_public() == 0


def test_the_migration_fills_is_public_through_the_whole_tree(tree):
    Programme._base_manager.update(is_public=False)
    migration = importlib.import_module("programmes.migrations.0010_programme_is_public")

    # Not entered: SQLite's editor would switch off foreign keys, which it cannot inside the
    # test's transaction; running one statement needs none of that.
    migration.fill_is_public(django_apps, connection.schema_editor())

    assert public(*NAMES) == {"Other"}
    assert Programme.objects.published().filter(code="T81-805").exists()  # the seeds too


def test_a_loop_of_parents_is_never_public():
    first = ProgrammeFactory(title="First of a loop")
    second = ProgrammeFactory(title="Second of a loop", parent=first)
    # clean() refuses this in forms; a bulk update does not ask it.
    Programme.objects.filter(pk=first.pk).update(parent=second)

    assert public("First of a loop", "Second of a loop") == set()


def test_the_demo_programmes_are_public_exactly_where_their_whole_line_is_published():
    summary = generate_demo_data(programmes=40, force=True, seed=1)
    programmes = {p.pk: p for p in Programme.objects.filter(slug__startswith="demo-")}
    hidden_parents = {p.pk for p in programmes.values() if not p.is_published and p.parent_id is None}
    phases_of_hidden = [p for p in programmes.values() if p.parent_id in hidden_parents and p.is_published]

    assert phases_of_hidden, "the seed gives a published phase of an unpublished programme"
    for programme in programmes.values():
        parent = programmes.get(programme.parent_id)
        assert programme.is_public == (programme.is_published and (parent is None or parent.is_public))
    assert summary.published == sum(p.is_public for p in programmes.values())


def test_the_publish_action_on_a_root_makes_its_phases_public_and_says_which_stay_hidden(
    admin_client: Client, tree
) -> None:
    url = reverse("admin:programmes_programme_changelist")
    hidden_root = ProgrammeFactory(title="Still hidden root", is_published=False)
    waiting = ProgrammeFactory(title="Waiting phase", parent=hidden_root, is_published=False)

    response = admin_client.post(
        url, {"action": "publish", "_selected_action": [tree["root"].pk, waiting.pk]}, follow=True
    )

    assertContains(response, "Published 2 programmes.")
    assertContains(response, "1 of them stays hidden: a programme above it is not published.")
    assert public(*NAMES, "Waiting phase") == set(NAMES)


def test_the_programme_list_in_the_admin_says_why_a_published_programme_is_hidden(admin_client: Client, tree):
    page = admin_client.get(reverse("admin:programmes_programme_changelist"), {"q": "child"}).content.decode()

    assert "Hidden: its parent Root is not published" in page
    assert "Hidden: a programme above Child is not published" in page
