"""Donor digests: a weekly e-mail to each donor of what changed in the programmes its grants fund.

What a donor is told
--------------------
Only what the public may see of the public programmes its grants fund (``DonorAccount.public_programmes``),
and of money only its own: the programmes' status changes, result values (period actuals) added or
changed, each from the records' history, and the new transactions of its own grants; never another
funder's transactions, nor anything of an unpublished programme. (``changes``)

How it is sent
--------------
``manage.py send_digests`` (weekly, from cron) sends each donor who has not opted out one digest for
the week up to the period's end, in the donor's language (``mail``). The row recording it
(``models.DigestSent``) is written in the transaction that decides to send it, so running twice,
or two runs at once, never sends two digests for one period; a week without changes sends none
(``services``). Each e-mail carries a signed link that opts the donor out without signing in, and
the List-Unsubscribe headers of RFC 8058 for the mail programs' one-click button (``tokens``,
``views``); the donor opts in again from the dashboard (``templatetags.digests``).
"""
