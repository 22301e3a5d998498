"""Wagtail serves pages and documents through the access module.

Wagtail's own view-restriction check only asks "signed in" and "in this Django group"; access
also asks for a verified e-mail address and knows drafts, so it decides first. Readers without
access get the same 404 as for a page that does not exist; anonymous visitors of a page that
any verified official may read are sent to allauth's login instead, as that page is no secret.
"""

from django.contrib.auth.views import redirect_to_login
from django.http import Http404
from wagtail import hooks

from kennisplatform import access


@hooks.register("before_serve_page", order=-10)
def serve_page_through_access(page, request, serve_args, serve_kwargs):
    if access.can_read(request.user, page):
        return None
    if not request.user.is_authenticated and access.AUTHENTICATED in access.page_read_keys(page):
        return redirect_to_login(request.get_full_path())
    raise Http404


@hooks.register("before_serve_document", order=-10)
def serve_document_through_access(document, request):
    access.check_can_read(request.user, document)
