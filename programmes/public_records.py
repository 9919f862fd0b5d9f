"""Which records of the public apps a public page shows, as a condition on each model's own table.

The content version (``programmes.content_version``) moves on only for a change to a record
that is shown, before or after the change. "Public" is ``published_condition``, the rule of
``Programme.objects.published()`` (a programme and every ancestor published):

- a programme, when it is public;
- what hangs off a programme (components, results, key figures, publications, country links,
  participations, grants, budgets; transactions and planned disbursements through their grant),
  when its programme is public;
- an agreement or an organisation, as its queryset's ``public()`` decides for its pages (an
  organisation with a role in or a grant to a public programme, a public agreement, a mention in
  the published overview);
- an overview and what it names, when it is the published overview of the home page (the only one
  the public sees);
- the reference lists (countries, thematic areas, project types): always, as every page of theirs is public;
- donor accounts: never (users, groups and sessions are outside the public apps altogether).

A link table (a many-to-many field's) follows the record that holds the field. A model of the
public apps missing here counts as always shown (tests/test_content_version.py lists them all).
"""

from __future__ import annotations

from functools import cache

from django.apps import apps
from django.db.models import Model, Q

from programmes.models import on_home_page_condition, published_condition

# The condition of a model whose records no public page ever shows.
NEVER = None

ALWAYS_SHOWN = frozenset({"programmes.country", "programmes.thematicarea", "programmes.projecttype"})
NEVER_SHOWN = frozenset({"funding.donoraccount"})
# The way from a record to the programme whose publication decides whether it is shown.
PROGRAMME_PATHS = {
    "programmes.programme": "",
    "programmes.programmecountry": "programme",
    "programmes.component": "programme",
    "programmes.result": "programme",
    "programmes.keyfigure": "programme",
    "programmes.publication": "programme",
    "partners.participation": "programme",
    "funding.grant": "programme",
    "funding.budget": "programme",
    "funding.transaction": "grant__programme",
    "funding.planneddisbursement": "grant__programme",
}
HOME_PAGE_OVERVIEW = on_home_page_condition("overview")


def public_of(label: str) -> Q:
    """The records the model's own ``public()`` queryset gives: one rule for its pages and for this."""
    model = apps.get_model(label)
    return Q(pk__in=model._default_manager.public().values("pk"))


SPECIAL = {
    "partners.agreement": lambda: public_of("partners.agreement"),
    "partners.organisation": lambda: public_of("partners.organisation"),
    "programmes.overview": on_home_page_condition,
    "programmes.overviewentry": lambda: HOME_PAGE_OVERVIEW & published_condition("programme"),
    "partners.overviewpartner": lambda: HOME_PAGE_OVERVIEW,
}


# Built once per model: every save asks (content_version), and the subqueries inside are lazy
# querysets that each use clones, never evaluating or changing the one kept here.
@cache
def public_condition(model: type[Model]) -> Q | None:
    """The records of ``model`` a public page shows, as a filter; ``NEVER`` when none ever is."""
    holder = model._meta.auto_created
    if holder:  # a many-to-many field's own link table: as the record holding the field
        condition = public_condition(holder)
        if condition is NEVER:
            return NEVER
        return Q(**{f"{holder._meta.model_name}__in": holder._default_manager.filter(condition)})
    label = model._meta.label_lower
    if label in NEVER_SHOWN:
        return NEVER
    if label in PROGRAMME_PATHS:
        return published_condition(PROGRAMME_PATHS[label])
    if label in SPECIAL:
        return SPECIAL[label]()
    return Q()  # reference lists, and anything not listed: correctness first


def is_listed(model: type[Model]) -> bool:
    """Whether this module decides about ``model`` on purpose (the tests ask it of every model)."""
    label = model._meta.label_lower
    return (
        bool(model._meta.auto_created) or label in ALWAYS_SHOWN | NEVER_SHOWN | PROGRAMME_PATHS.keys() | SPECIAL.keys()
    )
