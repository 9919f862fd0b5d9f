"""Related activities: the seminar's links as its source words them, both sides of a link on the
programmes' pages, what the public never sees, and the API's record."""

from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError

from programmes.models import Programme, RelatedActivity
from tests.factories import ProgrammeFactory, RelatedActivityFactory

pytestmark = pytest.mark.django_db

SEMINAR = "international-migration-policy-seminar-caribbean"


def test_the_seminar_names_its_three_outside_activities_in_the_sources_words(client):
    links = RelatedActivity.objects.filter(programme__slug=SEMINAR).order_by("order")
    assert [(link.relation, link.related_programme, link.iati_identifier) for link in links] == [
        ("follows-up", None, ""),
        ("prepared-for", None, ""),
        ("prepared-for", None, ""),
    ]
    page = client.get(f"/programmes/{SEMINAR}/").content.decode()
    assert "Follow-up to:</span>" in page
    assert "The regional meeting in Santo Domingo, Dominican Republic in November 2000" in page
    assert page.count("Prepared the way for:</span>") == 2


def test_a_link_reads_from_both_sides_and_links_only_a_published_programme(client):
    meeting = ProgrammeFactory(title="Regional meeting", title_es="Reunión regional")
    follow_up = ProgrammeFactory(title="Second seminar")
    RelatedActivityFactory(programme=follow_up, relation="follows-up", related_programme=meeting)
    hidden = ProgrammeFactory(title="Unannounced pilot", is_published=False)
    RelatedActivityFactory(programme=follow_up, relation="prepared-for", related_programme=hidden)

    page = client.get(follow_up.get_absolute_url()).content.decode()
    assert f'Follow-up to:</span>\n          <a href="{meeting.get_absolute_url()}">Regional meeting</a>' in page
    assert "Unannounced pilot" not in page
    reverse = client.get(meeting.get_absolute_url()).content.decode()
    assert f'Followed up by:</span>\n          <a href="{follow_up.get_absolute_url()}">Second seminar</a>' in reverse
    # In Spanish the programme's Spanish title, not marked English; the untranslated one marked.
    pages = [f"/es{programme.get_absolute_url()}" for programme in (follow_up, meeting)]
    spanish, spanish_reverse = (client.get(path).content.decode() for path in pages)
    assert '">Reunión regional</a>' in spanish
    assert '<span lang="en">Second seminar</span>' in spanish_reverse

    record = client.get(f"/api/programmes/{follow_up.slug}/").json()
    assert [(link["relation"], link["title"], link["is_reverse"]) for link in record["related_activities"]] == [
        ("follows-up", "Regional meeting", False)
    ]


def test_a_link_names_a_portal_programme_or_an_outside_activity_never_both(client):
    programme = ProgrammeFactory()
    with pytest.raises(ValidationError, match="clear the outside activity"):
        RelatedActivity(
            programme=programme, relation="3", related_programme=ProgrammeFactory(), title="Also this"
        ).full_clean()
    with pytest.raises(ValidationError, match="name the outside activity"):
        RelatedActivity(programme=programme, relation="3").full_clean()
    with pytest.raises(ValidationError, match="related to itself"):
        RelatedActivity(programme=programme, relation="3", related_programme=programme).full_clean()
    assert Programme.objects.filter(pk=programme.pk).exists()
