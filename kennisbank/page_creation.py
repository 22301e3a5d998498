"""Create each page once, however fast the editor is.

The page editor's autosave POSTs the add form as soon as the editor types; the first such POST
creates the page and the browser then points the form at the edit URL. A submit (or publish)
sent before that switch lands on the add URL again and would create the page a second time: a
500 on the taken slug when both requests overlap, a "slug al in gebruik" error after it.

Every add form carries a one-time creation token (rendered in ``wagtailadmin/pages/create.html``).
POSTs to the add URL that carry a token are serialised per parent page; the first one creates
the page and records the token, every later one is handed to the edit view of that same page.
"""

import uuid

from django.db import models, transaction
from django.http import JsonResponse
from wagtail.models import Page

TOKEN_FIELD = "kp_creation_token"
_HANDLED = "_kp_creation_serialised"


class PageCreation(models.Model):
    """Which page an add form created (one row per add form that got as far as saving)."""

    token = models.CharField(max_length=64, unique=True)
    page = models.ForeignKey(Page, on_delete=models.CASCADE, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = "aangemaakte pagina"


def new_token() -> str:
    return uuid.uuid4().hex


def _token(request) -> str:
    token = request.POST.get(TOKEN_FIELD, "").strip()
    return token if 0 < len(token) <= 64 else ""


def create_once(request, parent_page, page_class):
    """``before_create_page`` hook: run the add view under a lock, or route to the edit view."""
    from wagtail.admin.views.pages.create import CreateView
    from wagtail.admin.views.pages.edit import EditView

    token = _token(request) if request.method == "POST" else ""
    if not token or getattr(request, _HANDLED, False):
        return None
    setattr(request, _HANDLED, True)
    with transaction.atomic():
        # Concurrent add POSTs under one parent queue here, so the second sees the first's page.
        Page.objects.select_for_update().filter(pk=parent_page.pk).exists()
        created = PageCreation.objects.filter(token=token).values_list("page_id", flat=True).first()
        if created is None:
            kwargs = request.resolver_match.kwargs
            return CreateView.as_view()(request, **kwargs)
        if _is_stale_autosave(request, created):
            return JsonResponse(
                {
                    "success": False,
                    "error_code": "invalid_revision",
                    "error_message": "De pagina is al ingediend of gepubliceerd.",
                },
                status=400,
            )
        return EditView.as_view()(request, page_id=created)


def _is_stale_autosave(request, page_id) -> bool:
    """An autosave that arrives after the same form was submitted or published carries older
    text than what was submitted; saving it would put it on top of the submitted revision."""
    if "application/json" not in request.headers.get("Accept", ""):
        return False
    page = Page.objects.get(pk=page_id)
    return page.live or page.workflow_in_progress


def remember_creation(request, page):
    """``after_create_page`` hook: the token now stands for this page."""
    token = _token(request)
    if token:
        PageCreation.objects.get_or_create(token=token, defaults={"page": page})
