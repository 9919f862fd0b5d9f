"""Which donor account a request shows, by the policy in ``funding.donor``, and the decorator of every donor page."""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import Any

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe

from funding.models import DonorAccount
from iomcaribbean.records_version import records_version


def viewed_account(request: HttpRequest) -> DonorAccount | None:
    """The account whose pages this request shows, by the policy above; None if the user has none.

    Read with the records version, what its kept pages are keyed by (``funding.donor.kept``).
    """
    accounts = DonorAccount.objects.annotate(records_version=records_version())
    if "as" not in request.GET:
        # A user has one account at most: no order to ask for, and the user is the one signed in.
        account = accounts.filter(user=request.user, is_active=True).order_by().first()
        if account is not None:
            account.user = request.user
        return account
    user = request.user
    if not (user.is_staff and user.has_perm("funding.view_donoraccount")):
        raise Http404("Only staff may view a donor's pages as the donor.")
    try:
        pk = int(request.GET["as"])
    except ValueError:
        raise Http404("No such donor account.") from None
    return get_object_or_404(accounts.select_related("user"), pk=pk)


def donor_page(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    """Signed in, GET or HEAD, never cached; the view is given the account it shows (or None)."""

    @wraps(view)
    def wrapper(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        return view(request, viewed_account(request), *args, **kwargs)

    return login_required(never_cache(require_safe(wrapper)))


def require(account: DonorAccount | None) -> DonorAccount:
    if account is None:
        raise Http404("This user has no donor account.")
    return account
