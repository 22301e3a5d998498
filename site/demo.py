"""Demo: the home page at the root of the default site."""

from wagtail.models import Page, Site

from kennisplatform import demo_informatie
from kennisplatform.models import HomePage, InformatiePage
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


def ensure_informatie_pages(home) -> None:
    """Privacy, toegankelijkheid, contact, colofon and cookies, created once (editors own them after)."""
    for slug, title, lead, body in demo_informatie.PAGES:
        if InformatiePage.objects.child_of(home).filter(slug=slug).exists():
            continue
        page = home.add_child(instance=InformatiePage(slug=slug, title=title, lead=lead, body=body))
        page.save_revision(log_action=False).publish(log_action=False)


def load(stdout):
    ensure_informatie_pages(ensure_home_page())
    stdout.write("Startpagina en informatiepagina's klaar.")
