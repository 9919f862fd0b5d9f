"""Form widgets rendered by Jinja2, everything else by Django's template language.

An admin change page of a programme renders about 350 widgets (each row of a dozen inlines, in
three languages), and Django's template language took a fifth of the page's time drawing them.
Django ships a Jinja2 copy of every one of its form and widget templates, which renders the same
markup faster; a template only Django's language has (the admin's own widgets, which include
Django's by name) falls back to the renderer Django uses by default.
"""

from __future__ import annotations

from django.forms.renderers import DjangoTemplates, Jinja2
from django.template import TemplateDoesNotExist


class FormRenderer(DjangoTemplates):
    jinja2 = Jinja2()

    def get_template(self, template_name: str):
        try:
            return self.jinja2.get_template(template_name)
        except TemplateDoesNotExist:
            return super().get_template(template_name)
