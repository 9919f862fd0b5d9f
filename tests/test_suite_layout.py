"""The suite's own layout: test modules share code through tests/helpers and fixtures, never each other."""

from __future__ import annotations

import ast
import sys
from pathlib import Path

TESTS = Path(__file__).resolve().parent


def is_test_module(name: str) -> bool:
    last = name.rsplit(".", 1)[-1]
    return last.startswith("test_") or last == "conftest"


def imported_modules(path: Path) -> list[str]:
    """Every module ``path`` imports, relative imports resolved against its package."""
    package = ".".join(path.relative_to(TESTS.parent).parent.parts)
    names = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names += [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = package.rsplit(".", node.level - 1)[0] if node.level else ""
            module = ".".join(part for part in (base, node.module) if part)
            names.append(module)
            names += [f"{module}.{alias.name}" for alias in node.names]  # from tests.x import test_y
    return names


def test_no_test_module_imports_another_test_module_or_a_conftest():
    found = [
        f"{path.relative_to(TESTS.parent)} imports {name}"
        for path in sorted(TESTS.rglob("test_*.py"))
        for name in imported_modules(path)
        if name.startswith("tests.") and is_test_module(name)
    ]
    assert not found, "Move what they share to tests/helpers or a fixture: " + "; ".join(found)


def test_each_test_runs_on_a_frame_stack_with_room_for_its_deepest_calls():
    """tests/conftest.py runs each test under one frame of 128 KB, so Python keeps a stack chunk with
    room for a request's middleware and templates rather than mapping one at each call."""
    frame, callers = sys._getframe(), []
    while frame is not None:
        callers.append(frame.f_code)
        frame = frame.f_back
    roomy = [code for code in callers if code.co_filename == "<roomy frame>"]
    assert len(roomy) == 1 and roomy[0].co_nlocals >= 16_000
