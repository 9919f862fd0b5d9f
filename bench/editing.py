"""A staff member saving a programme through the admin every few seconds, as `make bench` measures visitors.

Talks to gunicorn like a browser: signs in through the admin's login form, then, in a thread,
opens a programme's change form, reads every field as the browser would send it (inlines'
management forms and the edit-conflict check's hidden fields included), changes the title (a
rewording) or the coverage (a change of the catalogue, ``iomcaribbean.catalogue``) and posts it
back. Cookies are kept by hand: the production settings mark them Secure, which ``http.cookiejar``
would not send over the plain HTTP that wrk and this script speak to gunicorn (the X-Forwarded-Proto
header says a TLS proxy is in front, as for wrk).
"""

from __future__ import annotations

import threading
import time
import urllib.parse
import urllib.request
from html.parser import HTMLParser

from common import PROXY_HEADERS

USERNAME = "bench-editor"
PASSWORD = "bench-editor-password-0123456789"
# Makes the editor, a superuser (the bench's throwaway database only).
MAKE_EDITOR = f"""
from django.contrib.auth import get_user_model
user, _ = get_user_model().objects.get_or_create(username="{USERNAME}", defaults={{"email": "editor@example.org"}})
user.is_staff = user.is_superuser = True
user.set_password("{PASSWORD}")
user.save()
"""


class FormFields(HTMLParser):
    """The fields of the form with ``id``, as a browser submits them (unchecked boxes left out)."""

    def __init__(self, form_id: str) -> None:
        super().__init__()
        self.form_id = form_id
        self.inside = False
        self.fields: list[tuple[str, str]] = []
        self.select: str | None = None
        self.textarea: str | None = None
        self.text = ""

    def handle_starttag(self, tag: str, attrs: list) -> None:
        a = {name: value or "" for name, value in attrs}
        if tag == "form":
            self.inside = a.get("id") == self.form_id
        if not self.inside or "disabled" in a:
            return
        if tag == "input" and a.get("name") and a.get("type") not in ("submit", "button", "file", "image"):
            if a.get("type") not in ("checkbox", "radio") or "checked" in a:
                self.fields.append((a["name"], a.get("value", "on" if a.get("type") == "checkbox" else "")))
        elif tag == "select" and a.get("name"):
            self.select = a["name"]
        elif tag == "option" and self.select and "selected" in a:
            self.fields.append((self.select, a.get("value", "")))
        elif tag == "textarea" and a.get("name"):
            self.textarea, self.text = a["name"], ""

    def handle_data(self, data: str) -> None:
        if self.textarea:
            self.text += data

    def handle_endtag(self, tag: str) -> None:
        if tag == "form":
            self.inside = False
        elif tag == "select":
            self.select = None
        elif tag == "textarea" and self.textarea:
            self.fields.append((self.textarea, self.text.removeprefix("\n")))
            self.textarea = None


class Editor:
    """Signed in to the admin at ``base``; ``save_programme`` changes a programme's title."""

    def __init__(self, base: str) -> None:
        self.base = base
        self.cookies: dict[str, str] = {}
        self.opener = urllib.request.build_opener(NoRedirect)
        page = self.request("/admin/login/")
        token = dict(form_fields(page, "login-form"))["csrfmiddlewaretoken"]
        self.request(
            "/admin/login/?next=/admin/",
            {"csrfmiddlewaretoken": token, "username": USERNAME, "password": PASSWORD, "next": "/admin/"},
        )
        if "sessionid" not in self.cookies and not any("session" in name for name in self.cookies):
            raise RuntimeError("the editor could not sign in")

    def request(self, path: str, data: dict | list | None = None) -> str:
        host = urllib.parse.urlsplit(self.base).netloc
        headers = {
            **PROXY_HEADERS,
            "Cookie": "; ".join(f"{k}={v}" for k, v in self.cookies.items()),
            # The CSRF check of an HTTPS request compares the origin with the host.
            "Origin": f"https://{host}",
            "Referer": f"https://{host}{path}",
        }
        body = urllib.parse.urlencode(data).encode() if data is not None else None
        request = urllib.request.Request(self.base + path, data=body, headers=headers)
        try:
            response = self.opener.open(request, timeout=60)
        except urllib.error.HTTPError as answer:  # a redirect after a save, or an error
            response = answer
        for header in response.headers.get_all("Set-Cookie") or []:
            name, _, rest = header.partition("=")
            self.cookies[name.strip()] = rest.split(";", 1)[0]
        self.last_status = response.status if hasattr(response, "status") else response.code
        return response.read().decode("utf-8", "replace")

    def save_programme(self, pk: int, title: str) -> int:
        """Open the change form, change the title, save; the answer's status (302 when saved)."""
        return self.save_changes(pk, {"title": title, "title_en": title})

    def save_changes(self, pk: int, changes: dict[str, str]) -> int:
        """Open the change form, set the fields ``changes`` names, save; the answer's status (302 when saved)."""
        path = f"/admin/programmes/programme/{pk}/change/"
        fields = [(name, changes.get(name, value)) for name, value in form_fields(self.request(path), "programme_form")]
        self.request(path, [*fields, ("_continue", "Save")])
        return self.last_status


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):  # a save's 302 is its answer
        return None


def form_fields(page: str, form_id: str) -> list[tuple[str, str]]:
    parser = FormFields(form_id)
    parser.feed(page)
    return parser.fields


def rewording(save: int) -> dict[str, str]:
    """A new title: the catalogue stays as it was."""
    title = f"Bench programme edited at {time.time():.3f}"
    return {"title": title, "title_en": title}


def catalogue_edit(save: int) -> dict[str, str]:
    """The coverage, national and regional in turn: a change of what the lists' filters and counts read."""
    return {"coverage": ("regional", "national")[save % 2]}


class EditingThread(threading.Thread):
    """Saves the programme every ``interval`` seconds until stopped, with the fields ``edit`` gives for
    each save (``rewording`` unless told); counts saves and failures."""

    def __init__(self, editor: Editor, pk: int, interval: float = 2.0, edit=rewording) -> None:
        super().__init__(daemon=True)
        self.editor, self.pk, self.interval, self.edit = editor, pk, interval, edit
        self.stopping = threading.Event()
        self.saves = self.failures = 0

    def run(self) -> None:
        while not self.stopping.is_set():
            started = time.monotonic()
            status = self.editor.save_changes(self.pk, self.edit(self.saves + self.failures))
            if status == 302:
                self.saves += 1
            else:
                self.failures += 1
            self.stopping.wait(max(0.0, self.interval - (time.monotonic() - started)))

    def stop(self) -> None:
        self.stopping.set()
        self.join(timeout=60)
