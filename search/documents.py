"""Writing the search documents: the words of everything searched about a programme, folded.

``write_documents`` reads, for a set of programmes, their texts and those of the records around
them (five queries, however many programmes), in every language the texts have, and writes one
document per programme (one upsert; on PostgreSQL one UPDATE makes their weighted tsvectors from
the columns, and one INSERT adds their new words to the lexicon). Texts are folded here, in
Python, the same for both engines, so that SQLite and PostgreSQL agree on what a word is.
It takes an app registry, so the data migration and ``post_migrate`` write documents through the
migration state's models as the signals do through the live ones.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Collection, Iterable
from functools import cache, reduce
from operator import add

from django.apps import apps as global_apps
from django.apps.registry import Apps
from django.contrib.postgres.search import SearchVector
from django.core.exceptions import FieldDoesNotExist
from django.db import DEFAULT_DB_ALIAS, connections, transaction
from django.db.models import F, Func, Model, TextField

from programmes.translation import LANGUAGES, localized

# The text search configuration: 'simple' stems nothing, so one configuration serves texts in
# English, Spanish and French alike (an English stemmer would mangle the Spanish and French words).
CONFIG = "simple"
# The document's columns, from the most telling to the least, with their tsvector weights.
WEIGHTS = {"heading": "A", "names": "B", "body": "C"}
# Rows read per query when every document is written again (and ids per IN on SQLite, 999 at most).
BATCH = 500

# Folding: accents off (the combining marks NFKD leaves apart), case folded ("ß" becomes "ss"),
# and the letters Unicode does not decompose spelt as PostgreSQL's unaccent spells them.
_MARKS = re.compile("[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]")
_LETTERS = str.maketrans({"œ": "oe", "æ": "ae", "ø": "o", "ł": "l", "đ": "d", "ð": "d", "þ": "th", "ı": "i"})
# A word: letters and digits; anything else (punctuation, spaces, "_") separates words.
_WORD = re.compile(r"[^\W_]+")
# The words a typo is compared with on PostgreSQL (``search.models.SearchWord``): plain letters.
LEXICON_WORD = re.compile(r"[a-z]{4,40}")


class Unaccent(Func):
    """PostgreSQL's unaccent, as the IMMUTABLE ``search_unaccent`` the migration declares (search 0001)."""

    function = "search_unaccent"
    output_field = TextField()


def fold(text: str) -> str:
    """``text`` as the search compares it: "Haïti" is "haiti", "Œuvre" is "oeuvre"."""
    return _MARKS.sub("", unicodedata.normalize("NFKD", text)).casefold().translate(_LETTERS)


def words(text: str) -> list[str]:
    """The folded words of ``text``, in order: "T81-805" is "t81" and "805"."""
    return _WORD.findall(fold(text))


def in_every_language(*fields: str) -> list[str]:
    """The language columns of translated fields: title_en, title_es, title_fr."""
    return [localized(field, language) for field in fields for language in LANGUAGES]


# Where each column's words come from: (model, the path from its rows to the programme, the
# fields read for each column). Every text in every language, so a Spanish title finds its
# programme from the English page too.
SOURCES: list[tuple[str, str, dict[str, list[str]]]] = [
    (
        "programmes.Programme",
        "pk",
        {
            "heading": [*in_every_language("title"), "acronym", "code"],
            "body": in_every_language("summary", "description"),
        },
    ),
    (
        "programmes.Component",
        "programme",
        {"names": in_every_language("title"), "body": in_every_language("description")},
    ),
    (
        "partners.Participation",
        "programme",
        {"names": in_every_language("organisation__name", "organisation__acronym")},
    ),
    ("funding.Grant", "programme", {"names": in_every_language("funder__name", "funder__acronym")}),
    (
        "programmes.ProgrammeCountry",
        "programme",
        {"names": in_every_language("country__name", "country__also_known_as")},
    ),
]
# A programme's own fields its document holds: a save that writes none of them leaves it (``search.signals``).
PROGRAMME_FIELDS = frozenset({"title", "acronym", "code", "summary", "description"})


@cache
def _has_field(model: type[Model], path: str) -> bool:
    """Whether ``path`` leads to a field: a migration's models may predate a language's columns."""
    for name in path.split("__"):
        try:
            field = model._meta.get_field(name)
        except FieldDoesNotExist:
            return False
        model = field.related_model
    return True


