"""The programme list kept through rewordings (``programmes.kept_pages``): what a search, a list sorted
by title and a page answered from its skeleton read of programmes they do not show.

A search or a list sorted by title reads every programme it finds: a rewording of one can change
its rank, or whether it is found. They are read in place of the list's count, with, for a search,
which of its words the published programmes have as typed (on PostgreSQL a word found nowhere as
typed stands for its look-alikes, ``search.query``), in the same statement, so that the two agree.
After a rewording of other programmes, a search is still the answer if it finds none of them now
and its words are found as typed as before. A page answered from its skeleton (``kept_lists``)
reads its cards' programmes and their parents, of which it made no record.
"""

from __future__ import annotations

from collections.abc import Hashable, Iterable
from typing import Any

from django.core.paginator import Paginator
from django.db.models import Expression, QuerySet

from programmes.filters import ProgrammeFilter
from programmes.kept_pages import KeptThroughRewordings
from programmes.models import Programme


class KeptListThroughRewordings(KeptThroughRewordings):
    """For ``ProgrammeListView``: its ``filterset``, and ``skeleton_key`` (None where the page reads
    programmes' texts, or is never kept as a skeleton)."""

    # Kept through rewordings, a page reads every programme a search or the sort by title found, with
    # a search's words' checks; one answered from its skeleton, the programmes of its cards.
    found: tuple[int, ...] | list[int] = ()
    witness: tuple[bool, ...] | None = None
    read_by_skeleton: set[int] | None = None

    def get_paginator(self, queryset: QuerySet[Programme], *args: Any, **kwargs: Any) -> Paginator:
        paginator = super().get_paginator(queryset, *args, **kwargs)
        if self.kept_as is not None and self.skeleton_key is None:
            # Every programme found (in place of the count), which a kept search or a list sorted by
            # title reads: a rewording of one can change its rank, or whether it is found. With it, in
            # the same statement, which words of the search the published programmes have as typed.
            checks = self.typed_word_checks(self.filterset)
            rows = list(queryset.order_by().prefetch_related(None).annotate(**checks).values_list("pk", *checks))
            self.found = [row[0] for row in rows]
            self.witness = rows[0][1:] if rows and checks else None
            paginator.count = len(self.found)
        return paginator

    def keeps_through_rewordings(self) -> bool:
        # A search that finds nothing has no statement to read its words' checks with: never kept.
        return self.read_by_skeleton is not None or bool(self.found) or not self.filterset.search_text()

    def programmes_read_beyond_shown(self) -> Iterable[int]:
        return [*self.found, *(self.read_by_skeleton or ())]

    def rewording_witness(self) -> Hashable:
        return self.witness

    @staticmethod
    def typed_word_checks(filterset: ProgrammeFilter) -> dict[str, Expression]:
        """Whether the published programmes have each word of the search as typed (``search.query``)."""
        text = filterset.search_text()
        return filterset.searcher().typed_word_checks(Programme.objects.published(), text) if text else {}

    def answers_still(self, reworded: frozenset[int], witness: Hashable) -> bool:
        """After a rewording of programmes the page does not find: whether the search finds none of
        them now, and its words are found as typed as before (its look-alikes unchanged). A list sorted
        by title finds the same programmes whatever their texts.

        Without the other filters, which can only narrow what the search finds (and were valid: the
        page was kept), and among the reworded alone, where a word is found as typed less often: if
        anything, more are found than the page's search would find, and the page is drawn again."""
        text = self.request.GET.get("q", "").strip()
        if not text:
            return True
        searcher = ProgrammeFilter.searcher()
        if searcher.filter(Programme.objects.published().filter(pk__in=reworded), text).exists():
            return False
        checks = searcher.typed_word_checks(Programme.objects.published(), text)
        now = Programme.objects.published().annotate(**checks).values_list(*checks)[:1] if checks else []
        return next(iter(now), None) == witness
