"""Group listing and group page: what a person may see, and their membership state."""

from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404, render

from kennisplatform import access
from kennisplatform.breadcrumbs import trail
from themagroepen.models import Invitation, InvitationState, JoinRequest, Membership, RequestState, Role, Themagroep
from themagroepen.permissions import can_manage, can_read_content
from themagroepen.services import pending_invitations_for, verified_emails

# Sections other apps contribute to the group page, in this order. Discussions are for members
# only; the meetings section filters per reader itself (non-members see the public announcements).
MEMBER_SECTION_TEMPLATES = ["themagroepen/discussies/_group_topics.html", "themagroepen/bestanden/_group_files.html"]
READER_SECTION_TEMPLATES = ["bijeenkomsten/_group_upcoming.html"]


def readable_group(request, slug) -> Themagroep:
    """The group, or 404 for anyone who may not know it exists (verborgen, non-member)."""
    themagroep = get_object_or_404(Themagroep, slug=slug)
    access.check_can_read(request.user, themagroep)
    return themagroep


class ForMembersOnly(PermissionDenied):
    """Group content for someone who may know the group but not read its content (an outsider,
    or a former member following an old link): a 403 page that says so and how to join."""

    def __init__(self, themagroep):
        super().__init__("Alleen voor leden van deze themagroep.")
        self.themagroep = themagroep

    def render(self, request):
        context = {
            "themagroep": self.themagroep,
            "is_member": False,
            "is_verified": access.is_verified(request.user),
            "breadcrumbs": trail(request.user, GROUPS, self.themagroep, ("Alleen voor leden", "")),
            **membership_state(request.user, self.themagroep),
        }
        return render(request, "themagroepen/for_members_only.html", context, status=403)


def refuse_outsider(request, themagroep):
    """Raise for group content that is absent or unreadable: 404 for members (it is simply not
    there), for visitors not signed in and for whoever may not know the group (verborgen); the
    members-only explanation for everyone else."""
    user = request.user
    if user.is_authenticated and access.can_read(user, themagroep) and not can_read_content(user, themagroep):
        raise ForMembersOnly(themagroep)
    raise Http404


def member_group(request, slug) -> Themagroep:
    """The group for its members; for everyone else ``refuse_outsider``, as for all group content."""
    themagroep = readable_group(request, slug)
    if not can_read_content(request.user, themagroep):
        refuse_outsider(request, themagroep)
    return themagroep


def managed_group(request, slug) -> Themagroep:
    """Members who are not beheerder get 403: they know the group, but may not manage it."""
    themagroep = member_group(request, slug)
    if not can_manage(request.user, themagroep):
        raise PermissionDenied("Alleen voor beheerders van deze themagroep.")
    return themagroep


# The first step of every group page's breadcrumb trail (kennisplatform.breadcrumbs.trail).
GROUPS = ("Themagroepen", "/themagroepen/")


def membership_state(user, themagroep) -> dict:
    """What the person is to this group: member (with role), requested, invited, or nothing."""
    state = {"membership": None, "pending_request": None, "invitation": None}
    if not getattr(user, "is_authenticated", False):
        return state
    state["membership"] = Membership.objects.filter(themagroep=themagroep, user=user).first()
    if state["membership"] is None:
        state["pending_request"] = JoinRequest.objects.filter(
            themagroep=themagroep, user=user, state=RequestState.PENDING
        ).first()
        state["invitation"] = pending_invitations_for(user).filter(themagroep=themagroep).first()
    return state


def group_list(request):
    themagroepen = list(access.filter_readable(Themagroep.objects.all(), request.user))
    user = request.user
    roles, requested, invited = {}, set(), set()
    if user.is_authenticated:
        roles = dict(Membership.objects.filter(user=user).values_list("themagroep_id", "role"))
        requested = set(
            JoinRequest.objects.filter(user=user, state=RequestState.PENDING).values_list("themagroep_id", flat=True)
        )
        invited = set(
            Invitation.objects.filter(state=InvitationState.PENDING, email__in=verified_emails(user)).values_list(
                "themagroep_id", flat=True
            )
        )
    rows = []
    for themagroep in themagroepen:
        if themagroep.pk in roles:
            label = "U bent beheerder" if roles[themagroep.pk] == Role.BEHEERDER else "U bent lid"
        elif themagroep.pk in invited:
            label = "U bent uitgenodigd"
        elif themagroep.pk in requested:
            label = "Verzoek in behandeling"
        else:
            label = ""
        rows.append({"themagroep": themagroep, "state": label})
    return render(
        request,
        "themagroepen/themagroep_list.html",
        {"rows": rows, "breadcrumbs": [("Themagroepen", request.path)]},
    )


def group_detail(request, slug):
    themagroep = readable_group(request, slug)
    member = can_read_content(request.user, themagroep)
    manager = member and can_manage(request.user, themagroep)
    context = {
        "themagroep": themagroep,
        "is_member": member,
        "can_manage": manager,
        "is_verified": access.is_verified(request.user),
        "member_count": Membership.objects.filter(themagroep=themagroep).count(),
        "group_sections": (MEMBER_SECTION_TEMPLATES if member else []) + READER_SECTION_TEMPLATES,
        "breadcrumbs": trail(request.user, GROUPS, themagroep),
        **membership_state(request.user, themagroep),
    }
    if manager:
        context["pending_request_count"] = JoinRequest.objects.filter(
            themagroep=themagroep, state=RequestState.PENDING
        ).count()
    return render(request, "themagroepen/themagroep_detail.html", context)
