"""The staff's admin for programmes, their places and themes, and the overview, one module per concept:

- ``base``: what every app's admin builds on (the history admin, compact and translated inlines,
  the search in every language and the missing translations, the publish actions);
- ``reference``: the admins of countries, thematic areas and project types, registered there;
- ``programme``: the programme admin's narrative layer and its inlines;
- ``results``: the results inline of the programme admin, and the indicator and period admins, registered there;
- ``locations`` and ``related``: the programme admin's inlines of locations (with the map preview)
  and of related activities;
- ``overview``: the overview admin's narrative layer and its entries.

``programme`` and ``overview`` register nothing: the apps above subclass their admins, each adding
its own inlines, and the top one registers the final admin. Django's autodiscover imports this
package, so it imports the module that registers admins.
"""

# Imported for its registrations, not for a name.
from programmes.admin import reference, results  # noqa: F401
