"""The site's public address. ``SITE_URL`` is the one source: the Wagtail Site record follows it
(so page URLs, canonical links, ``og:url``, the sitemap and feeds carry it), and links built
outside Wagtail's page tree (feeds' own links, iCal, e-mail) prefix it directly.
"""

from urllib.parse import urlsplit

from django.conf import settings


def site_address() -> tuple[str, int]:
    """The (hostname, port) of ``SITE_URL``, as a Wagtail Site record stores them."""
    parts = urlsplit(settings.SITE_URL)
    return parts.hostname or "localhost", parts.port or (443 if parts.scheme == "https" else 80)


def absolute_url(path: str) -> str:
    return settings.SITE_URL + path


def sync_site(site) -> bool:
    """Give ``site`` the configured address; True when it had another one."""
    hostname, port = site_address()
    if (site.hostname, site.port) == (hostname, port):
        return False
    site.hostname, site.port = hostname, port
    site.save(update_fields=["hostname", "port"])
    return True


def sync_default_site(**kwargs) -> None:
    """After ``migrate``: an existing database (made with ``localhost:80``) gets the configured address."""
    from wagtail.models import Site

    site = Site.objects.filter(is_default_site=True).first()
    if site is not None:
        sync_site(site)
