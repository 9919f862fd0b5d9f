from django.urls import path

from documents import views
from iomcaribbean.i18n import language_neutral

app_name = "documents"

# The library answers in each language; a file keeps one unprefixed address (iomcaribbean.i18n.language_neutral).
urlpatterns = [
    path("documents/", views.DocumentListView.as_view(), name="list"),
    path("documents/<int:pk>/<str:filename>", language_neutral(views.document_file), name="file"),
]
