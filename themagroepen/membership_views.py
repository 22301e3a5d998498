"""Joining, leaving, requests, invitations, inlogcodes and member management (all POST + CSRF)."""

from datetime import datetime, time

from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.views.decorators.http import require_POST

from accounts.decorators import verified_required
from kennisplatform import access
from kennisplatform.breadcrumbs import trail
from themagroepen import services
from themagroepen.forms import DecisionForm, InviteForm, JoinCodeForm, JoinRequestForm, RedeemCodeForm, RoleForm
from themagroepen.models import (
    Invitation,
    InvitationState,
    JoinCode,
    JoinRequest,
    Membership,
    RequestState,
    Role,
    Visibility,
)
from themagroepen.permissions import can_manage
from themagroepen.views import GROUPS, managed_group, member_group, membership_state, readable_group


def _run(request, action, success: str) -> bool:
    """Call a service; show its Dutch error instead of failing."""
    try:
        action()
    except services.MembershipError as error:
        messages.error(request, error.message)
        return False
    messages.success(request, success)
    return True


# --- joining and leaving -------------------------------------------------------------------------


@verified_required
def join(request, slug):
    themagroep = readable_group(request, slug)
    if access.is_member(request.user, themagroep):
        messages.info(request, "U bent al lid van deze themagroep.")
        return redirect(themagroep)
    form = JoinRequestForm(request.POST or None) if themagroep.visibility == Visibility.BESLOTEN else None
    if request.method == "POST":
        if themagroep.visibility == Visibility.OPEN:
            _run(
                request,
                lambda: services.join_open(themagroep, request.user),
                f"Welkom in de themagroep {themagroep.name}.",
            )
            return redirect(themagroep)
        if form is not None and form.is_valid():
            if _run(
                request,
                lambda: services.request_to_join(themagroep, request.user, form.cleaned_data["motivation"]),
                "Uw verzoek is verstuurd. U krijgt bericht zodra een beheerder heeft besloten.",
            ):
                return redirect(themagroep)
    return render(
        request,
        "themagroepen/join.html",
        {
            "themagroep": themagroep,
            "form": form,
            "breadcrumbs": trail(request.user, GROUPS, themagroep, ("Lid worden", request.path)),
            **membership_state(request.user, themagroep),
        },
    )


@verified_required
@require_POST
def withdraw_request(request, slug):
    themagroep = readable_group(request, slug)
    if services.withdraw_request(themagroep, request.user):
        messages.success(request, "Uw verzoek is ingetrokken.")
    return redirect(themagroep)


@verified_required
def leave(request, slug):
    themagroep = member_group(request, slug)
    if request.method == "POST":
        if _run(
            request, lambda: services.leave(themagroep, request.user), f"U bent geen lid meer van {themagroep.name}."
        ):
            return redirect("themagroepen:list")
        return redirect(themagroep)
    return render(
        request,
        "themagroepen/leave.html",
        {
            "themagroep": themagroep,
            "breadcrumbs": trail(request.user, GROUPS, themagroep, ("Groep verlaten", request.path)),
        },
    )


# --- members ---------------------------------------------------------------------------------------


def _organisation_check():
    try:
        from accounts.services import email_matches_organisation
    except ImportError:  # pragma: no cover - accounts app without organisations
        return None
    return email_matches_organisation


def _display_name(user):
    try:
        from accounts.services import display_name
    except ImportError:  # pragma: no cover
        return user.get_full_name() or user.email
    return display_name(user)


@verified_required
def member_list(request, slug):
    themagroep = member_group(request, slug)
    manager = can_manage(request.user, themagroep)
    check = _organisation_check() if manager else None
    memberships = Membership.objects.filter(themagroep=themagroep).select_related("user").order_by("-role", "joined_at")
    rows = [
        {
            "membership": membership,
            "name": _display_name(membership.user),
            "domain_matches": check(membership.user) if check else None,
        }
        for membership in memberships
    ]
    beheerders = sum(1 for m in memberships if m.role == Role.BEHEERDER)
    return render(
        request,
        "themagroepen/member_list.html",
        {
            "themagroep": themagroep,
            "rows": rows,
            "can_manage": manager,
            "beheerder_count": beheerders,
            "breadcrumbs": trail(request.user, GROUPS, themagroep, ("Leden", request.path)),
        },
    )


@verified_required
@require_POST
def change_role(request, slug, pk):
    themagroep = managed_group(request, slug)
    membership = get_object_or_404(Membership, pk=pk, themagroep=themagroep)
    form = RoleForm(request.POST)
    if form.is_valid():
        role = form.cleaned_data["role"]
        label = "beheerder" if role == Role.BEHEERDER else "lid"
        _run(
            request,
            lambda: services.set_role(membership, role, by=request.user),
            f"{_display_name(membership.user)} is nu {label}.",
        )
    return redirect("themagroepen:members", slug=themagroep.slug)


@verified_required
@require_POST
def remove_member(request, slug, pk):
    themagroep = managed_group(request, slug)
    membership = get_object_or_404(Membership, pk=pk, themagroep=themagroep)
    _run(
        request,
        lambda: services.remove_member(membership, by=request.user),
        f"{_display_name(membership.user)} is uit de themagroep verwijderd.",
    )
    return redirect("themagroepen:members", slug=themagroep.slug)


# --- requests --------------------------------------------------------------------------------------


