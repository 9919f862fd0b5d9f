"""The unsubscribe link of the e-mails, which works without signing in, and the dashboard's preference form."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.core import signing
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseBadRequest
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods, require_POST

from digests.forms import DigestPreferenceForm
from digests.tokens import UnknownAccount, account_for
from funding.models import DonorAccount


# The signed token is the proof, not a session: a mail program's one-click POST (RFC 8058) carries
# no cookie and no CSRF token. A GET only asks, so a mail scanner that follows links opts nobody out.
@csrf_exempt
@never_cache
@require_http_methods(["GET", "HEAD", "POST"])
def unsubscribe(request: HttpRequest, token: str) -> HttpResponse:
    try:
        account = account_for(token)
    except signing.BadSignature:
        return render(request, "digests/unsubscribe_invalid.html", status=400)
    except UnknownAccount:
        return render(request, "digests/unsubscribe_invalid.html", {"gone": True}, status=404)
    if request.method == "POST" and account.receives_digest:
        account.receives_digest = False
        account.save(update_fields=["receives_digest", "updated_at"])
    done = request.method == "POST" or not account.receives_digest
    return render(request, "digests/unsubscribe.html", {"account": account, "done": done})


@login_required
@require_POST
def preference(request: HttpRequest) -> HttpResponse:
    """The signed-in donor's own account only: staff viewing a dashboard as a donor change nothing."""
    account = DonorAccount.objects.filter(user=request.user, is_active=True).first()
    if account is None:
        raise Http404("This user has no donor account.")
    form = DigestPreferenceForm(request.POST, instance=account)
    if not form.is_valid():
        return HttpResponseBadRequest("Choose one of the languages offered.")
    form.save()
    return redirect(reverse("donor:dashboard") + "#digest")
