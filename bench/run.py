"""`make bench`: throughput and latency of the portal's pages against a bare Django view.

Runs inside scripts/with-postgres.sh: migrates the throwaway database, adds 10,000 demo
programmes (manage.py generate_demo_data), starts `make serve` (gunicorn, production settings),
and drives each address with wrk at a fixed concurrency from this second process. Prints one
table and writes it to bench/results.md. Pages are measured as a visitor who comes back sees
them (the page cache warm) and, for the costly ones, "uncached" too: from a second server whose
cache keeps nothing (CACHE_URL=dummycache://), so every request renders the page afresh, and
"after an edit", from a server that keeps no page under the content version but every fragment (what
outlives an edit: cards, skeletons, pages kept through rewordings of programmes they do not read) while
a programme is reworded every 2 s (PAGES_CACHE_URL=dummycache://), as the first visitors after an edit
meet them. Each
page's HTML is weighed as sent (compressed), alone and with its CSS and scripts (bench/transfer.py).
Then visitors rotate over the public addresses (bench/mix.lua.in) without edits and while a staff
member saves a programme through the admin every 2 s (bench/editing.py), and the whole files and
one IATI activity are timed right after a save (the activity: the median of ACTIVITY_SAVES saves,
each followed by one request) and again.
"""

from __future__ import annotations

import json
import os
import platform
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from common import (
    PATHS,
    ROOT,
    Server,
    WrkResult,
    get,
    manage,
    mix_script,
    peak_rss_kib,
    prepare_database,
    production_env,
    wrk,
)
from editing import MAKE_EDITOR, EditingThread, Editor, catalogue_edit, rewording
from transfer import transferred_kb

PROGRAMMES = int(os.environ.get("BENCH_PROGRAMMES", 10_000))
CONNECTIONS = int(os.environ.get("BENCH_CONNECTIONS", 8))
DURATION = int(os.environ.get("BENCH_DURATION", 5))
# The bare view, measured before each row: about 1,000 requests or more in 1 s, enough for its rate.
BARE_DURATION = int(os.environ.get("BENCH_BARE_DURATION", 1))
# Pages drawn afresh, at 8-40 requests a second (200 and more for a list after an edit): 24 to 120
# requests each, enough for the rate and the median; 3 s each leaves room for the rows after an edit.
FRESH_DURATION = int(os.environ.get("BENCH_FRESH_DURATION", 3))
# Visitors rotating over the public addresses, without edits and then with a save every 2 s.
EDIT_DURATION = int(os.environ.get("BENCH_EDIT_DURATION", 12))
# One IATI activity after a change: the median of this many saves, each followed by one request.
ACTIVITY_SAVES = 5
HERE = Path(__file__).resolve().parent
RESULTS = HERE / "results.md"
# Targets of issue 6: throughput as a share of the bare view's.
TARGETS = {"programme list, page 1": 0.5, "programme page": 0.7, "overview": 0.7}

# Records the measurements need, found in the generated database.
FIND_RECORDS = """
import json
from django.contrib.auth import get_user_model, BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
from django.contrib.sessions.backends.db import SessionStore
from django.db.models import Count, Q
from funding.models import DonorAccount, Grant
from partners.models import Organisation
from programmes.models import Programme
from django.conf import settings
programme = (Programme.objects.published().for_listing()  # for_listing: where it works, for the country filter
             .filter(slug__startswith="demo-", parent__isnull=False).order_by("pk").first())
funder = (Organisation.objects.filter(slug__startswith="demo-")
          .annotate(n=Count("grants", filter=Q(grants__in=Grant.objects.published()))).order_by("-n").first())
user, _ = get_user_model().objects.get_or_create(username="bench-donor", defaults={"email": "bench@example.org"})
account, _ = DonorAccount.objects.get_or_create(user=user)
account.funders.add(funder)
session = SessionStore()
session[SESSION_KEY] = str(user.pk)
session[BACKEND_SESSION_KEY] = "django.contrib.auth.backends.ModelBackend"
session[HASH_SESSION_KEY] = user.get_session_auth_hash()
session.create()
last_page = max(1, -(-Programme.objects.published().count() // settings.PROGRAMMES_PER_PAGE))
print(json.dumps({"programme": programme.slug, "programme_pk": programme.pk,
                  "funder": funder.slug, "cookie": settings.SESSION_COOKIE_NAME,
                  "session": session.session_key, "country": programme.working_links[0].country.slug,
                  "deep_page": max(1, last_page - 10)}))
"""

