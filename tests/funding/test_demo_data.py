"""manage.py generate_demo_data: realistic records in bulk, the same for the same seed, never by mistake."""

from __future__ import annotations

import html
from decimal import Decimal

import pytest
from django.core.management import CommandError, call_command
from django.db.models import Count, Sum

from funding.demo import RealContentError, generate_demo_data
from funding.models import Budget, Grant, Transaction
from iati import activity, writer
from programmes.models import Programme, ProgrammeCountry
from programmes.views.listing import SORTS

pytestmark = pytest.mark.django_db


def demo() -> list[Programme]:
    return list(Programme.objects.filter(slug__startswith="demo-").order_by("code"))


@pytest.mark.both_engines  # the command's ANALYZE runs on PostgreSQL only
def test_it_refuses_a_database_with_real_content_unless_forced():
    # The migrations' seed content is real content.
    with pytest.raises(RealContentError):
        generate_demo_data(programmes=5)
    with pytest.raises(CommandError, match="not demo records"):
        call_command("generate_demo_data", "--programmes", "5", "--no-progress")
    assert demo() == []
    call_command("generate_demo_data", "--programmes", "5", "--no-progress", "--force")
    assert len(demo()) == 5


def test_the_same_seed_gives_the_same_records():
    generate_demo_data(programmes=20, force=True, seed=7)
    first = [(p.title, p.start_date, p.status, p.is_published) for p in demo()]
    generate_demo_data(programmes=20, force=True, seed=7)
    second = [(p.title, p.start_date, p.status, p.is_published) for p in demo()][20:]
    # A second run adds programmes of its own (new codes), the same ones again.
    assert len(demo()) == 40
    assert first == second


@pytest.mark.both_engines
def test_the_records_keep_the_models_and_iatis_rules():
    summary = generate_demo_data(programmes=80, force=True, seed=2)
    programmes = demo()
    assert summary.programmes == len(programmes) == 80
    # Phases, and a share unpublished.
    assert any(p.parent_id for p in programmes)
    assert 0 < sum(not p.is_published for p in programmes) < 20
    for programme in programmes:
        programme.full_clean()
        assert programme.code.startswith("DEMO-")
    # Benefiting countries' shares add up to 100 in every programme.
    shares = (
        ProgrammeCountry.objects.filter(programme__in=programmes, role=ProgrammeCountry.Role.BENEFITING)
        .values("programme")
        .annotate(total=Sum("percentage"), n=Count("id"))
    )
    assert {row["total"] for row in shares} == {Decimal(100)}
    assert len(shares) == 80
    # Budgets of a year at most; transactions positive and never in the future.
    for budget in Budget.objects.filter(programme__in=programmes):
        budget.full_clean()
    assert Transaction.objects.filter(grant__programme__in=programmes).count() > 80
    assert Grant.objects.filter(programme__in=programmes).count() >= 80
    # Nearly every published demo programme goes into the IATI file.
    exported = [p for p in writer.export_queryset() if p.slug.startswith("demo-") and not activity.unwritable(p)]
    published = Programme.objects.published().filter(slug__startswith="demo-").count()
    assert len(exported) == published


def test_the_public_list_shows_the_published_demo_programmes(client):
    generate_demo_data(programmes=30, force=True, seed=9)
    published = Programme.objects.published().count()
    newest = Programme.objects.published().order_by(*SORTS["-start"][1]).first()
    page = html.unescape(client.get("/programmes/").content.decode())
    assert f"{published} programmes" in page
    assert newest.title in page


def test_every_third_demo_programme_links_a_demo_document_on_example_org():
    generate_demo_data(programmes=6, force=True, seed=2)
    programmes = demo()
    linked = [p for p in programmes if p.documents.exists()]
    assert len(linked) == 2
    assert all(
        d.url.startswith("https://example.org/demo/") and "(demo)" in d.title for p in linked for d in p.documents.all()
    )
