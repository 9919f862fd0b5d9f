"""The addresses of the IATI files and of "About this data".

They keep the names they had in the ``programmes`` namespace (``programmes:iati_activity``,
``programmes:iati_activities``, ``programmes:about_data``, and ``programmes:iati_organisation`` beside
them), which pages, tests and outside links use: the project's root URLconf serves these patterns in
that namespace, with the programmes app's.
The files keep one unprefixed address in every language (``iomcaribbean.i18n.language_neutral``).
"""

from django.urls import path

from iati import views
from iomcaribbean.i18n import language_neutral

urlpatterns = [
    path("programmes/<slug:slug>/iati.xml", language_neutral(views.iati_activity), name="iati_activity"),
    path("iati/activities.xml", language_neutral(views.iati_activities), name="iati_activities"),
    path("iati/organisation.xml", language_neutral(views.iati_organisation), name="iati_organisation"),
    path("about/data/", views.AboutDataView.as_view(), name="about_data"),
]
