from django.urls import include, path

from themagroepen import membership_views as actions
from themagroepen import views

app_name = "themagroepen"
urlpatterns = [
    path("", views.group_list, name="list"),
    # Fixed paths first: these words are reserved and cannot be a group's slug.
    path("inlogcode/", actions.redeem_code, name="redeem_code"),
    path("uitnodigingen/", actions.my_invitations, name="invitations"),
    path("uitnodigingen/<int:pk>/", actions.answer_invitation, name="answer_invitation"),
    path("uitnodiging/<str:token>/", actions.accept_invitation, name="accept_invitation"),
    path("<slug:slug>/", views.group_detail, name="detail"),
    path("<slug:slug>/lid-worden/", actions.join, name="join"),
    path("<slug:slug>/verzoek-intrekken/", actions.withdraw_request, name="withdraw_request"),
    path("<slug:slug>/verlaten/", actions.leave, name="leave"),
    path("<slug:slug>/leden/", actions.member_list, name="members"),
    path("<slug:slug>/leden/<int:pk>/rol/", actions.change_role, name="change_role"),
    path("<slug:slug>/leden/<int:pk>/verwijderen/", actions.remove_member, name="remove_member"),
    path("<slug:slug>/verzoeken/", actions.request_list, name="requests"),
    path("<slug:slug>/verzoeken/<int:pk>/", actions.decide_request, name="decide_request"),
    path("<slug:slug>/uitnodigen/", actions.invitations_manage, name="invite"),
    path("<slug:slug>/uitnodigen/<int:pk>/intrekken/", actions.revoke_invitation, name="revoke_invitation"),
    path("<slug:slug>/uitnodigen/<int:pk>/opnieuw/", actions.resend_invitation, name="resend_invitation"),
    path("<slug:slug>/inlogcodes/", actions.create_join_code, name="create_join_code"),
    path("<slug:slug>/inlogcodes/<int:pk>/intrekken/", actions.revoke_join_code, name="revoke_join_code"),
    # Discussions of a group: namespace "themagroepen:discussies".
    path("<slug:slug>/discussies/", include("themagroepen.discussies.urls")),
    # The group's file library: namespace "themagroepen:bestanden".
    path("<slug:slug>/bestanden/", include("themagroepen.bestanden.urls")),
]
