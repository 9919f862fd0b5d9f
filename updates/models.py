"""Programme updates: a dated note from the field, with photos, drafted and published by editors.

An update is public while it is published and its programme is public; its photos follow it. A
photo is kept as a stripped copy of what was uploaded and as renditions at a few widths, made
once at upload (``updates.photos``); the public reads the renditions only, through the view that
checks the update is public (``updates.views.photo_file``).
"""

from __future__ import annotations

from pathlib import PurePosixPath

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from iomcaribbean.i18n import unprefixed_reverse
from programmes.fallback_ordering import TranslatedQuerySet
from programmes.models import DatePrecision, Programme, TimeStamped, format_partial_date, published_condition


class UpdateStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    PUBLISHED = "published", _("Published")


def public_update_condition(path: str = "") -> Q:
    """The updates the public sees: published, of a public programme (module docstring)."""
    prefix = f"{path}__" if path else ""
    return Q(**{f"{prefix}status": UpdateStatus.PUBLISHED}) & published_condition(f"{prefix}programme")


class UpdateQuerySet(TranslatedQuerySet):
    def public(self) -> UpdateQuerySet:
        return self.filter(public_update_condition())

    def for_listing(self) -> UpdateQuerySet:
        """With the programme each belongs to (its link) and the photos in their order."""
        return self.select_related("programme").prefetch_related("photos")

    def with_photos(self, limit: int) -> list[Update]:
        """The first ``limit`` updates, each with its photos read in the same query (``programmes.items``):
        the programme page shows its newest updates within its budget of queries, photos or none."""
        # Here, not above: programmes.items reads the translation registry, made once the models are.
        from programmes.items import item_rows, items_from_rows, prefetched

        updates = list(self.annotate(photo_rows=item_rows(UpdatePhoto, "update"))[:limit])
        for update in updates:
            photos = items_from_rows(UpdatePhoto, update.photo_rows, update._state.db)
            prefetched(update, "photos", photos)
        return updates


class Update(TimeStamped):
    # The catalogue (``iomcaribbean.catalogue``) reads nothing of an update: any change of one counts
    # as a rewording of its programme, whose page alone shows it among the pages kept through those.
    catalogue_rewords = "programme"

    programme = models.ForeignKey(Programme, on_delete=models.CASCADE, related_name="updates")
    title = models.CharField(max_length=300)
    text = models.TextField()
    date = models.DateField(help_text="The day the update tells of.")
    status = models.CharField(max_length=10, choices=UpdateStatus.choices, default=UpdateStatus.DRAFT)
    # When it was first published: the feeds' date, never moved by a later edit.
    published_at = models.DateTimeField(null=True, blank=True, editable=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, editable=False, related_name="+"
    )

    objects = UpdateQuerySet.as_manager()
    # history: registered in translation.py, once the language columns exist.

    class Meta:
        ordering = ["-date", "-pk"]
        indexes = [models.Index(fields=["status", "-date"], name="update_status_date")]

    def __str__(self) -> str:
        return self.title

    def save(self, *args, **kwargs) -> None:
        if self.status == UpdateStatus.PUBLISHED and self.published_at is None:
            self.published_at = timezone.now()
        super().save(*args, **kwargs)

    def get_absolute_url(self) -> str:
        return reverse("updates:detail", kwargs={"pk": self.pk})

    @property
    def first_photo(self) -> UpdatePhoto | None:
        """The photo shown in a list of updates."""
        return next(iter(self.photos.all()), None)

    @property
    def date_display(self) -> str:
        """'1 May 2024', '1 de mayo de 2024': as the portal writes a day (programmes.models.format_partial_date)."""
        return format_partial_date(self.date, DatePrecision.DAY)

    @property
    def is_public(self) -> bool:
        return self.status == UpdateStatus.PUBLISHED and self.programme.is_public

    @classmethod
    def public_records_condition(cls) -> Q:
        return public_update_condition()


def photo_upload_to(photo: UpdatePhoto, filename: str) -> str:
    # ``updates.photos`` names the folder (unguessable, one per photo) and the file.
    return f"updates/{filename}"


class UpdatePhoto(models.Model):
    catalogue_rewords = "update__programme"  # as its update's (above)

    update = models.ForeignKey(Update, on_delete=models.CASCADE, related_name="photos")
    # The upload re-encoded without its metadata (EXIF, GPS); never served: the renditions are.
    image = models.ImageField(upload_to=photo_upload_to, max_length=255, width_field="width", height_field="height")
    caption = models.CharField(max_length=300, blank=True)
    credit = models.CharField(max_length=200, blank=True, help_text="Who took the photo, as they wish to be named.")
    alt_text = models.CharField(
        "alt text", max_length=300, help_text="What the photo shows, for those who cannot see it (required)."
    )
    position = models.PositiveSmallIntegerField(default=0)
    # {"480": {"webp": "updates/<folder>/480.webp", "jpeg": "updates/<folder>/480.jpg"}, ...}, widths as keys.
    renditions = models.JSONField(default=dict, blank=True, editable=False)
    width = models.PositiveIntegerField(null=True, blank=True, editable=False)
    height = models.PositiveIntegerField(null=True, blank=True, editable=False)

    objects = TranslatedQuerySet.as_manager()
    # history: registered in translation.py, once the language columns exist.

    class Meta:
        ordering = ["position", "pk"]
        verbose_name = "photo"
        constraints = [
            models.CheckConstraint(
                condition=~Q(alt_text=""), name="update_photo_alt_text", violation_error_message="Give the alt text."
            ),
        ]

    def __str__(self) -> str:
        return self.alt_text

    @property
    def widths(self) -> list[int]:
        return sorted(int(width) for width in self.renditions)

    def stored_name(self, name: str) -> str | None:
        """The stored file a public address's last part ("960.webp") stands for, if it is a rendition."""
        return next(
            (stored for files in self.renditions.values() for stored in files.values() if stored.endswith(f"/{name}")),
            None,
        )

    def srcset(self, kind: str) -> str:
        """``srcset`` for the renditions of one kind ("webp" or "jpeg"): their public addresses and widths."""
        return ", ".join(f"{self.rendition_url(width, kind)} {width}w" for width in self.widths)

    @property
    def webp_srcset(self) -> str:
        return self.srcset("webp")

    @property
    def jpeg_srcset(self) -> str:
        return self.srcset("jpeg")

    def rendition_url(self, width: int, kind: str) -> str:
        name = PurePosixPath(self.renditions[str(width)][kind]).name
        # One address in every language (iomcaribbean.i18n.language_neutral).
        return unprefixed_reverse("updates:photo", pk=self.pk, name=name)

    @property
    def fallback_url(self) -> str:
        """The JPEG a browser without ``srcset`` shows: the middle width."""
        widths = self.widths
        return self.rendition_url(widths[len(widths) // 2], "jpeg")

    @property
    def shown_size(self) -> tuple[int, int]:
        """The largest rendition's width and height: the ``width``/``height`` attributes (its shape)."""
        largest = self.widths[-1]
        return largest, max(1, round((self.height or largest) * largest / (self.width or largest)))

    @classmethod
    def public_records_condition(cls) -> Q:
        return public_update_condition("update")
