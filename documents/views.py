"""The public document library and the files: each served only while its record is public.

A file is streamed from the storage (``STORAGES["default"]``) with the type its content was found
to be at upload (``documents.uploads``), as an attachment unless it is a PDF or an image, and with
headers that keep a browser from running anything in it.
"""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.db import transaction
from django.db.models import QuerySet
from django.http import FileResponse, Http404, HttpRequest
from django.shortcuts import get_object_or_404
from django.views.generic import ListView

from documents.filters import DocumentFilter
from documents.models import Document, FileFormat
from iomcaribbean.public_routes import Route, public
from iomcaribbean.views import ReadsOnly

SHOWN_INLINE = {FileFormat.PDF, FileFormat.PNG, FileFormat.JPEG}
# A file is data, never a page: no script, no form, no plug-in, nothing loaded from it.
FILE_POLICY = "sandbox; default-src 'none'"


@public()
@transaction.non_atomic_requests
def document_file(request: HttpRequest, pk: int, filename: str) -> FileResponse:
    """An uploaded document's file, while its record is public (staff may read any)."""
    documents = Document.objects.all() if request.user.is_staff else Document.objects.public()
    document = get_object_or_404(documents.exclude(file=""), pk=pk)
    if filename != document.filename:
        raise Http404("No such file.")
    response = FileResponse(
        document.file.open("rb"),
        content_type=document.file_format or FileFormat.TEXT,
        as_attachment=document.file_format not in SHOWN_INLINE,
        filename=filename,
    )
    if document.file_format in (FileFormat.TEXT, FileFormat.CSV):
        response["Content-Type"] += "; charset=utf-8"
    response["X-Content-Type-Options"] = "nosniff"
    response["Content-Security-Policy"] = FILE_POLICY
    return response


class DocumentListView(ReadsOnly, ListView):
    """Every public document, filtered and paginated."""

    template_name = "documents/document_list.html"
    context_object_name = "documents"
    public_route = Route(frozenset(DocumentFilter.base_filters) | {"page"})

    def get_paginate_by(self, queryset: QuerySet) -> int:
        return settings.PROGRAMMES_PER_PAGE

    def get_queryset(self) -> QuerySet[Document]:
        base = Document.objects.public().for_listing()
        self.filterset = DocumentFilter(self.request.GET, queryset=base)
        return self.filterset.qs if self.filterset.is_valid() else base.none()

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        return super().get_context_data(**kwargs) | {"filter": self.filterset}
