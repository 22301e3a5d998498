"""The notifications page, marking read, e-mail preferences and one-click unsubscribe."""

from django.contrib import messages
from django.contrib.auth import get_user_model
from django.core.paginator import Paginator
from django.http import Http404, HttpResponseRedirect
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST

from accounts.decorators import verified_required
from themagroepen.notificaties import emails, services
from themagroepen.notificaties.forms import EmailPreferenceForm
from themagroepen.notificaties.models import Frequency

PAGE_SIZE = 30


@verified_required
def notification_list(request):
    notifications = services.visible_notifications(request.user).select_related("themagroep", "actor")
    page = Paginator(notifications, PAGE_SIZE).get_page(request.GET.get("pagina"))
    return render(
        request,
        "notificaties/notification_list.html",
        {
            "page_obj": page,
            "notifications": page.object_list,
            "unread": services.unread_count(request.user),
            "breadcrumbs": [("Meldingen", request.path)],
        },
    )


@verified_required
def open_notification(request, pk):
    """Follow a notification's link and mark it read on the way (only your own)."""
    notification = get_object_or_404(services.visible_notifications(request.user), pk=pk)
    services.mark_read(request.user, [notification.pk])
    if not url_has_allowed_host_and_scheme(notification.url, allowed_hosts={request.get_host()}):
        return redirect("notificaties:list")
    return HttpResponseRedirect(notification.url)


@verified_required
@require_POST
def mark_read(request, pk):
    notification = get_object_or_404(services.visible_notifications(request.user), pk=pk)
    services.mark_read(request.user, [notification.pk])
    messages.success(request, "Melding gemarkeerd als gelezen.")
    return redirect("notificaties:list")


@verified_required
@require_POST
def mark_all_read(request):
    changed = services.mark_read(request.user)
    messages.success(
        request, f"{changed} melding(en) gemarkeerd als gelezen." if changed else "Er waren geen ongelezen meldingen."
    )
    return redirect("notificaties:list")


@verified_required
def preferences(request):
    preference = services.get_preference(request.user)
    form = EmailPreferenceForm(request.POST or None, instance=preference)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, "Uw e-mailvoorkeur is opgeslagen.")
        return redirect("notificaties:preferences")
    return render(
        request,
        "notificaties/preferences.html",
        {"form": form, "breadcrumbs": [("Meldingen", "/meldingen/"), ("E-mailvoorkeur", request.path)]},
    )


# Mail clients send the RFC 8058 one-click POST without a CSRF token; the signed token in the
# address is what authorises it, and all it can do is switch e-mail off. The pages never name
# the account: a forwarded e-mail must not tell its reader whose address it was.
@csrf_exempt
def unsubscribe(request, token):
    try:
        user_id = emails.user_id_from_token(token)
    except emails.ExpiredToken:
        return render(request, "notificaties/unsubscribe_expired.html", status=410)
    user = get_user_model().objects.filter(pk=user_id, is_active=True).first() if user_id else None
    if user is None:
        raise Http404
    if request.method == "POST":
        services.set_frequency(user, Frequency.NEVER)
        return render(request, "notificaties/unsubscribed.html")
    return render(request, "notificaties/unsubscribe_confirm.html")