# The IATI file of the first N published programmes (all of them when N is 0), timed, in this
# process alone, so ru_maxrss is the export's peak memory (plus Django's own).
IATI_EXPORT = """
import os, resource, time
from iati.writer import iter_activities_xml
from programmes.models import Programme
limit = int(os.environ["BENCH_IATI_LIMIT"])
programmes = Programme.objects.published()
if limit:
    programmes = programmes.filter(pk__in=list(programmes.order_by("pk").values_list("pk", flat=True)[:limit]))
started = time.perf_counter()
size = activities = 0
for chunk in iter_activities_xml(programmes):
    size += len(chunk)
    activities += chunk.count(b"<iati-activity ")
print(activities, size, time.perf_counter() - started, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)
"""


# Every stale activity written ahead for the server's address, as `make serve` does at a deployment
# (manage.py write_iati_activities), in a process of its own: how many were written, seconds, peak KiB.
WRITE_AHEAD = """
import os, resource, time
from io import StringIO
from django.core.management import call_command
started = time.perf_counter()
out = StringIO()
call_command("write_iati_activities", "--base-url", os.environ["BENCH_BASE_URL"], stdout=out)
written = out.getvalue().split(": ", 1)[1].split(" written")[0].replace(",", "")
print(written, time.perf_counter() - started, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)
"""


@dataclass
class Row:
    name: str
    path: str
    result: WrkResult
    # The bare view's throughput measured just before this row: on a shared machine the load
    # changes during a run, so each ratio compares two measurements taken side by side.
    bare: float = 0.0
    # KB of the page's HTML as sent (compressed), and with its CSS and scripts; None if not a page.
    kb: tuple[float, float] | None = None


def measure(server: Server, name: str, path: str, *, headers: dict | None = None, duration: int = DURATION) -> Row:
    status, _, _ = get(server.base + path, headers=headers)
    if status != 200:
        sys.exit(f"{path} answered {status}")
    # Warm up for a second: every gunicorn worker has its own cache, to fill before measuring
    # (the bare view, measured before each row, has none: 20 s less in a run).
    if path != "/bench/bare":
        wrk(server.base + path, connections=CONNECTIONS, duration=1, headers=headers)
    result = wrk(server.base + path, connections=CONNECTIONS, duration=duration, headers=headers)
    row = Row(name, path, result, kb=transferred_kb(server.base, path, headers or {}))
    print(f"  {row.name:<42} {result.requests_per_second:>9.1f} req/s  p50 {result.p50_ms:>8.2f} ms", flush=True)
    return row


def iati_export(env: dict[str, str], limit: int) -> tuple[int, int, float, int]:
    out = manage("shell", "-c", IATI_EXPORT, env={**env, "BENCH_IATI_LIMIT": str(limit)}, capture=True)
    activities, size, seconds, rss = out.split()[-4:]
    return int(activities), int(size), float(seconds), int(rss)


# The costly pages, measured a second time as rendered afresh.
UNCACHED = {
    "overview",
    "programme list, page 1",
    "programme list, filtered",
    "programme list, search",
    "programme list, deep page",
    "programme page",
    "funder page",
    "country page",
    "API programme list",
}


