from django.conf import settings


def platform(request):
    """Values every page needs: the site name and the main navigation."""
    return {
        "site_name": settings.WAGTAIL_SITE_NAME,
        "main_navigation": MAIN_NAVIGATION,
    }


# (label, path) in the order the header shows them.
MAIN_NAVIGATION = [
    ("Handreiking", "/handreiking/"),
    ("Voorbeelden", "/voorbeelden/"),
    ("Publicaties", "/publicaties/"),
    ("Themagroepen", "/themagroepen/"),
    ("Zoeken", "/zoeken/"),
]
