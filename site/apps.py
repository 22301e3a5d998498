from django.apps import AppConfig


class KennisplatformConfig(AppConfig):
    name = "kennisplatform"
    verbose_name = "Kennisplatform"

    def ready(self):
        from django.conf import settings
        from django.db.models.signals import post_migrate
        from PIL import Image

        from kennisplatform import access, page_cache
        from kennisplatform.public_url import sync_default_site

        access.register_wagtail()
        page_cache.connect_signals()
        post_migrate.connect(sync_default_site, sender=self)
        # Pillow refuses to decode images above twice this figure (and warns above it): the
        # same bound as our upload check and Wagtail's, so no code path decodes a pixel bomb.
        Image.MAX_IMAGE_PIXELS = settings.MAX_IMAGE_PIXELS
