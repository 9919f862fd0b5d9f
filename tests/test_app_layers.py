"""The apps import one way: no module imports an app above its own, or names one in a string.

The layers, lowest first: the project package's shared pieces (``iomcaribbean``), ``programmes``,
``partners``, ``funding``, ``documents``, ``updates``, the donors' ``digests``, then ``search`` and ``iati``
above the domain apps (iati may use the search; the search never uses iati). The project package's settings
and root URLconfs are the composition root, which names every app, so they are not checked.

A name in a string counts as much as an import: a dotted path, a model label or a URL name
(``"iati.views"``, ``"funding.grant"``, ``"funding:detail"``, ``"funding_api:funder-list"``), or a
model fetched by its app's label (``apps.get_model("funding", "Grant")``). A reverse relation's
name (``Programme._meta.get_field("grants")``) names no app, and is fine.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
LAYERS = ["iomcaribbean", "programmes", "partners", "funding", "documents", "updates", "digests", "search", "iati"]
CHECKED = LAYERS[:-1]  # nothing is above iati
COMPOSITION_ROOT = {"iomcaribbean/settings.py", "iomcaribbean/urls.py", "iomcaribbean/api_urls.py"}

# Crossings older than the layering, for the lead to clear; the set only shrinks (the last test).
KNOWN_EXCEPTIONS: set[str] = set()


def modules() -> list[Path]:
    paths = [path for app in CHECKED for path in sorted((ROOT / app).rglob("*.py"))]
    return [path for path in paths if path.relative_to(ROOT).as_posix() not in COMPOSITION_ROOT]


def crossings(relative: str, source: str) -> set[str]:
    """Each app above the module's own that it reaches: ``"<path> imports <app>"``, ``"<path> names <app>"``."""
    own = relative.split("/")[0]
    above = LAYERS[LAYERS.index(own) + 1 :]
    named = re.compile(rf"^({'|'.join(above)})(?:_api)?[.:]")
    found = set()
    for node in ast.walk(ast.parse(source, filename=relative)):
        if isinstance(node, ast.Import):
            tops = [alias.name.split(".")[0] for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            tops = [node.module.split(".")[0]]
        else:
            tops = []
        found |= {f"{relative} imports {top}" for top in tops if top in above}
        if isinstance(node, ast.Call) and getattr(node.func, "attr", getattr(node.func, "id", "")) == "get_model":
            label = node.args[0].value if node.args and isinstance(node.args[0], ast.Constant) else None
            if isinstance(label, str) and label.split(".")[0] in above:
                found.add(f"{relative} names {label.split('.')[0]}")
        elif isinstance(node, ast.Constant) and isinstance(node.value, str) and (match := named.match(node.value)):
            found.add(f"{relative} names {match.group(1)}")
    return found


def every_crossing() -> set[str]:
    return set().union(*(crossings(path.relative_to(ROOT).as_posix(), path.read_text()) for path in modules()))


def test_no_app_imports_or_names_an_app_above_it() -> None:
    assert every_crossing() - KNOWN_EXCEPTIONS == set()


def test_every_known_exception_is_still_there() -> None:
    # An exception cleared in the code is cleared here too.
    assert KNOWN_EXCEPTIONS - every_crossing() == set()


def test_the_check_sees_each_kind_of_crossing() -> None:
    source = 'from iati import views\nimport funding.models\nURL = "iati:about_data"\nM = apps.get_model("iati", "X")\n'

    assert crossings("search/probe.py", source) == {
        "search/probe.py imports iati",
        "search/probe.py names iati",
    }
    assert crossings("partners/probe.py", source) == {
        "partners/probe.py imports iati",
        "partners/probe.py imports funding",
        "partners/probe.py names iati",
    }
    assert crossings("funding/probe.py", 'NAME = "partners:list"\nimport programmes\n') == set()
