from django.apps import AppConfig


class IomcaribbeanConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "iomcaribbean"

    def ready(self) -> None:
        # Every edit to public content moves the content version on (cached pages, ETags).
        from iomcaribbean.content_version import connect_signals

        connect_signals()
