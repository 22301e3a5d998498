from django.conf import settings
from django.templatetags.static import static

from kennisplatform.public_url import absolute_url


def platform(request):
    """Values every page needs: the site name, the main navigation and the sharing image."""
    return {
        "site_name": settings.WAGTAIL_SITE_NAME,
        "og_image_url": absolute_url(static(OG_IMAGE)),
        "main_navigation": MAIN_NAVIGATION,
        "footer_navigation": FOOTER_NAVIGATION,
    }


OG_IMAGE = "img/og-image.png"  # 1200 × 630, the size social sites ask for

# (label, path) in the order the header shows them.
MAIN_NAVIGATION = [
    ("Handreiking", "/handreiking/"),
    ("Voorbeelden", "/voorbeelden/"),
    ("Publicaties", "/publicaties/"),
    ("Themagroepen", "/themagroepen/"),
    ("Zoeken", "/zoeken/"),
]

# The information pages (kennisplatform.InformatiePage, slugs from demo_informatie) in the footer.
FOOTER_NAVIGATION = [
    ("Privacyverklaring", "/privacy/"),
    ("Toegankelijkheid", "/toegankelijkheid/"),
    ("Cookies", "/cookies/"),
    ("Colofon", "/colofon/"),
    ("Contact", "/contact/"),
]
