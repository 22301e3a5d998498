"""WebSocket routes of the themagroepen (live updates)."""

websocket_urlpatterns = []
