"""What the programme search reads: a document per programme, and on PostgreSQL the words they use.

A programme's document holds the words of everything the search looks in, in every language the
texts have, folded (``search.documents.fold``), each kept once per column: its title, acronym and
IOM code (``heading``); its components' titles, the organisations taking part and funding it, and
its countries (``names``); its summary, description and components' descriptions (``body``). The
columns are ranked in that order. On PostgreSQL ``vector`` holds the three as one weighted tsvector
(A, B, C) for full-text search; SQLite matches the columns' text, and leaves ``vector`` empty.

A document says nothing about publication: the search only narrows a queryset it is given (the
published programmes), so a document of an unpublished programme can never match.
"""

from __future__ import annotations

from django.contrib.postgres.lookups import TrigramSimilar
from django.contrib.postgres.search import SearchVectorField
from django.db import models

from programmes.models import Programme


class SearchDocument(models.Model):
    programme = models.OneToOneField(
        Programme, on_delete=models.CASCADE, primary_key=True, related_name="search_document"
    )
    heading = models.TextField(blank=True, help_text="Title, acronym and IOM code.")
    names = models.TextField(
        blank=True, help_text="Components' titles; organisations taking part and funding; countries."
    )
    body = models.TextField(blank=True, help_text="Summary, description and components' descriptions.")
    vector = SearchVectorField(null=True, editable=False)

    def __str__(self) -> str:
        return f"Search document of programme {self.programme_id}"


class SearchWord(models.Model):
    """A word some document holds (PostgreSQL only): what a mistyped word is compared with.

    Trigram similarity against this short list, one row per distinct word, finds the words a typo
    may stand for; full-text search then looks for those (PostgreSQL's documented way of combining
    pg_trgm with text search). Words are added as documents are written and never removed between
    rebuilds (``manage.py rebuild_search``): a word no document holds any more finds nothing.
    """

    word = models.CharField(max_length=40, primary_key=True)

    def __str__(self) -> str:
        return self.word


# ``word % 'text'``: pg_trgm's similarity operator (django.contrib.postgres registers it only when
# installed as an app, which the portal does not need otherwise).
SearchWord._meta.get_field("word").register_lookup(TrigramSimilar)
