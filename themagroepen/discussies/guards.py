"""Looking things up for a request, with the access checks every discussion view needs."""

from functools import wraps
from urllib.parse import urlsplit

from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404
from django.utils.http import url_has_allowed_host_and_scheme

from kennisplatform import access
from themagroepen.discussies import services
from themagroepen.discussies.models import Reply, Topic
from themagroepen.permissions import can_read_content


def members_only(view):
    """Anonymous visitors go to the login page for *every* path (so it reveals nothing);
    signed-in people without access get 404 from the lookups below."""

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        if not request.user.is_authenticated:
            return redirect_to_login(_return_to(request))
        return view(request, *args, **kwargs)

    return wrapper


def _return_to(request) -> str:
    """Where the login leads back to. A form posted after the session expired would name its
    POST-only URL, which answers a GET with 405: lead back to the page the form was on."""
    referer = request.META.get("HTTP_REFERER", "")
    if request.method != "GET" and url_has_allowed_host_and_scheme(
        referer, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        page = urlsplit(referer)
        return page.path + (f"?{page.query}" if page.query else "")
    return request.get_full_path()


def readable_topic(request, themagroep, pk) -> Topic:
    topics = access.filter_readable(Topic.objects.filter(themagroep=themagroep), request.user)
    topic = get_object_or_404(topics.select_related("author", "themagroep"), pk=pk)
    return topic


def readable_reply(request, themagroep, reply_id) -> Reply:
    replies = access.filter_readable(Reply.objects.filter(topic__themagroep=themagroep), request.user)
    return get_object_or_404(
        replies.select_related("author", "topic", "topic__themagroep", "topic__author"), pk=reply_id
    )


def require_beheerder(request, themagroep) -> None:
    """Members may see the topic, so 403 (not 404) for actions only beheerders may take."""
    if not access.is_beheerder(request.user, themagroep):
        raise PermissionDenied


class ReplyRefusal:
    """Why ``reply_refusal`` says no."""

    NOT_MEMBER = "geen-lid"
    UNREADABLE = "onleesbaar"
    LOCKED = "gesloten"


def reply_refusal(user, topic) -> str | None:
    """The reply form's checks (``member_group``, ``readable_topic``, ``services.can_reply``)
    for a caller without a request, such as reply by e-mail: a ``ReplyRefusal``, or None."""
    if not user.is_active or not can_read_content(user, topic.themagroep):
        return ReplyRefusal.NOT_MEMBER
    if not access.can_read(user, topic):
        return ReplyRefusal.UNREADABLE
    if not services.can_reply(user, topic):
        return ReplyRefusal.LOCKED
    return None
