from django.urls import path

from iomcaribbean.i18n import language_neutral
from updates import feeds, views

app_name = "updates"

# The pages and the card answer in each language; the feeds and the photos keep one unprefixed
# address (iomcaribbean.i18n.language_neutral).
urlpatterns = [
    path("updates/", views.UpdateListView.as_view(), name="list"),
    path("updates/<int:pk>/", views.UpdateDetailView.as_view(), name="detail"),
    path("updates/photos/<int:pk>/<str:name>", language_neutral(views.photo_file), name="photo"),
    path("feeds/updates.atom", language_neutral(feeds.every_update), name="feed"),
    path("programmes/<slug:slug>/updates.atom", language_neutral(feeds.programme_updates), name="programme_feed"),
    path("embed/programmes/<slug:slug>/", views.EmbedCardView.as_view(), name="embed"),
]
