"""Which queries Django compiles: for the tests of SQL compiled once (``iomcaribbean.compiled_queries``)."""

from __future__ import annotations

from django.db.models.sql.compiler import SQLCompiler


def record_compiled_models(monkeypatch) -> list[str]:
    """The name of the model of each query compiled from now on, in order."""
    found: list[str] = []
    original = SQLCompiler.as_sql

    def recording(self, *args, **kwargs):
        found.append(self.query.model.__name__)
        return original(self, *args, **kwargs)

    monkeypatch.setattr(SQLCompiler, "as_sql", recording)
    return found
