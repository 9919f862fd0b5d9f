"""Two editors' rewordings committed while each other's transaction is open are both remembered, each
with the number it moved the version to (``content_version._move_version``): the second waits on the
version's row lock the first holds until its commit, then reads the number it moved to itself.

On PostgreSQL, with two real transactions in two threads of their own connections. Their commits are
real (the test's own transaction cannot hold them): they only move the version on, as any edit does.
"""

from __future__ import annotations

import threading
from collections.abc import Callable

import pytest
from django.db import connection, connections, transaction

from iomcaribbean.content_version import _move_version, content_version

pytestmark = [pytest.mark.django_db, pytest.mark.both_engines]
PROGRAMME = "programmes.programme"


def in_own_connection(work: Callable[[], None], failures: list[BaseException]) -> threading.Thread:
    def run() -> None:
        try:
            with connections["default"].cursor() as cursor:
                cursor.execute("SET lock_timeout = '10s'")  # a lock never released fails the test, not hangs it
            work()
        except BaseException as error:  # the test reports it
            failures.append(error)
        finally:
            connections["default"].close()

    return threading.Thread(target=run)


def test_rewordings_committed_in_turn_while_both_transactions_are_open_are_both_remembered():
    if connection.vendor != "postgresql":
        pytest.skip("SQLite allows one writer at a time: its transactions never overlap")
    before = content_version()
    first_moved, second_started, first_committing = threading.Event(), threading.Event(), threading.Event()
    second_moved_after_that: list[bool] = []
    failures: list[BaseException] = []

    def first() -> None:
        with transaction.atomic():
            _move_version(reworded=f"{PROGRAMME}:101")
            first_moved.set()
            assert second_started.wait(10)
            # The second transaction is now waiting on the row lock this one holds until its commit.
            threading.Event().wait(0.3)
            first_committing.set()  # the last thing before the commit, which releases the lock

    def second() -> None:
        assert first_moved.wait(10)
        with transaction.atomic():
            second_started.set()
            _move_version(reworded=f"{PROGRAMME}:202")
            second_moved_after_that.append(first_committing.is_set())

    threads = [in_own_connection(first, failures), in_own_connection(second, failures)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(30)
    assert not failures, failures
    assert second_moved_after_that == [True]  # it waited on the lock until the first was committing
    after = content_version()
    assert after.number == before.number + 2 and after.catalogue == before.catalogue
    assert after.reworded_since(before.number) == {PROGRAMME: frozenset({101, 202})}
    # Each with its own number: the first's move came first.
    assert after.reworded_since(before.number + 1) == {PROGRAMME: frozenset({202})}
