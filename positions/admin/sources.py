"""Sources on the desk: pasting an article, its positions inline, and extracting positions
from its text sentence by sentence."""

import datetime
import re
import secrets
from urllib.parse import urlencode

from django import forms
from django.conf import settings
from django.contrib import admin
from django.contrib.admin.options import IS_POPUP_VAR
from django.contrib.admin.utils import unquote
from django.core.cache import cache
from django.core.exceptions import PermissionDenied, ValidationError
from django.forms.models import BaseInlineFormSet
from django.http import Http404
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import timezone
from django.utils.dateparse import parse_datetime
from django.utils.html import format_html

from positions.admin.base import NEW_SPEAKER_JS, CitedRecordAdmin, positions_count
from positions.admin.forms import SourceAdminForm, SourceImportForm, duplicate_message
from positions.admin.positions import stance_badge, status_badge
from positions.admin.skipping import DateLinksBySkipping, ValuesBySkipping
from positions.editorial import extraction, services, source_import
from positions.editorial.records import is_public
from positions.models import Position, Source
from positions.models.base import SOURCE_TEXT_MAX_LENGTH
from positions.models.choices import DatePrecision

IMPORT_SESSION_KEY = "standpoint-source-import"
# How long a pasted article waits for its add form to be opened.
IMPORT_SECONDS = 3600


class CitedPositionsInline(admin.TabularInline):
    """The positions already taken from this source, as links."""

    model = Position
    verbose_name_plural = "positions from this source"
    fields = ["link", "party", "topic", "stance_display", "stated_on", "status_display"]
    readonly_fields = fields
    extra = 0
    can_delete = False
    show_change_link = False

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("party", "topic")

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    @admin.display(description="position")
    def link(self, position):
        url = reverse("admin:positions_position_change", args=[position.pk])
        return format_html('<a href="{}">{}</a>', url, position.summary)

    @admin.display(description="stance")
    def stance_display(self, position):
        return stance_badge(position)

    @admin.display(description="status")
    def status_display(self, position):
        return status_badge(position)


class NewDraftFormSet(BaseInlineFormSet):
    def get_form_kwargs(self, index):
        return {**super().get_form_kwargs(index), "parent": self.instance}


