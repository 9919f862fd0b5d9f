"""How many queries the funding pages run, pinned by their own tests and checked again where they are read."""

from __future__ import annotations

# Every request: the savepoint of ATOMIC_REQUESTS and its release, the session, the user, the donor
# account, and the ids of its funders and their departments (funding.models.DonorAccount.grants).
# The dashboard: funders, grants, transaction sums per grant, the schedule ahead, and the transaction
# sums per year (the totals per currency add up the grants and their sums), and the options of its
# filters (the currencies and the programmes of the account's grants); the same for 4 grants or 40.
DASHBOARD_QUERIES = 6 + 5 + 2
GRANT_QUERIES = 6 + 4  # the grant, its totals, its transactions, its planned disbursements
EXPORT_QUERIES = {"export_csv": 6 + 4, "export_xlsx": 6 + 5}  # the dashboard's figures (+ the transactions)
# By year: the filter's currencies, and the dashboard's figures.
YEARS_QUERIES = 6 + 1 + 4
# Results: the filter's currencies, the count of the programmes funded with results, a page of them,
# and their results (with their indicators and periods, in the same query).
RESULTS_QUERIES = 6 + 1 + 3

# The funders, which organisations are departments, their families' grants (their counts,
# funding.selectors.with_funder_counts), their grant totals per currency, their transaction totals
# per currency, the supporters without grants and the overview naming them (list); the funder, its
# departments and its family's grants (its counts), its grants, its totals (grants, transactions,
# these by year too), by country, by area (page); the funder and its grants (CSV).
# Pages and CSV: the content version (iomcaribbean.caching), no transaction (read-only views; the CSV
# is one of the language-neutral addresses, served outside ATOMIC_REQUESTS too).
LIST_QUERIES = 1 + 7
DETAIL_QUERIES = 1 + 9
CSV_QUERIES = 1 + 2
