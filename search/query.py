"""The programme search: which programmes a query finds, and how well each matches.

A query is read as words (``search.documents.words``: accents off, case folded, punctuation
between words, so operators such as ``& | ! ( ) : *`` are never anything but separators). Every
word must be found (AND), as the beginning of a word of the programme's document on PostgreSQL,
anywhere in one on SQLite. Only the first ``MAX_WORDS`` words count.

PostgreSQL: full-text search on the documents' weighted tsvector (its GIN index). A word of four
letters or more that finds nothing among the programmes searched also stands for the lexicon's
words like it (trigram similarity, pg_trgm's ``%``: "jamiaca" for "jamaica"). Ranking is
``ts_rank`` of the words as typed, so a title (weight A) ranks above a name (B) and a description
(C), and a programme found through a typo's look-alikes comes after those found as typed.

SQLite: each word is looked for in the three columns of folded words; a word in the heading counts
three, in the names two, elsewhere one.

Never a leak: the search only narrows the queryset it is given (the published programmes), and
whether a word "finds nothing" is asked of that queryset too.
"""

from __future__ import annotations

from functools import reduce
from operator import add, and_, or_

from django.contrib.postgres.search import (
    SearchQuery,
    SearchQueryCombinable,
    SearchQueryField,
    SearchRank,
)
from django.db import connections
from django.db.models import Case, Exists, Expression, F, Func, IntegerField, Q, QuerySet, Subquery, Value, When
from django.db.models.functions import Coalesce

from programmes.models import Programme
from search.documents import CONFIG, LEXICON_WORD, Unaccent, words
from search.models import SearchWord

# More words only narrow what the first ones find; a bound keeps a pasted paragraph cheap.
MAX_WORDS = 10
# SQLite: what a word counts for, by the column it is found in (``relevance``).
COLUMN_SCORES = {"heading": 3, "names": 2}


def query_words(text: str) -> list[str]:
    """The words of a query, each once, at most ``MAX_WORDS``."""
    return list(dict.fromkeys(words(text)))[:MAX_WORDS]


class TsQuery(SearchQueryCombinable, Func):
    """A tsquery made by any SQL expression, combinable with ``&`` and ``|`` as SearchQuery is."""

    template = "%(expressions)s"
    output_field = SearchQueryField()


class AlternativesQuery(Func):
    """The rows' ``word`` as one tsquery of alternatives ('a' | 'b'); NULL without rows.

    Not an Aggregate, so that the subquery it ends is not grouped: the words are letters only
    (``LEXICON_WORD``), nothing to quote.
    """

    template = f"to_tsquery('{CONFIG}', string_agg(%(expressions)s, ' | '))"
    output_field = SearchQueryField()


def _prefix(word: str) -> SearchQuery:
    # The word has letters and digits only: quoted, it is one lexeme, and ":*" asks for a prefix.
    return SearchQuery(Unaccent(Value(f"'{word}':*")), search_type="raw", config=CONFIG)


def _word_query(queryset: QuerySet[Programme], word: str) -> SearchQuery | TsQuery:
    """The word as a prefix; for a word long enough that finds nothing so, the lexicon's words like it too."""
    prefix = _prefix(word)
    if not LEXICON_WORD.fullmatch(word):
        return prefix
    found_as_typed = queryset.order_by().filter(search_document__vector=prefix)
    similar = (
        SearchWord.objects.using(queryset.db)
        .filter(word__trigram_similar=Unaccent(Value(word)))
        .filter(~Exists(found_as_typed))
        .order_by()
        .values(query=AlternativesQuery(F("word")))
    )
    return prefix | TsQuery(Coalesce(Subquery(similar), prefix, output_field=SearchQueryField()))


class ProgrammeSearch:
    """What ``ProgrammeFilter`` searches with (``programmes.filters.TextSearch``), on either engine."""

    def filter(self, queryset: QuerySet[Programme], text: str) -> QuerySet[Programme]:
        """The programmes of ``queryset`` that have every word of ``text``; none if it has no word."""
        terms = query_words(text)
        if not terms:
            return queryset.none()
        if connections[queryset.db].vendor == "postgresql":
            query = reduce(and_, (_word_query(queryset, word) for word in terms))
            return queryset.filter(search_document__vector=query)
        columns = ("heading", "names", "body")
        return queryset.filter(
            *(reduce(or_, (Q(**{f"search_document__{c}__contains": word}) for c in columns)) for word in terms)
        )

    def typed_word_checks(self, queryset: QuerySet[Programme], text: str) -> dict[str, Exists]:
        """For each word of ``text`` that may stand for look-alikes, an expression that says whether
        ``queryset`` finds it as typed: the look-alikes count only where it does not (``_word_query``),
        so a rewording that changes this can change what the search finds among programmes not
        reworded. None on SQLite (an empty dict), which looks for no look-alike. Uncorrelated:
        PostgreSQL works each out once, whatever the query it is added to."""
        if connections[queryset.db].vendor != "postgresql":
            return {}
        terms = [word for word in query_words(text) if LEXICON_WORD.fullmatch(word)]
        return {
            f"typed_{n}": Exists(queryset.order_by().filter(search_document__vector=_prefix(word)))
            for n, word in enumerate(terms)
        }

    def relevance(self, text: str, using: str) -> Expression:
        """How well a programme found by ``filter`` matches ``text``: higher is better."""
        terms = query_words(text)
        if not terms:  # nothing is found either
            return Value(0, output_field=IntegerField())
        if connections[using].vendor == "postgresql":
            return SearchRank(F("search_document__vector"), reduce(or_, map(_prefix, terms)))
        return reduce(
            add,
            (
                Case(
                    *(
                        When(**{f"search_document__{column}__contains": word}, then=Value(score))
                        for column, score in COLUMN_SCORES.items()
                    ),
                    default=Value(1),
                    output_field=IntegerField(),
                )
                for word in terms
            ),
        )