def addresses(records: dict, static: str) -> list[tuple[str, str, dict]]:
    donor = {"Cookie": f"{records['cookie']}={records['session']}"}
    return [
        ("bare view (floor)", "/bench/bare", {}),
        ("static file (ceiling)", static, {}),
        ("overview", "/", {}),
        ("programme list, page 1", "/programmes/", {}),
        ("programme list, filtered", f"/programmes/?country={records['country']}&status=ongoing", {}),
        ("programme list, search", "/programmes/?q=border", {}),
        ("programme list, deep page", f"/programmes/?page={records['deep_page']}", {}),
        ("programme page", f"/programmes/{records['programme']}/", {}),
        ("funder page", f"/funders/{records['funder']}/", {}),
        ("country page", f"/countries/{records['country']}/", {}),
        ("donor dashboard (signed in)", "/donor/", donor),
        ("API programme list", "/api/programmes/", {}),
        ("CSV export, one country", f"/programmes/export.csv?country={records['country']}", {}),
    ]


AFTER_AN_EDIT = " (after an edit)"
# The same pages while the editor changes the programme's coverage instead: a change of the catalogue,
# which makes stale what is kept under it and the pages kept through rewordings.
AFTER_A_CATALOGUE_EDIT = " (after a catalogue edit)"
# The pages made partly of what outlives an edit (programme cards, the list's skeletons, what is kept
# under the catalogue version: filter lists, counts, maps, figures; and whole pages kept through
# rewordings of programmes they do not read, programmes/kept_pages.py), measured a third time while the
# bench's editor rewords the programme of "programme page" every 2 s (a page that shows it is drawn
# again after each save, in each worker): the others keep nothing but the whole page under the content
# version, so for them it is the uncached row.
WITH_FRAGMENTS = {
    "overview",
    "programme list, page 1",
    "programme list, filtered",
    "programme list, search",
    "programme list, deep page",
    "programme page",
    "funder page",
    "country page",
}


def row_order(pages: list[tuple[str, str, dict]]) -> list[str]:
    """Each address, followed by its rows drawn after an edit and uncached where it has them."""
    return [
        row
        for name, _, _ in pages
        for row in [
            name,
            *([name + AFTER_AN_EDIT, name + AFTER_A_CATALOGUE_EDIT] if name in WITH_FRAGMENTS else []),
            *([name + " (uncached)"] if name in UNCACHED else []),
        ]
    ]


def measure_against_the_floor(server: Server, name: str, path: str, headers: dict, duration: int = DURATION) -> Row:
    # The bare view's own row is its floor (ratio 1), not a second run to compare with.
    if path == "/bench/bare":
        row = measure(server, name, path)
        row.bare = row.result.requests_per_second
        return row
    floor = measure(server, "  (bare view)", "/bench/bare", duration=BARE_DURATION).result.requests_per_second
    row = measure(server, name, path, headers=headers, duration=duration)
    row.bare = floor
    return row


def edits_while_visitors_browse(server: Server, env: dict[str, str], records: dict) -> dict:
    """Visitors rotating over the public addresses for EDIT_DURATION s, then again while a staff
    member saves a programme through the admin every 2 s (bench/editing.py)."""
    print(f"Visitors browsing for {EDIT_DURATION} s, without edits, then with a save every 2 s...", flush=True)
    manage("shell", "-c", MAKE_EDITOR, env=env)
    paths = json.loads(manage("shell", "-c", PATHS, env=env, capture=True).strip().splitlines()[-1])
    script = mix_script(paths)
    wrk(server.base + "/", connections=CONNECTIONS, duration=2, script=script)  # every worker's cache warm
    quiet = wrk(server.base + "/", connections=CONNECTIONS, duration=EDIT_DURATION, script=script)
    editor = Editor(server.base)
    thread = EditingThread(editor, records["programme_pk"])
    thread.start()
    busy = wrk(server.base + "/", connections=CONNECTIONS, duration=EDIT_DURATION, script=script)
    thread.stop()
    print(f"  p99 {quiet.p99_ms:.0f} ms without edits, {busy.p99_ms:.0f} ms with {thread.saves} saves", flush=True)
    return {"paths": len(paths), "quiet": quiet, "busy": busy, "saves": thread.saves, "failures": thread.failures}


