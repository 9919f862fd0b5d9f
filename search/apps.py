from django.apps import AppConfig


class SearchConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "search"

    def ready(self) -> None:
        # The list's search box, the API's and the downloads' ?q= (programmes imports no other app,
        # so it is handed the search here); documents kept current on every write.
        from programmes.filters import ProgrammeFilter
        from search.query import ProgrammeSearch
        from search.signals import connect_signals

        ProgrammeFilter.text_search = ProgrammeSearch()
        connect_signals()
