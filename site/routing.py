"""WebSocket routes of all apps, collected in one list for the ASGI router."""

from themagroepen.routing import websocket_urlpatterns as themagroepen_websockets

websocket_urlpatterns = [*themagroepen_websockets]
