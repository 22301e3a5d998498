"""Reading and writing discussions. Every lookup goes through guards (and so through access)."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db.models import Count, Exists, OuterRef, Q, Subquery, Value
from django.db.models.functions import Coalesce
from django.http import Http404, HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.template.loader import render_to_string
from django.urls import reverse
from django.views.decorators.http import require_GET, require_POST

from kennisplatform import access, session_expiry
from kennisplatform.breadcrumbs import trail
from kennisplatform.input_guard import as_id
from kennisplatform.private_files import StorageError, download_response
from kennisplatform.ratelimit import rate_limited
from themagroepen.discussies import readtracking, services
from themagroepen.discussies.forms import EditReplyForm, ReplyForm, TopicForm
from themagroepen.discussies.guards import members_only, readable_reply, readable_topic
from themagroepen.discussies.markup import display_name, mentioned_handles, quote, render_post
from themagroepen.discussies.models import Attachment, PostRevision, Reaction, Reply, Report, TopicFollow
from themagroepen.views import GROUPS, member_group

REPLIES_PER_PAGE = 50
# The browser keeps what is being typed (static/js/concepten.js) under a key per person and form;
# after a successful post the next page tells it which draft to forget.
POSTED_DRAFT = "discussies_concept_geplaatst"


def _draft_context(request, key):
    """What concepten.js and the session warning (sessie.js) need: this form's draft key, the draft
    just posted (to forget) and the seconds the session still lasts."""
    return {
        "draft_key": f"{request.user.pk}:{key}",
        "draft_posted": request.session.pop(POSTED_DRAFT, ""),
        "session_seconds": session_expiry.seconds_left(request),
    }


def _posted(request, key):
    request.session[POSTED_DRAFT] = f"{request.user.pk}:{key}"


def _discussions(themagroep):
    return ("Discussies", reverse("themagroepen:discussies:list", kwargs={"slug": themagroep.slug}))


# --- topic list ------------------------------------------------------------------------------


@members_only
@require_GET
def topic_list(request, slug):
    themagroep = member_group(request, slug)
    overview = services.topics_for_group(themagroep, request.user)
    solved = set(
        access.filter_readable(Reply.objects.filter(topic__in=overview.topics, is_solution=True), request.user)
        .values_list("topic_id", flat=True)
        .distinct()
    )
    for topic in overview.topics:
        topic.is_solved = topic.pk in solved
    unanswered_only = request.GET.get("filter") == "onbeantwoord"
    if unanswered_only:
        overview.topics = [topic for topic in overview.topics if not topic.is_solved]
    return render(
        request,
        "themagroepen/discussies/topic_list.html",
        {
            "themagroep": themagroep,
            "overview": overview,
            "unanswered_only": unanswered_only,
            "breadcrumbs": trail(request.user, GROUPS, themagroep, ("Discussies", "")),
        },
    )


@members_only
@require_POST
def mark_group_read(request, slug):
    themagroep = member_group(request, slug)
    readtracking.mark_group_read(request.user, themagroep)
    messages.success(request, "Alle onderwerpen in deze groep zijn als gelezen gemarkeerd.")
    return redirect("themagroepen:discussies:list", slug=slug)


# --- creating a topic ------------------------------------------------------------------------


@members_only
@rate_limited("topic")
def topic_create(request, slug):
    themagroep = member_group(request, slug)
    form = TopicForm(request.POST or None, request.FILES or None)
    preview = None
    if request.method == "POST" and form.is_valid():
        if "voorbeeld" in request.POST:
            preview = _preview_html(themagroep, form.cleaned_data["body"])
        else:
            try:
                topic = services.create_topic(
                    themagroep,
                    request.user,
                    form.cleaned_data["title"],
                    form.cleaned_data["body"],
                    form.cleaned_data["files"],
                )
            except StorageError as error:
                form.add_error("files", error.message)
            else:
                _posted(request, f"onderwerp:{themagroep.slug}")
                return redirect(topic.get_absolute_url())
    return render(
        request,
        "themagroepen/discussies/topic_form.html",
        {
            **_draft_context(request, f"onderwerp:{themagroep.slug}"),
            "themagroep": themagroep,
            "form": form,
            "preview": preview,
            "heading": "Nieuw onderwerp",
            "submit_label": "Onderwerp plaatsen",
            "breadcrumbs": trail(request.user, GROUPS, themagroep, _discussions(themagroep), ("Nieuw onderwerp", "")),
        },
    )


# --- a topic page ----------------------------------------------------------------------------


@members_only
@require_GET
def topic_detail(request, slug, pk, topic_slug):
    themagroep = member_group(request, slug)
    topic = readable_topic(request, themagroep, pk)
    if topic_slug != topic.slug:
        return redirect(topic.get_absolute_url(), permanent=True)
    form = ReplyForm(initial=_quote_initial(request, themagroep, topic))
    return _render_topic(request, themagroep, topic, form)


def _quote_initial(request, themagroep, topic):
    """?citeer=<reply id> (or ?citeer=onderwerp) pre-fills the reply with a quote."""
    wanted = request.GET.get("citeer")
    if not wanted:
        return {}
    if wanted == "onderwerp":
        return {"body": quote(display_name(topic.author) or "Verwijderd lid", topic.body)}
    if as_id(wanted) is None:
        return {}
    reply = readable_reply(request, themagroep, as_id(wanted))
    if reply.topic_id != topic.pk:
        raise Http404
    return {"body": quote(display_name(reply.author) or "Verwijderd lid", reply.body), "in_reply_to": reply.pk}


def _replies_for(request, topic):
    replies = access.filter_readable(Reply.objects.filter(topic=topic), request.user)
    return replies.select_related("author").order_by("created", "pk")


def _page_number(request, replies):
    """?reactie=<id> opens the page that holds that reply; otherwise ?pagina=."""
    wanted = request.GET.get("reactie", "")
    if as_id(wanted) is not None:
        target = replies.filter(pk=as_id(wanted)).values("created", "pk").first()
        if target:
            before = replies.filter(
                Q(created__lt=target["created"]) | Q(created=target["created"], pk__lt=target["pk"])
            ).count()
            return before // REPLIES_PER_PAGE + 1
    return request.GET.get("pagina") or 1


def _render_topic(request, themagroep, topic, form, preview=None, status=200):
    user = request.user
    is_beheerder = access.is_beheerder(user, themagroep)
    replies = _replies_for(request, topic)
    mine = Reaction.objects.filter(user=user, reply=OuterRef("pk"))
    useful = (
        Reaction.objects.filter(reply=OuterRef("pk")).order_by().values("reply").annotate(n=Count("pk")).values("n")
    )
    replies = replies.annotate(useful_by_me=Exists(mine), useful_count=Coalesce(Subquery(useful), Value(0)))
    paginator = Paginator(replies, REPLIES_PER_PAGE)
    page = paginator.get_page(_page_number(request, replies))
    page_replies = list(page.object_list)
    for reply in page_replies:
        reply.topic = topic  # the read_keys() of each reply need the topic: no extra queries

    attachments = _attachments_by_post(topic, page_replies)
    topic_reactions = list(Reaction.objects.filter(topic=topic, reply__isnull=True).values_list("user_id", flat=True))
    topic.useful_count = len(topic_reactions)
    topic.useful_by_me = user.pk in topic_reactions
    topic_posts = [_post_context(user, topic, topic, None, attachments, is_beheerder)]
    # The accepted answer is shown right under the question, wherever it is in the conversation.
    solution = replies.filter(is_solution=True).first()
    reply_posts = [_post_context(user, topic, reply, reply, attachments, is_beheerder) for reply in page_replies]

    # Read up to the newest post on this page (Misago): later pages stay unread.
    newest = max([topic.created, *(r.created for r in page_replies)])
    readtracking.mark_read(user, topic, until=topic.last_activity if not page.has_next() else newest)

    context = {
        **_draft_context(request, f"reactie:{topic.pk}"),
        "themagroep": themagroep,
        "topic": topic,
        "topic_post": topic_posts[0],
        "solution": solution,
        "solution_url": services.post_url(topic, solution) if solution else "",
        "reply_posts": reply_posts,
        "page_obj": page,
        "form": form,
        "preview": preview,
        "is_beheerder": is_beheerder,
        "can_reply": services.can_reply(user, topic),
        "is_following": TopicFollow.objects.filter(user=user, topic=topic).exists(),
        "open_reports": Report.objects.filter(topic__themagroep=themagroep, resolved_at__isnull=True).count()
        if is_beheerder
        else 0,
        "breadcrumbs": trail(request.user, GROUPS, themagroep, _discussions(themagroep), (topic.title, "")),
    }
    return render(request, "themagroepen/discussies/topic_detail.html", context, status=status)


def _attachments_by_post(topic, replies):
    query = Q(topic=topic, reply__isnull=True) | Q(reply__in=[r.pk for r in replies])
    grouped = {}
    for attachment in Attachment.objects.filter(query):
        grouped.setdefault(attachment.reply_id, []).append(attachment)
    return grouped


def _post_context(user, topic, post, reply, attachments, is_beheerder):
    """Everything one post needs in the template, decided here so the template stays dumb."""
    own = post.author_id == user.pk
    return {
        "post": post,
        "reply": reply,
        "topic": topic,
        "author_name": display_name(post.author) if post.author_id else "Verwijderd lid",
        "attachments": attachments.get(reply.pk if reply else None, []),
        "can_edit": is_beheerder or (own and not topic.locked and not post.hidden),
        "can_react": not own,
        "can_mark_solution": reply is not None and (topic.author_id == user.pk or is_beheerder),
        "can_moderate": is_beheerder,
        "can_quote": not topic.locked or is_beheerder,
    }


@members_only
@rate_limited("reply")
def reply_create(request, slug, pk):
    themagroep = member_group(request, slug)
    topic = readable_topic(request, themagroep, pk)
    if request.method != "POST":
        # A post that met an expired session sends the person to log in with this URL as
        # `next`; after logging in they belong on the topic (their draft is restored there).
        return redirect(topic.get_absolute_url())
    if not services.can_reply(request.user, topic):
        raise PermissionDenied
    form = ReplyForm(request.POST, request.FILES)
    if not form.is_valid():
        return _render_topic(request, themagroep, topic, form, status=400)
    if "voorbeeld" in request.POST:
        return _render_topic(
            request, themagroep, topic, form, preview=_preview_html(themagroep, form.cleaned_data["body"])
        )
    in_reply_to = None
    if form.cleaned_data.get("in_reply_to"):
        in_reply_to = Reply.objects.filter(topic=topic, pk=form.cleaned_data["in_reply_to"]).first()
    try:
        reply = services.create_reply(
            topic, request.user, form.cleaned_data["body"], form.cleaned_data["files"], in_reply_to
        )
    except StorageError as error:
        form.add_error("files", error.message)
        return _render_topic(request, themagroep, topic, form, status=503)
    _posted(request, f"reactie:{topic.pk}")
    return redirect(services.post_url(topic, reply))


@members_only
@require_GET
def reply_fragment(request, slug, reply_id):
    """One rendered reply, fetched by the live-update script after a WebSocket event."""
    themagroep = member_group(request, slug)
    reply = readable_reply(request, themagroep, reply_id)
    topic = reply.topic
    is_beheerder = access.is_beheerder(request.user, themagroep)
    reply.useful_count, reply.useful_by_me = 0, False
    html = render_to_string(
        "themagroepen/discussies/_reply_item.html",
        {
            "p": _post_context(request.user, topic, reply, reply, _attachments_by_post(topic, [reply]), is_beheerder),
            "themagroep": themagroep,
        },
        request=request,
    )
    return HttpResponse(html)


# --- editing and history ---------------------------------------------------------------------


@members_only
def topic_edit(request, slug, pk):
    themagroep = member_group(request, slug)
    topic = readable_topic(request, themagroep, pk)
    if not services.can_edit(request.user, topic, themagroep):
        raise PermissionDenied
    form = TopicForm(request.POST or None, request.FILES or None, initial={"title": topic.title, "body": topic.body})
    return _edit(request, themagroep, topic, topic, form, "Onderwerp bewerken")


@members_only
def reply_edit(request, slug, reply_id):
    themagroep = member_group(request, slug)
    reply = readable_reply(request, themagroep, reply_id)
    if not services.can_edit(request.user, reply, themagroep):
        raise PermissionDenied
    form = EditReplyForm(request.POST or None, request.FILES or None, initial={"body": reply.body})
    return _edit(request, themagroep, reply.topic, reply, form, "Reactie bewerken")


def _edit(request, themagroep, topic, post, form, heading):
    preview = None
    if request.method == "POST" and form.is_valid():
        if "voorbeeld" in request.POST:
            preview = _preview_html(themagroep, form.cleaned_data["body"])
        else:
            try:
                services.edit_post(
                    post,
                    request.user,
                    form.cleaned_data["body"],
                    form.cleaned_data.get("title"),
                    form.cleaned_data["files"],
                )
            except StorageError as error:
                form.add_error("files", error.message)
            else:
                messages.success(
                    request, "Uw wijziging is opgeslagen. De vorige versie staat in de bewerkgeschiedenis."
                )
                return redirect(services.post_url(topic, None if post is topic else post))
    return render(
        request,
        "themagroepen/discussies/topic_form.html",
        {
            "themagroep": themagroep,
            "form": form,
            "preview": preview,
            "heading": heading,
            "submit_label": "Wijziging opslaan",
            "session_seconds": session_expiry.seconds_left(request),
            "topic": topic,
            "breadcrumbs": trail(
                request.user,
                GROUPS,
                themagroep,
                _discussions(themagroep),
                (topic.title, topic.get_absolute_url()),
                (heading, ""),
            ),
        },
    )


@members_only
@require_GET
def topic_history(request, slug, pk):
    themagroep = member_group(request, slug)
    topic = readable_topic(request, themagroep, pk)
    revisions = PostRevision.objects.filter(topic=topic, reply__isnull=True).select_related("editor")
    return _history(request, themagroep, topic, topic, revisions)


@members_only
@require_GET
def reply_history(request, slug, reply_id):
    themagroep = member_group(request, slug)
    reply = readable_reply(request, themagroep, reply_id)
    revisions = PostRevision.objects.filter(reply=reply).select_related("editor")
    return _history(request, themagroep, reply.topic, reply, revisions)


def _history(request, themagroep, topic, post, revisions):
    return render(
        request,
        "themagroepen/discussies/history.html",
        {
            "themagroep": themagroep,
            "topic": topic,
            "post": post,
            "revisions": revisions,
            "breadcrumbs": trail(
                request.user,
                GROUPS,
                themagroep,
                _discussions(themagroep),
                (topic.title, topic.get_absolute_url()),
                ("Bewerkgeschiedenis", ""),
            ),
        },
    )


# --- small actions ---------------------------------------------------------------------------


@members_only
@require_POST
def topic_useful(request, slug, pk):
    themagroep = member_group(request, slug)
    topic = readable_topic(request, themagroep, pk)
    if topic.author_id != request.user.pk:
        services.toggle_useful(request.user, topic)
    return redirect(topic.get_absolute_url())


@members_only
@require_POST
def reply_useful(request, slug, reply_id):
    themagroep = member_group(request, slug)
    reply = readable_reply(request, themagroep, reply_id)
    if reply.author_id != request.user.pk:
        services.toggle_useful(request.user, reply.topic, reply)
    return redirect(services.post_url(reply.topic, reply))


@members_only
@require_POST
def reply_solution(request, slug, reply_id):
    themagroep = member_group(request, slug)
    reply = readable_reply(request, themagroep, reply_id)
    if not services.can_mark_solution(request.user, reply.topic):
        raise PermissionDenied
    if services.toggle_solution(reply):
        # Back to the question, with the solution now directly under it.
        messages.success(request, "De reactie is gemarkeerd als oplossing.")
        return redirect(reply.topic.get_absolute_url())
    messages.success(request, "De reactie is geen oplossing meer.")
    return redirect(services.post_url(reply.topic, reply))


@members_only
@require_POST
def topic_follow(request, slug, pk):
    themagroep = member_group(request, slug)
    topic = readable_topic(request, themagroep, pk)
    following = services.toggle_follow(request.user, topic)
    messages.success(request, "U volgt dit onderwerp." if following else "U volgt dit onderwerp niet meer.")
    return redirect(topic.get_absolute_url())


@members_only
@require_POST
def preview(request, slug):
    """Rendered HTML for the Markdown preview (fetched by discussies.js)."""
    themagroep = member_group(request, slug)
    return HttpResponse(_preview_html(themagroep, request.POST.get("body", "")[:20000]))


@members_only
@require_GET
def mention_suggestions(request, slug):
    """Members to mention whose handle or name starts with ``q`` (fetched by mentions.js)."""
    themagroep = member_group(request, slug)
    query = request.GET.get("q", "").strip().lower()[:30]
    found = [
        {"handle": handle, "name": display_name(user)}
        for handle, user in sorted(services.group_member_handles(themagroep).items())
        if handle.startswith(query) or any(word.startswith(query) for word in display_name(user).lower().split())
    ]
    return JsonResponse({"members": found[:8]})


def _preview_html(themagroep, body):
    return render_post(body, set(services.group_member_handles(themagroep, only=mentioned_handles(body))))


# --- attachments -----------------------------------------------------------------------------


@members_only
@require_GET
def attachment_download(request, slug, attachment_id):
    themagroep = member_group(request, slug)
    attachments = access.filter_readable(Attachment.objects.filter(topic__themagroep=themagroep), request.user)
    attachment = attachments.select_related("topic", "reply").filter(pk=attachment_id).first()
    if attachment is None:
        raise Http404
    return download_response(attachment.file, attachment.name, attachment.content_type)
