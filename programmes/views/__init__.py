"""The public pages of programmes: the overview (``overview``), the programme list and pages
(``programmes``, sorted and paged as ``listing`` says), countries and thematic areas (``places``).

They show only published programmes (``Programme.objects.published()``); staff may preview an
unpublished programme's page.
"""