def after_one_change(server: Server, records: dict) -> dict[str, tuple[int, int, float]]:
    """(status, bytes, seconds) of the whole files and one activity, asked right after a save
    through the admin, then again (kept): the IATI file (its activities kept from the first
    request above), the CSV and the XLSX of every published programme."""
    editor = Editor(server.base)
    timed: dict[str, tuple[int, int, float]] = {}
    activity = f"/programmes/{records['programme']}/iati.xml"
    for name, path, saves in (
        ("IATI file", "/iati/activities.xml", 1),
        ("one IATI activity", activity, ACTIVITY_SAVES),
        ("CSV", "/programmes/export.csv", 1),
        ("XLSX", "/programmes/export.xlsx", 1),
    ):
        # A single answer of a few milliseconds is at the mercy of which worker takes it: the activity's
        # time after a change is the median of several saves, each followed by one request.
        after: list[tuple[int, int, float]] = []
        for _ in range(saves):
            editor.save_programme(records["programme_pk"], f"Bench programme saved at {time.time():.3f}")
            after.append(timed_get(server.base + path))
        median = sorted(after, key=lambda answer: answer[2])[len(after) // 2]
        timed[f"{name}, after a change" + (f" (median of {saves})" if saves > 1 else "")] = median
        timed[f"{name}, kept"] = timed_get(server.base + path)
    return timed


def timed_get(url: str) -> tuple[int, int, float]:
    t0 = time.perf_counter()
    status, _, body = get(url)
    return status, len(body), time.perf_counter() - t0


def main() -> None:
    started = time.monotonic()
    env = production_env()
    print(f"Adding {PROGRAMMES:,} demo programmes to a fresh PostgreSQL database...", flush=True)
    generate_seconds = prepare_database(env, PROGRAMMES)
    records = json.loads(manage("shell", "-c", FIND_RECORDS, env=env, capture=True).strip().splitlines()[-1])

    # Memory flat in the number of programmes: the same peak for three times as many. The whole
    # file is timed over HTTP below, with the worker's peak before and after.
    # 300 and 1,000 rather than 1,000 and 3,000: the same comparison, some 15 s shorter.
    print("IATI export in a process of its own (300 programmes, then 1,000)...", flush=True)
    iati_small = iati_export(env, 300)
    iati_1k = iati_export(env, 1000)
    print(f"  300: {iati_small}; 1,000: {iati_1k} (activities, bytes, seconds, peak KiB)", flush=True)

    # As `make serve` does at a deployment when it knows the public address: the file's first request
    # then reads every activity kept, rather than writing thousands while the visitor waits.
    log = HERE / "serve.log"
    server = Server(env, log)
    print("IATI activities written ahead (manage.py write_iati_activities)...", flush=True)
    out = manage(
        "shell", "-c", WRITE_AHEAD, env={**env, "BENCH_BASE_URL": server.base.replace("http:", "https:")}, capture=True
    )
    ahead_written, ahead_seconds, ahead_rss = out.split()[-3:]
    print(f"  {ahead_written} written in {float(ahead_seconds):.1f} s", flush=True)
    with server:
        manifest = json.loads((ROOT / "staticfiles" / "staticfiles.json").read_text())["paths"]
        static = "/static/" + manifest["css/site.css"]
        _, static_headers, _ = get(server.base + static, headers={"Accept-Encoding": "gzip, br"})
        compressed = static_headers.get("Content-Encoding", "none")
        pages = addresses(records, static)
        print(f"wrk: {CONNECTIONS} connections, {DURATION} s per address", flush=True)
        rows = {name: measure_against_the_floor(server, name, path, headers) for name, path, headers in pages}

        editing = edits_while_visitors_browse(server, env, records)

        # The whole IATI file over HTTP, once, with the workers' peak memory before and after.
        _, workers = server.gunicorn_pids()
        before = {pid: peak_rss_kib(pid) for pid in workers}
        t0 = time.perf_counter()
        status, _, body = get(server.base + "/iati/activities.xml")
        http_seconds = time.perf_counter() - t0
        after = {pid: peak_rss_kib(pid) for pid in workers}
        grown = max(after[pid] - before.get(pid, 0) for pid in after)
        worker_peak = max(after.values())
        after_change = after_one_change(server, records)

    # Pages as the first visitors after an edit get them: a server that keeps no page (each is drawn
    # afresh) but keeps every fragment (programme cards, list skeletons, what the catalogue keeps),
    # while a staff member saves a programme every 2 s, so that what an edit makes stale is drawn
    # again as it would be.
    for suffix, edit in ((AFTER_AN_EDIT, rewording), (AFTER_A_CATALOGUE_EDIT, catalogue_edit)):
        print(f"The same addresses drawn afresh with their fragments kept, {edit.__name__} every 2 s...", flush=True)
        with Server({**env, "PAGES_CACHE_URL": "dummycache://"}, HERE / "serve-after-edits.log") as server:
            thread = EditingThread(Editor(server.base), records["programme_pk"], edit=edit)
            thread.start()
            for name, path, headers in pages:
                if name in WITH_FRAGMENTS:
                    rows[name + suffix] = measure_against_the_floor(
                        server, name + suffix, path, headers, FRESH_DURATION
                    )
            thread.stop()
        print(f"  {thread.saves} saves, {thread.failures} failed", flush=True)

    # Fresh renders: a server whose cache keeps nothing, so no request is answered from it.
    print("The same addresses with nothing cached...", flush=True)
    with Server({**env, "CACHE_URL": "dummycache://"}, HERE / "serve-uncached.log") as server:
        for name, path, headers in pages:
            if name in UNCACHED:
                rows[name + " (uncached)"] = measure_against_the_floor(
                    server, name + " (uncached)", path, headers, FRESH_DURATION
                )
    rows = [rows[name] for name in row_order(pages)]

    lines = [
        f"Measured by `make bench` on {time.strftime('%Y-%m-%d')}: {PROGRAMMES:,} demo programmes on PostgreSQL, "
        f"`make serve` (gunicorn, production settings), wrk with {CONNECTIONS} connections for {DURATION} s per "
        f"address ({FRESH_DURATION} s for pages drawn afresh), on {os.cpu_count()} cores ({platform.machine()}), "
        "wrk and PostgreSQL on the same machine. "
        '"After an edit" rows come from a second server that keeps no page under the content version (which '
        "every edit makes stale) but keeps what outlives an edit (programme cards, the list's skeletons, what is "
        "kept under the catalogue version: filter lists, counts, maps, a funder's figures; and pages kept through "
        "rewordings of programmes they do not read), while a staff member rewords the title of the programme of "
        '"programme page" through the admin every 2 s: each page is answered as the first visitor after an edit '
        "gets it, and a page that shows that programme is drawn again after each save. "
        '"After a catalogue edit" rows: the same, while the staff member changes that programme\'s coverage '
        "instead (national and regional in turn), a change of what the lists' filters and counts read, which "
        "makes stale all that is kept under the catalogue version and the pages kept through rewordings: the "
        "first visitor to each page in each worker after each save draws it with only the programme cards kept "
        "(the p99 shows that wait), and the visitors after it, until the next save, are answered as kept. "
        '"Uncached" rows come from a third server whose cache keeps nothing, so the page is rendered every time. '
        f"Each address is measured right after the bare view ({BARE_DURATION} s), and its ratio is to that "
        "measurement.",
        "",
        "| address | req/s | p50 ms | p99 ms | bare view req/s | × bare view | target | errors "
        "| HTML KB transferred (compressed) | with CSS+JS KB |",
        "| --- | ---: | ---: | ---: | ---: | ---: | --- | ---: | ---: | ---: |",
    ]
    for row in rows:
        r = row.result
        ratio = r.requests_per_second / row.bare
        target = TARGETS.get(row.name)
        verdict = f"≥ {target} {'met' if ratio >= target else 'MISSED'}" if target else ""
        errors = r.non_2xx_3xx + r.socket_errors
        weight = f"{row.kb[0]:.1f} | {row.kb[1]:.1f}" if row.kb else " | "
        lines.append(
            f"| {row.name} | {r.requests_per_second:,.0f} | {r.p50_ms:.1f} | {r.p99_ms:.1f} | {row.bare:,.0f} | "
            f"{ratio:.2f} | "
            f"{verdict} | {errors} | {weight} |"
        )
    lines += [
        "",
        "| IATI export | activities | size | time | peak memory |",
        "| --- | ---: | ---: | ---: | ---: |",
        f"| 300 programmes (own process) | {iati_small[0]:,} | {iati_small[1] / 1e6:.1f} MB | "
        f"{iati_small[2]:.1f} s | {iati_small[3] / 1024:.0f} MiB |",
        f"| 1,000 programmes (own process) | {iati_1k[0]:,} | {iati_1k[1] / 1e6:.1f} MB | {iati_1k[2]:.1f} s | "
        f"{iati_1k[3] / 1024:.0f} MiB |",
        f"| all, written ahead (manage.py write_iati_activities, own process) | {int(ahead_written):,} | | "
        f"{float(ahead_seconds):.1f} s | {int(ahead_rss) / 1024:.0f} MiB |",
        f"| all, over HTTP, written ahead (gunicorn worker) | {body.count(b'<iati-activity '):,} | "
        f"{len(body) / 1e6:.1f} MB | "
        f"{http_seconds:.1f} s | {worker_peak / 1024:.0f} MiB peak (+{grown / 1024:.0f} MiB) |",
        "",
        "| whole file (every published programme) | status | size | time |",
        "| --- | ---: | ---: | ---: |",
        *(
            f"| {name} | {status_} | {size / 1e6:.2f} MB | {seconds * 1000:,.0f} ms |"
            for name, (status_, size, seconds) in after_change.items()
        ),
        "",
        f"Edits while visitors browse: wrk with {CONNECTIONS} connections rotating over {editing['paths']} public "
        f"addresses (bench/mix.lua.in) for {EDIT_DURATION} s each run; while editing, one staff member signed in "
        f"to the admin saved a programme's change form every 2 s through gunicorn ({editing['saves']} saves, "
        f"{editing['failures']} failed).",
        "",
        "| visitors | requests | req/s | p50 ms | p99 ms | errors |",
        "| --- | ---: | ---: | ---: | ---: | ---: |",
        *(
            f"| {name} | {r.requests:,} | {r.requests_per_second:,.0f} | {r.p50_ms:.1f} | {r.p99_ms:.1f} | "
            f"{r.non_2xx_3xx + r.socket_errors} |"
            for name, r in (("without edits", editing["quiet"]), ("with a save every 2 s", editing["busy"]))
        ),
        f"| p99 with edits ÷ without | | | | {editing['busy'].p99_ms / editing['quiet'].p99_ms:.1f} × | |",
        "",
        f"Static files compressed by whitenoise: Content-Encoding `{compressed}`. "
        f"generate_demo_data --programmes {PROGRAMMES:,}: {generate_seconds:.0f} s. Whole run: "
        f"{(time.monotonic() - started) / 60:.1f} min.",
    ]
    if status != 200:
        lines.append(f"IATI export over HTTP answered {status}.")
    table = "\n".join(lines) + "\n"
    RESULTS.write_text("# Benchmark results\n\n" + table)
    print()
    print(table)
    print(f"Written to {RESULTS.relative_to(ROOT)}; server log in {log.relative_to(ROOT)}.")


if __name__ == "__main__":
    try:
        main()
    except subprocess.CalledProcessError as error:
        sys.exit(f"{error.cmd[:3]} failed: {error.stderr or ''}")
