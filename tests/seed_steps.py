"""The data migrations that load the seed content, in their order, for tests that load it again
(the browser tests after each flush, the seed tests that re-run or reverse it)."""

from __future__ import annotations

from importlib import import_module
from types import ModuleType

# The content of the two source documents (one module per app), then the corrections made when
# they were read line by line again, and the seed's results moved into the results framework.
SEEDS = (
    "programmes.migrations.0001_squashed_0006_content_translations",
    "partners.migrations.0001_squashed_0004_content_translations",
    "funding.migrations.0002_seed_content",
)
FACTS = (
    "programmes.migrations.0013_seed_facts",
    "partners.migrations.0006_seed_facts",
    "funding.migrations.0008_seed_facts",
    "programmes.migrations.0017_results_framework",
)


# What later migrations added to the seed, in their order: the seminar's places and related
# activities, the texts in Spanish and French, and the two source documents as documents.
# Each as (module, forwards, backwards).
LATER = (
    ("programmes.migrations.0018_locations_and_related_activities", "add_seminar_links", "remove_seminar_links"),
    ("programmes.migrations.0021_seed_translations", "forwards", "backwards"),
    ("partners.migrations.0007_seed_translations", "forwards", "backwards"),
    ("funding.migrations.0015_seed_translations", "forwards", "backwards"),
    ("documents.migrations.0003_source_documents", "add_sources", "remove_sources"),
)


def seed_module(app: str) -> ModuleType:
    return import_module(next(name for name in SEEDS if name.startswith(f"{app}.")))


def load_seed_content(apps) -> None:
    """Every seed function, then every correction, then what later migrations added, through the
    models of ``apps``: the content a migrated database holds."""
    for name in SEEDS:
        import_module(name).seed(apps, None)
    for name in FACTS:
        import_module(name).forwards(apps, None)
    for name, forwards, _ in LATER:
        getattr(import_module(name), forwards)(apps, None)


def unload_later_steps(apps) -> None:
    """What the later migrations added to the seed, taken out in reverse, as reversing them does."""
    for name, _, backwards in reversed(LATER):
        getattr(import_module(name), backwards)(apps, None)
