from django.apps import AppConfig


class SearchConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "search"

    def ready(self) -> None:
        # Documents kept current on every write (settings.PROGRAMME_TEXT_SEARCH names the search).
        from search.signals import connect_signals

        connect_signals()
