"""Regenerate the README's screenshots (docs/*.png) from a running portal.

Start the portal (`make run`), then:

    .venv/bin/python scripts/screenshots.py [--base-url http://127.0.0.1:8000] [--out docs]

The donor dashboard needs a donor account: pass --donor-username and --donor-password (or set
SCREENSHOT_DONOR_USERNAME and SCREENSHOT_DONOR_PASSWORD); without them it is left out. Each page
is taken at phone width (390 px) and desktop width (1280 px), the first screen of it only, so the
images stay small. --full-page takes whole pages instead, for checking a page by eye.

Playwright drives Debian's Chromium (CHROMIUM_PATH, /usr/bin/chromium by default); it never
downloads a browser.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from playwright.sync_api import Page, sync_playwright

ROOT = Path(__file__).resolve().parents[1]

# (file name stem, path, what it shows): the pages the README shows.
PAGES = [
    ("overview", "/", "the public overview"),
    ("programmes", "/programmes/", "the programme list"),
    ("seminar", "/programmes/international-migration-policy-seminar-caribbean/", "the 2001 seminar's page"),
    ("funder", "/funders/us-state-department/", "a funder's page"),
]
DONOR_PAGE = ("donor", "/donor/", "the donor dashboard")
# (name, viewport width, viewport height, device scale factor)
SIZES = [("phone", 390, 844, 2), ("desktop", 1280, 800, 1)]


def sign_in(page: Page, base_url: str, username: str, password: str) -> None:
    page.goto(f"{base_url}/accounts/login/?next=/donor/")
    page.get_by_label("Username").fill(username)
    page.get_by_label("Password").fill(password)
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_url(f"{base_url}/donor/")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--base-url", default="http://127.0.0.1:8000")
    parser.add_argument("--out", type=Path, default=ROOT / "docs")
    parser.add_argument("--donor-username", default=os.environ.get("SCREENSHOT_DONOR_USERNAME"))
    parser.add_argument("--donor-password", default=os.environ.get("SCREENSHOT_DONOR_PASSWORD"))
    parser.add_argument("--full-page", action="store_true", help="whole pages, not the first screen")
    args = parser.parse_args()
    base_url = args.base_url.rstrip("/")
    args.out.mkdir(parents=True, exist_ok=True)

    donor = bool(args.donor_username and args.donor_password)
    if not donor:
        print("No donor account given: the donor dashboard is left out.", file=sys.stderr)

    chromium = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium, headless=True, args=["--no-sandbox"])
        for size, width, height, scale in SIZES:
            context = browser.new_context(viewport={"width": width, "height": height}, device_scale_factor=scale)
            page = context.new_page()
            # The public pages as a visitor sees them, then the dashboard once signed in.
            for stem, path, what in [*PAGES, DONOR_PAGE] if donor else PAGES:
                if stem == DONOR_PAGE[0]:
                    sign_in(page, base_url, args.donor_username, args.donor_password)
                response = page.goto(base_url + path)
                if response is None or not response.ok:
                    status = response.status if response else "no answer"
                    print(f"{base_url + path} answered {status}; is the portal running?", file=sys.stderr)
                    return 1
                target = args.out / f"{stem}-{size}.png"
                page.screenshot(path=str(target), full_page=args.full_page)
                print(f"{target.relative_to(Path.cwd()) if target.is_relative_to(Path.cwd()) else target}: {what}")
            context.close()
        browser.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
