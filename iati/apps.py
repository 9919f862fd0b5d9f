from django.apps import AppConfig


class IatiConfig(AppConfig):
    name = "iati"
    verbose_name = "IATI"

    def ready(self) -> None:
        # Kept activities made stale by every write to what they read.
        from iati.activity_changes import connect_signals

        connect_signals()
