"""The IATI Standard: the portal's IATI file, its import, and the checks of each programme's record.

The app sits above the domain apps (programmes, partners, funding) and the search: it imports
them, they never import it.
"""
