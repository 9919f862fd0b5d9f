from django.apps import AppConfig


class ProgrammesConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "programmes"

    def ready(self) -> None:
        # Every edit to public content moves the content version on (cached pages, ETags).
        from programmes.caching import connect_signals

        connect_signals()
