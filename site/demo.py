"""Demo: the home page at the root of the default site."""

from wagtail.models import Page, Site

from kennisplatform.models import HomePage
from kennisplatform.public_url import site_address, sync_site

HOME_TITLE = "Kennisplatform Leegstand"
HOME_LEAD = (
    "Kennis en praktijkervaring van gemeenten over leegstand, herbestemming en transformatie "
    "van kantoren, winkels en erfgoed — op één plek."
)


def ensure_home_page() -> HomePage:
    """The one HomePage, set as root of the default Site (replacing Wagtail's welcome page).

    The Site gets the address of ``SITE_URL``, also when it already existed with another one.
    """
    home = HomePage.objects.first()
    if home is None:
        root = Page.get_first_root_node()
        home = root.add_child(instance=HomePage(title=HOME_TITLE, slug="start", lead=HOME_LEAD))
    site = Site.objects.filter(is_default_site=True).first()
    if site is None:
        hostname, port = site_address()
        Site.objects.create(hostname=hostname, port=port, root_page=home, is_default_site=True, site_name=HOME_TITLE)
    else:
        sync_site(site)
        if site.root_page_id != home.pk:
            site.root_page = home
            site.site_name = HOME_TITLE
            site.save()
    # Wagtail's initial "Welcome" page is no longer reachable; remove it once.
    Page.objects.filter(depth=2, content_type__model="page", slug="home").delete()
    return home


def load(stdout):
    ensure_home_page()
    stdout.write("Startpagina klaar.")