@cache
def _source_sql(model: type[Model], key: str, fields: tuple[str, ...], count: int, using: str) -> str:
    """The SELECT of ``fields`` of ``model``'s rows for ``count`` programmes, compiled once per shape.

    Documents are written on every save of what they hold, so the five SELECTs run often: the
    ORM's compilation of their joins costs several times what SQLite takes to run them (as for
    ``iomcaribbean.content_version``). The programmes' ids are the statement's only parameters.
    """
    rows = model._base_manager.using(using).filter(**{f"{key}__in": range(count)}).order_by()
    sql, params = rows.values_list(key, *fields).query.sql_with_params()
    assert list(params) == list(range(count)), "the programmes' ids must be the only parameters"
    return sql


def _texts(apps: Apps, using: str, ids: list[int]) -> dict[int, dict[str, list[str]]]:
    """Each programme's texts by column (one query per source); programmes that do not exist have none."""
    found: dict[int, dict[str, list[str]]] = {}
    for label, path, columns in SOURCES:
        model = apps.get_model(label)
        key = "pk" if path == "pk" else f"{path}_id"
        read = [(column, field) for column, fields in columns.items() for field in fields if _has_field(model, field)]
        with connections[using].cursor() as cursor:
            cursor.execute(_source_sql(model, key, tuple(field for _, field in read), len(ids), using), ids)
            # The columns come in the compiler's order, each named by its field (SELECT ... AS).
            names = [description[0] for description in cursor.description]
            rows = [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]
        for row in rows:
            if label == "programmes.Programme":  # read first
                found[row[key]] = {column: [] for column in WEIGHTS}
            if (texts := found.get(row[key])) is not None:
                for column, field in read:
                    if row[field]:
                        texts[column].append(row[field])
    return found


def _column(texts: Iterable[str]) -> str:
    """The folded words of ``texts``, each once, in the order they first come."""
    return " ".join(dict.fromkeys(word for text in texts for word in words(text)))


def vector() -> SearchVector:
    """The document's columns as one tsvector, each with its weight, accents taken off by unaccent."""
    return reduce(
        add, (SearchVector(Unaccent(F(column)), config=CONFIG, weight=weight) for column, weight in WEIGHTS.items())
    )


def write_documents(
    programme_ids: Collection[int] | None = None,
    *,
    using: str = DEFAULT_DB_ALIAS,
    apps: Apps = global_apps,
    existing_only: bool = False,
) -> int:
    """Write the documents of these programmes (of every programme when None); how many were written.

    ``existing_only`` rewrites only documents that exist already: what a deletion calls, so that a
    programme being deleted, whose document may be gone before its components, gets none again.
    """
    if programme_ids is not None and not programme_ids:
        return 0
    document = apps.get_model("search", "SearchDocument")
    if programme_ids is None:
        programmes = apps.get_model("programmes", "Programme")._base_manager.using(using)
        ids = list(programmes.order_by("pk").values_list("pk", flat=True))
    else:
        ids = sorted(set(programme_ids))
    if existing_only:
        ids = list(document._base_manager.using(using).filter(pk__in=ids).values_list("pk", flat=True))
    written = 0
    for start in range(0, len(ids), BATCH):
        batch = ids[start : start + BATCH]
        written += _write(apps, using, _texts(apps, using, batch))
    return written


def _write(apps: Apps, using: str, texts: dict[int, dict[str, list[str]]]) -> int:
    document = apps.get_model("search", "SearchDocument")
    rows = [
        document(programme_id=pk, **{column: _column(sources[column]) for column in WEIGHTS})
        for pk, sources in texts.items()
    ]
    with transaction.atomic(using=using, savepoint=False):
        documents = document._base_manager.using(using)
        documents.bulk_create(rows, update_conflicts=True, unique_fields=["programme"], update_fields=list(WEIGHTS))
        if connections[using].vendor == "postgresql":
            # Made from the columns by the database: one statement, however many documents.
            documents.filter(pk__in=list(texts)).update(vector=vector())
            lexicon = {word for row in rows for column in WEIGHTS for word in getattr(row, column).split()}
            word = apps.get_model("search", "SearchWord")
            word._base_manager.using(using).bulk_create(
                [word(word=w) for w in sorted(lexicon) if LEXICON_WORD.fullmatch(w)],
                ignore_conflicts=True,
                batch_size=1000,
            )
    return len(rows)
