"""CMS screen for site admins: create themagroepen and set their visibility.

Members, requests, invitations and roles are managed on the group's own pages (a site admin may
manage every group there); this screen is only for the groups themselves.
"""

from wagtail import hooks
from wagtail.admin.viewsets.model import ModelViewSet

from themagroepen.models import Themagroep


class ThemagroepViewSet(ModelViewSet):
    model = Themagroep
    icon = "group"
    menu_label = "Themagroepen"
    menu_order = 250
    add_to_admin_menu = True
    form_fields = ["name", "slug", "description", "introduction", "visibility"]
    list_display = ["name", "visibility", "created_at"]
    list_filter = ["visibility"]
    search_fields = ["name", "description"]


@hooks.register("register_admin_viewset")
def register_themagroep_viewset():
    return ThemagroepViewSet("groepen")  # not "themagroepen": that URL namespace is the app's


@hooks.register("register_log_actions")
def register_audit_actions(actions):
    from themagroepen import audit

    audit.register(actions)
