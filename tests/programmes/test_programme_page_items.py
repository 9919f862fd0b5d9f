"""A programme's components, key figures, results and publications, read with the programme itself."""

from __future__ import annotations

import html
from decimal import Decimal

import pytest
from django.urls import reverse

from tests.factories import ComponentFactory, KeyFigureFactory, ProgrammeFactory, PublicationFactory, ResultFactory

pytestmark = pytest.mark.django_db


def text(response) -> str:
    return " ".join(html.unescape(response.content.decode()).split())


def section(response, heading_id: str) -> str:
    page = text(response)
    start = page.index(f'id="{heading_id}"')
    return page[start : page.index("</section>", start)]


def test_items_are_shown_in_their_order_then_as_entered(client):
    programme = ProgrammeFactory()
    for title, order in (("Second step", 2), ("First step", 1), ("Also second", 2)):
        ComponentFactory(programme=programme, title=title, order=order)
        ResultFactory(programme=programme, title=f"Result: {title}", order=order)
        PublicationFactory(programme=programme, title=f"Study: {title}", order=order)

    response = client.get(reverse("programmes:detail", kwargs={"slug": programme.slug}))

    components = section(response, "components")
    assert components.index("First step") < components.index("Second step") < components.index("Also second")
    results = section(response, "results")
    assert (
        results.index("Result: First step")
        < results.index("Result: Second step")
        < results.index("Result: Also second")
    )
    publications = section(response, "publications")
    assert (
        publications.index("Study: First step")
        < publications.index("Study: Second step")
        < publications.index("Study: Also second")
    )


def test_key_figures_keep_their_exact_values(client):
    programme = ProgrammeFactory()
    KeyFigureFactory(programme=programme, value=Decimal("2.50"), label="days per visit", order=1)
    KeyFigureFactory(programme=programme, value=Decimal("17"), value_to=Decimal("30"), label="families", order=2)
    KeyFigureFactory(programme=programme, value=Decimal("123456789012.34"), label="dollars", qualifier="up to", order=3)

    figures = section(client.get(reverse("programmes:detail", kwargs={"slug": programme.slug})), "figures")

    assert '<span class="figures__value">2.5</span> <span class="figures__label">days per visit</span>' in figures
    assert '<span class="figures__value">17–30</span>' in figures
    assert '<span class="figures__value">up to 123,456,789,012.34</span>' in figures


def test_items_show_their_translation_or_the_english_text(client):
    programme = ProgrammeFactory()
    ComponentFactory(programme=programme, title_en="Baseline study", title_es="Estudio de base", order=1)
    ComponentFactory(programme=programme, title_en="Training", order=2)
    ResultFactory(programme=programme, title_en="Officials trained", title_es="Funcionarios capacitados")

    page = text(client.get("/es" + reverse("programmes:detail", kwargs={"slug": programme.slug})))

    assert "Estudio de base" in page
    assert "Baseline study" not in page
    assert "Training" in page  # no Spanish title: the English one
    assert "Funcionarios capacitados" in page
