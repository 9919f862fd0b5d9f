"""The public updates: the programme page's newest three, the list and its filters, feeds, the photos' <picture>."""

from __future__ import annotations

import datetime

import pytest
from django.test import Client

from tests.factories import ProgrammeCountryFactory, UpdateFactory, UpdatePhotoFactory

pytestmark = pytest.mark.django_db


def test_the_programme_page_shows_its_newest_three_updates_with_their_photos(client: Client) -> None:
    photo = UpdatePhotoFactory(update__title="Fourth visit", update__date=datetime.date(2024, 4, 1), caption="Boats")
    programme = photo.update.programme
    for day in (1, 2, 3):
        UpdateFactory(programme=programme, title=f"Older visit {day}", date=datetime.date(2023, 1, day))
    UpdateFactory(programme=programme, title="Draft visit", status="draft", date=datetime.date(2025, 1, 1))

    page = client.get(programme.get_absolute_url()).content.decode()

    assert "Fourth visit" in page and "Older visit 3" in page and "Older visit 2" in page
    assert "Older visit 1" not in page and "Draft visit" not in page
    # One <picture>: WebP and JPEG renditions at each width, the shape, lazy loading and the alt text.
    assert f'srcset="{photo.rendition_url(480, "webp")} 480w, {photo.rendition_url(600, "webp")} 600w"' in page
    assert 'width="600" height="400" alt="Families waiting at the border post" loading="lazy"' in page
    # The card's code to copy, escaped once: the page shows the <iframe> as text.
    assert f"&lt;iframe src=&quot;http://testserver/embed/programmes/{programme.slug}/&quot;" in page


def test_the_list_filters_by_country_and_year_and_the_feeds_and_sitemap_carry_the_update(client: Client) -> None:
    shown = UpdateFactory(title="Border post opened", date=datetime.date(2024, 3, 2))
    country = ProgrammeCountryFactory(programme=shown.programme).country
    UpdateFactory(title="Elsewhere", date=datetime.date(2023, 3, 2))

    by_country = client.get(f"/updates/?country={country.slug}").content.decode()
    assert "Border post opened" in by_country and "Elsewhere" not in by_country
    by_year = client.get("/es/updates/?year=2023").content.decode()
    assert "Elsewhere" in by_year and "Border post opened" not in by_year and "1 novedad" in by_year

    every = client.get("/feeds/updates.atom").content.decode()
    own = client.get(f"/programmes/{shown.programme.slug}/updates.atom").content.decode()
    assert "Border post opened" in every and "Elsewhere" in every
    assert "Border post opened" in own and "Elsewhere" not in own
    assert f"http://testserver/updates/{shown.pk}/" in own
    assert f"http://testserver/updates/{shown.pk}/" in client.get("/sitemap.xml").content.decode()
