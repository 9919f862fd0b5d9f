"""An editor posts an update with two photos; it shows on the programme page, in /updates/, in both feeds and
in the programme's card framed by a page of another origin."""

from __future__ import annotations

import functools
import http.server
import re
import threading

import pytest

from programmes.models import Programme
from tests.factories import UserFactory
from tests.helpers.photos import jpeg_bytes
from tests.helpers.roles import EDITORS

pytestmark = [pytest.mark.browser, pytest.mark.usefixtures("seeded")]
PASSWORD = "a-long-test-password"
TITLE = "Seminar report handed to the ministries"


@pytest.fixture
def other_origin(tmp_path):
    """A page on another origin (another port of the loopback) that frames what it is told to."""
    server = http.server.ThreadingHTTPServer(
        ("127.0.0.1", 0), functools.partial(http.server.SimpleHTTPRequestHandler, directory=str(tmp_path))
    )
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield tmp_path, f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


def test_an_editor_posts_an_update_with_two_photos_and_it_shows_everywhere(
    live_server, page, browser, tmp_path, other_origin
) -> None:
    programme = Programme.objects.get(code="T81-805")
    UserFactory(username="editor", is_staff=True, groups=[EDITORS], password=PASSWORD)
    photos = []
    for number, size in enumerate(((1800, 1200), (640, 480))):
        path = tmp_path / f"photo-{number}.jpg"
        path.write_bytes(jpeg_bytes(*size, gps=True))
        photos.append(path)

    page.goto(live_server.url + "/admin/")
    page.fill("#id_username", "editor")
    page.fill("#id_password", PASSWORD)
    page.click("input[type=submit]")
    page.goto(live_server.url + f"/admin/programmes/programme/{programme.pk}/change/")
    page.get_by_role("link", name="Add an update").click()
    page.fill("#id_title_en", TITLE)
    page.fill("#id_date", "2001-06-15")
    page.fill("#id_text_en", "The seminar's report went to each ministry of the region.")
    page.select_option("#id_status", "published")
    for number, path in enumerate(photos):
        page.locator("#photos-group").get_by_role("button", name=re.compile("Add another")).click()
        page.set_input_files(f"#id_photos-{number}-image", str(path))
        page.fill(f"#id_photos-{number}-alt_text_en", f"Delegates reading the report, photo {number + 1}")
    page.locator("input[name=_save]").click()
    page.wait_for_url(re.compile(r"/admin/updates/update/$"))

    visitor = browser.new_context().new_page()
    visitor.goto(live_server.url + programme.get_absolute_url())
    assert TITLE in visitor.locator("#updates").locator("..").inner_text()
    visitor.goto(live_server.url + "/updates/")
    assert TITLE in visitor.locator("main").inner_text()
    for feed in ("/feeds/updates.atom", f"/programmes/{programme.slug}/updates.atom"):
        assert TITLE in visitor.request.get(live_server.url + feed).text(), feed

    framing, origin = other_origin
    card = f"{live_server.url}/embed/programmes/{programme.slug}/"
    (framing / "index.html").write_text(f'<!doctype html><title>Partner</title><iframe src="{card}"></iframe>')
    visitor.goto(origin + "/index.html")
    frame = next(frame for frame in visitor.frames if "/embed/programmes/" in frame.url)
    frame.wait_for_selector("h1")
    assert TITLE in frame.locator("body").inner_text()
    assert programme.title in frame.locator("h1").inner_text()
    # The photo loads lazily: once scrolled into the frame's view, the renditions' view serves it.
    frame.locator("img[alt='Delegates reading the report, photo 1']").scroll_into_view_if_needed()
    frame.wait_for_function(
        "() => document.querySelector('img').complete && document.querySelector('img').naturalWidth"
    )
    visitor.context.close()
