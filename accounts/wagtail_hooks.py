"""CMS screens for site admins: organisations and their known e-mail domains."""

from wagtail import hooks
from wagtail.admin.viewsets.base import ViewSetGroup
from wagtail.admin.viewsets.model import ModelViewSet

from accounts.models import Organisation, OrganisationDomain


class OrganisationViewSet(ModelViewSet):
    model = Organisation
    icon = "group"
    menu_label = "Organisaties"
    form_fields = ["name", "kind", "gemeente", "provincie"]
    list_display = ["name", "kind"]
    list_filter = ["kind"]
    search_fields = ["name"]


class OrganisationDomainViewSet(ModelViewSet):
    model = OrganisationDomain
    icon = "mail"
    menu_label = "E-maildomeinen"
    form_fields = ["domain", "organisation"]
    list_display = ["domain", "organisation"]
    search_fields = ["domain", "organisation__name"]


class OrganisationGroup(ViewSetGroup):
    menu_label = "Organisaties"
    menu_icon = "group"
    items = (OrganisationViewSet("organisaties"), OrganisationDomainViewSet("e-maildomeinen"))


@hooks.register("register_admin_viewset")
def register_organisation_viewsets():
    return OrganisationGroup()