class NewDraftForm(forms.ModelForm):
    """A new draft typed on the source page; its quote is checked against the text as edited."""

    class Meta:
        model = Position
        fields = ["quote", "party", "speaker", "topic", "stated_on", "stance", "move", "summary"]

    def __init__(self, *args, parent=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.parent = parent
        self.fields["quote"].widget.attrs["rows"] = 3

    def clean(self):
        cleaned = super().clean()
        if self.parent is not None and cleaned.get("quote"):
            try:
                services.anchor_quote(Position(source=self.parent, quote=cleaned["quote"]))
            except ValidationError as error:
                self.add_error("quote", error.message_dict["quote"])
        return cleaned


class NewDraftInline(admin.StackedInline):
    """Enter the positions of one source without leaving the source page."""

    model = Position
    form = NewDraftForm
    formset = NewDraftFormSet
    verbose_name = "new draft position"
    verbose_name_plural = "new draft positions"
    extra = 1
    can_delete = False
    autocomplete_fields = ["party", "speaker", "topic"]

    def get_queryset(self, request):
        return super().get_queryset(request).none()

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(Source)
class SourceAdmin(CitedRecordAdmin):
    form = SourceAdminForm

    class Media:
        # A new speaker added from a new draft's pop-up also sets that draft's party.
        js = [*NEW_SPEAKER_JS]

    list_display = ["title", "outlet", "kind", "published_at", "position_count", "has_text"]
    list_filter = ["kind", ("language", ValuesBySkipping), ("outlet", ValuesBySkipping)]
    search_fields = ["title", "outlet", "byline", "url"]
    date_hierarchy = "published_at"
    # A second count of every source, for "N total", would double the page's counting.
    show_full_result_count = False
    autocomplete_fields = ["original"]
    inlines = [CitedPositionsInline, NewDraftInline]
    fieldsets = [
        (None, {"fields": ["title", "kind", "outlet", "byline", "published_at", "modified_at"]}),
        ("Where", {"fields": ["url", "archived_url", "original", "language"]}),
        ("Text", {"fields": ["text"]}),
    ]

    def get_changelist(self, request, **kwargs):
        return DateLinksBySkipping

    def get_fieldsets(self, request, obj=None):
        fieldsets = super().get_fieldsets(request, obj)
        if obj is not None and self.has_change_permission(request, obj) and is_public(obj):
            fieldsets = [*fieldsets, ("Correction", {"fields": ["correction_note"]})]
        return fieldsets

    def get_queryset(self, request):
        return (
            super()
            .get_queryset(request)
            .defer("text")
            .annotate(position_count=positions_count("source"))
        )

    @admin.display(description="positions", ordering="position_count")
    def position_count(self, source):
        return source.position_count

    @admin.display(description="text", boolean=True)
    def has_text(self, source):
        return bool(source.text_sha256)

    def get_formset_kwargs(self, request, obj, inline, prefix):
        kwargs = super().get_formset_kwargs(request, obj, inline, prefix)
        if isinstance(inline, NewDraftInline) and obj is not None and obj.published_at:
            kwargs["initial"] = [{"stated_on": timezone.localtime(obj.published_at).date()}]
        return kwargs

    def save_formset(self, request, form, formset, change):
        if not isinstance(formset, NewDraftFormSet):
            return super().save_formset(request, form, formset, change)
        created = []
        for draft in formset.forms:
            if draft.has_changed() and draft.cleaned_data:
                fields = {name: draft.cleaned_data[name] for name in NewDraftForm.Meta.fields}
                created.append(
                    services.position_create(user=request.user, source=form.instance, **fields)
                )
        formset.new_objects, formset.changed_objects, formset.deleted_objects = created, [], []
        return None

    def response_add(self, request, obj, post_url_continue=None):
        # A new article goes straight to picking its statements.
        others = {"_continue", "_addanother", IS_POPUP_VAR}
        if obj.text and not others & set(request.POST):
            self.message_user(request, f"Source saved: “{obj}”. Pick the statements to record.")
            return redirect(reverse("admin:positions_source_extract", args=[obj.pk]))
        return super().response_add(request, obj, post_url_continue)

    # -- pasting an article --

    def get_changeform_initial_data(self, request):
        initial = super().get_changeform_initial_data(request)
        token = request.session.get(IMPORT_SESSION_KEY) if "_import" in request.GET else None
        imported = cache.get(f"{IMPORT_SESSION_KEY}:{token}") if token else None
        if imported:
            initial.update(imported)
            time_known = initial.pop("published_time_known", False)
            if imported.get("published_at"):
                published = parse_datetime(imported["published_at"])
                # A date printed without a time is shown without one, not as midnight.
                initial["published_at"] = published if time_known else [published.date(), None]
        return initial

    def get_urls(self):
        return [
            path(
                "<path:object_id>/extract/",
                self.admin_site.admin_view(self.extract_view),
                name="positions_source_extract",
            ),
            path(
                "import/",
                self.admin_site.admin_view(self.import_view),
                name="positions_source_import",
            ),
            *super().get_urls(),
        ]

    def import_view(self, request):
        if not self.has_add_permission(request):
            raise PermissionDenied("You are not allowed to add sources.")
        can_fetch = settings.STANDPOINT_FETCH_SOURCES
        form = SourceImportForm(request.POST or None, can_fetch=can_fetch)
        if request.method == "POST" and form.is_valid():
            url = form.cleaned_data.get("url", "")
            try:
                if form.cleaned_data.get("fetch"):
                    found = source_import.from_html(source_import.fetch(url), url)
                else:
                    found = source_import.from_pasted(form.cleaned_data["pasted"], url)
            except source_import.FetchError as error:
                form.add_error("url", str(error))
            else:
                if (duplicate := source_import.find_duplicate(found.url)) is not None:
                    form.add_error("url", duplicate_message(duplicate))
                elif len(found.text) > SOURCE_TEXT_MAX_LENGTH:
                    form.add_error(
                        "pasted" if "pasted" in form.cleaned_data else "url",
                        f"The article's text is {len(found.text):,} characters; a source holds "
                        f"at most {SOURCE_TEXT_MAX_LENGTH:,}. Paste the part positions quote.",
                    )
                else:
                    initial = found.initial()
                    if isinstance(initial.get("published_at"), datetime.datetime):
                        initial["published_at"] = initial["published_at"].isoformat()
                    # The article waits in the cache for the add form, not in the session
                    # (a database row read on every request): the session holds its key.
                    token = secrets.token_urlsafe(16)
                    cache.set(f"{IMPORT_SESSION_KEY}:{token}", initial, IMPORT_SECONDS)
                    request.session[IMPORT_SESSION_KEY] = token
                    self.message_user(
                        request,
                        "Check what was found and correct it before saving: title, outlet, "
                        "byline, publication date and text.",
                    )
                    return redirect(reverse("admin:positions_source_add") + "?_import=1")
        context = {
            **self.admin_site.each_context(request),
            "opts": self.model._meta,
            "title": "Add a source by pasting the article",
            "form": form,
            "can_fetch": can_fetch,
        }
        return TemplateResponse(request, "admin/positions/source/import.html", context)

    # -- extracting positions --

    def extract_view(self, request, object_id):
        source = self.get_object(request, unquote(object_id))
        if source is None or not self.has_view_permission(request, source):
            raise Http404("No such source.")
        source = Source.objects.get(pk=source.pk)  # with its text
        can_add = request.user.has_perm("positions.add_position")
        parts = extract_parts(source.text)
        number = request.GET.get("part", "1")
        if not number.isdigit() or not 1 <= int(number) <= len(parts):
            raise Http404(f"No such part: the text has {len(parts)}.")
        number = int(number)
        start, end = parts[number - 1]
        recorded = list(
            source.positions.select_related("party", "topic").order_by("quote_start", "id")
        )
        rows = []
        proposals = extraction.propose(part_of(source, start, end))
        for proposal in proposals:
            sentence = proposal.sentence
            here = [
                p
                for p in recorded
                if p.quote_start is not None and sentence.start <= p.quote_start < sentence.end
            ]
            offers = _record_links(proposal, source) if proposal.attributed and can_add else []
            links = [(quote, url, others) for quote, url, others, *_ in offers]
            earlier = _earlier_stance_link(proposal, source) if links else ""
            rows.append(
                {
                    "proposal": proposal,
                    "recorded": here,
                    "links": links,
                    "offers": offers,
                    "earlier": earlier,
                    "sentence_link": _sentence_link(proposal, source) if can_add else "",
                }
            )
        # The statements most likely to hold a position first, for a quick pass.
        ranked = sorted(
            ((proposal.drafts[0], proposal) for proposal in proposals if proposal.drafts),
            key=lambda pair: (-pair[0].confidence, pair[1].sentence.start),
        )
        context = {
            **self.admin_site.each_context(request),
            "opts": self.model._meta,
            "original": source,
            "title": f"Extract positions: {source}",
            "rows": rows,
            "attributed_count": sum(1 for row in rows if row["proposal"].attributed),
            "ranked": ranked,
            "can_add": can_add,
            "part": number,
            "parts": len(parts),
        }
        return TemplateResponse(request, "admin/positions/source/extract.html", context)


# The extract page reads a long text a part at a time: its cost grows with the text, and a
# part of this size comes back in a second or two.
EXTRACT_PART_LENGTH = 50_000


def extract_parts(text: str) -> list[tuple[int, int]]:
    """The text cut into parts of at most ``EXTRACT_PART_LENGTH`` characters, at line ends
    where a part has one."""
    parts, start = [], 0
    while start < len(text) or not parts:
        end = min(len(text), start + EXTRACT_PART_LENGTH)
        if end < len(text) and (cut := text.rfind("\n", start, end)) > start:
            end = cut + 1
        parts.append((start, end))
        start = end
    return parts


def part_of(source: Source, start: int, end: int) -> Source:
    """``source`` (unsaved) with only ``text[start:end]`` left to read: the rest blanked out,
    line ends kept, so that every offset found is an offset in the whole text."""
    if (start, end) == (0, len(source.text)):
        return source
    text = source.text
    blank = str.maketrans(dict.fromkeys(set(text) - {"\n"}, " "))
    masked = text[:start].translate(blank) + text[start:end] + text[end:].translate(blank)
    part = Source(text=masked, title=source.title, published_at=source.published_at)
    part.pk, part.language, part.outlet = source.pk, source.language, source.outlet
    part.text_sha256 = source.text_sha256
    return part


def _add_url(query: dict) -> str:
    return f"{reverse('admin:positions_position_add')}?{urlencode(query)}"


def _record_links(proposal: extraction.Proposal, source: Source) -> list:
    """For each draft a sentence offers: its quote, its add-form link, links for the other
    suggested topics, the draft itself (its evidence), and its unsure suggestions, each with
    a link that opens the add form with it filled in too (and one with all of them)."""
    links = []
    for draft in proposal.drafts:
        query = {**draft.prefill(source), "_extract": source.pk}
        if draft.new_speaker is not None:
            # Someone the record lacks: the add form creates them with the position.
            query["new_speaker"] = draft.new_speaker.name
            query["new_speaker_role"] = draft.new_speaker.title
        # One sentence often carries positions on several topics.
        others = [
            (topic, _add_url({**query, **draft.prefill(source, topic), "_extract": source.pk}))
            for topic in draft.topics[1:]
        ]
        possible = [(offer, _add_url({**query, **offer.values})) for offer in draft.offers]
        if len(possible) > 1:
            every = {name: value for offer in draft.offers for name, value in offer.values.items()}
            possible.append((None, _add_url({**query, **every})))
        links.append((draft.quote, _add_url(query), others, draft, possible))
    return links


def _sentence_link(proposal: extraction.Proposal, source: Source) -> str:
    """Any sentence can start a position: the add form with the source and the sentence."""
    sentence = proposal.sentence
    query = {
        "source": source.pk,
        "quote": sentence.text,
        "quote_near": sentence.start,
        "_extract": source.pk,
    }
    # No date: a sentence the rules did not read gives no evidence for one.
    return _add_url(query)


# Wording that says a stance was held before the statement: "its long-standing NATO bid".
_EARLIER_STANCE = re.compile(
    r"\blong[- ]?(?:standing|held)\b|\b(?:has|had|have) long\b|\bfor (?:years|decades)\b"
    r"|\buntil now\b|\bpreviously\b|\bno longer\b",
    re.IGNORECASE,
)


def _earlier_stance_link(proposal: extraction.Proposal, source: Source) -> str:
    """Where the sentence says the stance was held before, a link recording that earlier,
    long-standing stance, dated approximately the day before, so that the change shows."""
    if not _EARLIER_STANCE.search(proposal.sentence.text):
        return ""
    query = {**proposal.drafts[0].prefill(source), "_extract": source.pk, "long_standing": "1"}
    query["stated_on_precision"] = DatePrecision.APPROXIMATE
    query.pop("move", None)  # the move is the new statement's, not the earlier stance's
    if proposal.stated_on:
        query["stated_on"] = (proposal.stated_on - datetime.timedelta(days=1)).isoformat()
    return f"{reverse('admin:positions_position_add')}?{urlencode(query)}"