@verified_required
def request_list(request, slug):
    themagroep = managed_group(request, slug)
    pending = JoinRequest.objects.filter(themagroep=themagroep, state=RequestState.PENDING).select_related("user")
    decided = (
        JoinRequest.objects.filter(themagroep=themagroep, state__in=[RequestState.ACCEPTED, RequestState.REJECTED])
        .select_related("user", "decided_by")
        .order_by("-decided_at")[:20]
    )
    return render(
        request,
        "themagroepen/request_list.html",
        {
            "themagroep": themagroep,
            "pending": [(r, _display_name(r.user)) for r in pending],
            "decided": [(r, _display_name(r.user)) for r in decided],
            "breadcrumbs": trail(request.user, GROUPS, themagroep, ("Lidmaatschapsverzoeken", request.path)),
        },
    )


@verified_required
@require_POST
def decide_request(request, slug, pk):
    themagroep = managed_group(request, slug)
    join_request = get_object_or_404(JoinRequest, pk=pk, themagroep=themagroep)
    form = DecisionForm(request.POST)
    if form.is_valid():
        accept = form.cleaned_data["decision"] == "accept"
        name = _display_name(join_request.user)
        _run(
            request,
            lambda: services.decide_request(
                join_request, by=request.user, accept=accept, message=form.cleaned_data["message"]
            ),
            f"{name} is toegelaten." if accept else f"Het verzoek van {name} is afgewezen.",
        )
    return redirect("themagroepen:requests", slug=themagroep.slug)


# --- invitations and inlogcodes (beheerders) ----------------------------------------------------------


@verified_required
def invitations_manage(request, slug):
    themagroep = managed_group(request, slug)
    invite_form = InviteForm(request.POST or None)
    if request.method == "POST" and invite_form.is_valid():
        email = invite_form.cleaned_data["email"]
        if _run(request, lambda: services.invite(themagroep, email, by=request.user), f"{email} is uitgenodigd."):
            return redirect("themagroepen:invite", slug=themagroep.slug)
    return render(
        request,
        "themagroepen/invitations_manage.html",
        {
            "themagroep": themagroep,
            "invite_form": invite_form,
            "code_form": JoinCodeForm(),
            "invitations": Invitation.objects.filter(themagroep=themagroep, state=InvitationState.PENDING),
            "join_codes": JoinCode.objects.filter(themagroep=themagroep, revoked=False),
            "now": timezone.now(),
            "breadcrumbs": trail(request.user, GROUPS, themagroep, ("Uitnodigen", request.path)),
        },
    )


@verified_required
@require_POST
def revoke_invitation(request, slug, pk):
    themagroep = managed_group(request, slug)
    invitation = get_object_or_404(Invitation, pk=pk, themagroep=themagroep)
    _run(
        request,
        lambda: services.revoke_invitation(invitation, by=request.user),
        f"De uitnodiging voor {invitation.email} is ingetrokken.",
    )
    return redirect("themagroepen:invite", slug=themagroep.slug)


@verified_required
@require_POST
def create_join_code(request, slug):
    themagroep = managed_group(request, slug)
    form = JoinCodeForm(request.POST)
    if not form.is_valid():
        errors = "; ".join(error for field_errors in form.errors.values() for error in field_errors)
        messages.error(request, f"De inlogcode is niet aangemaakt: {errors}")
        return redirect("themagroepen:invite", slug=themagroep.slug)
    # Valid through the whole chosen day, in the platform's time zone.
    expires_at = timezone.make_aware(datetime.combine(form.cleaned_data["expires_on"], time(23, 59, 59)))
    max_uses = form.cleaned_data["max_uses"]
    _run(
        request,
        lambda: services.create_join_code(themagroep, by=request.user, expires_at=expires_at, max_uses=max_uses),
        "Nieuwe inlogcode aangemaakt.",
    )
    return redirect("themagroepen:invite", slug=themagroep.slug)


@verified_required
@require_POST
def revoke_join_code(request, slug, pk):
    themagroep = managed_group(request, slug)
    join_code = get_object_or_404(JoinCode, pk=pk, themagroep=themagroep)
    _run(
        request,
        lambda: services.revoke_join_code(join_code, by=request.user),
        f"Inlogcode {join_code.code} is ingetrokken.",
    )
    return redirect("themagroepen:invite", slug=themagroep.slug)


# --- the invitee's side -------------------------------------------------------------------------------


@verified_required
def my_invitations(request):
    return render(
        request,
        "themagroepen/my_invitations.html",
        {
            "invitations": services.pending_invitations_for(request.user),
            "breadcrumbs": [("Themagroepen", "/themagroepen/"), ("Mijn uitnodigingen", request.path)],
        },
    )


@verified_required
@require_POST
def answer_invitation(request, pk):
    # Only invitations to one of your own verified addresses exist for you.
    invitation = get_object_or_404(services.pending_invitations_for(request.user), pk=pk)
    themagroep = invitation.themagroep
    if request.POST.get("answer") == "accept":
        if _run(
            request,
            lambda: services.accept_invitation(invitation, request.user),
            f"Welkom in de themagroep {themagroep.name}.",
        ):
            return redirect(themagroep)
    else:
        _run(
            request, lambda: services.decline_invitation(invitation, request.user), "U hebt de uitnodiging afgeslagen."
        )
    return redirect("themagroepen:invitations")


@verified_required
def redeem_code(request):
    form = RedeemCodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        result = {}

        def redeem():
            result["membership"] = services.redeem_join_code(form.cleaned_data["code"], request.user)

        if _run(request, redeem, "Welkom! U bent nu lid."):
            return redirect(result["membership"].themagroep)
    return render(
        request,
        "themagroepen/redeem_code.html",
        {"form": form, "breadcrumbs": [("Themagroepen", "/themagroepen/"), ("Inlogcode gebruiken", request.path)]},
    )
