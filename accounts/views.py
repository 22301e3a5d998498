"""Mijn account: profile, groups and requests, data export, account deletion."""

import json

from allauth.account.internal.flows.email_verification import send_verification_email_for_user
from allauth.mfa.models import Authenticator
from django.apps import apps
from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_GET, require_http_methods

from accounts import privacy, services
from accounts.decorators import verified_required
from accounts.forms import DeleteAccountForm, ProfileForm
from kennisplatform.access import is_verified

ACCOUNT_CRUMB = ("Mijn account", "/account/profiel/")


def _pending_join_requests(user):
    try:
        join_request = apps.get_model("themagroepen", "JoinRequest")
    except LookupError:
        return []
    return list(
        join_request.objects.filter(user=user, state="pending").select_related("themagroep").order_by("created_at")
    )


@verified_required
def profile(request):
    from themagroepen.models import Membership

    user = request.user
    account_profile = services.get_profile(user)
    context = {
        "profile": account_profile,
        "memberships": Membership.objects.filter(user=user).select_related("themagroep").order_by("themagroep__name"),
        "pending_requests": _pending_join_requests(user),
        "has_mfa": Authenticator.objects.filter(user=user, type=Authenticator.Type.TOTP).exists(),
        "staff_roles": services.staff_roles(user),
        "suggested_organisation": None
        if account_profile.organisation_id
        else services.suggest_organisation(user.email),
        "breadcrumbs": [("Mijn account", "")],
    }
    return render(request, "accounts/profile.html", context)


@verified_required
@require_http_methods(["GET", "POST"])
def profile_edit(request):
    account_profile = services.get_profile(request.user)
    form = ProfileForm(request.POST or None, profile=account_profile)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, "Uw profiel is opgeslagen.")
        return redirect("accounts:profile")
    return render(
        request, "accounts/profile_edit.html", {"form": form, "breadcrumbs": [ACCOUNT_CRUMB, ("Profiel bewerken", "")]}
    )


@login_required
@require_http_methods(["GET", "POST"])
def verification_required(request):
    """Signed in, but no verified address yet: explain, and offer to send the link again."""
    if is_verified(request.user):
        return redirect("accounts:profile")
    if request.method == "POST":
        send_verification_email_for_user(request, request.user)
        messages.info(request, f"We hebben een nieuwe bevestigingslink gestuurd naar {request.user.email}.")
        return redirect("accounts:verification_required")
    return render(request, "accounts/verification_required.html", {"breadcrumbs": [("E-mailadres bevestigen", "")]})


@require_GET
def organisation_suggestion(request):
    """Progressive enhancement of the sign-up form: which organisation fits this address?

    Reveals only the public domain list, never whether an account exists.
    """
    organisation = services.suggest_organisation(request.GET.get("email", "")[:254])
    if organisation is None:
        return JsonResponse({"organisation": None})
    return JsonResponse({"organisation": {"id": organisation.pk, "name": organisation.name}})


@verified_required
@require_http_methods(["GET", "POST"])
def data_export(request):
    if request.method == "POST":
        data = privacy.export_user_data(request.user)
        response = HttpResponse(
            json.dumps(data, ensure_ascii=False, indent=2, default=str), content_type="application/json; charset=utf-8"
        )
        filename = f"kennisplatform-mijn-gegevens-{timezone.localdate().isoformat()}.json"
        response["Content-Disposition"] = f'attachment; filename="{filename}"'
        response["Cache-Control"] = "no-store"
        return response
    return render(request, "accounts/data_export.html", {"breadcrumbs": [ACCOUNT_CRUMB, ("Mijn gegevens", "")]})


@login_required
@require_http_methods(["GET", "POST"])
def delete_account(request):
    form = DeleteAccountForm(request.POST or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        user = request.user
        logout(request)
        privacy.delete_account(user)
        messages.success(
            request,
            f"Uw account is verwijderd. Uw bijdragen staan er nog, als ‘{services.deleted_member_display_name}’.",
        )
        return redirect("/")
    return render(
        request,
        "accounts/delete_account.html",
        {"form": form, "breadcrumbs": [ACCOUNT_CRUMB, ("Account verwijderen", "")]},
    )
