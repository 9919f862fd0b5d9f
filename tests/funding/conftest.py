"""What the donor tests share: two donors' world of grants, and donor A signed in."""

from __future__ import annotations

from types import SimpleNamespace

import pytest
from django.test import Client

from tests.helpers.donors import donor_world
from tests.helpers.roles import client_for


@pytest.fixture
def world() -> SimpleNamespace:
    return donor_world()


@pytest.fixture
def donor_a(world) -> Client:
    return client_for(world.a.user)
