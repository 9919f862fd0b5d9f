"""Which records of the public apps a public page shows, as a condition on each model's own table.

The content version (``programmes.content_version``) moves on only for a change to a record
that is shown, before or after the change. "Public" is ``Programme.objects.published()``, so the
rule follows whatever that queryset decides (a programme and every ancestor published):

- a programme, when it is public;
- what hangs off a programme (components, results, key figures, publications, country links,
  participations, agreements, grants, budgets; transactions and planned disbursements through
  their grant), when its programme is public; an agreement tied to no programme, always;
- an organisation, when a public page names it: a role in or a grant to a public programme, a
  public agreement, a mention in a published overview;
- an overview and what it names, when the overview is published;
- the reference lists (countries, thematic areas, project types): always, as every page of theirs is public;
- donor accounts: never (users, groups and sessions are outside the public apps altogether).

A link table (a many-to-many field's) follows the record that holds the field. A model of the
public apps missing here counts as always shown (tests/test_content_version.py lists them all).
"""

from __future__ import annotations

from django.apps import apps
from django.db.models import Model, Q

from programmes.models import Programme

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
PUBLISHED_OVERVIEW = Q(overview__is_published=True)


def in_public_programme(path: str) -> Q:
    published = Programme.objects.published()
    return Q(pk__in=published) if not path else Q(**{f"{path}__in": published})


def public_agreements() -> Q:
    return Q(programme__isnull=True) | in_public_programme("programme")


def named_organisations() -> Q:
    """Organisations a public page names (programme pages, funder and partner pages, the overview)."""
    participation = apps.get_model("partners", "Participation")
    grant = apps.get_model("funding", "Grant")
    agreement = apps.get_model("partners", "Agreement")
    mention = apps.get_model("partners", "OverviewPartner")
    return (
        Q(pk__in=participation.objects.filter(in_public_programme("programme")).values("organisation"))
        | Q(pk__in=grant.objects.filter(in_public_programme("programme")).values("funder"))
        | Q(pk__in=agreement.objects.filter(public_agreements()).values("organisations"))
        | Q(pk__in=mention.objects.filter(PUBLISHED_OVERVIEW).values("organisation"))
    )


SPECIAL = {
    "partners.agreement": public_agreements,
    "partners.organisation": named_organisations,
    "programmes.overview": lambda: Q(is_published=True),
    "programmes.overviewentry": lambda: PUBLISHED_OVERVIEW & in_public_programme("programme"),
    "partners.overviewpartner": lambda: PUBLISHED_OVERVIEW,
}


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
        return in_public_programme(PROGRAMME_PATHS[label])
    if label in SPECIAL:
        return SPECIAL[label]()
    return Q()  # reference lists, and anything not listed: correctness first


def is_listed(model: type[Model]) -> bool:
    """Whether this module decides about ``model`` on purpose (the tests ask it of every model)."""
    label = model._meta.label_lower
    return (
        bool(model._meta.auto_created) or label in ALWAYS_SHOWN | NEVER_SHOWN | PROGRAMME_PATHS.keys() | SPECIAL.keys()
    )
