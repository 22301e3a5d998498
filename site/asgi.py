"""ASGI entry point: HTTP through Django, WebSockets through Channels (live updates)."""

import os

from django.core.asgi import get_asgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "kennisplatform.settings")
django_asgi_app = get_asgi_application()

from channels.auth import AuthMiddlewareStack  # noqa: E402  (needs Django set up)
from channels.routing import ProtocolTypeRouter, URLRouter  # noqa: E402
from channels.security.websocket import AllowedHostsOriginValidator  # noqa: E402

from kennisplatform import daphne_requests  # noqa: E402
from kennisplatform.request_limits import BoundedRequestBody  # noqa: E402
from kennisplatform.routing import websocket_urlpatterns  # noqa: E402

daphne_requests.install()  # Daphne imports this module before it listens

application = ProtocolTypeRouter(
    {
        "http": BoundedRequestBody(django_asgi_app),
        "websocket": AllowedHostsOriginValidator(AuthMiddlewareStack(URLRouter(websocket_urlpatterns))),
    }
)
