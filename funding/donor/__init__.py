"""The donors' dashboard: a donor's own grants, the money committed, disbursed and scheduled, and downloads.

Who sees which account (``access``), the figures of the grants listed (``figures``), the
dashboard and a grant's page (``pages``), the CSV and XLSX downloads (``exports``).

Who may see what
----------------
- Anonymous visitors are sent to the sign-in page, with ``?next=`` back to the page they asked for.
- A donor, a user with an active ``DonorAccount``, sees the grants of the account's funders,
  including grants to programmes not yet published, and nothing else: every query here starts
  from ``account.grants()`` (or the ids of the grants it returned), so another funder's grant is
  a 404 whatever the URL or parameter.
- Staff with ``funding.view_donoraccount`` (superusers; the donor account admin links here) see
  any account's pages exactly as its donor does by adding ``?as=<account id>``, under a banner
  that says so. For everyone else ``?as`` is a 404: a donor cannot use it to look at another donor.
- Anyone else signed in (staff without a donor account, a donor whose account is closed) is told
  at ``/donor/`` that there is no dashboard for them (403); every other donor URL is a 404.
"""
