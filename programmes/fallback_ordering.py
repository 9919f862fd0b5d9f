"""The queryset of the translated models: outside English, sorting by a translated field sorts by
the translation where there is one and by the English text where not, as the pages show them.

modeltranslation sorts by the active language's column ("name" becomes "name_es"): where most
texts are not translated yet, they would all sort as NULL, in no stable order, and pages of a list
would repeat or skip records. Each translated model's queryset inherits ``TranslatedQuerySet``;
modeltranslation keeps a model's own queryset class when it makes the model's managers
multilingual (``programmes.translation`` registers the models).
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any, Self

from django.db import models
from django.db.models import F, Value
from django.db.models.functions import Coalesce, NullIf
from django.db.models.sql import Query
from django.utils.translation import override
from modeltranslation import settings as mt_settings
from modeltranslation.manager import MultilingualQuerySet, rewrite_lookup_key
from modeltranslation.utils import get_language


def fallback_ordering(model: type[models.Model], key: Any) -> Any:
    """``key`` (as given to ``order_by``) sorting by the active language's text, else the English one."""
    if not isinstance(key, str) or get_language() == mt_settings.DEFAULT_LANGUAGE or key == "?":
        return key
    descending = key.startswith("-")
    name = key.removeprefix("-")
    translated = rewrite_lookup_key(model, name)
    if translated == name:
        return key  # not a translated field
    with override(mt_settings.DEFAULT_LANGUAGE):
        english = rewrite_lookup_key(model, name)
    # Each language's column has its own field class: say what the expressions give.
    text = models.TextField()
    expression = Coalesce(NullIf(F(translated), Value(""), output_field=text), F(english), output_field=text)
    return expression.desc() if descending else expression.asc()


class TranslatedQuerySet(MultilingualQuerySet):
    """modeltranslation's queryset, sorting with the fallback to English (see the module)."""

    def __init__(
        self,
        model: type[models.Model] | None = None,
        query: Query | None = None,
        using: str | None = None,
        hints: dict[str, Any] | None = None,
    ) -> None:
        unordered = query is None or (not query.order_by and query.default_ordering)
        super().__init__(model, query, using, hints)
        # modeltranslation has just sorted an unordered query by the model's ordering, in the
        # active language's columns: by the same fields with the fallback instead.
        if unordered and self.model and self.model._meta.ordering and get_language() != mt_settings.DEFAULT_LANGUAGE:
            self._sort_by(fallback_ordering(self.model, key) for key in self.model._meta.ordering)

    def order_by(self, *field_names: Any) -> Self:
        ordered = super().order_by(*field_names)
        # modeltranslation has named each translated field's column in the active language, unless
        # rewriting is off (``rewrite(False)``): the fields it renamed sort with the fallback.
        renamed = ordered.query.order_by
        if get_language() != mt_settings.DEFAULT_LANGUAGE and tuple(renamed) != field_names:
            pairs = zip(field_names, renamed, strict=True)
            ordered._sort_by(fallback_ordering(self.model, key) if key != new else key for key, new in pairs)
        return ordered

    def _sort_by(self, keys: Iterable[Any]) -> None:
        self.query.clear_ordering(force=True, clear_default=False)
        self.query.add_ordering(*keys)
