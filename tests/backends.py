"""Authentication backends for the test suite only."""

from __future__ import annotations

from axes.backends import AxesStandaloneBackend


class RequestlessAxesBackend(AxesStandaloneBackend):
    """django-axes as the portal runs it, except that it lets a sign-in without a request through.

    The test client's ``login()`` authenticates without a request, which axes refuses outright;
    every sign-in through a page comes with its request and is throttled as in production.
    """

    def authenticate(self, request, *args, **kwargs):
        if request is None:
            return None
        return super().authenticate(request, *args, **kwargs)
