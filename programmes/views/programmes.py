"""The programme list (filtered, searched, sorted, paginated) and a programme's page.

They show only published programmes (``Programme.objects.published()``); staff may preview an
unpublished programme's page.
"""

from __future__ import annotations

from collections import defaultdict
from functools import cache
from typing import Any

from django.contrib.humanize.templatetags.humanize import intcomma
from django.core.paginator import Page, Paginator
from django.db.models import Prefetch, QuerySet
from django.forms import ModelChoiceField
from django.http import Http404, HttpRequest, HttpResponse
from django.utils.cache import patch_cache_control
from django.utils.functional import Promise
from django.utils.translation import get_language, gettext, gettext_lazy
from django.views.generic import DetailView, ListView

from iomcaribbean.compiled_queries import compiled_once
from iomcaribbean.public_routes import Route
from iomcaribbean.relations import related_model
from iomcaribbean.views import ReadsOnly
from programmes.field_sheet import ROLE_HINTS, TERMS, unknown_terms
from programmes.filters import ProgrammeFilter
from programmes.items import item_rows, items_from_rows, items_of, prefetched, with_items
from programmes.kept_list_reads import KeptListThroughRewordings
from programmes.kept_lists import answer_from_skeleton, keeping_skeleton, skeleton_key
from programmes.kept_pages import KeptThroughRewordings
from programmes.maps import is_on_map, map_context
from programmes.models import Country, Programme, ProgrammeCountry, ThematicArea, related_links
from programmes.templatetags.languages import translated
from programmes.views.listing import (
    DEFAULT_SORT,
    FILTERS,
    LISTING,
    SORTS,
    ProgrammeListMixin,
    best_matches_first,
)

# The list's order when searching and no other is chosen: the best matches first (ProgrammeFilter.relevance).
RELEVANCE = "relevance"


class ListingPaginator(Paginator):
    """Finds a page's programmes first and reads them whole after, in one query.

    The database walks the sorted matches up to the page by their ids alone (a subquery with
    OFFSET and LIMIT), then reads the page's rows with the cards' joins: a page far down the
    list no longer carries every earlier programme's full row (texts in every language)
    through the sort and the OFFSET.
    """

    def _get_page(self, object_list: QuerySet[Programme], number: int, paginator: Paginator) -> Page:
        rows = Programme.objects.for_listing().filter(pk__in=object_list.values("pk"))
        return super()._get_page(rows.order_by(*object_list.query.order_by), number, paginator)


