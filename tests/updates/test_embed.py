"""The embeddable card: other sites may frame it (and only it), it sets no cookie and is kept as public pages are."""

from __future__ import annotations

import pytest
from django.test import Client

from tests.factories import GrantFactory, UpdatePhotoFactory

pytestmark = pytest.mark.django_db


def test_the_card_is_frameable_as_configured_with_no_cookie_even_for_a_session(
    client: Client, admin_client: Client, settings
) -> None:
    settings.EMBED_FRAME_ANCESTORS = ["https://partner.example.org"]
    photo = UpdatePhotoFactory(update__title="Border post opened")
    programme = photo.update.programme
    GrantFactory(programme=programme, funder__name="Caribbean Fund")
    url = f"/embed/programmes/{programme.slug}/"

    first, kept = client.get(url), client.get(url)
    signed_in = admin_client.get(url)
    for response in (first, kept, signed_in):
        assert "frame-ancestors https://partner.example.org" in response["Content-Security-Policy"]
        assert "X-Frame-Options" not in response
        assert not response.cookies
    assert kept.content == first.content == signed_in.content
    page = first.content.decode()
    assert "Border post opened" in page and "Caribbean Fund" in page and photo.rendition_url(480, "webp") in page
    # Every other page keeps refusing to be framed.
    other = client.get(programme.get_absolute_url())
    assert other["X-Frame-Options"] == "DENY" and "frame-ancestors 'none'" in other["Content-Security-Policy"]
