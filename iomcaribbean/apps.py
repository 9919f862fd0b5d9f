from django.apps import AppConfig


class IomcaribbeanConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "iomcaribbean"

    def ready(self) -> None:
        # Every edit to public content moves the content version on (cached pages, ETags).
        from iomcaribbean import content_version, records_version

        content_version.connect_signals()
        # And every edit to any record, public or not, the records version (donors' kept pages).
        records_version.connect_signals()