class ProgrammeListView(KeptListThroughRewordings, ReadsOnly, ProgrammeListMixin, ListView):
    """Published programmes and their phases, filtered, searched, sorted and paginated.

    Every page is kept through rewordings of the programmes whose texts it does not read
    (``kept_pages``): a search, or a list sorted by title, reads every programme it finds. A page that
    reads no programme's texts but its cards' is kept as a skeleton too (``kept_lists``), from which
    it is drawn again, with only the changed cards, after a rewording of one of them.
    """

    template_name = "programmes/programme_list.html"
    context_object_name = "programmes"
    paginator_class = ListingPaginator
    public_route = Route(FILTERS | LISTING)
    shows_filter_form = True  # its filters' values are checked against the options it draws

    def get(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        # A page kept without its cards (programmes.kept_lists): its cards found, and it is answered.
        self.skeleton_key = skeleton_key(request, self.public_route)
        if self.skeleton_key is not None and (kept := answer_from_skeleton(request, self.skeleton_key)) is not None:
            self.read_by_skeleton = kept.programmes_read
            return kept
        return super().get(request, *args, **kwargs)

    def get_queryset(self) -> QuerySet[Programme]:
        # for_listing(): project_type and parent joined, where each works and its areas prefetched.
        base = Programme.objects.published().for_listing()
        self.filterset = ProgrammeFilter(
            self.request.GET, queryset=base, request=self.request, shows_options=self.shows_filter_form
        )
        self.relevance = self.filterset.relevance()
        queryset = self.filterset.qs if self.filterset.is_valid() else base.none()
        return self.apply_sort(queryset)

    def get_sort(self) -> str:
        """The sort chosen; when searching without one (or with one unknown), the best matches first."""
        if self.relevance is not None and self.request.GET.get("sort") not in SORTS:
            return RELEVANCE
        return super().get_sort()

    def apply_sort(self, queryset: QuerySet[Programme]) -> QuerySet[Programme]:
        if self.get_sort() != RELEVANCE:
            return super().apply_sort(queryset)
        # Then by id, as the other sorts, so that pages never overlap.
        return queryset.order_by(*best_matches_first(self.relevance), "pk")

    def sort_options(self) -> list[tuple[str, str | Promise]]:
        """The sort select's options. The first, "", is the order when none is chosen: relevance when
        searching, newest first otherwise; so a search typed into the form, which sends the select
        along, is ranked by relevance unless the visitor chose another order."""
        sorts = [(value, label) for value, (label, _) in SORTS.items()]
        if self.relevance is not None:
            return [("", gettext_lazy("Relevance")), *sorts]
        return [("" if value == DEFAULT_SORT else value, label) for value, label in sorts]

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        sort = self.get_sort()
        unchosen = RELEVANCE if self.relevance is not None else DEFAULT_SORT
        active_filters = self.active_filters()
        context |= {
            "filter": self.filterset,
            "sort": "" if sort == unchosen else sort,  # the option's value (sort_options)
            "sorts": self.sort_options(),
            "active_filters": active_filters,
            "page_title": self.page_title(active_filters, context["page_obj"]),
            # Clearing the filters clears the search too, and with it the relevance order.
            "clear_url": self.request.path + (f"?sort={sort}" if sort not in (DEFAULT_SORT, RELEVANCE) else ""),
            # Drawn to be kept without its cards, which are put in once it is kept.
            "cards_slot": self.skeleton_key is not None and self.filterset.is_valid(),
        }
        return context

    def page_title(self, active_filters: list[dict[str, str]], page: Page) -> str:
        """The browser's title names the filters and the page, so that tabs, history and
        bookmarks tell one list from another: "Programmes in Haiti (Status: Completed), page 3"."""
        country = next((chip["value"] for chip in active_filters if chip["name"] == "country"), None)
        title = gettext("Programmes in %(country)s") % {"country": country} if country else gettext("Programmes")
        others = [f"{chip['label']}: {chip['value']}" for chip in active_filters if chip["name"] != "country"]
        if others:
            title = gettext("%(title)s (%(filters)s)") % {"title": title, "filters": "; ".join(others)}
        if page.number > 1:
            title = gettext("%(title)s, page %(number)s") % {"title": title, "number": intcomma(page.number)}
        return title

    def active_filters(self) -> list[dict[str, str]]:
        """Each filter in use, with a link that drops just that one."""
        if not self.filterset.is_valid():
            return []
        chips = []
        for name, field in self.filterset.form.fields.items():
            value = self.filterset.form.cleaned_data.get(name)
            if value in (None, ""):
                continue
            if isinstance(field, ModelChoiceField):
                shown = str(value)
            elif hasattr(field, "choices"):
                shown = dict(field.choices).get(value, value)
            else:
                shown = str(value)
            params = self.request.GET.copy()
            for key in (name, "page"):
                params.pop(key, None)
            query = params.urlencode()
            remove_url = f"{self.request.path}?{query}" if query else self.request.path
            chips.append({"name": name, "label": field.label, "value": shown, "remove_url": remove_url})
        return chips

    def render_to_response(self, context: dict[str, Any], **kwargs: Any) -> HttpResponse:
        # A filter value the form rejects is the client's mistake: say so, with the form's errors.
        status = 400 if self.filterset.errors else 200
        response = super().render_to_response(context, status=status, **kwargs)
        if context["cards_slot"]:
            programmes = list(context["programmes"])
            catalogue = self.request.catalogue_version
            response.add_post_render_callback(keeping_skeleton(self.skeleton_key, programmes, catalogue))
        return response


class ProgrammeDetailView(KeptThroughRewordings, ReadsOnly, DetailView):
    """A programme's page; staff may preview it before it (or its parent) is published.

    Ten queries at most, whatever the programme, the content version included: the programme with its
    thematic areas, components, key figures, results, publications, locations and related activities
    (``programmes.items``), then one per other kind of related record, and the one of the section
    the apps above add through their template tags (the newest updates, with their photos).
    """

    template_name = "programmes/programme_detail.html"
    context_object_name = "programme"

    def get_queryset(self) -> QuerySet[Programme]:
        # Copies: Django's prefetching gives the queryset it is handed a hint naming a programme.
        programmes, reads = _page_reads(get_language(), self.request.user.is_staff)
        prefetches = (Prefetch(lookup, queryset=read.all()) for lookup, read in reads.items())
        return programmes.prefetch_related(*prefetches)

    def get_object(self, queryset: QuerySet[Programme] | None = None) -> Programme:
        # By ``slug__in``: the shape whose SQL ``compiled_once`` keeps.
        queryset = self.get_queryset() if queryset is None else queryset
        found = list(queryset.filter(slug__in=[self.kwargs[self.slug_url_kwarg]]))
        if not found:
            raise Http404(
                gettext("No %(verbose_name)s found matching the query")
                % {"verbose_name": queryset.model._meta.verbose_name}
            )
        programme = found[0]
        areas = items_from_rows(ThematicArea, programme.area_rows, programme._state.db)
        prefetched(programme, "thematic_areas", areas)
        return programme

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        by_role: dict[str, list[Country]] = defaultdict(list)
        for link in self.object.country_links.all():
            if link.country not in by_role[link.role]:
                by_role[link.role].append(link.country)
        Role = ProgrammeCountry.Role
        context |= {
            "benefiting_countries": by_role[Role.BENEFITING],
            "other_country_roles": [
                (label, ROLE_HINTS[value], by_role[value])
                for value, label in Role.choices
                if value != Role.BENEFITING and by_role[value]
            ],
            # Each note in a <span lang="en"> where it has no translation (templatetags.languages).
            "estimates": {
                field: translated(self.object, Programme.ESTIMATES[field]) for field in self.object.estimates()
            },
            "terms": TERMS,
            "unknown_terms": unknown_terms(self.object, by_role[Role.BENEFITING]),
        }
        items = items_of(self.object)
        items["related_activities"] = related_links(
            self.object, items["related_activities"], public_only=not self.request.user.is_staff
        )
        if any(location.has_point for location in items["locations"]):
            working = [country for country in by_role[Role.BENEFITING] if is_on_map(country)]
            context["location_map"] = map_context(working, locations=items["locations"])
        return context | items

    def render_to_response(self, context: dict[str, Any], **kwargs: Any) -> HttpResponse:
        response = super().render_to_response(context, **kwargs)
        if not self.object.is_public:
            # A preview must not be kept by a shared cache.
            patch_cache_control(response, private=True, no_store=True)
        return response


@cache
def _page_reads(language: str, staff: bool) -> tuple[QuerySet[Programme], dict[str, QuerySet]]:
    """A programme's page's reads: the programme with its lists (``programmes.items``) and each
    related read, compiled once (``iomcaribbean.compiled_queries``); per language, as the
    translated models order by the active one's columns.

    Staff see every programme and phase (those the public cannot see are marked by ``is_public``).
    """
    programmes = Programme.objects.all() if staff else Programme.objects.published()
    participation = related_model(Programme, "participations")
    grant = related_model(Programme, "grants")
    agreement = related_model(Programme, "agreements")
    reads = {
        "country_links": ProgrammeCountry.objects.select_related("country"),
        "phases": programmes.order_by("order", "start_date", "title"),
        "participations": participation.objects.select_related("organisation"),
        "grants": grant.objects.select_related("funder", "component"),
        "agreements": agreement.objects.prefetch_related("organisations"),
    }
    # Its thematic areas too, in its own query (``programmes.items``): a page with agreements stays at ten.
    page = with_items(programmes.select_related("project_type", "parent")).annotate(
        area_rows=item_rows(ThematicArea, "programmes")
    )
    return compiled_once(page), {lookup: compiled_once(read) for lookup, read in reads.items()}
