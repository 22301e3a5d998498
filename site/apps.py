from django.apps import AppConfig


class KennisplatformConfig(AppConfig):
    name = "kennisplatform"
    verbose_name = "Kennisplatform"

    def ready(self):
        from django.conf import settings
        from PIL import Image

        from kennisplatform import access

        access.register_wagtail()
        # Pillow refuses to decode images above twice this figure (and warns above it): the
        # same bound as our upload check and Wagtail's, so no code path decodes a pixel bomb.
        Image.MAX_IMAGE_PIXELS = settings.MAX_IMAGE_PIXELS
